"""What the hooks know about a page beyond MkDocs' own File: where it really lives, how a
contributor names it, the text it was read from, and whether it is shown in another language.

mount_translations.py records these on each page's File when it reads the page; the other hooks
only ask through the functions here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils.templates import TemplateContext


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: the repository root."""
    return Path(config.config_file_path).resolve().parent


def remember_source(file: File, shown_as: str, text: str, *, mounted: bool) -> None:
    """Note on the File how it was read (mount_translations.on_page_read_source calls this)."""
    file.display_path = shown_as  # type: ignore[attr-defined]
    file.checked_source = text  # type: ignore[attr-defined]
    if mounted:
        file.mounted_from = shown_as  # type: ignore[attr-defined]


def real_source_path(file: File) -> str | None:
    """The repository path (hi/rates.md) behind a mounted page, None for docs/ pages."""
    return getattr(file, "mounted_from", None)


def display_path(file: File) -> str:
    """The path a contributor knows a page by (docs/rates.md, hi/rates.md), once it is read."""
    return getattr(file, "display_path", None) or file.src_uri


def checked_source(file: File) -> str:
    """The page's text as read and checked by on_page_read_source (front matter included)."""
    return getattr(file, "checked_source", "")


def is_fallback(file: File, language: str) -> bool:
    """True for a page shown in a language build but written in another language."""
    locale = getattr(file, "locale", None)
    return locale is not None and locale != language


def add_to_context(context: TemplateContext, **values: Any) -> TemplateContext:
    """Our own template variables beside MkDocs' (its TypedDict names only its own keys)."""
    cast(dict[str, Any], context).update(values)
    return context
