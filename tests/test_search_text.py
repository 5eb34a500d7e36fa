"""How search normalizes and splits text, builds a language's index and its glossary synonyms."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from lib.data import Term, load_data
from lib.search_text import (
    INVISIBLE,
    SEPARATOR,
    build_index,
    decode_words,
    html_to_text,
    normalize,
    synonym_table,
    tokenize,
)

ZWJ, ZWNJ = "\u200d", "\u200c"

# (precomposed letter, the same letter as base + nukta): Unicode never composes these, so NFC
# turns the first into the second.
NUKTA_LETTERS = [
    (chr(code), unicodedata.normalize("NFD", chr(code))) for code in range(0x958, 0x960)
]
BENGALI_NUKTA_LETTERS = [
    ("\u09dc", "\u09a1\u09bc"),  # ড়
    ("\u09dd", "\u09a2\u09bc"),  # ঢ়
    ("\u09df", "\u09af\u09bc"),  # য়
]


@pytest.mark.parametrize(("composed", "decomposed"), NUKTA_LETTERS + BENGALI_NUKTA_LETTERS)
def test_both_spellings_of_a_nukta_letter_are_one(composed, decomposed):
    assert len(decomposed) == 2
    assert normalize(composed) == normalize(decomposed) == decomposed
    assert normalize(f"ক্লা{composed}েন্ট") == normalize(f"ক্লা{decomposed}েন্ট")


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("র\u200d্যাংক", "র্যাংক"),  # ZWJ (র‍্য, ra + ya-phala)
        ("ই\u200cমেইল", "ইমেইল"),  # ZWNJ
        ("क्\u200dष", "क्ष"),
        ("free\u00adlancer", "freelancer"),  # soft hyphen
        ("\ufeffPayment", "payment"),
        ("Freelancer", "freelancer"),
        ("১২০০ টাকা", "1200 টাকা"),  # Bengali digits
        ("₹१२,०००", "₹12,000"),  # Devanagari digits
    ],
)
def test_normalize(written, normalized):
    assert normalize(written) == normalized


def test_joiners_go_before_nfc_composes():
    # ো is ে + া; a ZWJ between them must not keep them apart after normalizing
    assert normalize("ক\u09c7\u200d\u09be") == normalize("ক\u09cb") == "ক\u09cb"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("फ्रीलांसर के लिए गाइड। पेमेंट॥", ["फ्रीलांसर", "के", "लिए", "गाइड", "पेमेंट"]),
        ("ফ্রিল্যান্সার গাইড।পেমেন্ট", ["ফ্রিল্যান্সার", "গাইড", "পেমেন্ট"]),
        ("बार-बार e-commerce", ["बार", "बार", "e", "commerce"]),
        (
            "“क्लाइंट” (client) [x] {y} «z» ‘a’ \"b\" 'c'",
            ["क्लाइंट", "client", "x", "y", "z", "a", "b", "c"],
        ),
        (
            "upwork.com, Payoneer/PayPal; ok? yes! 5:30",
            ["upwork", "com", "payoneer", "paypal", "ok", "yes", "5", "30"],
        ),
        ("ক্লায়েন্টের র\u200d্যাংক", ["ক্লায়েন্টের", "র্যাংক"]),  # marks and joiners stay inside
        ("\u200d \u200c", []),  # a word of joiners only is no word
        ("₹500/ঘণ্টা", ["500", "ঘণ্টা"]),
    ],
)
def test_tokenize(text, words):
    assert tokenize(text) == [unicodedata.normalize("NFC", word) for word in words]


@given(st.text())
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_a_word_never_holds_a_separator_or_a_joiner(text):
    for word in tokenize(text):
        assert word and word == normalize(word)
        assert not any(char in INVISIBLE or char.isspace() for char in word)
        assert not set(word) & set("।॥-–—\"'“”‘’()[]{}<>.,;:!?/")


def test_separator_is_what_materials_highlighter_can_compile():
    # It is compiled without the `u` flag and split on "|" by Material's main thread.
    assert "|" not in SEPARATOR and "\\p" not in SEPARATOR


def test_html_to_text():
    assert html_to_text("<p>A &amp; B</p><p>x&lt;y</p>") == "A & B x<y"
    assert html_to_text("<code>pip</code>install") == "pip install"


SECTIONS = [
    {"location": "hi/", "title": "होम", "text": "<p>फ्रीलांसर के लिए गाइड।</p>"},
    {"location": "hi/#x", "title": "क्लाइंट", "text": "<p>पेमेंट ১২ बार-बार</p>"},
    {"location": "hi/rates/", "title": "दरें", "text": "<p>क\u093cीमत \u0958ानून र\u200d्य</p>"},
]


def _decoded(index):
    words = decode_words(index["words"])
    width = index["width"]
    groups = index["pages"].split(" ")
    pages = {
        word: {int(group[i : i + width], 36) for i in range(0, len(group), width)}
        for word, group in zip(words, groups, strict=True)
    }
    return words, pages


def test_index_lists_pages_and_sections_and_which_page_has_each_word():
    index = build_index(SECTIONS)
    assert index["docs"] == [["hi/", "होम"], ["hi/#x", "क्लाइंट"], ["hi/rates/", "दरें"]]
    words, pages = _decoded(index)
    assert words == sorted(words)
    assert pages["फ्रीलांसर"] == pages["पेमेंट"] == pages["क्लाइंट"] == {0}
    assert pages["12"] == {0}
    assert pages[normalize("\u0958ानून")] == pages[normalize("क़ीमत")] == {1}
    assert "र्य" in pages and "र\u200d्य" not in pages


def test_index_keeps_the_written_form_of_words_search_normalized():
    # Pages are NFC already (hooks/page_sources.py), but text from elsewhere may not be.
    index = build_index([*SECTIONS, {"location": "x/", "title": "ক্লায়েন্ট", "text": ""}])
    assert index["forms"] == {
        "र्य": ["र\u200d्य"],
        normalize("\u0958ानून"): ["\u0958ानून"],
        normalize("ক্লা\u09dfেন্ট"): ["ক্লা\u09dfেন্ট"],
    }


def test_index_vocabulary_is_front_coded_in_utf16_order():
    # U+1D400 (mathematical bold A, a letter) is a surrogate pair in UTF-16: it sorts before
    # U+FF41 (fullwidth a) there, after it by code point.
    sections = [{"location": "", "title": "", "text": "ａb \U0001d400b \U0001d400c abc abd ab"}]
    index = build_index(sections)
    assert decode_words(index["words"]) == ["ab", "abc", "abd", "\U0001d400b", "\U0001d400c", "ａb"]
    assert index["words"].split(" ")[:3] == ["0ab", "2c", "2d"]
    assert index["words"].split(" ")[4] == "2c"


def test_page_numbers_grow_wider_past_36_pages():
    sections = [{"location": f"p{n}/", "title": "t", "text": f"w{n}"} for n in range(40)]
    index = build_index(sections)
    assert index["width"] == 2
    _words, pages = _decoded(index)
    assert pages["t"] == set(range(40)) and pages["w39"] == {39}


def term(names: dict[str, str], avoid: dict[str, tuple[str, ...]] | None = None) -> Term:
    return Term(id=names["en"], names=names, definition={}, avoid=avoid)


GLOSSARY = [
    term({"en": "payment", "hi": "पेमेंट", "bn": "পেমেন্ট"}),
    term({"en": "hourly", "hi": "प्रति घंटा", "bn": "ঘণ্টাভিত্তিক"}),
    term(
        {"en": "virtual assistant", "hi": "वर्चुअल असिस्टेंट", "bn": "ভার্চুয়াল অ্যাসিস্ট্যান্ট"},
        avoid={"hi": ("वर्चुअल असिस्टैंट", "वर्चुअल सहायक")},
    ),
    term({"en": "freelancer", "hi": "फ्रीलांसर"}, avoid={"hi": ("फ़्रीलांसर",)}),
    term({"en": "e-commerce", "hi": "ई-कॉमर्स"}),
]


def test_synonyms_send_english_words_and_avoided_spellings_to_the_glossary_term():
    table = synonym_table(GLOSSARY, "hi")
    assert table == {
        "assistant": ["वर्चुअल असिस्टेंट"],
        "commerce": ["ई कॉमर्स"],
        "freelancer": ["फ्रीलांसर"],
        "hourly": ["प्रति घंटा"],
        "payment": ["पेमेंट"],
        "virtual": ["वर्चुअल असिस्टेंट"],
        "असिस्टैंट": ["वर्चुअल असिस्टेंट"],
        normalize("फ़्रीलांसर"): ["फ्रीलांसर"],
        "सहायक": ["वर्चुअल असिस्टेंट"],
    }
    # single letters ("e") and words the term already has ("वर्चुअल") are no synonyms
    assert synonym_table(GLOSSARY, "bn")["hourly"] == ["ঘণ্টাভিত্তিক"]
    assert synonym_table(GLOSSARY, "en") == {}


def test_real_glossary_gives_every_language_a_small_table():
    terms = load_data(ROOT / "data", ["en", "hi", "bn"]).glossary.terms
    for language in ("hi", "bn"):
        table = synonym_table(terms, language)
        assert table["payment"] and table["freelancer"]
        assert all(key == normalize(key) for key in table)
        assert len(str(table).encode()) < 4096
