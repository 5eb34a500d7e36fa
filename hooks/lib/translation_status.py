"""Which translations are up to date, outdated or missing: pure functions over the files.

A translation records the English text it was made from as `source_hash` in its front matter
(the first 12 hex digits of the SHA-256 of the English file). It is up to date while that hash
matches the English file, outdated once the English file changes, and outdated too when it has
no usable hash, because then nobody knows which English text it follows. The hash needs no git
history, so the answer is the same in a shallow clone, in GitHub Actions and on a laptop.

Used by the status page hook (translation_status_page.py) and by `python -m tools.translations`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from lib.page_sources import decode_page, front_matter, front_matter_span, source_files

HASH_KEY = "source_hash"
HASH_LENGTH = 12
HASH_PATTERN = re.compile(rf"[0-9a-f]{{{HASH_LENGTH}}}")
STAMP_COMMAND = "python -m tools.translations stamp"
# The status page lists every other page; it is left out of its own table.
STATUS_PAGE = "translations.md"


class State(StrEnum):
    """A translation's state; the values are the words the English status page shows."""

    UP_TO_DATE = "up to date"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True)
class Translation:
    """One page in one language: `page` is relative to docs/ (rates.md), `language` is hi."""

    page: str
    language: str
    state: State
    # Outdated because it was never stamped (no usable source_hash) rather than because the
    # English page changed: the fix is to check it and stamp it.
    unstamped: bool = False

    @property
    def path(self) -> str:
        """The translation's repository path, e.g. hi/rates.md."""
        return f"{self.language}/{self.page}"


def source_hash(english: bytes) -> str:
    """The hash a translation records: SHA-256 of the English text after NFC and LF, 12 hex.

    A leading BOM, CRLF line ends and decomposed letters change the bytes but not the text a
    reader sees, so re-saving the English file in another editor does not mark every
    translation outdated.
    """
    text = english.decode("utf-8-sig", errors="surrogateescape")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8", errors="surrogateescape")).hexdigest()[:HASH_LENGTH]


def recorded_hash(meta: Mapping[str, Any] | None) -> str | None:
    """The source_hash a translation's front matter records, None when absent or malformed."""
    value = (meta or {}).get(HASH_KEY)
    if isinstance(value, str) and HASH_PATTERN.fullmatch(value.strip()):
        return value.strip()
    return None


def translation_state(english: bytes, meta: Mapping[str, Any] | None) -> State:
    """State of a translation of `english` whose front matter is `meta` (None: no such file)."""
    if meta is None:
        return State.MISSING
    if recorded_hash(meta) == source_hash(english):
        return State.UP_TO_DATE
    return State.OUTDATED


def is_unstamped(meta: Mapping[str, Any] | None) -> bool:
    """True for an existing translation without a usable source_hash (its base is unknown)."""
    return meta is not None and recorded_hash(meta) is None


def english_pages(docs_dir: Path) -> list[str]:
    """Every Markdown page under docs_dir (relative, POSIX), sorted, the status page left out."""
    return [
        page.as_posix() for page in source_files(docs_dir, ".md") if page.as_posix() != STATUS_PAGE
    ]


def read_translation_meta(path: Path, shown_as: str) -> dict[str, Any]:
    """Front matter of a translation file; PageSourceError names the file and line."""
    return front_matter(decode_page(path.read_bytes(), shown_as), shown_as)


def _fingerprint(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Each Markdown file under the folders with its modification time and size."""
    return tuple(
        (f"{folder}/{rel}", stat.st_mtime_ns, stat.st_size)
        for folder in folders
        for rel in source_files(folder, ".md")
        if (stat := (folder / rel).stat())
    )


_collected: dict[tuple[Any, ...], list[Translation]] = {}


def collect_status_once(
    root: Path, languages: Iterable[str], docs_dir: str = "docs"
) -> list[Translation]:
    """collect_status, read again only when a page changed: every status page of every language
    build (and each `mkdocs serve` rebuild) shares one reading of the translations."""
    languages = tuple(languages)
    folders = [root / docs_dir, *(root / language for language in languages)]
    key = (root, languages, docs_dir, _fingerprint(folders))
    if key not in _collected:
        _collected.clear()
        _collected[key] = collect_status(root, languages, docs_dir)
    return _collected[key]


def collect_status(
    root: Path, languages: Iterable[str], docs_dir: str = "docs"
) -> list[Translation]:
    """Every English page x language under a project root, in language then page order."""
    docs = root / docs_dir
    pages = english_pages(docs)
    english = {page: (docs / page).read_bytes() for page in pages}
    result = []
    for language in languages:
        for page in pages:
            target = root / language / page
            meta = read_translation_meta(target, f"{language}/{page}") if target.is_file() else None
            state = translation_state(english[page], meta)
            result.append(Translation(page, language, state, is_unstamped(meta)))
    return result


def orphaned_translations(
    root: Path, languages: Iterable[str], docs_dir: str = "docs"
) -> list[str]:
    """Translation pages (hi/old.md) whose English page no longer exists: moved or deleted."""
    docs = root / docs_dir
    orphans = []
    for language in languages:
        for rel in source_files(root / language, ".md"):
            if rel.as_posix() != STATUS_PAGE and not (docs / rel).is_file():
                orphans.append(f"{language}/{rel.as_posix()}")
    return orphans


def _hash_value(digest: str) -> str:
    """The digest as YAML that reads back as the same string (all digits would be a number)."""
    return digest if yaml.safe_load(digest) == digest else f'"{digest}"'


def with_source_hash(text: str, digest: str) -> str:
    """The page text with `source_hash: <digest>` set in its front matter, the rest unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"{HASH_KEY}: {_hash_value(digest)}"
    span = front_matter_span(text)
    if span is None:
        return f"---{newline}{line}{newline}---{newline}{newline}{text}"
    start, end = span
    block = text[start:end]
    existing = re.compile(rf"^{HASH_KEY}[ \t]*:[^\r\n]*", re.MULTILINE)
    if existing.search(block):
        block = existing.sub(lambda _: line, block, count=1)
    else:
        block += line + newline
    return text[:start] + block + text[end:]
