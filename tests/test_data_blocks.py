"""Data blocks: rendered in each language, escaped, every record shown, markers checked, and
real strict builds of fixture sites (including broken and hostile data)."""

from __future__ import annotations

import json
import re
import time
from html import escape, unescape
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.theme import Theme

import data_blocks
import lib.data.loader as loader
from conftest import ROOT
from data_blocks import (
    find_markers,
    missing_records,
    record_ids,
    render_block,
    replace_markers,
    template_env,
)
from data_support import (
    ALIAS_BOMB,
    BROKEN_PROBLEMS,
    FIXTURES,
    LANGUAGES,
    all_sources,
    load,
    make_data_dir,
)
from lib.blocks import BLOCKS, Localizer, conversions, https
from lib.data import DATA_FILES, DataError, load_data
from lib.formats import format_year


@pytest.fixture(scope="module")
def env():
    """The environment the hook renders with: the theme's, overrides/ first, autoescape on."""
    return template_env(Theme(name="material", custom_dir=str(ROOT / "overrides")))


@pytest.fixture(scope="module")
def real():
    return load_data(ROOT / "data", LANGUAGES)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return load(make_data_dir(tmp_path_factory.mktemp("small") / "data"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return load(
        make_data_dir(tmp_path_factory.mktemp("hostile") / "data", FIXTURES / "data-hostile")
    )


# The one <svg> tag a block may print: a chart's, from overrides/guide/_chart.html.
CHART_SVG = '<svg class="guide-chart__svg"'


def text_of(html: str) -> str:
    """What a reader sees: tags (with their attributes) and the tools' JSON data removed,
    entities decoded."""
    html = re.sub(r"<script\b[^>]*>.*?</script>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]*>", " ", html))


# Rendering, per language


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "₹70–₹1,00,000+",  # Indian grouping, open top
                "≈ BDT\u00a094–BDT\u00a01,33,661+",  # taka only ever as a conversion
                "US$1 = ₹91.50, January 2026",  # the rate and its date beside the conversion
                "US$10–US$100",
                "per piece of work",
                "Routine work",
                # sources as short links: name, year, and a label on a weak one (a blog)
                'Sources: <a href="https://example.com/tools" rel="noopener">example.com</a> 2026 '
                '<span class="guide-weak">blog</span>',
                "Sources: the guide&#39;s Hindi source article undated",  # an article: no link
                '<a href="https://help.example.com/pay?country=bd&amp;lang=en" rel="noopener">'
                "example.com</a> undated)",
                "since 1 May 2025",
                '<em class="guide-unconfirmed">unconfirmed</em>',
                "Suits beginners:</strong> no",
                "Newest source: 2026",
                "email and calendar",
            ],
        ),
        (
            "hi",
            [
                "₹70–₹1,00,000+",
                "≈ ৳94–৳1,33,661+",  # ৳ as Hindi text writes it (house style)
                "प्रति घंटा",
                "US$1 = ₹91.50, जनवरी 2026",
                "की दर से बदला गया",
                "</a> बिना तारीख)",
                '<span class="guide-weak">ब्लॉग</span>',
                "1 मई 2025 से",
                "पुष्टि नहीं हुई",
                "ईमेल और कैलेंडर",
            ],
        ),
        (
            "bn",
            [
                "₹৭০–₹১,০০,০০০+",  # Bengali digits, Indian grouping
                "≈ ৳৯৪–৳১,৩৩,৬৬১+",  # taka first on Bengali pages
                "US$১ = ₹৯১.৫০, জানুয়ারি ২০২৬",
                "US$১০–US$১০০",
                "প্রতি কাজ",
                "example.com</a> ২০২৬",
                "</a> তারিখ নেই)",
                '<span class="guide-weak">ব্লগ</span>',
                "১ মে ২০২৫ থেকে",
                "নিশ্চিত নয়",
                "ইমেইল এবং ক্যালেন্ডার",
            ],
        ),
    ],
)
def test_blocks_in_each_language(small, env, language, expected):
    html = "\n".join(render_block(block, small, language, env) for block in BLOCKS)
    for snippet in expected:
        assert snippet in html, snippet


def test_bengali_conversions_put_taka_first_and_hindi_rupees_first(small, env):
    band = next(b for b in small.rates.bands if b.currency == "USD")
    assert [c["currency"] for c in conversions(Localizer(small, "bn"), band)] == ["BDT", "INR"]
    assert [c["currency"] for c in conversions(Localizer(small, "hi"), band)] == ["INR", "BDT"]


