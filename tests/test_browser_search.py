"""Search in a real browser: typed and pasted queries in English, Hindi and Bengali, both Unicode
spellings of a letter, and results that stay in the reader's language."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from browser_support import SiteServer, chromium, require_chromium
from conftest import ROOT, FixtureSite
from lib.search_forms import stem_candidates, suffix_table
from lib.search_keys import KEY_RULES, loosen, native_latin
from lib.search_text import normalize, tokenize
from search_support import NAV, PAGES, ROMANIZED, STEMS

pytestmark = pytest.mark.browser

BOX = "input[data-md-component=search-query]"
LINK = ".md-search-result__link"
# the search itself; guide-search.js, the worker Material starts, loads it on the first query
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "guide-search-core.js"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    project = FixtureSite(tmp_path_factory.mktemp("search-browser") / "project", nav=NAV)
    project.pages(PAGES)
    site = project.path / "site"
    site.mkdir()
    with SiteServer(site) as server:
        # absolute links (hreflang) point at the test server, as they do at the real site
        build = project.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as browser:
        yield browser


class Tab:
    """One browser tab on the test site, searching the way a reader does."""

    def __init__(self, page, server) -> None:
        self.page, self.server = page, server
        self.requested: list[str] = []
        # what the page and its workers ask for; the site's service worker (sw.js) passing a
        # request on to the network is the same request again
        page.context.on(
            "request",
            lambda request: (
                self.requested.append(request.url) if request.service_worker is None else None
            ),
        )

    def open(self, path: str) -> Tab:
        self.page.goto(self.server.url + path)
        self.none = self.page.evaluate(
            'JSON.parse(document.getElementById("__config").textContent)'
            '.translations["search.result.none"]'
        )
        return self

    def search(self, query: str, *, paste: bool = False) -> list[tuple[str, str]]:
        """(path, inner HTML) of each result for `query`, typed or pasted into the search box."""
        box = self.page.locator(BOX)
        if box.input_value():
            box.fill("")
            self.page.locator(LINK).first.wait_for(state="detached")
        box.click()
        if paste:
            # what a paste from the context menu, dictation or an on-screen keyboard does: an
            # input event and no key events
            self.page.keyboard.insert_text(query)
        else:
            self.page.keyboard.type(query)
        assert box.input_value() == query  # in the spelling given
        return self.results()

    def results(self, timeout: float = 5.0) -> list[tuple[str, str]]:
        deadline = time.monotonic() + timeout
        previous = None
        while time.monotonic() < deadline:
            meta = self.page.locator(".md-search-result__meta").text_content().strip()
            current = [
                (urlsplit(link.get_attribute("href")).path, link.inner_html())
                for link in self.page.locator(LINK).all()
            ]
            if current == previous and (current or meta == self.none):
                return current
            previous = current
            self.page.wait_for_timeout(100)
        raise AssertionError(f"search results did not settle: {previous}")


@pytest.fixture
def tab(browser, server):
    context = browser.new_context()
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(error))
    yield Tab(page, server)
    context.close()
    assert not errors


def paths(found) -> list[str]:
    return [path for path, _ in found]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("", "freelancer", "/getting-paid/"),
        ("hi/", "पेमेंट", "/hi/getting-paid/"),
        ("bn/", "পেমেন্ট", "/bn/getting-paid/"),
    ],
)
def test_typed_or_pasted_the_results_and_index_are_the_readers_language(tab, path, query, expected):
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    assert not [url for url in tab.requested if "/search/index." in url]  # fetched on demand
    for paste in (False, True):
        found = tab.search(query, paste=paste)
        assert expected in paths(found)
        if path:
            assert all(p.startswith("/" + path) for p in paths(found))
        else:
            assert not [p for p in paths(found) if p.startswith(("/hi/", "/bn/"))]
    language = path.strip("/") or "en"
    indexes = [urlsplit(url).path for url in tab.requested if "/search/index." in url]
    assert indexes == [f"/{path}search/index.{language}.json"]  # once
    shards = [
        urlsplit(url).path
        for url in tab.requested
        if "/search/" in url and not url.endswith("/search_index.json")  # Material's stub
    ]
    assert all(p.startswith(f"/{path}search/") for p in shards)  # the language's own files
    assert len(shards) == len(set(shards))  # each fetched once
    assert not [url for url in tab.requested if "lunr" in url or "wordcut" in url]
    assert all(url.startswith(tab.server.url) for url in tab.requested)


def test_another_languages_word_finds_nothing(tab):
    assert tab.open("").search("पेमेंट") == []
    assert tab.open("hi/").search("পেমেন্ট") == []


SPELLINGS = [  # (path, one spelling, the other, a page with the word)
    ("bn/", "ক্লা\u09dfেন্ট", "ক্লা\u09af\u09bcেন্ট", "/bn/getting-paid/"),  # য়
    ("bn/", "ব\u09dc", "ব\u09a1\u09bc", "/bn/getting-paid/"),  # ড়
    ("bn/", "আষা\u09dd", "আষা\u09a2\u09bc", "/bn/getting-paid/"),  # ঢ়
    ("hi/", "\u0958ानूनी", "\u0915\u093cानूनी", "/hi/getting-paid/"),  # क़
    ("hi/", "\u0958ीमत", "\u0915\u093cीमत", "/hi/rates/"),  # क़
    ("hi/", "\u092a\u095d\u093e\u0908", "\u092a\u0922\u093c\u093e\u0908", "/hi/"),  # ढ़
    ("hi/", "\u095bरूरी", "\u091c\u093cरूरी", "/hi/"),  # ज़
    ("hi/", "\u092c\u095c\u093e", "\u092c\u0921\u093c\u093e", "/hi/rates/"),  # ड़
]


@pytest.mark.parametrize(("path", "composed", "decomposed", "expected"), SPELLINGS)
def test_either_unicode_spelling_finds_the_word(tab, path, composed, decomposed, expected):
    assert composed != decomposed and normalize(composed) == normalize(decomposed)
    tab.open(path)
    assert expected in paths(tab.search(composed))
    assert expected in paths(tab.search(decomposed))


def test_joiners_do_not_break_a_match(tab):
    tab.open("bn/")
    for query in ["র্যাংক", "র\u200d্যাংক", "ইমেইল", "ই\u200cমেইল"]:
        assert "/bn/getting-paid/" in paths(tab.search(query)), query


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # a word from its first letters, as the reader types
        ("hi/", {"पेमें": "/hi/getting-paid/", "फ्री": "/hi/", "इनवॉ": "/hi/getting-paid/"}),
        ("bn/", {"ইনভ": "/bn/getting-paid/", "ফ্রিল্যা": "/bn/"}),
        # an English word finds the glossary's Hindi or Bengali term
        (
            "hi/",
            {"payment": "/hi/getting-paid/", "paym": "/hi/getting-paid/", "freelancer": "/hi/"},
        ),
        ("bn/", {"freelancer": "/bn/", "invoice": "/bn/getting-paid/"}),
    ],
)
def test_prefixes_and_english_words_find_pages_in_the_language(tab, path, queries):
    tab.open(path)
    for query, expected in queries.items():
        found = tab.search(query)
        assert expected in paths(found), query
        assert all(p.startswith("/" + path) for p in paths(found)), query


def test_results_mark_whole_words(tab):
    assert "/hi/getting-paid/" in dict(tab.open("hi/").search("इनवॉ"))
    # a section's title, among the sections of the passage fetched once the query settles
    tab.page.wait_for_function(
        """html => [...document.querySelectorAll(".md-search-result__link h2")]
          .some(h => h.innerHTML === html)""",
        arg="<mark>इनवॉइस</mark> कैसे भेजें",
        timeout=5000,
    )


def teaser(tab, path: str, timeout: float = 5.0) -> str:
    """The passage quoted under the result for the page at `path` (it comes once the query has
    settled and the worker has fetched it)."""
    handle = tab.page.wait_for_function(
        """path => {
          for (const link of document.querySelectorAll(".md-search-result__link"))
            if (new URL(link.href).pathname === path && !new URL(link.href).hash) {
              const p = link.querySelector("article p")
              return p ? p.innerHTML : false
            }
          return false
        }""",
        arg=path,
        timeout=timeout * 1000,
    )
    return handle.json_value()


@pytest.mark.parametrize(
    ("path", "query", "page", "passage"),
    [
        ("hi/", "पेमेंट", "/hi/", "क्लाइंट बैंक से <mark>पेमेंट</mark> करते हैं"),
        ("hi/", "bada", "/hi/rates/", "<mark>बड़ा</mark> काम"),
        ("bn/", "পেমেন্ট", "/bn/", "ক্লায়েন্ট <mark>পেমেন্ট</mark> দেন"),
        ("bn/", "taka", "/bn/getting-paid/", "১২০০ <mark>টাকা</mark>"),
        ("", "invoice", "/getting-paid/", "Send an <mark>invoice</mark> after the work"),
    ],
)
def test_each_result_quotes_the_passage_around_the_match(tab, path, query, page, passage):
    tab.open(path).search(query)
    assert passage in teaser(tab, page)


SOUNDS = [
    # typed in Latin letters, as most readers type on a phone: found by sound
    ("hi/", "zaruri", "/hi/", "ज़रूरी"),
    ("hi/", "jaruri", "/hi/", "ज़रूरी"),
    ("hi/", "padhai", "/hi/", "पढ़ाई"),
    ("hi/", "kanuni", "/hi/getting-paid/", "क़ानूनी"),
    ("hi/", "bhugtan", "/hi/getting-paid/", "पेमेंट"),  # the glossary's formal word, romanized
    ("bn/", "taka", "/bn/getting-paid/", "টাকা"),
    ("bn/", "kaj", "/bn/getting-paid/", "কাজ"),
    ("bn/", "mas", "/bn/getting-paid/", "মাস"),
    ("bn/", "pathan", "/bn/getting-paid/", "পাঠান"),
    # the formal or everyday word the guide does not write: the glossary's synonyms
    ("hi/", "भुगतान", "/hi/getting-paid/", "पेमेंट"),
    ("hi/", "ग्राहक", "/hi/", "क्लाइंट"),
    ("bn/", "পরিশোধ", "/bn/getting-paid/", "পেমেন্ট"),
    ("bn/", "গ্রাহক", "/bn/", "ক্লায়েন্ট"),
    # a form of a word the pages write otherwise
    ("hi/", "क्लाइंटों", "/hi/", "क्लाइंट"),
    ("hi/", "इनवॉइसों", "/hi/getting-paid/", "इनवॉइस"),
    ("bn/", "ক্লায়েন্টদের", "/bn/", "ক্লায়েন্ট"),
    ("bn/", "টাকার", "/bn/getting-paid/", "টাকা"),
    # a word of the navigation above the page
    ("hi/", "कागजात", "/hi/getting-paid/", "कागजात"),  # the house style writes no nukta
    ("bn/", "কাগজপত্র", "/bn/getting-paid/", "কাগজপত্র"),
]


@pytest.mark.parametrize(("path", "query", "expected", "marked"), SOUNDS)
def test_romanized_formal_inflected_and_navigation_words_typed_or_pasted(
    tab, path, query, expected, marked
):
    tab.open(path)
    for paste in (False, True):
        found = dict(tab.search(query, paste=paste))
        assert expected in found, (query, paste)
        assert all(p.startswith("/" + path) for p in found)
    assert f"<mark>{marked}</mark>" in found[expected] + teaser(tab, expected)


def test_native_matches_rank_before_synonyms_and_sounds(tab):
    # "payment" is on the English-language Hindi page? No: पेमेंट is, and "payment" is its
    # glossary term; a page with the word as typed comes first
    found = paths(tab.open("hi/").search("पेमेंट"))
    assert found[0] in ("/hi/getting-paid/", "/hi/")
    found = paths(tab.search("bank"))  # बैंक by synonym (bank transfer needs both words)
    assert found == [] or all(p.startswith("/hi/") for p in found)


def test_a_word_of_another_language_romanized_finds_nothing_there(tab):
    assert tab.open("").search("paisa") == []  # English pages have no phonetic keys


@pytest.mark.parametrize(
    ("path", "query", "count", "more", "placeholder"),
    [
        ("hi/", "इनवॉइस", "1 पेज मिला", "इस पेज पर 1 और", "खोजिए"),
        ("bn/", "ইনভয়েস", "১টি পেজ পাওয়া গেছে", "এই পেজে আরও ১টি", "খুঁজুন"),
        ("bn/", "পেমেন্ট", "২টি পেজ পাওয়া গেছে", None, "খুঁজুন"),
        ("", "invoice", "1 matching page", "1 more on this page", "Search"),
    ],
)
def test_counts_and_words_of_the_results_are_in_the_page_language(
    tab, path, query, count, more, placeholder
):
    tab.open(path)
    assert tab.page.locator(BOX).get_attribute("placeholder") == placeholder
    tab.search(query)
    meta = tab.page.locator(".md-search-result__meta")
    tab.page.wait_for_function(
        "([el, text]) => el.textContent.trim() === text", arg=[meta.element_handle(), count]
    )
    if more:
        teaser(tab, f"/{path}getting-paid/")  # the passage, and the sections it holds, came
        summary = tab.page.locator(".md-search-result__more summary").first
        assert summary.text_content().strip() == more
    tab.search("zzzzqqq")
    none = tab.page.locator(".md-search-result__meta").text_content().strip()
    assert (
        none
        == {"hi/": "कोई पेज नहीं मिला", "bn/": "কোনো পেজ পাওয়া যায়নি", "": "No matching pages"}[path]
    )


@pytest.mark.parametrize(
    ("path", "query", "marked"),
    [
        ("hi/", "इनवॉइस", "इनवॉइस"),  # written “इनवॉइस”: the quotes stay out
        ("hi/", "गाइड", "गाइड"),  # written गाइड।
        ("bn/", "ক্লা\u09dfেন্ট", "ক্লা\u09af\u09bcেন্ট"),  # typed U+09DF, written য + ়
        ("bn/", "র্যাংক", "র\u200d্যাংক"),  # typed without the ZWJ the page has
        ("bn/", "1200", "১২০০"),  # ASCII digits find Bengali ones
    ],
)
def test_the_page_opened_marks_the_words_found(tab, path, query, marked):
    assert tab.open(path).search(query)
    tab.page.locator(LINK).first.click()
    tab.page.wait_for_selector("mark[data-md-highlight]")
    marks = tab.page.locator("mark[data-md-highlight]").all()
    assert marked in [mark.text_content() for mark in marks]


JS_CASES = [
    "ক্লা\u09dfেন্ট ক্লা\u09af\u09bcেন্ট র\u200d্যাংক ই\u200cমেইল ১২০০ টাকা।",
    "\u0958ानूनी क\u093cीमत पढ़ाई। गाइड॥ “इनवॉइस” (क्लाइंट) बार-बार ₹१२,०००",
    "Freelancer's e-commerce [VA] {x} «y» support.upwork.com 5:30 free\u00adlancer \ufeffA",
    "\U0001d400b ａb Ωmega ÅNGSTRÖM İstanbul ß",
]


def test_the_worker_normalizes_and_splits_text_as_the_index_does(browser):
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><title>worker</title>")
        page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        in_browser = page.evaluate(
            "cs => cs.map(c => [guideSearch.normalize(c), guideSearch.words(c).map(w => w[2])])",
            JS_CASES,
        )
    finally:
        page.close()
    assert in_browser == [[normalize(case), tokenize(case)] for case in JS_CASES]


def worker_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>worker</title>")
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    return page


def test_the_worker_keys_latin_text_as_python_does(browser):
    cases = [
        (language, text)
        for language, pairs in ROMANIZED.items()
        for typed, word in pairs
        for text in (typed, native_latin(word), native_latin(word, "a"))
    ] + [(language, text) for language in KEY_RULES for text in ("qhxh", "shwv", "aayyaa", "")]
    page = worker_page(browser)
    try:
        in_browser = page.evaluate(
            "([cases, rules]) => cases.map(([l, t]) => guideSearch.loosen(t, rules[l]))",
            [cases, KEY_RULES],
        )
    finally:
        page.close()
    assert in_browser == [loosen(text, language) for language, text in cases]


def test_the_worker_takes_endings_off_as_python_does(browser):
    tables = {language: suffix_table(language) for language in ("hi", "bn", "en")}
    page = worker_page(browser)
    try:
        in_browser = page.evaluate(
            "([cases, tables]) => cases.map(([l, w]) => guideSearch.stems(w, tables[l]))",
            [[[language, word] for language, word, _ in STEMS], tables],
        )
    finally:
        page.close()
    assert in_browser == [stem_candidates(word, language) for language, word, _ in STEMS]
    assert in_browser == [stems for _, _, stems in STEMS]


def test_the_worker_in_a_real_worker_answers_materials_messages(browser, server):
    page = browser.new_page()
    try:
        page.goto(server.url + "hi/")
        answers = page.evaluate(
            """async () => {
              const url = JSON.parse(document.querySelector("#__config").textContent).search
              const worker = new Worker(new URL(url, location.href))
              const answers = []
              await new Promise(resolve => {
                worker.onmessage = ev => {
                  answers.push(ev.data)
                  if (ev.data.type === 1) worker.postMessage({ type: 2, data: "kaushal paisa" })
                  if (ev.data.type === 3 && answers.length >= 3) resolve()
                }
                worker.postMessage({ type: 0, data: {} })
              })
              return answers
            }"""
        )
    finally:
        page.close()
    assert answers[0] == {"type": 1}
    items = answers[-1]["data"]["items"]
    assert items and all(item[0]["location"].startswith("hi/") for item in items)
