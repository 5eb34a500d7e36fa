"""Helpers the hooks share. Nothing here handles a MkDocs event; the hook modules listed under
`hooks:` in mkdocs.yml import from here and never from each other."""