@pytest.mark.parametrize("block", BLOCKS)
def test_bengali_blocks_use_bengali_digits_only(real, env, block):
    def page(name):  # links to other pages: their Bengali titles, as the build reads them
        return "../x/", "পেজ"

    latin = re.findall(r"\S*[0-9]\S*", text_of(render_block(block, real, "bn", env, page)))
    assert not latin, latin


@pytest.mark.parametrize("block", BLOCKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_record_of_the_real_data_is_in_its_block(real, env, block, language):
    html = render_block(block, real, language, env)
    assert missing_records(html, record_ids(block, real)) == []
    assert "\n\n" not in html  # no blank line: Markdown keeps the block whole


def test_glossary_shows_each_term_in_every_language_with_the_pages_definition(real, env):
    html = render_block("glossary", real, "hi", env)
    client = next(t for t in real.glossary.terms if t.id == "client")
    for code in LANGUAGES:
        assert f'lang="{code}">{client.names[code]}<' in html
    assert f'<strong lang="hi">{client.names["hi"]}</strong>' in html
    assert client.definition["hi"] in html and client.definition["en"] not in html


def test_cards_show_converted_amounts_and_the_rates_are_stated_once(real, env):
    """A card shows only ≈ amounts; the rates used, with their dates, come once, under the
    cards (a card on a phone repeated three grey lines of them)."""
    for language in LANGUAGES:
        html = render_block("rates", real, language, env)
        items = re.findall(r'<ul class="guide-conversions">(.*?)</ul>', html, re.S)
        for item in re.findall(r"<li>(.*?)</li>", "".join(items), re.S):
            assert item.startswith("≈ "), item
            assert not re.search(r"2026|২০২৬|=", item), item
        listed = re.search(r'<ul class="guide-data guide-exchange-rates">(.*?)</ul>', html, re.S)
        for rate in real.rates.exchange_rates:
            assert html.count(f'data-record="{rate.currency}"') == 1
            assert f'data-record="{rate.currency}"' in listed[1]
        assert re.search(r"2026|২০২৬", listed[1])


# Escaping: data reaches the page as text

DATA_SCRIPT = r'<script type="application/json" class="guide-tool__data"[^>]*>(.*?)</script>'


@pytest.mark.parametrize("block", BLOCKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_markup_in_data_is_escaped(hostile, env, block, language):
    html = render_block(block, hostile, language, env).replace(CHART_SVG, "")
    # A tool's records, as JSON data (not run): nothing in them can close the element.
    data = re.findall(DATA_SCRIPT, html, flags=re.S)
    assert len(data) == (1 if BLOCKS[block].script else 0)
    assert all("<" not in text and ">" not in text for text in data)
    json.loads(data[0]) if data else None
    html = re.sub(DATA_SCRIPT, "", html, flags=re.S)
    for tag in ("<script", "<img", "<iframe", "<svg", "<style", "<h1", "<h2", "<i>", "<b>"):
        assert tag not in html, tag
    for attribute in ('onmouseover="', "onmouseover='", 'href="javascript', "href='javascript"):
        assert attribute not in html, attribute


def test_escaped_text_reads_as_written(hostile, env):
    html = render_block("skills", hostile, "en", env)
    assert "&lt;script&gt;alert(&#39;en&#39;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # data is never a template
    assert "Slack &amp; co" in html


def test_hostile_source_links_reach_the_page_as_written(hostile, env):
    """A url the schema lets through (no quotes, spaces or angle brackets) is still only
    printed: & escaped, a template in it not run, the link text the site's name as text."""
    portals = render_block("portals", hostile, "en", env)
    assert (
        '<a href="https://example.com/x?a=1&amp;b={{7*7}}&amp;c=javascript:alert(1)" '
        'rel="noopener">&#34;&gt;&lt;script&gt;alert(&#39;src&#39;)&lt;/script&gt;</a> 2026 '
        '<span class="guide-weak">blog</span>'
    ) in portals
    skills = render_block("skills", hostile, "en", env)
    assert '<a href="https://example.com/(x);{y}|z\\w" rel="noopener">&lt;a href=' in skills


@pytest.mark.parametrize("block", BLOCKS)
def test_only_https_links_with_noopener(real, env, block):
    html = render_block(block, real, "en", env)
    for link in re.findall(r"<a\s[^>]*>", html):
        href = re.search(r'href="([^"]*)"', link)[1]
        if BLOCKS[block].script and not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", href):
            continue  # a reader tool's own links: other pages of the guide, or its state (#…)
        assert href.startswith("https://") and 'rel="noopener"' in link, link
    with pytest.raises(DataError, match="only https:// links"):
        https("javascript:alert(1)")


def test_each_source_is_a_short_link_and_a_weak_one_is_marked(real, env):
    """Every source of the real data is a link on its block, its name the link's text, then its
    year; a blog carries the page language's label for a weak source."""
    blocks = {b: render_block(b, real, "bn", env) for b in BLOCKS}
    html = "\n".join(blocks.values())
    sources = [s for s in card_sources(real) if s.url]
    portal_links = len(real.portals.portals)  # each card's heading links the portal itself
    assert len(re.findall(r"<a\s", blocks["portals"])) > portal_links
    for source in sources:
        link = f'<a href="{escape(source.url)}" rel="noopener">{escape(source.site)}</a> '
        assert link in html, source
        after = html.split(link, 1)[1]
        year = format_year(source.year, "bn") if source.year else "তারিখ নেই"
        assert after.startswith(year), (source, after[:40])
        label = after[len(year) :].startswith(' <span class="guide-weak">ব্লগ</span>')
        assert label == source.weak, source
    # one line of small text: no block element inside a fact's sources
    for cited in re.findall(r'<small class="guide-sources">(.*?)</small>', html, re.S):
        assert not re.search(r"<(p|div|br|li|ul)\b", cited), cited


def test_a_label_the_data_lacks_is_a_clear_error(real):
    with pytest.raises(DataError, match=r"the label 'nope' is not in data/labels\.yml"):
        Localizer(real, "en").words["nope"]


def test_a_broken_template_is_a_clear_error(real):
    broken = Environment(
        loader=DictLoader({"guide/skills.html": "{% for x in %}"}), autoescape=True
    )
    with pytest.raises(DataError, match=r"overrides/guide/skills.html:1: the template failed"):
        render_block("skills", real, "en", broken)


def test_a_record_missing_from_a_block_is_found(real):
    dropping = Environment(
        loader=DictLoader(
            {
                "guide/portals.html": "{% for p in portals[1:] %}"
                '<p data-record="{{ p.id }}"></p>{% endfor %}'
            }
        ),
        autoescape=True,
    )
    html = render_block("portals", real, "en", dropping)
    assert missing_records(html, record_ids("portals", real)) == [real.portals.portals[0].id]


# Markers


def test_markers_are_replaced_and_ordinary_comments_kept():
    markdown = (
        "# Page\n\n<!-- a note -->\n<!-- guide:portals -->\nText <!-- guide:rates --> here.\n"
    )
    result, rendered, problems = replace_markers(
        markdown, lambda name: f"<div>{name}</div>", "p.md"
    )
    assert result == (
        "# Page\n\n<!-- a note -->\n\n<div>portals</div>\n\nText <!-- guide:rates --> here.\n"
    )
    assert (rendered, problems) == (["portals"], [])


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("<!-- guide:portal -->", "portal"),
        ("  <!--guide:Rates-->  ", "Rates"),
        ("<!-- guide: skills-list -->", "skills-list"),
        ("<!-- guide: -->", ""),
    ],
)
def test_unknown_marker_names_the_page_and_line(line, name):
    source = f"---\ndescription: x\n---\n\n# Page\n\n{line}\n"
    markdown = source.split("---\n", 2)[2]
    result, rendered, problems = replace_markers(markdown, lambda n: "X", "hi/rates.md", source)
    assert [str(problem) for problem in problems] == [
        f"hi/rates.md:7: unknown data marker <!-- guide:{name} -->: use one of "
        "<!-- guide:skills -->, <!-- guide:rates -->, <!-- guide:portals -->, "
        "<!-- guide:glossary -->, <!-- guide:rate-chart -->, <!-- guide:payout-india -->, "
        "<!-- guide:payout-bangladesh -->, <!-- guide:time-zones -->, <!-- guide:calculator -->, "
        "<!-- guide:portal-finder -->, <!-- guide:self-check -->"
    ]
    assert result == markdown and rendered == []


