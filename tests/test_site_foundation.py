"""The three-language site: one strict build of a small fixture site, checked page by page."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import pytest

from conftest import FixtureSite

SITE_URL = "https://example.org/guide/"

PAGES = {
    "docs/index.md": "---\ndescription: Home page\n---\n\n# Home\n\nSee [deep](guide/deep.md).\n",
    "docs/guide/deep.md": "# Deep page\n\nBack [home](../index.md).\n",
    "docs/only-english.md": "# Only English\n\nNot translated anywhere.\n",
    "hi/index.md": "# होम\n\n[गहरा पेज](guide/deep.md) देखें।\n",
    "hi/guide/deep.md": "# गहरा पेज\n\n[होम](../index.md) पर लौटें।\n",
    "bn/index.md": "# হোম\n\n[গভীর পেজ](guide/deep.md) দেখুন।\n",
    # bn/guide/deep.md is missing on purpose: it must fall back to English.
}

NAV = """\
  - index.md
  - Start here:
      - guide/deep.md
  - only-english.md
"""

LANGUAGE_PREFIXES = {"en": "", "hi": "hi/", "bn": "bn/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("foundation"), nav=NAV).pages(PAGES)
    build = site.build(env={"SITE_URL": SITE_URL})
    assert build.ok, build.output
    return build


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html)[1]


def switcher_links(html: str) -> dict[str, str]:
    pattern = r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"[^>]*>'
    return {lang: href for href, lang in re.findall(pattern, html)}


def head_alternates(html: str) -> dict[str, str]:
    head = html.split("</head>", 1)[0]
    pattern = r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">'
    return {lang: href for href, lang in re.findall(pattern, head)}


@pytest.mark.parametrize("page", ["index.html", "guide/deep/index.html", "only-english/index.html"])
@pytest.mark.parametrize("language", ["en", "hi", "bn"])
def test_every_page_exists_in_every_language(built, page, language):
    assert (built.site / LANGUAGE_PREFIXES[language] / page).is_file()


@pytest.mark.parametrize("language", ["en", "hi", "bn"])
def test_pages_carry_their_language(built, language):
    for page in ["index.html", "guide/deep/index.html", "404.html"]:
        assert html_lang(built.page(LANGUAGE_PREFIXES[language] + page)) == language, page


@pytest.mark.parametrize(
    ("language", "search_placeholder", "site_name", "section"),
    [
        ("en", "Search", "VA Career Guide", "Start here"),
        # the search box's words are the site's own (data/labels.yml theme_search_placeholder)
        ("hi", "खोजिए", "वर्चुअल असिस्टेंट करियर गाइड", "शुरुआत"),
        ("bn", "খুঁজুন", "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড", "শুরু করুন"),
    ],
)
def test_theme_strings_site_name_and_nav_are_localized(
    built, language, search_placeholder, site_name, section
):
    html = built.page(LANGUAGE_PREFIXES[language] + "guide/deep/index.html")
    assert f'placeholder="{search_placeholder}"' in html
    assert site_name in unescape(html)
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1]
    assert section in nav


def test_translated_pages_show_their_own_text(built):
    assert "गहरा पेज" in built.page("hi/guide/deep/index.html")
    assert "হোম" in built.page("bn/index.html")


@pytest.mark.parametrize("language", ["en", "hi", "bn"])
def test_switcher_leads_to_the_same_page_in_each_language(built, language):
    page_url = SITE_URL + LANGUAGE_PREFIXES[language] + "guide/deep/"
    links = switcher_links(built.page(LANGUAGE_PREFIXES[language] + "guide/deep/index.html"))
    assert {lang: urljoin(page_url, href) for lang, href in links.items()} == {
        lang: SITE_URL + prefix + "guide/deep/" for lang, prefix in LANGUAGE_PREFIXES.items()
    }
    assert list(links) == ["en", "hi", "bn"]


def test_switcher_names_each_language_in_its_own_script(built):
    html = built.page("index.html")
    names = re.findall(r'class="md-select__link"[^>]*>\s*([^<]+?)\s*</a>', html)
    assert names == ["English", "हिन्दी", "বাংলা"]


def test_untranslated_page_falls_back_to_english_with_a_banner(built):
    html = built.page("bn/guide/deep/index.html")
    assert html_lang(html) == "bn"
    banner = re.search(r'<div class="guide-banner guide-banner--fallback".*?</div>', html, re.S)[0]
    assert "এই পেজটি এখনো বাংলায় অনুবাদ হয়নি" in banner
    assert 'href="https://github.com/' in banner and "CONTRIBUTING.bn.md" in banner
    english = html.split('<div lang="en">', 1)[1]
    assert "Deep page" in english


def test_translated_pages_have_no_fallback_banner(built):
    for page in ["hi/guide/deep/index.html", "bn/index.html", "guide/deep/index.html"]:
        assert "guide-banner--fallback" not in built.page(page), page


def test_build_log_lists_untranslated_pages_without_failing(built):
    assert re.search(r"not yet translated into 'bn'.*guide/deep\.md", built.output)
    assert re.search(r"not yet translated into 'hi'.*only-english\.md", built.output)
    assert "WARNING" not in built.output


@pytest.mark.parametrize(
    ("page", "language", "title"),
    [
        ("404.html", "en", "Page not found"),
        ("hi/404.html", "hi", "पेज नहीं मिला"),
        ("bn/404.html", "bn", "পেজটি পাওয়া যায়নি"),
    ],
)
def test_each_language_has_its_own_404(built, page, language, title):
    html = built.page(page)
    assert html_lang(html) == language
    assert title in html
    # its switcher offers the language home pages, not whatever page was built last
    assert {
        lang: href.rstrip("/").split("/")[-1] for lang, href in switcher_links(html).items()
    } == {"en": "guide", "hi": "hi", "bn": "bn"}


def test_root_404_also_speaks_hindi_and_bengali(built):
    """GitHub Pages serves only site/404.html, also for a mistyped /hi/… or /bn/… address."""
    html = built.page("404.html")
    sections = re.findall(
        r'<section class="guide-404-other" lang="(\w+)">(.*?)</section>', html, re.S
    )
    assert [(lang, re.findall(r'href="([^"]+)"', body)) for lang, body in sections] == [
        ("hi", ["/guide/hi/"]),
        ("bn", ["/guide/bn/"]),
    ]
    assert "पेज नहीं मिला" in sections[0][1] and "পেজটি পাওয়া যায়নি" in sections[1][1]
    # the Hindi and Bengali 404s stay in their own language only
    assert "guide-404-other" not in built.page("hi/404.html") + built.page("bn/404.html")


def test_sitemap_lists_absolute_alternates_for_all_languages(built):
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>.*?</url>", sitemap, re.S)
    deep = next(u for u in urls if f"<loc>{SITE_URL}hi/guide/deep/</loc>" in u)
    alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', deep))
    assert alternates == {
        lang: SITE_URL + prefix + "guide/deep/" for lang, prefix in LANGUAGE_PREFIXES.items()
    }
    assert "None" not in sitemap


def test_head_alternates_are_absolute(built):
    alternates = head_alternates(built.page("bn/guide/deep/index.html"))
    assert alternates == {
        lang: SITE_URL + prefix + "guide/deep/" for lang, prefix in LANGUAGE_PREFIXES.items()
    }


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("guide/deep/index.html", "docs/guide/deep.md"),
        ("hi/guide/deep/index.html", "hi/guide/deep.md"),
        ("bn/index.html", "bn/index.md"),
    ],
)
def test_edit_link_opens_the_pages_own_file(built, page, source):
    links = re.findall(r'href="([^"]+)"[^>]*class="md-content__button', built.page(page))
    assert links == [f"https://github.com/va-guide/va-guide/edit/main/{source}"]


def test_no_third_party_requests_in_pages(built):
    for html_file in built.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        # Material's source component is what calls the GitHub API for stars
        assert 'data-md-component="source"' not in html
        # (the 404 and offline pages have no repository link)
        assert 'href="https://github.com/va-guide/va-guide" title=' in html or html_file.name in {
            "404.html",
            "offline.html",
        }


def test_translations_inside_docs_are_refused(fixture_site):
    site = fixture_site(
        {
            "docs/index.md": "# Home\n",
            "docs/hi/index.md": "# होम\n",
            "hi/index.md": "# होम\n",
            "bn/index.md": "# হোম\n",
        }
    )
    build = site.build()
    assert not build.ok
    assert "docs/hi/ exists, but hi pages belong in the top-level hi/ folder" in build.output
    assert "Traceback" not in build.output


def test_single_language_build_for_translators(fixture_site):
    site = fixture_site(
        {"docs/index.md": "# Home\n", "hi/index.md": "# होम\n", "bn/index.md": "#\n"}
    )
    build = site.build(env={"BUILD_ONLY_LOCALE": "hi"})
    assert build.ok, build.output
    assert html_lang(build.page("index.html")) == "hi"
    assert "होम" in build.page("index.html")
    assert not (build.site / "bn").exists()
