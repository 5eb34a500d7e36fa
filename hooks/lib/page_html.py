"""The raw HTML a page's Markdown may hold, and every address it names.

The guide needs a little HTML in pages (a `<div markdown>` around cards, a `<br>`), never markup
that runs, loads or sends anything: a Content-Security-Policy stops scripts, but not a
`<meta http-equiv="refresh">` that sends every reader to another site, a `<form>` that posts
elsewhere, or an image from a third party that tells it who reads the page. Attributes are read
as a browser reads them: any case, quoted or not, entities decoded (html.parser does that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that run code, load another document, send data or change where the page is.
FORBIDDEN = {
    "script": "scripts come only from the site's own files (overrides/assets/javascripts/)",
    "iframe": "embed nothing; link to the page instead",
    "frame": "embed nothing; link to the page instead",
    "object": "embed nothing; link to the file instead",
    "embed": "embed nothing; link to the file instead",
    "applet": "embed nothing; link to the file instead",
    "form": "a page asks for nothing; interactive tools are data blocks (<!-- guide:… -->)",
    "meta": "page metadata goes in the front matter (description:)",
    "base": "links are relative to the page: remove it",
    "link": "stylesheets go in docs/assets/stylesheets/ and mkdocs.yml",
    "style": "styles go in docs/assets/stylesheets/guide.css",
}
# Attributes that hold addresses (srcset: several, with sizes); and those the browser fetches
# without a click, which must never leave the site.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background"}
LOADED = {"src", "srcset", "poster", "data", "background"}
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";\s]+)", re.I)


@dataclass(frozen=True)
class Address:
    line: int
    target: str
    loaded: bool  # fetched when the page opens (an image), not followed on a click


class PageHtml(HTMLParser):
    """Collects, from Markdown text, the raw HTML problems and the addresses in attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []  # (line, message with its fix)
        self.addresses: list[Address] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in FORBIDDEN:
            self.problems.append((line, f"<{tag}> is not allowed in pages: {FORBIDDEN[tag]}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(
                    (line, f"the attribute {name}= runs a script, which pages may not: remove it")
                )
            elif name in URL_ATTRIBUTES and value:
                # srcset lists "address size" pairs, separated by commas
                targets = [p.split()[0] for p in value.split(",") if p.split()]
                for target in targets if name == "srcset" else [value.strip()]:
                    self.addresses.append(Address(line, target, name in LOADED))
            elif name == "content" and tag == "meta" and (found := REFRESH_URL.search(value or "")):
                self.addresses.append(Address(line, found[1], False))

    handle_startendtag = handle_starttag


def read_page_html(markdown: str) -> PageHtml:
    """Parse the raw HTML of Markdown text whose code has been blanked out."""
    parser = PageHtml()
    if "<" not in markdown:  # most pages hold no HTML at all: nothing to parse
        return parser
    parser.feed(markdown)
    parser.close()
    return parser