def test_find_markers():
    assert find_markers("a\n<!-- guide:skills -->\nb\n <!-- guide:x --> \n") == [
        (2, "skills"),
        (4, "x"),
    ]


# The hook's cache


def test_data_is_loaded_once_per_change(tmp_path, monkeypatch):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "schema").symlink_to(ROOT / "data" / "schema")
    calls = []

    def counting_load(path, languages):
        calls.append(path)
        return load_data(path, languages)

    monkeypatch.setattr(loader, "load_data", counting_load)
    monkeypatch.setattr(loader, "_loaded", {})
    monkeypatch.setattr(data_blocks, "project_root", lambda config: tmp_path)
    monkeypatch.setattr(data_blocks, "build_languages", lambda config: list(LANGUAGES))
    first = data_blocks.guide_data(None)
    assert data_blocks.guide_data(None) is first  # the hi and bn builds reuse it
    assert len(calls) == 1
    portals = data_dir / "portals.yml"
    portals.write_text(portals.read_text(encoding="utf-8").replace("Market", "Bazaar"), "utf-8")
    assert data_blocks.guide_data(None).portals.portals[0].name == "Bazaar"  # serve sees edits
    assert len(calls) == 2


# Real strict builds of fixture sites

PAGE = "---\ndescription: Data blocks.\n---\n\n# {title}\n\n{markers}\n\nThe end.\n"
MARKERS = "\n\n".join(f"<!-- guide:{name} -->" for name in BLOCKS)
# The pages the self-check links to (data/skills.yml's checklist, the work categories).
LINKED = {"work-categories.md", "free-training.md"} | {
    page for item in load_data(ROOT / "data", LANGUAGES).skills.checklist for page in item.learn
}
PAGES = {
    "docs/index.md": "# Home\n",
    "hi/index.md": "# होम\n",
    "bn/index.md": "# হোম\n",
    **{
        f"{folder}{page}": f"---\ndescription: A page.\n---\n\n# {page}\n"
        for page in LINKED
        for folder in ("docs/", "hi/", "bn/")
    },
    "docs/blocks.md": PAGE.format(title="Blocks", markers=MARKERS),
    "hi/blocks.md": PAGE.format(title="ब्लॉक", markers=MARKERS),
    "bn/blocks.md": PAGE.format(title="ব্লক", markers=MARKERS),
}
BUILT = {"en": "blocks/index.html", "hi": "hi/blocks/index.html", "bn": "bn/blocks/index.html"}


