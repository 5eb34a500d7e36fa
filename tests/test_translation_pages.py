"""The built site: the translation status page, the outdated banner and "edit this page"."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ROOT, Build, FixtureSite
from lib.site_languages import read_mkdocs_yml
from lib.translation_status import source_hash, with_source_hash

OLD_RATES = "# Rates\n\nA beginner charges $5 an hour.\n"
RATES = "# Rates\n\nA beginner charges $6 an hour.\n"  # edited after the Hindi translation
HOME = "# Home\n\nWelcome.\n"
GLOSSARY = "# Glossary\n\nTerms.\n"
FAQ = "# FAQ\n\nQuestions.\n"
SITE = "https://example.org/guide/"
EDIT = "https://github.com/va-guide/va-guide/edit/main/"

NAV = """\
  - index.md
  - rates.md
  - Reference:
      - glossary.md
      - faq.md
      - translations.md
"""


def stamp(text: str, english: str) -> str:
    return with_source_hash(text, source_hash(english.encode()))


def real(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    """index: hi, bn up to date; rates: hi outdated (English edited), bn up to date;
    glossary: hi never stamped, bn missing; faq: missing in both."""
    site = FixtureSite(tmp_path_factory.mktemp("translations") / "project", nav=NAV)
    site.pages(
        {
            "docs/index.md": HOME,
            "docs/rates.md": RATES,
            "docs/glossary.md": GLOSSARY,
            "docs/faq.md": FAQ,
            "docs/translations.md": real("docs/translations.md"),
            "hi/translations.md": real("hi/translations.md"),
            "bn/translations.md": real("bn/translations.md"),
            "hi/index.md": stamp("# होम\n\nस्वागत है।\n", HOME),
            "hi/rates.md": stamp("# रेट\n\nशुरुआत में $5 प्रति घंटा।\n", OLD_RATES),
            "hi/glossary.md": "# शब्दावली\n\nशब्द।\n",
            "bn/index.md": stamp("# হোম\n\nস্বাগতম।\n", HOME),
            "bn/rates.md": stamp("# রেট\n\nশুরুতে ঘণ্টায় $6।\n", RATES),
        }
    )
    result = site.build(env={"SITE_URL": SITE})
    assert result.ok, result.output
    return result


@pytest.fixture(scope="module")
def ui() -> dict[str, dict[str, str]]:
    """The banner strings of each language, as data/labels.yml defines them."""
    labels = yaml.safe_load(real("data/labels.yml"))["labels"]
    return {lang: {key: text[lang] for key, text in labels.items()} for lang in ("en", "hi", "bn")}


def table(html: str) -> list[list[str]]:
    """The status table of a built page as rows of cell texts."""
    found = re.search(r"<table[^>]*>(.*?)</table>", html, re.S)
    assert found, "no table on the page"
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", found[1], re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells])
    return rows


def banner(html: str) -> str | None:
    found = re.search(r'<div class="guide-banner guide-banner--outdated".*?</div>', html, re.S)
    return found[0] if found else None


def edit_link(html: str) -> str:
    links = re.findall(r'<a href="([^"]*/edit/[^"]*)"', html)
    assert len(links) == 1, links
    return links[0]


# --- the status page --------------------------------------------------------------------------


def test_english_status_page_states(build):
    assert table(build.page("translations/index.html")) == [
        ["Page", "हिन्दी", "বাংলা"],
        ["faq.md", "missing", "missing"],
        ["glossary.md", "outdated *", "missing"],
        ["index.md", "up to date", "up to date"],
        ["rates.md", "outdated", "up to date"],
    ]


def test_hindi_status_page_speaks_hindi(build):
    assert table(build.page("hi/translations/index.html")) == [
        ["पेज", "हिन्दी", "বাংলা"],
        ["faq.md", "अनुवाद नहीं हुआ", "अनुवाद नहीं हुआ"],
        ["glossary.md", "पुराना *", "अनुवाद नहीं हुआ"],
        ["index.md", "अप-टू-डेट", "अप-टू-डेट"],
        ["rates.md", "पुराना", "अप-टू-डेट"],
    ]


def test_bengali_status_page_speaks_bengali(build):
    assert table(build.page("bn/translations/index.html")) == [
        ["পেজ", "हिन्दी", "বাংলা"],
        ["faq.md", "অনুবাদ হয়নি", "অনুবাদ হয়নি"],
        ["glossary.md", "পুরোনো *", "অনুবাদ হয়নি"],
        ["index.md", "আপ-টু-ডেট", "আপ-টু-ডেট"],
        ["rates.md", "পুরোনো", "আপ-টু-ডেট"],
    ]


@pytest.mark.parametrize(
    ("page", "rates_url"),
    [
        ("translations/index.html", f"{SITE}rates/"),
        ("hi/translations/index.html", f"{SITE}hi/rates/"),
        ("bn/translations/index.html", f"{SITE}bn/rates/"),
    ],
)
def test_status_page_links_each_page_in_its_language(build, page, rates_url):
    html = build.page(page)
    page_url = urljoin(SITE, page.removesuffix("index.html"))
    links = re.findall(r'<td[^>]*><a href="([^"]*)"><code>rates\.md</code></a></td>', html)
    assert [urljoin(page_url, link) for link in links] == [rates_url]


def test_status_page_tells_how_to_stamp_an_unstamped_translation(build):
    html = build.page("translations/index.html")
    assert "python -m tools.translations stamp hi/glossary.md" in html


def test_marker_is_gone_everywhere(build):
    for page in build.site.rglob("*.html"):
        assert "guide:translations" not in page.read_text(encoding="utf-8"), page


def test_status_page_is_in_the_nav_of_every_language(build):
    # navigation.prune: a page's nav shows its own section in full (here, Reference's)
    assert 'href="../translations/"' in build.page("glossary/index.html")
    hindi = build.page("hi/glossary/index.html")
    assert re.search(r'href="../translations/"[^>]*>\s*(<[^>]+>\s*)*अनुवाद की स्थिति', hindi)
    bengali = build.page("bn/glossary/index.html")
    assert re.search(r'href="../translations/"[^>]*>\s*(<[^>]+>\s*)*অনুবাদের অবস্থা', bengali)


def test_real_nav_lists_the_status_page_under_reference():
    nav = read_mkdocs_yml(real("mkdocs.yml"))["nav"]
    reference = next(
        item["Reference"] for item in nav if isinstance(item, dict) and "Reference" in item
    )
    assert "translations.md" in reference


# --- the outdated banner ----------------------------------------------------------------------


def test_outdated_hindi_page_shows_hindi_banner_linking_the_english_page(build, ui):
    html = build.page("hi/rates/index.html")
    shown = banner(html)
    assert shown is not None
    assert ui["hi"]["outdated"] in shown
    links = re.findall(r'<a href="([^"]*)" hreflang="en">([^<]*)</a>', shown)
    assert [(urljoin(f"{SITE}hi/rates/", href), text) for href, text in links] == [
        (f"{SITE}rates/", ui["hi"]["outdated_link"])
    ]
    english = build.page("rates/index.html")
    assert "$6 an hour" in english and '<html lang="en"' in english


def test_never_stamped_translation_counts_as_outdated(build, ui):
    shown = banner(build.page("hi/glossary/index.html"))
    assert shown is not None and ui["hi"]["outdated"] in shown


@pytest.mark.parametrize(
    "page",
    [
        "hi/index.html",  # up to date
        "bn/index.html",  # up to date
        "bn/rates/index.html",  # up to date although the Hindi one is not
        "rates/index.html",  # English
        "hi/faq/index.html",  # missing: the English fallback has its own banner
        "bn/glossary/index.html",  # missing
        "hi/translations/index.html",  # the status page is not tracked
    ],
)
def test_no_outdated_banner(build, page):
    assert banner(build.page(page)) is None


def test_banner_strings_exist_in_every_language(ui):
    for language in ["en", "hi", "bn"]:
        assert ui[language]["outdated"] and ui[language]["outdated_link"]


# --- "edit this page" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("rates/index.html", "docs/rates.md"),
        ("hi/rates/index.html", "hi/rates.md"),
        ("bn/rates/index.html", "bn/rates.md"),
        ("index.html", "docs/index.md"),
        ("hi/index.html", "hi/index.md"),
        ("bn/index.html", "bn/index.md"),
        ("hi/translations/index.html", "hi/translations.md"),
        ("hi/faq/index.html", "docs/faq.md"),  # not translated: the English file is the one
    ],
)
def test_edit_link_opens_the_page_own_file(build, page, source):
    assert edit_link(build.page(page)) == EDIT + source


def test_one_language_preview_shows_the_banner_without_a_dead_link(fixture_site, ui):
    """BUILD_ONLY_LOCALE=hi builds Hindi alone at the root: there is no English page to link."""
    site = fixture_site(
        {
            "docs/index.md": HOME,
            "docs/rates.md": RATES,
            "hi/index.md": stamp("# होम\n", HOME),
            "hi/rates.md": stamp("# रेट\n", OLD_RATES),
            "bn/index.md": "# হোম\n",
        }
    )
    result = site.build(env={"BUILD_ONLY_LOCALE": "hi"})
    assert result.ok, result.output
    shown = banner(result.page("rates/index.html"))
    assert shown is not None and ui["hi"]["outdated"] in shown
    assert "<a " not in shown
    assert banner(result.page("index.html")) is None
