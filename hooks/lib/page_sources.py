"""Read a Markdown page the way a contributor expects: clear errors instead of tracebacks.

MkDocs raises a bare UnicodeDecodeError on a page that is not UTF-8 and silently ignores front
matter it cannot parse (the page then loses its description without a word). Both are common
slips when a page is saved by a word processor or a key is mistyped, so they fail the build here
with the file, the line and the fix.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

FRONT_MATTER_OPEN = re.compile(r"\A-{3}[ \t]*\r?\n")
FRONT_MATTER_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*\r?$", re.MULTILINE)


class PageSourceError(PluginError):
    """A page whose bytes or front matter cannot be read."""


def decode_page(raw: bytes, shown_as: str) -> str:
    """UTF-8 text of a page (a leading BOM dropped), or an error naming the line of the bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.start + 1].hex()
        raise PageSourceError(
            f"{shown_as}:{line}: the file is not valid UTF-8 (byte 0x{bad}): "
            "save it again with the encoding UTF-8 in your editor."
        ) from None
    # One spelling for each letter (NFC): a word typed as য় U+09DF and one stored as য + ় must
    # be the same word for search, links and the glossary checks. NFC never changes what is shown.
    return unicodedata.normalize("NFC", text)


def front_matter_span(text: str) -> tuple[int, int] | None:
    """Start and end of the front matter's YAML block (between the --- lines), if any."""
    if not FRONT_MATTER_OPEN.match(text):
        return None
    start = text.index("\n") + 1
    close = FRONT_MATTER_CLOSE.search(text, start)
    return (start, close.start()) if close else None


def front_matter(text: str, shown_as: str) -> dict[str, Any]:
    """The page's front matter as a mapping ({} without one); MkDocs would silently drop what
    fails here, so each problem is a PageSourceError naming `shown_as` and the line."""
    if not FRONT_MATTER_OPEN.match(text):
        return {}
    span = front_matter_span(text)
    if span is None:
        raise PageSourceError(
            f"{shown_as}:1: front matter starts with --- but is never closed: "
            "add a line with only --- after its last key."
        )
    block = text[span[0] : span[1]]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PageSourceError(
            f"{shown_as}:{line}: front matter is not valid YAML ({problem}): "
            "write each entry as `key: value`; quote values that contain a colon."
        ) from None
    if data is not None and not isinstance(data, dict):
        raise PageSourceError(
            f"{shown_as}:2: front matter must be `key: value` lines, got {type(data).__name__}: "
            "write each entry as `key: value`."
        )
    return data or {}


def read_page_source(path: str, shown_as: str) -> str:
    """The checked text of the page file at `path`; errors name it as `shown_as`."""
    text = decode_page(Path(path).read_bytes(), shown_as)
    front_matter(text, shown_as)
    return text


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of the source file come before the Markdown MkDocs hands to hooks."""
    position = source.find(markdown.lstrip()[:200]) if markdown.strip() else -1
    return source.count("\n", 0, position) if position > 0 else 0


def source_files(folder: Path, suffix: str | None = None) -> list[PurePosixPath]:
    """Every file under `folder` (only `suffix` files when given), relative to it, sorted.

    The one walker over the page folders (docs/, hi/, bn/): hidden files and folders (.git,
    .DS_Store, editor swap files) are never part of the site.
    """
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if suffix is None or path.suffix == suffix:
            found.append(PurePosixPath(rel.as_posix()))
    return sorted(found)