def assert_clean_failure(build, *expected: str) -> None:
    assert not build.ok, build.output
    assert "Traceback" not in build.output, build.output
    for text in expected:
        assert text in build.output, build.output


def use_data(site, source: Path) -> None:
    for name in DATA_FILES:
        own = source / f"{name}.yml"
        if own.exists():
            site.write(f"data/{name}.yml", own.read_bytes())


def card_sources(data):
    """The sources of the cards' data files; fees.yml's reach the page through the calculator
    (its worked examples, and the script for the reader's own figures)."""
    return [
        s
        for name in ("skills", "rates", "portals", "glossary")
        for s in all_sources(getattr(data, name))
    ]


def test_strict_build_shows_every_record_in_every_language(fixture_site, real, env):
    build = fixture_site(PAGES).build()
    assert build.ok, build.output
    for language, page in BUILT.items():
        html = build.page(page)
        for block in BLOCKS:
            assert missing_records(html, record_ids(block, real)) == [], (language, block)
        article = html.split('<article class="md-content__inner md-typeset">')[1]
        assert "guide:" not in article
        assert "guide-block" not in article  # every block's place holder was filled
    assert "₹70–₹7,000+" in build.page(BUILT["en"])
    assert "₹৭০–₹৭,০০০+" in build.page(BUILT["bn"])
    assert "जनवरी 2026" in build.page(BUILT["hi"])
    weak = {"en": "blog", "hi": "ब्लॉग", "bn": "ব্লগ"}
    for language, page in BUILT.items():
        html = build.page(page)
        for source in card_sources(real):
            if source.url:  # the built card links it, and marks it when it is a blog
                link = f'<a href="{escape(source.url)}" rel="noopener">{escape(source.site)}</a>'
                assert link in html, (language, source)
        # every weak source is marked wherever it is cited, and no other (a chart lists each
        # of its sources once, so the sets are compared, not the counts)
        marked = re.findall(
            rf'<a href="([^"]+)" rel="noopener">[^<]*</a> [^<]*<span class="guide-weak">'
            rf"{weak[language]}</span>",
            html,
        )
        linked = set(re.findall(r'<a href="([^"]+)" rel="noopener">', html))
        weak_urls = {escape(s.url) for s in all_sources(real) if s.weak}
        assert set(marked) == weak_urls & linked, language


