"""Word forms: क्लाइंटों and क्लाइंट, ক্লায়েন্টের and ক্লায়েন্ট are one word to search.

No stemmer: a stemmer cuts words it does not know (Snowball's Hindi stemmer turns कमाई "earning"
into कम "less"). Instead a short, curated list of the endings that Hindi and Bengali nouns take
(plural, oblique, genitive, locative, the Bengali classifiers and plural words), and an ending is
only taken off when what is left is itself a word of the guide's vocabulary, at least MIN_STEM
letters long (two-letter stems are mostly verb roots and particles: কর "tax" is also the root
of করতে "to do"), and not in NEVER (pairs the report tools/search_report.py showed to be
unrelated). The build joins each form to its stem (group_forms); the search worker takes the
same endings off a query word that no page has (stem_candidates, in the index as `suffixes`),
so `क्लाइंटों` finds the pages that say क्लाइंट.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MIN_STEM = 3  # code points: काम, কাজ, टूल

# (ending, what replaces it), longest endings first. Hindi: nouns and adjectives in -ā change it
# (पैसा, पैसे, पैसों; अच्छा, अच्छी), nouns in -ī take -iyā̃/-iyõ (कंपनी, कंपनियाँ, कंपनियों),
# English loans keep English's -s (टूल्स).
VOWEL = "after a vowel"  # the ending follows a vowel (not এ/ঐ): the stem must end in one
# A stem that ends in a vowel: an independent vowel or a vowel sign other than e/ai.
VOWEL_END = {
    "hi": "[\u0905-\u0914\u093e-\u0946\u0949-\u094a]$",
    "bn": "[\u0985-\u0994\u09be-\u09c4\u09cb\u09cc]$",
}
Suffix = tuple[str, str] | tuple[str, str, str]

SUFFIXES: dict[str, list[Suffix]] = {
    "hi": [
        ("ियों", "ी"),
        ("ियों", "ि"),
        ("ियाँ", "ी"),
        ("ियां", "ी"),
        ("ियाँ", "ि"),
        ("ियां", "ि"),
        ("ाओं", "ा"),
        ("ाएँ", "ा"),
        ("ाएं", "ा"),
        ("ुओं", "ु"),
        ("ों", "ा"),  # before ("ों", ""): पेशों is पेशा, not पेश
        ("ों", ""),
        ("ें", ""),
        ("्स", ""),
        ("े", "ा"),
        ("ी", "ा"),
    ],
    # Bengali: plural words and classifiers (গুলো, গুলি, টা, টি), case endings (ের/র genitive,
    # কে object, তে/এ/য় locative), plurals of people (রা, দের), and "also"/"only" (ও, ই).
    "bn": [
        ("গুলোতে", ""),
        ("গুলোকে", ""),
        ("গুলোর", ""),
        ("গুলির", ""),
        ("দেরকে", ""),
        ("গুলো", ""),
        ("গুলি", ""),
        ("টাকে", ""),
        ("দের", ""),
        ("টার", ""),
        ("টির", ""),
        ("েরা", ""),
        ("েতে", ""),
        ("য়ে", "", VOWEL),
        ("ের", ""),
        ("রা", ""),
        ("টা", ""),
        ("টি", ""),
        ("কে", ""),
        ("তে", "", VOWEL),  # ঢাকাতে; ভারতে is ভারত + ে, not ভার + তে
        ("য়", "", VOWEL),
        ("র", "", VOWEL),  # টাকার; মানের is মান + ের, করের is not করে + র
        ("ে", ""),
        ("ও", ""),
        ("ই", ""),
    ],
}

# Stems an ending is never taken off to reach: words that are also the stem of unrelated words.
NEVER: dict[str, frozenset[str]] = {
    "hi": frozenset({"क्या", "मना"}),  # क्यों "why", मनी "money"
    "bn": frozenset({"পার", "করে"}),  # পারে "can" is not পার "across", করের "of tax" not করে
}


def stem_candidates(word: str, language: str) -> list[str]:
    """The stems `word` may be a form of, by the curated endings, most likely first (not yet
    checked against the vocabulary: the caller does that)."""
    never = NEVER.get(language, frozenset())
    vowel_end = re.compile(VOWEL_END.get(language, "$^"))
    out: list[str] = []
    for ending, replacement, *after in SUFFIXES.get(language, ()):
        if not word.endswith(ending) or len(word) <= len(ending):
            continue
        stem = word[: -len(ending)]
        if after and not vowel_end.search(stem):
            continue
        stem += replacement
        if len(stem) >= MIN_STEM and stem not in never and stem != word and stem not in out:
            out.append(stem)
    return out


def group_forms(vocabulary: Iterable[str], language: str) -> dict[str, str]:
    """form -> its stem, for every word of `vocabulary` that is a form of another (by
    stem_candidates, the stem being a word of the vocabulary too). A stem is never itself a form:
    कामों -> काम, and ক্লায়েন্টদেরকে -> ক্লায়েন্ট rather than a chain."""
    words = set(vocabulary)

    def stem_of(word: str) -> str | None:
        return next((s for s in stem_candidates(word, language) if s in words), None)

    forms: dict[str, str] = {}
    for word in sorted(words):
        stem = stem_of(word)
        seen = {word}
        while stem is not None and stem not in seen:
            seen.add(stem)
            forms[word] = stem
            stem = stem_of(stem)
    return forms


def suffix_table(language: str) -> dict[str, object]:
    """What the search worker needs to take endings off a query word (see stem_candidates)."""
    return {
        "endings": [
            [ending, rest, bool(after)] for ending, rest, *after in SUFFIXES.get(language, ())
        ],
        "vowel": VOWEL_END.get(language, "$^"),
        "min": MIN_STEM,
        "never": sorted(NEVER.get(language, ())),
    }
