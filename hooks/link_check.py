"""Links and raw HTML in every language, checked with the file and line a contributor needs.

MkDocs warns about a broken link without a line number, and not at all about an http:// or
javascript: link, an image loaded from another site, or raw HTML that redirects the reader or
posts a form. This hook reads each page's Markdown before it is rendered (so data blocks, which
are checked by the data schema, are not involved) and fails the language's build with every
problem in every page. What raw HTML may hold is decided in lib/page_html.py.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from lib.page_html import read_page_html
from lib.page_sources import front_matter_lines
from lib.pages import checked_source, display_path
from lib.problems import Collector

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGETS = [
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](target) and ![alt](target)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),  # [ref]: target
    re.compile(r"<((?:https?|javascript|data|vbscript|ftp):[^>\s]+)>", re.I),  # <autolink>
]
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")  # ![alt](target): loaded with the page
IMAGE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")  # ![alt][ref], ![ref]
DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
ELSEWHERE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"https", "mailto", "tel"}


class LinkError(PluginError):
    """Broken or unsafe links; the message lists every one."""


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    loaded: bool = False  # fetched when the page opens (an image), not on a click


def _blank_out(match: re.Match[str]) -> str:
    """Replace code with spaces of the same shape so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match[0])


def without_code(markdown: str) -> str:
    """The Markdown with code blanked out (same lines): what is in code is shown, not used."""
    return INLINE_CODE.sub(_blank_out, FENCED_CODE.sub(_blank_out, markdown))


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def find_links(markdown: str) -> list[Link]:
    """Every address in a page's Markdown and raw HTML with its 1-based line, code excluded;
    images (Markdown or HTML) are marked as loaded."""
    text = without_code(markdown)
    found = {
        (_line(text, match.start(1)), match[1], False)
        for pattern in LINK_TARGETS
        for match in pattern.finditer(text)
    }
    found |= {(_line(text, m.start(1)), m[1], True) for m in IMAGE.finditer(text)}
    definitions = {m[1].lower(): m[2] for m in DEFINITION.finditer(text)}
    for match in IMAGE_REFERENCE.finditer(text):
        target = definitions.get((match[2] or match[1]).lower())
        if target and not text.startswith("(", match.end()):
            found.add((_line(text, match.start()), target, True))
    found |= {(a.line, a.target, a.loaded) for a in read_page_html(text).addresses}
    return [Link(line, target, loaded) for line, target, loaded in sorted(found)]


def html_problems(markdown: str) -> list[tuple[int, str]]:
    """(line, message) for each piece of raw HTML a page may not hold, code excluded."""
    return read_page_html(without_code(markdown)).problems


def link_problem(
    target: str, page_src_uri: str, files: Files, *, loaded: bool = False
) -> str | None:
    """Why this link would fail the reader, with the fix; None if it is fine."""
    if loaded and ELSEWHERE.match(target):
        return (
            f"{target!r} would be loaded from another site whenever the page opens, and the "
            "site makes no third-party request: save the file in docs/assets/ and link to it"
        )
    scheme = SCHEME.match(target)
    if scheme:
        name = scheme[1].lower()
        if name == "http":
            return f"link {target!r} is not https: use {'https' + target[4:]!r}"
        if name not in SAFE_SCHEMES:
            return f"link {target!r} uses {name}: which is not allowed: link to an https:// page"
        return None
    if target.startswith("//"):
        return f"link {target!r} has no scheme: write it as https:{target}"
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:  # a link to an anchor on the same page
        return None
    if path.startswith("/"):
        return f"link {target!r} is absolute: link to the .md file relative to this page"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), path))
    if files.get_file_from_path(resolved) is None:
        return f"link {target!r} leads to no page or file: check the file name"
    return None


_links = Collector(LinkError, "link problem", "in pages")
_html = Collector(LinkError, "raw HTML problem", "in pages")


@event_priority(20)  # before data blocks replace markers: only what contributors wrote
def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    offset = front_matter_lines(checked_source(page.file), markdown)
    shown_as = display_path(page.file)
    for link in find_links(markdown):
        problem = link_problem(link.target, page.file.src_uri, files, loaded=link.loaded)
        if problem:
            _links.add(shown_as, link.line + offset, problem)
    for line, problem in html_problems(markdown):
        _html.add(shown_as, line + offset, problem)
    return markdown


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """All pages are read by now: report every problem of this language build at once."""
    reports = []
    for collector in (_links, _html):
        try:
            collector.raise_if_any()
        except LinkError as error:
            reports.append(str(error))
    if reports:
        raise LinkError("\n".join(reports))
    return env
