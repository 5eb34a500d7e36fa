"""The built site's search: one index per language, every page pointed at its own, no lunr."""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import FixtureSite
from lib.search_text import SEPARATOR, decode_words, normalize
from search_support import NAV, PAGES

SITE_URL = "https://example.org/guide/"
WORKER = "assets/javascripts/workers/guide-search.js"

LANGUAGES = {"en": "", "hi": "hi/", "bn": "bn/"}


def index_file(site: Path, language: str) -> Path:
    return site / LANGUAGES[language] / "search" / f"index.{language}.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = FixtureSite(tmp_path_factory.mktemp("search") / "project", nav=NAV).pages(PAGES)
    build = project.build(env={"SITE_URL": SITE_URL})
    assert build.ok, build.output
    return build.site


def load_index(site: Path, language: str) -> dict:
    return json.loads(index_file(site, language).read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_an_index_of_its_own_pages(site, language):
    locations = [location for location, _ in load_index(site, language)["docs"]]
    assert locations
    if language == "en":
        assert not [loc for loc in locations if loc.startswith(("hi/", "bn/"))]
    else:
        assert all(loc.startswith(f"{language}/") for loc in locations)


def test_untranslated_pages_are_only_in_the_english_index(site):
    assert "rates/" in [loc for loc, _ in load_index(site, "en")["docs"]]
    assert "bn/rates/" not in [loc for loc, _ in load_index(site, "bn")["docs"]]
    assert "hi/rates/" in [loc for loc, _ in load_index(site, "hi")["docs"]]


def test_index_holds_normalized_words_and_how_pages_write_them(site):
    bengali = load_index(site, "bn")
    words = set(decode_words(bengali["words"]))
    for written in ("ক্লা\u09dfেন্ট", "ক্লা\u09af\u09bcেন্ট", "ব\u09dc", "আষা\u09dd", "র\u200d্যাংক"):
        assert normalize(written) in words, written
    assert {"ইমেইল", "1200", "ইনভয়েস"} <= words
    assert bengali["forms"]["র্যাংক"] == ["র\u200d্যাংক"]
    hindi = set(decode_words(load_index(site, "hi")["words"]))
    assert {normalize("\u0958ानूनी"), normalize("\u092a\u095d\u093e\u0908"), "गाइड"} <= hindi


def test_hindi_and_bengali_indexes_carry_glossary_synonyms(site):
    assert load_index(site, "hi")["synonyms"]["payment"] == ["पेमेंट"]
    assert load_index(site, "bn")["synonyms"]["freelancer"] == ["ফ্রিল্যান্সার"]


def test_materials_own_index_is_a_stub(site):
    stub = site / "search" / "search_index.json"
    data = json.loads(stub.read_text(encoding="utf-8"))
    assert data["docs"] == []
    assert data["config"]["separator"] == SEPARATOR
    assert data["config"]["lang"] == ["en"]
    assert stub.stat().st_size < 1024


def html_pages(site: Path) -> list[Path]:
    """Every page with a search box: not the offline page (hooks/offline_reading.py)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if "assets" not in p.relative_to(site).parts and p.name != "offline.html"
    )


def page_language(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("hi", "bn") else "en"


def test_every_page_sends_search_to_the_worker_and_its_language_index(site):
    version = hashlib.sha256((site / WORKER).read_bytes()).hexdigest()[:8]
    pages = html_pages(site)
    assert len(pages) >= 10  # every page and each language's 404
    for page in pages:
        html = page.read_text(encoding="utf-8")
        config = json.loads(
            unescape(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)[1])
        )
        relative = page.relative_to(site).as_posix()
        page_url = urljoin(SITE_URL, relative)
        worker = urljoin(page_url, config["search"])
        assert urlsplit(worker).path == urlsplit(SITE_URL).path + WORKER, relative
        assert urlsplit(worker).query == f"v={version}", relative
        index = urljoin(worker, urlsplit(worker).fragment)
        language = page_language(site, page)
        assert index == SITE_URL + index_file(site, language).relative_to(site).as_posix(), relative
        assert "wordcut" not in html and "lunr" not in html and "workers/search." not in html


def test_a_page_without_a_search_box_is_left_alone():
    from search_index import point_to_worker

    html = "<html><script>var a = {'search': 1}</script></html>"
    assert point_to_worker(html, "x.js") == html
