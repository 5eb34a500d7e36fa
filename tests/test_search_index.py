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
from lib.search_text import SEPARATOR, normalize
from search_support import LANGUAGES, NAV, PAGES, load_entry, search_folder, site_vocabulary

SITE_URL = "https://example.org/guide/"
WORKER = "assets/javascripts/workers/guide-search.js"
CORE = "assets/javascripts/workers/guide-search-core.js"


def index_file(site: Path, language: str) -> Path:
    return search_folder(site, language) / f"index.{language}.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = FixtureSite(tmp_path_factory.mktemp("search") / "project", nav=NAV).pages(PAGES)
    build = project.build(env={"SITE_URL": SITE_URL})
    assert build.ok, build.output
    return build.site


def addresses(site: Path, language: str) -> list[str]:
    entry = load_entry(site, language)
    return [entry["prefix"] + location for location, _ in entry["pages"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_an_index_of_its_own_pages(site, language):
    locations = addresses(site, language)
    assert locations
    if language == "en":
        assert not [loc for loc in locations if loc.startswith(("hi/", "bn/"))]
    else:
        assert all(loc.startswith(f"{language}/") for loc in locations)


def test_untranslated_pages_are_only_in_the_english_index(site):
    assert "rates/" in addresses(site, "en")
    assert "bn/rates/" not in addresses(site, "bn")
    assert "hi/rates/" in addresses(site, "hi")


def test_index_holds_normalized_words_and_how_pages_write_them(site):
    bengali = site_vocabulary(site, "bn")
    for written in ("ক্লা\u09dfেন্ট", "ক্লা\u09af\u09bcেন্ট", "ব\u09dc", "আষা\u09dd", "র\u200d্যাংক"):
        assert normalize(written) in bengali, written
    assert {"ইমেইল", "1200", "ইনভয়েস"} <= set(bengali)
    assert bengali["র্যাংক"]["written"] == ["র\u200d্যাংক"]
    hindi = site_vocabulary(site, "hi")
    assert {normalize("\u0958ानूनी"), normalize("\u092a\u095d\u093e\u0908"), "गाइड"} <= set(hindi)


def test_hindi_and_bengali_indexes_carry_glossary_synonyms_and_key_rules(site):
    hindi, bengali = load_entry(site, "hi"), load_entry(site, "bn")
    assert hindi["synonyms"]["payment"] == ["पेमेंट"]
    assert hindi["synonyms"]["भुगतान"] == ["पेमेंट"]
    assert bengali["synonyms"]["freelancer"] == ["ফ্রিল্যান্সার"]
    assert hindi["rules"] and bengali["keys"] and bengali["suffixes"]["endings"]
    assert load_entry(site, "en")["rules"] is None and load_entry(site, "en")["keys"] == []


def test_navigation_titles_are_indexed_in_the_language(site):
    # getting-paid.md sits under "Money and paperwork": पैसा और कागजात, টাকা ও কাগজপত্র
    assert site_vocabulary(site, "hi")["कागजात"]["pages"].startswith("1")
    assert "কাগজপত্র" in site_vocabulary(site, "bn")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifest_lists_every_file_of_the_language_search_folder(site, language):
    folder = search_folder(site, language)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["entry"] == f"index.{language}.json" == manifest["files"][0]
    on_disk = {p.name for p in folder.iterdir()} - {"manifest.json", "search_index.json"}
    assert set(manifest["files"]) == on_disk
    assert all("/" not in name for name in manifest["files"])  # all in the language's search/


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
    # the worker and the search it loads, under one version
    digests = [
        hashlib.sha256((site / name).read_bytes()).hexdigest()[:8] for name in (WORKER, CORE)
    ]
    version = hashlib.sha256("".join(digests).encode()).hexdigest()[:8]
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
