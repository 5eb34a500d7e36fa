"""Links in every language, checked with the file and line a contributor needs.

MkDocs warns about a broken link without a line number, and not at all about an http:// or
javascript: link. This hook reads each page's Markdown before it is rendered (so data blocks,
which are checked by the data schema, are not involved) and fails the language's build with
every problem in every page.
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

from lib.page_sources import front_matter_lines
from lib.pages import checked_source, display_path
from lib.problems import Collector

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGETS = [
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](target) and ![alt](target)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),  # [ref]: target
    re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']"""),  # raw HTML
    re.compile(r"<((?:https?|javascript|data|vbscript|ftp):[^>\s]+)>", re.I),  # <autolink>
]
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"https", "mailto", "tel"}


class LinkError(PluginError):
    """Broken or unsafe links; the message lists every one."""


@dataclass(frozen=True)
class Link:
    line: int
    target: str


def _blank_out(match: re.Match[str]) -> str:
    """Replace code with spaces of the same shape so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match[0])


def find_links(markdown: str) -> list[Link]:
    """Every link target in a page's Markdown with its 1-based line, code excluded."""
    text = INLINE_CODE.sub(_blank_out, FENCED_CODE.sub(_blank_out, markdown))
    found = {
        (text.count("\n", 0, match.start(1)) + 1, match[1])
        for pattern in LINK_TARGETS
        for match in pattern.finditer(text)
    }
    return [Link(line, target) for line, target in sorted(found)]


def link_problem(target: str, page_src_uri: str, files: Files) -> str | None:
    """Why this link would fail the reader, with the fix; None if it is fine."""
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


_problems = Collector(LinkError, "link problem", "in pages")


@event_priority(20)  # before data blocks replace markers: only what contributors wrote
def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    offset = front_matter_lines(checked_source(page.file), markdown)
    for link in find_links(markdown):
        problem = link_problem(link.target, page.file.src_uri, files)
        if problem:
            _problems.add(display_path(page.file), link.line + offset, problem)
    return markdown


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """All pages are read by now: report every problem of this language build at once."""
    _problems.raise_if_any()
    return env
