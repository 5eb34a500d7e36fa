"""Phonetic keys, word endings and the sharded index files that search is built from (issue 16).

The worker applies the same key rules and endings (they reach it in the index entry);
tests/test_browser_search.py runs the cases of search_support in the browser too."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.search_build import (
    MAX_PART_COUNT,
    PART_CHARS,
    Page,
    build_search,
    pages_from_sections,
    split_parts,
)
from lib.search_forms import SUFFIXES, group_forms, stem_candidates, suffix_table
from lib.search_keys import KEY_RULES, PREFIX_KEY, loosen, native_latin, query_key, word_keys
from lib.search_text import decode_words, normalize
from search_support import APART, ROMANIZED, STEMS


@pytest.mark.parametrize(
    ("language", "typed", "word"),
    [(language, typed, word) for language, cases in ROMANIZED.items() for typed, word in cases],
)
def test_a_word_typed_in_latin_letters_has_the_key_of_the_word(language, typed, word):
    assert query_key(typed, language) in word_keys(normalize(word), language)


@pytest.mark.parametrize(("language", "typed", "word"), APART)
def test_words_that_sound_apart_keep_apart(language, typed, word):
    assert query_key(typed, language) not in word_keys(word, language)


def test_keys_are_for_indic_words_and_latin_queries_only():
    assert word_keys("upwork", "hi") == []  # Latin words are found as written
    assert word_keys("10টা", "bn") == []  # numbers are typed as numbers
    assert word_keys("पैसा", "en") == [] and query_key("paisa", "en") == ""
    assert query_key("पैसा", "hi") == "" and query_key("e2e", "hi") == ""
    assert word_keys("বড়", "bn") == ["bor", "br"]  # the inherent vowel typed o, or not
    assert word_keys("কাজ", "bn") == ["kj"]  # one key when both readings meet


def test_native_spelling_before_transliteration():
    assert native_latin("पेमेंट") == "pement"  # anusvara as n
    assert native_latin("कहता") == "kahata"  # inherent vowels written, so k+h is no kh
    assert native_latin("কথা") == "kotha" and native_latin("কথা", "a") == "katha"
    assert native_latin("বাংলা") == "bangla" and native_latin("খুঁজুন") == "khujun"


@pytest.mark.parametrize("language", KEY_RULES)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=12))
def test_a_key_is_latin_letters_without_doubles_or_long_vowels(language, typed):
    key = loosen(typed, language)
    assert set(key) <= set("abcdefghijklmnopqrstuvwxyz") and len(key) <= len(typed) * 2
    assert not any(a == b for a, b in itertools.pairwise(key))
    assert "a" not in key[1:]


def test_the_key_rules_are_regexps_javascript_reads_alike():
    for rules in KEY_RULES.values():
        for pattern, replacement in rules:
            assert "\\\\" not in replacement and "(?P" not in pattern  # $1, not \1 or names
    assert PREFIX_KEY >= 4


@pytest.mark.parametrize(("language", "word", "stems"), STEMS)
def test_endings_taken_off_a_query_word(language, word, stems):
    assert stem_candidates(word, language) == stems


VOCABULARY = {
    "hi": "काम कामों कम कमाई क्लाइंट क्लाइंटों क्लाइंट्स पैसा पैसे पैसों कंपनी कंपनियों के का पेश पेशा पेशों क्या क्यों",
    "bn": "কাজ কাজে কাজের কাজগুলো কর করের করে পার পারে টাকা টাকার টাকায় ভারত ভারতে ভার "
    "ক্লায়েন্ট ক্লায়েন্টদের ক্লায়েন্টদেরকে",
}


@pytest.mark.parametrize("language", VOCABULARY)
def test_forms_join_only_words_of_the_vocabulary_never_unrelated_ones(language):
    forms = group_forms(VOCABULARY[language].split(), language)
    expected = {
        "hi": {
            "कामों": "काम",
            "क्लाइंटों": "क्लाइंट",
            "क्लाइंट्स": "क्लाइंट",
            "पैसे": "पैसा",
            "पैसों": "पैसा",
            "कंपनियों": "कंपनी",
            "पेशों": "पेशा",
        },
        "bn": {
            "কাজে": "কাজ",
            "কাজের": "কাজ",
            "কাজগুলো": "কাজ",
            "টাকার": "টাকা",
            "টাকায়": "টাকা",
            "ভারতে": "ভারত",
            "ক্লায়েন্টদের": "ক্লায়েন্ট",
            "ক্লায়েন্টদেরকে": "ক্লায়েন্ট",
        },
    }[language]
    assert forms == expected
    # कमाई is not कम, के not का, क्यों not क्या; করের (of tax) not করে (does), পারে not পার
    assert not {"कमाई", "के", "क्यों", "করের", "করে", "পারে"} & set(forms)


def test_the_worker_gets_the_endings_it_takes_off():
    table = suffix_table("bn")
    assert len(table["endings"]) == len(SUFFIXES["bn"])
    assert ["তে", "", True] in table["endings"] and ["ের", "", False] in table["endings"]
    assert table["min"] == 3 and "পার" in table["never"]
    assert suffix_table("en")["endings"] == []


SECTIONS = [
    {"location": "hi/", "title": "होम", "text": "<p>फ्रीलांसर के लिए गाइड।</p>"},
    {"location": "hi/#x", "title": "क्लाइंट", "text": "<p>पेमेंट ১২ बार-बार</p>"},
    {"location": "hi/rates/", "title": "दरें", "text": "<p>क\u093cीमत र\u200d्य पैसा।</p>"},
    {"location": "hi/rates/#y", "title": "पैसे", "text": "<p>" + "लंबा वाक्य। " * 400 + "</p>"},
]


@pytest.fixture(scope="module")
def files():
    pages = pages_from_sections(SECTIONS, {"hi/rates/": ["पैसा और कागज़ात"]})
    synonyms = {"payment": ["पेमेंट"], "भुगतान": ["पेमेंट"]}
    return build_search(pages, "hi", synonyms, "hi/")


def load(files, name):
    return json.loads(files[name])


def vocabulary(files):
    """word -> (postings, the shard's other fields for it) over every vocabulary shard."""
    out = {}
    for _, name in load(files, "index.hi.json")["words"]:
        shard = load(files, name)
        for i, word in enumerate(decode_words(shard["words"])):
            extra = {
                key: shard[key][str(i)]
                for key in ("stem", "forms", "written")
                if str(i) in shard.get(key, {})
            }
            out[word] = (shard["pages"][i], extra)
    return out


def postings(coded, width=1):
    return {
        int(item[:width], 36): (int(item[width]), [int(c, 36) for c in item[width + 1 :]])
        for item in coded.split(",")
    }


def test_the_entry_lists_pages_shards_rules_and_synonyms(files):
    entry = load(files, "index.hi.json")
    assert entry["pages"] == [["", "होम"], ["rates/", "दरें"]]
    assert entry["prefix"] == "hi/"
    assert entry["words"][0][0] == "" and entry["keys"][0][0] == ""
    assert entry["rules"] == KEY_RULES["hi"] and entry["prefix_key"] == PREFIX_KEY
    assert entry["synonyms"]["भुगतान"] == ["पेमेंट"]
    assert entry["suffixes"] == suffix_table("hi")


def test_postings_say_where_a_word_is(files):
    words = vocabulary(files)
    assert postings(words["होम"][0]) == {0: (1, [0])}  # page title, first passage
    assert postings(words["क्लाइंट"][0]) == {0: (2, [0])}  # a section title
    assert postings(words["12"][0]) == {0: (0, [0])}  # digits folded
    assert postings(words["कागज़ात"][0]) == {1: (4, [])}  # only in the navigation
    assert postings(words["पैसा"][0])[1][0] == 4  # in the text and the navigation
    assert len(postings(words["लंबा"][0])[1][1]) == 6  # the first passages only
    assert words[normalize("र\u200d्य")][1]["written"] == ["र\u200d्य"]


def test_forms_and_stems_are_in_the_shards(files):
    words = vocabulary(files)
    assert words["पैसे"][1]["stem"] == "पैसा"
    assert words["पैसा"][1]["forms"] == ["पैसे"]


def test_keys_find_words_and_unwritten_synonyms(files):
    entry = load(files, "index.hi.json")
    keys = {}
    for _, name in entry["keys"]:
        shard = load(files, name)
        for i, key in enumerate(decode_words(shard["keys"])):
            keys[key] = (shard["words"][i], shard["pages"][i])
    assert keys[query_key("paisa", "hi")][0] == ["पैसा"]
    assert keys[query_key("bhugtan", "hi")] == (["पेमेंट"], words_pages(files, "पेमेंट"))


def words_pages(files, word):
    return vocabulary(files)[word][0]


def test_passages_are_small_and_every_file_is_in_the_manifest(files):
    entry = load(files, "index.hi.json")
    manifest = load(files, "manifest.json")
    assert manifest["entry"] == "index.hi.json"
    assert sorted(manifest["files"]) == sorted(name for name in files if name != "manifest.json")
    part = load(files, f"p-{entry['passages']}-0-0.json")
    assert part[0] == ["hi/", "होम", "फ्रीलांसर के लिए गाइड।"]
    assert part[1][:2] == ["hi/#x", "क्लाइंट"]
    rates = [name for name in files if name.startswith(f"p-{entry['passages']}-1-")]
    assert 3 < len(rates) <= MAX_PART_COUNT
    assert load(files, f"p-{entry['passages']}-1-0.json")[-1] == ["", "पैसा और कागज़ात", ""]
    for name in rates:
        assert len(gzip.compress(files[name])) < 1024


def test_a_very_long_page_has_at_most_36_passages():
    page = Page("x/", "x", [{"location": "x/", "title": "x", "text": "शब्द। " * 20_000}])
    parts = split_parts(page)
    assert len(parts) <= MAX_PART_COUNT
    assert all(len(part[0][2]) < PART_CHARS * 6 for part in parts)


def test_names_carry_a_digest_of_their_content(files):
    again = build_search(pages_from_sections(SECTIONS), "hi", {}, "hi/")
    assert again == build_search(pages_from_sections(SECTIONS), "hi", {}, "hi/")
    changed = build_search(
        pages_from_sections([*SECTIONS[:2], {**SECTIONS[2], "text": "नया"}]), "hi", {}, "hi/"
    )
    assert {n for n in changed if n.startswith("p-")}.isdisjoint(
        n for n in files if n.startswith("p-")
    )