def test_a_page_cannot_forge_the_place_holder_of_a_block(fixture_site):
    """A block's HTML waits out Markdown behind a comment with a token of the build's own: the
    same comment written in a page stays a comment, and the block is shown once."""
    forged = "<!-- guide-block 0123456789abcdef 0 -->"
    site = fixture_site(PAGES)
    site.write(
        "docs/blocks.md", PAGE.format(title="Blocks", markers=f"{forged}\n\n<!-- guide:skills -->")
    )
    build = site.build()
    assert build.ok, build.output
    html = build.page("blocks/index.html")
    assert forged in html
    assert html.count("guide-data guide-skills") == 1


def test_unknown_marker_fails_the_build_naming_the_page(fixture_site):
    site = fixture_site(PAGES)
    site.write("hi/blocks.md", PAGE.format(title="ब्लॉक", markers="<!-- guide:portal -->"))
    assert_clean_failure(
        site.build(),
        "hi/blocks.md:7: unknown data marker <!-- guide:portal -->: use one of",
    )


def test_broken_data_fails_the_build_with_every_problem_and_no_traceback(fixture_site):
    site = fixture_site(PAGES)
    use_data(site, FIXTURES / "data-broken")
    started = time.monotonic()
    build = site.build()
    assert time.monotonic() - started < 60
    assert_clean_failure(build, *BROKEN_PROBLEMS, f"{len(BROKEN_PROBLEMS)} problems in the data")


def test_alias_bomb_fails_the_build_at_once(fixture_site):
    site = fixture_site(PAGES)
    site.write("data/skills.yml", ALIAS_BOMB)
    started = time.monotonic()
    build = site.build()
    assert time.monotonic() - started < 60
    assert_clean_failure(build, "data/skills.yml:1: YAML anchors and aliases are not allowed")


def test_a_template_that_drops_a_record_fails_the_build(fixture_site, real):
    site = fixture_site(PAGES)
    template = (ROOT / "overrides/guide/portals.html").read_text(encoding="utf-8")
    site.write(
        "overrides/guide/portals.html",
        template.replace("in portals %}", "in portals[1:] %}"),
    )
    first = real.portals.portals[0].id
    assert_clean_failure(
        site.build(),
        f"docs/blocks.md: <!-- guide:portals --> lacks {first}: every record of "
        "data/portals.yml must reach the page",
    )


def test_hostile_data_reaches_the_built_page_as_text(fixture_site):
    site = fixture_site(PAGES)
    use_data(site, FIXTURES / "data-hostile")
    build = site.build()
    assert build.ok, build.output
    for page in BUILT.values():
        # From the page's heading to its last paragraph: the blocks and nothing of the theme's.
        content = build.page(page).split("</h1>", 1)[1].split("<p>The end.</p>", 1)[0]
        content = content.replace(CHART_SVG, "")  # the charts' own, from the template
        content = re.sub(DATA_SCRIPT, "", content, flags=re.S)  # the tools' JSON, checked above
        for tag in ("<script", "<img", "<iframe", "<svg", "<style"):
            assert tag not in content, tag
        assert not re.search(r"<[^>]*\son\w+\s*=", content)  # no event handler attribute
        assert "&lt;script&gt;alert(" in content
        # the tools' records, written beside the page for their scripts: data, escaped
        for name in ("calculator", "portal-finder", "self-check"):
            assert f'src="{name}.json' in build.page(page)
            text = ((build.site / page).parent / f"{name}.json").read_text(encoding="utf-8")
            assert "<" not in text and ">" not in text
            json.loads(text)


def test_serve_shows_data_edits(tmp_path):
    from conftest import FixtureSite, wait_for

    site = FixtureSite(tmp_path / "project").pages(PAGES)
    with site.serve() as served:
        assert wait_for(lambda: "Upwork" in served.fetch("bn/blocks/")), served.log.read_text()
        portals = site.path / "data/portals.yml"
        text = portals.read_text(encoding="utf-8")
        portals.write_text(text.replace("name: Upwork", "name: Upwork Global"), "utf-8")
        assert wait_for(lambda: "Upwork Global" in served.fetch("bn/blocks/")), (
            served.log.read_text()
        )
