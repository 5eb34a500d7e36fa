"""How search sees text: one normalization and one tokenizer for the index and for queries.

The browser half lives in overrides/assets/javascripts/workers/guide-search.js and must agree with
this module letter for letter (tests/test_browser_search.py compares the two on the same cases):

- normalize: drop the invisible joiners (ZWJ, ZWNJ, soft hyphen, word joiner, BOM), lower-case,
  NFC, and fold Devanagari and Bengali digits to ASCII. NFC makes the two spellings of a letter
  one: য় typed as U+09DF becomes য + ় (U+09AF U+09BC), as do ড় ঢ় and the Devanagari nukta
  letters क़ (U+0958) … य़ (U+095F), which Unicode never composes. Joiners go first, so that NFC
  sees the letters they stood between.
- tokenize: a word is a run of letters, combining marks and digits (joiners stay inside a word);
  anything else separates words: white space, `।`, `॥`, hyphens, quotes, brackets, punctuation.
  Python's `\\w` is no use here: it does not match the vowel signs and viramas of Indic scripts.

The index itself, cut into small files fetched as a query needs them, is built by
lib/search_build.py from these words.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from lib.data import Term

INVISIBLE = "\u00ad\u200c\u200d\u2060\ufeff"  # soft hyphen, ZWNJ, ZWJ, word joiner, BOM
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)
_DIGITS = str.maketrans(
    {chr(0x0966 + i): str(i) for i in range(10)} | {chr(0x09E6 + i): str(i) for i in range(10)}
)

# Material's main thread still reads a separator from search/search_index.json for highlighting
# the page opened from a result; it compiles it without the `u` flag and splits it on `|`, so it
# is written with escapes only and without a bar. Words never contain these characters.
SEPARATOR = (
    r"[\s\u200b\-\u2010-\u2015\u0964\u0965,.;:!?\"'\u2018-\u201f()\[\]{}<>/\\\u2026\u00ab\u00bb]+"
)

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The form in which search compares words (see the module docstring). Cached: the pages
    repeat their words, and every index build and query key goes through here."""
    return unicodedata.normalize("NFC", text.translate(_DROP_INVISIBLE).lower()).translate(_DIGITS)


# A word: letters, marks and digits of any script (vowel signs and viramas are marks, which
# Python's \w leaves out), and the invisible characters that belong inside words.
_WORD = regex.compile(rf"[\p{{L}}\p{{M}}\p{{N}}{INVISIBLE}]+")


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word in `text`, as it is written (not normalized)."""
    return (match.span() for match in _WORD.finditer(text))


def written_words(text: str) -> list[str]:
    """Every word of `text` as it is written (not normalized), in order."""
    return _WORD.findall(text)


def tokenize(text: str) -> list[str]:
    """The normalized words of `text`, in order; a word of only joiners is dropped."""
    words = (normalize(text[start:end]) for start, end in word_spans(text))
    return [word for word in words if word]


def html_to_text(markup: str) -> str:
    """Plain text of a title or text from Material's search parser (kept tags, escaped text).

    Every tag becomes a space, as Material's own tokenizer treats a tag as a word boundary.
    """
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def _front_code(words: list[str]) -> Iterator[str]:
    previous: list[int] = []
    for word in words:
        units = _utf16_units(word)
        shared = 0
        limit = min(len(units), len(previous), 9)
        while shared < limit and units[shared] == previous[shared]:
            shared += 1
        if shared and 0xD800 <= units[shared - 1] <= 0xDBFF:  # never split a surrogate pair
            shared -= 1
        rest = b"".join(unit.to_bytes(2, "little") for unit in units[shared:])
        yield str(shared) + rest.decode("utf-16-le")
        previous = units


def _utf16_units(text: str) -> list[int]:
    data = text.encode("utf-16-le")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def decode_words(coded: str) -> list[str]:
    """The vocabulary of an index, as the browser decodes `words` (for tests and tools)."""
    words: list[str] = []
    previous: list[int] = []
    for entry in coded.split(" ") if coded else []:
        units = previous[: int(entry[0])] + _utf16_units(entry[1:])
        words.append(b"".join(u.to_bytes(2, "little") for u in units).decode("utf-16-le"))
        previous = units
    return words


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def synonym_table(terms: Iterable[Term], language: str) -> dict[str, list[str]]:
    """Query word -> the glossary terms it should also find, for one language.

    Built from the checked glossary (data/glossary.yml): each word of an English term finds the
    whole term in `language` ("payment" -> "पेमेंट", "hourly" -> "प्रति घंटा"), each word of
    a spelling the glossary tells writers to avoid finds the term they write instead
    ("फ़्रीलांसर" -> "फ्रीलांसर"), and each of the term's `synonyms`, the other words readers
    use for it, finds it too ("भुगतान" -> "पेमेंट"); a synonym of several words is one key, its
    words separated by a space ("विनिमय दर"), found when the query has those words in a row.
    A term of several words is one entry: a page matches it when it has all of them.
    """
    table: dict[str, list[str]] = {}

    def add(key: str, target_words: list[str]) -> None:
        target = " ".join(target_words)
        if len(key) < 2 or key in target_words or not target or key == target:
            return
        entries = table.setdefault(key, [])
        if target not in entries:
            entries.append(target)

    for term in terms:
        if language not in term.names:
            continue
        target_words = tokenize(term.names[language])
        for key in tokenize(term.names.get("en", "")):  # a one-language build checks only its own
            add(key, target_words)
        for variant in (term.avoid or {}).get(language, ()):
            for key in tokenize(variant):
                add(key, target_words)
        for synonym in (term.synonyms or {}).get(language, ()):
            add(" ".join(tokenize(synonym)), target_words)
    return {key: table[key] for key in sorted(table)}
