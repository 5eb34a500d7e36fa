"""A language's search index as small files the search worker fetches only when a query needs them.

What a reader downloads must not grow with the guide (issue 16: ten times the pages may cost at
most 1.5 times the bytes of a first query), so nothing is fetched whole, the way Pagefind does it:

- `index.<lang>.json`, the entry, fetched on the first query: the pages (address without the
  language folder, and title), the first word of each vocabulary shard and of
  each key shard, the rules for phonetic keys and word endings, the glossary's synonyms.
- `w-<digest>.json`, vocabulary shards: a run of the sorted vocabulary (front-coded, as in
  search_text) with, for each word, the pages that have it, whether in a title, and in which of
  the page's passages; which words are forms of which (search_forms); how pages write a word
  when that is not its normalized form. A query fetches the shard of each of its words.
- `k-<digest>.json`, phonetic key shards (search_keys): each key with the words that have it and
  their pages. Only a query in Latin letters on /hi/ or /bn/ fetches one.
- `p-<digest>-<page>-<n>.json`, passages (page and part numbered in base 36; one digest for
  all of them, so that the entry names no file per page): a page's text cut at sentences into
  parts of about PART_CHARS letters, with the title and address of each section in it. The
  worker fetches one part for each result it shows, to quote the passage around the match.
- `manifest.json`: every file above, for a downloader that keeps search working offline (it is
  never fetched by the worker).

Every name but the entry's and the manifest's carries a digest of its content, so a cached file
is never mistaken for a newer one; all of them live in the language's own search/ folder.

Postings are strings: for each page that has the word, the page's number in base 36 (`width`
digits), one digit of flags (1: in the page title, 2: in a section title, 4: in the navigation
above the page) and up to MAX_PARTS passage numbers, one base-36 digit each; pages are
separated by commas.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.search_forms import group_forms, suffix_table
from lib.search_keys import KEY_RULES, PREFIX_KEY, word_keys
from lib.search_text import (
    INVISIBLE,
    _base36,
    _front_code,
    html_to_text,
    normalize,
    written_words,
)

FORMAT = 2  # the worker refuses an entry of another format
PART_CHARS = 700  # letters of text per passage file, about 0.7 KiB gzipped in Hindi or Bengali
MAX_PART_COUNT = 36  # one base-36 digit: a longer page gets longer parts
MAX_PARTS = 6  # passages listed per word and page: the first ones
SHARD_BYTES = 9000  # UTF-8 bytes of a shard before gzip, about 3 KiB gzipped

TITLE, SECTION_TITLE, NAV = 1, 2, 4
_SENTENCE_END = re.compile(r"(?<=[.!?।॥:;])\s+")


@dataclass
class Page:
    """A page as search sees it: its sections (Material's parser: location, title, text; the
    page itself first) and the titles of the navigation sections above it."""

    location: str
    title: str
    sections: list[dict[str, str]] = field(default_factory=list)
    nav: list[str] = field(default_factory=list)


def pages_from_sections(
    sections: Iterable[Mapping[str, str]], nav: Mapping[str, Sequence[str]] | None = None
) -> list[Page]:
    """Material's flat list of sections, grouped by page (a page's own entry comes first)."""
    pages: dict[str, Page] = {}
    for section in sections:
        location = section["location"]
        address = location.split("#", 1)[0]
        entry = {
            "location": location,
            "title": html_to_text(section.get("title", "")),
            "text": html_to_text(section.get("text", "")),
        }
        page = pages.get(address)
        if page is None:
            page = pages[address] = Page(
                address, entry["title"], nav=list((nav or {}).get(address, ()))
            )
        page.sections.append(entry)
    return list(pages.values())


@dataclass
class _Postings:
    flags: int = 0
    parts: list[int] = field(default_factory=list)


def _sentences(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` letters, at sentence ends where it can."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if sentence:
            pieces.append(sentence)
    return pieces


def split_parts(page: Page) -> list[list[list[str]]]:
    """The page's passages: parts of about PART_CHARS letters (more on a very long page, so that
    it has at most MAX_PART_COUNT), each a list of [section location, section title, text]; the
    first part ends with ["", the navigation titles above the page, ""]."""
    total = sum(len(s["title"]) + len(s["text"]) for s in page.sections)
    limit = max(PART_CHARS, -(-total // MAX_PART_COUNT) + 1)
    parts: list[list[list[str]]] = [[]]
    size = 0
    for section in page.sections:
        pieces = _sentences(section["text"], limit) or [""]
        for piece in pieces:
            if size and size + len(piece) > limit:
                parts.append([])
                size = 0
            current = parts[-1]
            if current and current[-1][0] == section["location"]:
                current[-1][2] += " " + piece
            else:
                current.append([section["location"], section["title"], piece])
                size += len(section["title"])
            size += len(piece)
    while len(parts) > MAX_PART_COUNT:  # never, by the limit above; kept as a guard
        parts[-2].extend(parts.pop())
    if page.nav:  # the navigation above the page, quoted when a word of it is all that matched
        parts[0].append(["", " · ".join(page.nav), ""])
    return parts


def _digest(data: bytes, length: int = 10) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_INVISIBLE = frozenset(INVISIBLE)


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-be")


_PART_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"  # a passage number is one base-36 digit


def _posting_string(postings: dict[int, _Postings], page_ids: Sequence[str]) -> str:
    """`page_ids`: each page's number in base 36, padded to the index's width."""
    return ",".join(
        page_ids[page]
        + str(entry.flags)
        + "".join(_PART_DIGITS[part] for part in entry.parts[:MAX_PARTS])
        for page, entry in sorted(postings.items())
    )


def _pages_with_all(
    vocabulary: Mapping[str, dict[int, _Postings]], words: Sequence[str]
) -> dict[int, _Postings]:
    """The postings of the pages that have every one of `words` (flags and passages merged)."""
    if not words or any(word not in vocabulary for word in words):
        return {}
    pages: dict[int, _Postings] = {}
    for page in set.intersection(*(set(vocabulary[word]) for word in words)):
        entries = [vocabulary[word][page] for word in words]
        parts = sorted({part for entry in entries for part in entry.parts})
        pages[page] = _Postings(min(entry.flags for entry in entries), parts)
    return pages


def _shards(
    entries: list[tuple[str, Any]], size_of: Callable[[tuple[str, Any]], int]
) -> list[list[tuple[str, Any]]]:
    """Consecutive runs of `entries` of about SHARD_BYTES each (never empty, never split a word)."""
    shards: list[list[tuple[str, Any]]] = []
    current: list[tuple[str, Any]] = []
    size = 0
    for entry in entries:
        grows = size_of(entry)
        if current and size + grows > SHARD_BYTES:
            shards.append(current)
            current, size = [], 0
        current.append(entry)
        size += grows
    if current or not shards:
        shards.append(current)
    return shards


def build_search(
    pages: Sequence[Page],
    language: str,
    synonyms: Mapping[str, list[str]] | None = None,
    prefix: str = "",
) -> dict[str, bytes]:
    """Every file of the language's search index: file name -> contents. `prefix` is the
    language's folder in the site ("hi/"; "" for the default language): the entry leaves it out
    of the pages' addresses."""
    files: dict[str, bytes] = {}
    width = len(_base36(max(len(pages) - 1, 0)))
    page_ids = [_base36(number).rjust(width, "0") for number in range(len(pages))]
    vocabulary: dict[str, dict[int, _Postings]] = {}
    written_forms: dict[str, set[str]] = {}
    page_rows: list[list[str]] = []

    def add(word_text: str, page: int, flag: int, part: int | None) -> None:
        for written in set(written_words(word_text)):  # a passage repeats its words
            word = normalize(written)
            if not word:
                continue
            entry = vocabulary.setdefault(word, {}).setdefault(page, _Postings())
            entry.flags |= flag
            if part is not None and part not in entry.parts:
                entry.parts.append(part)
            if not _INVISIBLE.isdisjoint(written) or not unicodedata.is_normalized("NFC", written):
                written_forms.setdefault(word, set()).add(written)

    all_parts: list[list[bytes]] = []
    for number, page in enumerate(pages):
        page_parts = split_parts(page)
        all_parts.append([_dump(part) for part in page_parts])
        page_rows.append([page.location.removeprefix(prefix), page.title])
        add(page.title, number, TITLE, 0)
        add(" ".join(page.nav), number, NAV, None)  # quoted from the end of part 0
        for index, part in enumerate(page_parts):
            for location, title, text in part:
                if not location:  # the navigation titles, indexed above
                    continue
                if location != page.location:
                    add(title, number, SECTION_TITLE, index)
                add(text, number, 0, index)
    for postings in vocabulary.values():
        for entry in postings.values():
            entry.parts.sort()

    # one digest names every passage file (a page's own would cost each page in the entry)
    passages = _digest(b"\n".join(b"\n".join(parts) for parts in all_parts), 8)
    for number, parts in enumerate(all_parts):
        for index, passage in enumerate(parts):
            files[f"p-{passages}-{_base36(number)}-{_base36(index)}.json"] = passage

    words = sorted(vocabulary, key=_utf16)
    stems = group_forms(words, language)
    forms_of: dict[str, list[str]] = {}
    for form, stem in stems.items():
        forms_of.setdefault(stem, []).append(form)

    word_shards = _shards(
        [(word, _posting_string(vocabulary[word], page_ids)) for word in words],
        lambda entry: len(entry[0].encode()) + len(entry[1]) + 4,
    )
    word_index: list[list[str]] = []
    for shard in word_shards:
        names = [word for word, _ in shard]
        local = {word: i for i, word in enumerate(names)}
        data: dict[str, Any] = {
            "words": " ".join(_front_code(names)),
            "pages": [postings for _, postings in shard],
        }
        stem_of = {str(local[w]): stems[w] for w in names if w in stems}
        forms = {str(local[w]): sorted(forms_of[w], key=_utf16) for w in names if w in forms_of}
        written = {str(local[w]): sorted(written_forms[w]) for w in names if w in written_forms}
        for key, value in (("stem", stem_of), ("forms", forms), ("written", written)):
            if value:
                data[key] = value
        encoded = _dump(data)
        name = f"w-{_digest(encoded)}.json"
        files[name] = encoded
        word_index.append([names[0] if word_index and names else "", name])

    key_index: list[list[str]] = []
    if language in KEY_RULES:
        # key -> (words to mark in the results, their pages): the vocabulary's words, and the
        # glossary's synonyms that no page writes (kaushal finds कौशल, which finds स्किल)
        by_key: dict[str, list[tuple[list[str], dict[int, _Postings]]]] = {}
        for word in words:
            for key in word_keys(word, language):
                by_key.setdefault(key, []).append(([word], vocabulary[word]))
        for synonym, targets in (synonyms or {}).items():
            if " " in synonym or synonym in vocabulary:
                continue
            for target in targets:
                target_words = target.split(" ")
                found_on = _pages_with_all(vocabulary, target_words)
                for key in word_keys(synonym, language) if found_on else ():
                    by_key.setdefault(key, []).append((target_words, found_on))
        entries = []
        for key in sorted(by_key, key=_utf16):
            union: dict[int, _Postings] = {}
            marked: list[str] = []
            for found, found_on in by_key[key]:
                marked += [word for word in found if word not in marked]
                for page_number, posting in found_on.items():
                    merged = union.setdefault(page_number, _Postings())
                    merged.flags |= posting.flags
                    merged.parts = sorted(set(merged.parts) | set(posting.parts[:MAX_PARTS]))
            entries.append((key, (marked, _posting_string(union, page_ids))))
        for shard in _shards(
            entries,
            lambda entry: (
                len(entry[0]) + sum(len(w.encode()) + 3 for w in entry[1][0]) + len(entry[1][1])
            ),
        ):
            names = [key for key, _ in shard]
            encoded = _dump(
                {
                    "keys": " ".join(_front_code(names)),
                    "words": [value[0] for _, value in shard],
                    "pages": [value[1] for _, value in shard],
                }
            )
            name = f"k-{_digest(encoded)}.json"
            files[name] = encoded
            key_index.append([names[0] if key_index and names else "", name])

    index_entry: dict[str, Any] = {
        "format": FORMAT,
        "prefix": prefix,
        "pages": page_rows,
        "passages": passages,
        "width": width,
        "words": word_index,
        "keys": key_index,
        "rules": KEY_RULES.get(language),
        "prefix_key": PREFIX_KEY,
        "suffixes": suffix_table(language),
        "synonyms": dict(synonyms or {}),
    }
    entry_name = f"index.{language}.json"
    entry_data = _dump(index_entry)
    manifest = {
        "format": FORMAT,
        "version": _digest(entry_data + " ".join(sorted(files)).encode()),
        "entry": entry_name,
        "files": [entry_name, *sorted(files)],
    }
    return {entry_name: entry_data, "manifest.json": _dump(manifest), **files}


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))
