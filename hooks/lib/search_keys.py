"""Loose phonetic keys: a Hindi or Bengali word and the way a reader types it in Latin letters
("paisa", "kamai", "naukri" on /hi/; "taka", "kaj", "kivabe" on /bn/) end up as the same key.

Two halves, applied in this order:

1. native_latin(): the word in Latin letters, at build time only. anyascii (a maintained
   transliteration table for every script) does the work; a few letters are set first where
   readers type them otherwise than the table writes them: the nasal signs (anusvara, candrabindu),
   क्ष/ক্ষ, ज्ञ/জ্ঞ, Bengali ড় ঢ় (typed r). anyascii leaves out the inherent vowel (कमाई ->
   "kmai"), which readers sometimes type and sometimes do not ("kamai", "naukri").
2. loosen(): the same rules for that Latin text and for what the reader typed, so the two meet
   whatever the reader's spelling: vowel length (aa, ee, oo), the diphthongs (ai/ay -> e,
   au/ou -> o), every `a` after the first letter (the inherent vowel, which readers write at
   will, and the final a), the aspirates (kh -> k, bh -> b, ...), sh -> s, v/w -> b, z -> j,
   q -> k, doubled letters.

Bengali's inherent vowel is typed "o" as often as "a" or not at all (kotha, katha for কথা): a
Bengali word gets two keys, one with it written "o" and one with it written "a" (which loosen
drops). A real ো stays "o" in both, so কাজ (kaj) and খোঁজ (khoj) keep apart.

The rules are data (KEY_RULES): the search worker gets them in the index and applies them to the
query with JavaScript's RegExp, so there is one copy of them. tests/test_search_keys.py runs the
same cases through both.

A key shorter than PREFIX_KEY letters matches only a key equal to it (short keys collide with
many words); a longer one also matches keys that start with it, as the reader types.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

PREFIX_KEY = 4  # keys at least this long also match longer keys that start with them

# Letters set before transliteration (see the module docstring); both scripts in every language,
# since a page in one language quotes words of the other.
NATIVE_SPELLINGS = {
    "\u0902": "n",  # Devanagari anusvara: पेमेंट is typed "pement", हैं "hain"
    "\u0901": "n",  # Devanagari candrabindu: हाँ "haan"
    "क्ष": "ksh",
    "ज्ञ": "gy",  # ज्ञान "gyan"
    "\u0982": "ng",  # Bengali anusvara: বাংলা "bangla"
    "\u0981": "",  # Bengali candrabindu: খুঁজুন "khujun"
    "ক্ষ": "kh",  # ক্ষেত্রে "khetre"
    "জ্ঞ": "gy",
    "\u09a1\u09bc": "r",  # ড়: পড়া "pora", বড় "boro"
    "\u09a2\u09bc": "rh",  # ঢ়
}
_NATIVE = re.compile("|".join(sorted(map(re.escape, NATIVE_SPELLINGS), key=len, reverse=True)))
# A consonant (with its nukta) followed by a letter that is no vowel sign or virama carries the
# inherent vowel: it is written out, so that क+ह (kaha) stays apart from ख (kha) once the
# aspirates are merged. At the end of a word it is silent (काम "kam").
_DEVANAGARI_INHERENT = re.compile(
    "([\u0915-\u0939\u0958-\u095f]\u093c?)(?=[^\u093a-\u094f\u0955-\u0957\u0962\u0963])"
)
_BENGALI_INHERENT = re.compile(
    "([\u0995-\u09b9\u09dc-\u09df]\u09bc?)(?=[^\u09bc-\u09cd\u09d7\u09e2\u09e3])"
)
_INDIC = re.compile("[\u0900-\u097f\u0980-\u09ff]")

# (pattern, replacement) in the syntax both Python's re and JavaScript's RegExp read alike;
# replacements use $1 (converted for Python below). Applied in order, each to the whole key.
_VOWELS = [
    ["[^a-z]+", ""],  # letters only: anyascii marks a nukta with an apostrophe
    ["y(?![aeiou])", "i"],  # hoy = hoi, kothay = kothai
    ["aa", "a"],
    ["ee|ii", "i"],
    ["oo|uu", "u"],
    ["ai|ei", "e"],  # paisa = pesa
    ["au|ou|aw", "o"],  # naukri = nokri
]
_CONSONANTS = [
    ["q", "k"],
    ["x", "ks"],
    ["ph", "f"],
    ["([kgcjtdbpr])h", "$1"],  # aspirates: dhokha = dokha
    ["sh", "s"],
    ["[vw]", "b"],
    ["z", "j"],
]
_DOUBLES = [["([a-z])\\1+", "$1"]]
KEY_RULES: dict[str, list[list[str]]] = {
    "hi": [*_VOWELS, *_CONSONANTS, ["(?<=.)a", ""], *_DOUBLES],
    # a Bengali word's last vowel sound is typed "o" or not (বড় boro, ভালো bhalo or bhal)
    "bn": [*_VOWELS, *_CONSONANTS, ["(?<=.)o$", ""], ["(?<=.)a", ""], *_DOUBLES],
}


@lru_cache(maxsize=8)
def _compiled(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(pattern), re.sub(r"\$(\d)", r"\\\1", replacement))
        for pattern, replacement in KEY_RULES[language]
    )


def has_keys(language: str) -> bool:
    """Whether search in this language matches words by sound (Hindi and Bengali)."""
    return language in KEY_RULES


@lru_cache(maxsize=65536)
def loosen(latin: str, language: str) -> str:
    """The key of Latin text: what a reader typed, or a word as native_latin() writes it.
    Cached: a Hindi word is spelled the same with either inherent vowel, so it comes twice."""
    key = latin.lower()
    for pattern, replacement in _compiled(language):
        key = pattern.sub(replacement, key)
    return key


def native_latin(word: str, bengali_inherent: str = "o") -> str:
    """A Devanagari or Bengali word in Latin letters, the way readers tend to type it, with
    Bengali's inherent vowel written `bengali_inherent`."""
    spelled = _NATIVE.sub(lambda m: NATIVE_SPELLINGS[m[0]], word)
    spelled = _DEVANAGARI_INHERENT.sub(r"\1a", spelled)
    spelled = _BENGALI_INHERENT.sub(r"\1" + bengali_inherent, spelled)
    return anyascii(spelled).lower()


def word_keys(word: str, language: str) -> list[str]:
    """The keys of a word of the index: none for a word with no Devanagari or Bengali letter
    (Latin words are matched as they are written) or with a digit (numbers are typed as
    numbers); two for a Bengali word whose inherent vowel the reader may type "o" or "a"."""
    if not has_keys(language) or not _INDIC.search(word) or re.search(r"\d", word):
        return []
    keys = [loosen(native_latin(word, vowel), language) for vowel in ("o", "a")]
    return [key for i, key in enumerate(keys) if key and key not in keys[:i]]


def query_key(term: str, language: str) -> str:
    """The key of a query word typed in Latin letters ("" for any other)."""
    if not has_keys(language) or not re.fullmatch("[a-z]+", term):
        return ""
    return loosen(term, language)
