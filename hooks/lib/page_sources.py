"""Read a Markdown page the way a contributor expects: clear errors instead of tracebacks, and
nothing changed or dropped without a word.

MkDocs raises a bare UnicodeDecodeError on a page that is not UTF-8, silently ignores front
matter it cannot parse, misses front matter saved with Windows line ends (CRLF), and reads a
first line such as "Fiverr: 20% of…" as MultiMarkdown metadata. Each of these fails or is made
plain here: pages read the same whatever editor saved them, front matter is only the `---`
block, and the build stops with the file, the line and the fix for bytes that are not text
(NUL, other control characters, bidi overrides), broken front matter, an empty page, or a page
so large or so full of `[` that Python-Markdown would take minutes over it.
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
# Characters a page never needs: C0/C1 controls other than tab and line ends, and the bidi
# controls that can make text read differently from what it says ("Trojan source").
# ZWJ and ZWNJ stay: Hindi and Bengali spelling uses them.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Bounds that keep one page from stalling the build: the largest page today is 30 KB, and
# Python-Markdown's link pattern takes seconds once a page holds thousands of `[`.
MAX_PAGE_BYTES = 256 * 1024
MAX_BRACKETS = 2000
# MkDocs reads front matter only from a `---` block; a page without one is read as if it had an
# empty one, so nothing on its first lines is ever taken for MultiMarkdown metadata.
EMPTY_FRONT_MATTER = "---\n{}\n---\n"
# libyaml's loader where it is installed (ten times faster; the same safe subset of YAML).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    # One kind of line end: Windows editors save CRLF, which MkDocs' front matter reader misses.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if found := NOT_TEXT.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise PageSourceError(
            f"{shown_as}:{line}: the character U+{ord(found[0]):04X} "
            f"({unicodedata.name(found[0], 'a control character')}) is not text: delete it "
            "(your editor may show it as a box or not at all)."
        )
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
        data = yaml.load(block, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        data = _explain(block, shown_as)
    if data is not None and not isinstance(data, dict):
        raise PageSourceError(
            f"{shown_as}:2: front matter must be `key: value` lines, got {type(data).__name__}: "
            "write each entry as `key: value`."
        )
    return data or {}


def _explain(block: str, shown_as: str) -> Any:
    """The error for front matter libyaml refused, in the words of the pure-Python parser (the
    same for every contributor, whichever of the two their PyYAML has)."""
    try:
        return yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PageSourceError(
            f"{shown_as}:{line}: front matter is not valid YAML ({problem}): "
            "write each entry as `key: value`; quote values that contain a colon."
        ) from None


def read_page_source(path: str, shown_as: str, *, translation: bool = False) -> str:
    """The checked text of the page file at `path` (LF line ends, NFC); errors name it as
    `shown_as`."""
    raw = Path(path).read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        raise PageSourceError(
            f"{shown_as}: the page is {len(raw) // 1024} KiB, more than the "
            f"{MAX_PAGE_BYTES // 1024} KiB a page may have: split it into several pages."
        )
    text = decode_page(raw, shown_as)
    front_matter(text, shown_as)
    span = front_matter_span(text)
    rest = text[span[1] :] if span else "\n" + text
    if not rest.partition("\n")[2].strip():
        fix = (
            "translate it, or delete the file so that the English page is shown with a banner"
            if translation
            else "write it, or delete the file and its entry in the nav of mkdocs.yml"
        )
        raise PageSourceError(f"{shown_as}:1: the page has no text: {fix}.")
    if text.count("[") > MAX_BRACKETS:
        line = text.count("\n", 0, _nth(text, "[", MAX_BRACKETS + 1)) + 1
        raise PageSourceError(
            f"{shown_as}:{line}: the page holds more than {MAX_BRACKETS} `[`, which makes the "
            "build crawl: remove the stray brackets, or split the page."
        )
    return text


def for_mkdocs(text: str) -> str:
    """The checked text as MkDocs must get it: with a `---` block first, so that MkDocs never
    guesses MultiMarkdown metadata from the page's first lines."""
    return text if FRONT_MATTER_OPEN.match(text) else EMPTY_FRONT_MATTER + text


def _nth(text: str, char: str, n: int) -> int:
    """The position of the n-th `char` in text."""
    position = -1
    for _ in range(n):
        position = text.index(char, position + 1)
    return position


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
