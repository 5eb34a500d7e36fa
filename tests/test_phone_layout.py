"""The reader's first minute on a phone (issue 18), checked without a browser: table labels,
the header and language menu overrides, the home page's language links, the 404's language
switch, the charts' geometry and their agreement with the pages, and the data they draw.
tests/test_browser_phone.py checks the same site in Chromium at phone widths."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import markdown
import pytest

from conftest import ROOT
from data_support import edit, make_data_dir, problems_of
from lib.blocks import BLOCKS, Localizer
from lib.chart_views import client_offset
from lib.charts import LEFT, RIGHT, nice_axis, text_width, wrap
from lib.data import load_data
from lib.formats import format_clock, format_money, format_utc_offset, offset_minutes
from phone_support import build_real_site
from table_labels import TableLabelsExtension

MATERIAL = Path(__import__("material").__file__).parent / "templates"
LANGUAGES = ("en", "hi", "bn")


@pytest.fixture(scope="module")
def real():
    return load_data(ROOT / "data", LANGUAGES)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_real_site(tmp_path_factory.mktemp("phone") / "site", "https://example.org/g/")
    assert build.ok, build.output
    return build


# --- tables: every cell carries its column's name -------------------------------------------


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", TableLabelsExtension()])


def test_each_cell_gets_its_columns_header_as_label():
    html = render(
        "| Client, 09:00–17:00 | `India` (IST) | **Bangladesh** \\* |\n|---|---|---|\n"
        "| New York | 18:30 | 19:00 |\n| London | 13:30 |\n"
    )
    assert re.findall(r'data-label="([^"]*)"', html) == [
        "Client, 09:00–17:00",
        "India (IST)",
        "Bangladesh *",
        "Client, 09:00–17:00",
        "India (IST)",
        "Bangladesh *",  # the row's missing cell is added, empty, with its label
    ]
    # the roles keep the table a table for screen readers when CSS stacks its rows
    assert '<table role="table">' in html and '<tr role="row">' in html
    assert 'role="columnheader"' in html and 'role="cell"' in html


def test_an_empty_header_gives_no_label():
    html = render("| | A |\n|---|---|\n| row | a |\n")
    assert re.findall(r"<td([^>]*)>", html) == [' role="cell"', ' data-label="A" role="cell"']


def test_labels_are_escaped_like_any_attribute():
    html = render('| Say "hi" <b> |\n|---|\n| x |\n')
    assert 'data-label="Say &quot;hi&quot;' in html


def test_every_table_of_the_built_site_is_labelled(site):
    for page in site.site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r"<table.*?</table>", html, re.S):
            cells = re.findall(r"<td([^>]*)>", table)
            headers = re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)
            if any(re.sub(r"<[^>]+>", "", h).strip() for h in headers):
                assert any("data-label" in cell for cell in cells), page


# --- the header: Material's, with a short site name for phones ------------------------------


def test_header_override_is_materials_but_the_site_name_and_an_escaped_title():
    ours = (ROOT / "overrides/partials/header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    original = (
        '          <span class="md-ellipsis">\n            {{ config.site_name }}\n'
        "          </span>\n        </div>\n"
        '        <div class="md-header__topic" data-md-component="header-topic">'
    )
    changed = (
        '          <span class="md-ellipsis guide-site-name">\n            <span class="guide-'
        'site-name__full">{{ config.site_name }}</span><span class="guide-site-name__short">'
        "{{ ui.app_short_name }}</span>\n          </span>\n        </div>\n"
        '        <div class="md-header__topic" data-md-component="header-topic">'
    )
    raw_title, text_title = "{{ page.meta.title }}", "{{ page.meta.title | e }}"
    assert theirs.count(original) == 1, "Material's header changed: update overrides/partials"
    assert theirs.count(raw_title) == 1
    body = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 (without the top comment)
    expected = body(theirs).replace(original, changed).replace(raw_title, text_title)
    assert body(ours) == expected


@pytest.mark.parametrize(
    ("page", "full", "short"),
    [
        ("rates/index.html", "VA Career Guide", "VA Guide"),
        ("hi/rates/index.html", "वर्चुअल असिस्टेंट करियर गाइड", "VA गाइड"),
        ("bn/rates/index.html", "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড", "ভিএ গাইড"),
        ("bn/404.html", "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড", "ভিএ গাইড"),
    ],
)
def test_header_carries_the_full_and_the_short_name(site, page, full, short):
    html = site.page(page)
    assert (
        f'<span class="guide-site-name__full">{full}</span>'
        f'<span class="guide-site-name__short">{short}</span>'
    ) in html


# --- the language menu ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "current"), [("rates/", "en"), ("hi/rates/", "hi"), ("bn/rates/", "bn"), ("hi/", "hi")]
)
def test_language_menu_marks_the_current_language_only(site, page, current):
    html = site.page(page + "index.html")
    links = re.findall(r'<a href="[^"]*" hreflang="(\w+)" class="md-select__link"([^>]*)>', html)
    assert [lang for lang, attrs in links if 'aria-current="page"' in attrs] == [current]
    assert [lang for lang, attrs in links if f'lang="{lang}"' in attrs] == ["en", "hi", "bn"]


# --- the home pages: the other languages up front ---------------------------------------------


def test_root_home_offers_hindi_and_bengali_before_the_heading(site):
    html = site.page("index.html")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
    before_heading = article.split("<h1", 1)[0]
    nav = re.search(
        r'<nav class="guide-languages" aria-label="([^"]+)">(.*?)</nav>', before_heading, re.S
    )
    assert nav and nav[1] == "This guide is also in"
    links = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="(\w+)">([^<]+)</a>', nav[2])
    assert [(lang, name) for _, lang, _, name in links] == [("hi", "हिन्दी"), ("bn", "বাংলা")]
    # a suggestion in each language, hidden until the script finds the browser prefers it
    suggestions = re.findall(
        r'<p class="guide-banner guide-suggest" lang="(\w+)" data-guide-suggest="\w+" hidden>'
        r'\s*([^<]+?)\s*<a href="[^"]*" hreflang="\w+">([^<]+)</a>',
        before_heading,
    )
    assert suggestions == [
        ("hi", "यह गाइड हिन्दी में भी है।", "हिन्दी में पढ़िए"),
        ("bn", "এই গাইডটি বাংলাতেও আছে।", "বাংলায় পড়ুন"),
    ]


@pytest.mark.parametrize(("page", "others"), [("hi/", ["en", "bn"]), ("bn/", ["en", "hi"])])
def test_other_homes_link_the_other_languages_and_suggest_nothing(site, page, others):
    html = site.page(page + "index.html")
    nav = re.search(r'<nav class="guide-languages".*?</nav>', html, re.S)[0]
    assert re.findall(r'hreflang="(\w+)"', nav) == others
    assert "data-guide-suggest" not in html


def test_other_pages_have_no_language_links(site):
    assert "guide-languages" not in site.page("rates/index.html")


@pytest.mark.parametrize(
    ("page", "site_name"),
    [
        ("index.html", "VA Career Guide"),
        ("hi/index.html", "वर्चुअल असिस्टेंट करियर गाइड"),
        ("bn/index.html", "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড"),
    ],
)
def test_home_tab_titles_name_the_page(site, page, site_name):
    """The English home page's title was only the site name; hi and bn named the page."""
    html = site.page(page)
    heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html, re.S)[1].strip()
    assert re.search(r"<title>([^<]*)</title>", html)[1] == f"{heading} - {site_name}"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("404.html", "Page not found - VA Career Guide"),
        ("hi/404.html", "पेज नहीं मिला - वर्चुअल असिस्टेंट करियर गाइड"),
        ("bn/404.html", "পেজটি পাওয়া যায়নি - ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড"),
    ],
)
def test_404_tab_titles_say_not_found(site, page, title):
    assert re.search(r"<title>([^<]*)</title>", site.page(page))[1] == title


# --- the 404 in the address's language ----------------------------------------------------------


def test_root_404_switches_by_a_script_in_the_head(site):
    html = site.page("404.html")
    head = html.split("</head>", 1)[0]
    tag = re.search(
        r'<script src="/g/assets/javascripts/guide-404\.js(?:\?v=\w+)?"([^>]*)></script>', head
    )
    assert tag, "the 404 script must block in the head, before anything is shown"
    assert 'data-root="/g/"' in tag[1] and 'data-lang="en"' in tag[1]
    assert 'data-languages="hi bn"' in tag[1]
    for language in ("hi", "bn"):
        own = site.page(f"{language}/404.html").split("</head>", 1)[0]
        assert f'data-lang="{language}" data-languages=""' in own


def test_404_script_only_goes_to_a_built_languages_own_page():
    script = (ROOT / "overrides/assets/javascripts/guide-404.js").read_text(encoding="utf-8")
    assert '"/404.html?guide-from="' in script and "history.replaceState" in script
    assert "location.replace(" in script
    # the address handed over is only ever put back as a same-origin path
    assert r"/^\/(?!\/)/.test(from)" in script


# --- rates: the exchange rates once per page ----------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "hi/", "bn/"])
def test_rate_cards_state_the_exchange_rates_once(site, prefix):
    html = site.page(prefix + "rates/index.html")
    for conversions in re.findall(r'<ul class="guide-conversions">(.*?)</ul>', html, re.S):
        for item in re.findall(r"<li>(.*?)</li>", conversions, re.S):
            assert re.fullmatch(r"≈ [^()=]+", item), item
    assert html.count('<ul class="guide-data guide-exchange-rates">') == 1


# --- the status page links CONTRIBUTING -----------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "hi/", "bn/"])
def test_status_page_links_contributing_in_every_language(site, prefix):
    html = site.page(prefix + "translations/index.html")
    for name in ("CONTRIBUTING.md", "CONTRIBUTING.hi.md", "CONTRIBUTING.bn.md"):
        assert f'href="https://github.com/va-guide/va-guide/blob/main/{name}"' in html


# --- charts: geometry ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (7000, (8000, 2000)),
        (9356, (10000, 2500)),
        (100, (100, 25)),
        (1440, (1500, 500)),
        (3, (3, 1)),
    ],
)
def test_nice_axis(maximum, expected):
    assert nice_axis(maximum) == expected


def test_wrap_keeps_lines_within_the_width_and_no_break_spaces_together():
    text = "E-commerce VA work, VAs working offshore: US$9–US$18 (≈\u00a0₹824–₹1,647)"
    lines = wrap(text, 150)
    assert " ".join(lines) == text and len(lines) > 1
    assert all(text_width(line, 12) <= 150 for line in lines if " " in line)
    assert any("≈\u00a0₹824–₹1,647" in line for line in lines)


def test_marks_and_combining_signs_have_no_width_of_their_own():
    assert text_width("क्", 12) == text_width("क", 12)  # the virama sits on the letter


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "block", ["rate-chart", "payout-india", "payout-bangladesh", "time-zones", "calculator"]
)
def test_chart_labels_fit_the_chart(real, block, language):
    chart = BLOCKS[block].view(Localizer(real, language)).context["chart"]
    assert chart.text and chart.notes
    for row in chart.rows:
        for text in row.texts:
            bold = text.kind == "heading"
            assert float(text.x) + text_width(text.text, 12) * (1.15 if bold else 1) <= RIGHT + 1
        for box in row.boxes:
            assert float(box.x) >= LEFT - 0.01 and float(box.x) + float(box.width) <= RIGHT + 0.01


# --- charts: they agree with the pages ---------------------------------------------------------


def table_rows(text: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]


@pytest.mark.parametrize(("page", "home"), [("docs/time-zones.md", 1), ("bn/time-zones.md", 2)])
def test_time_zone_chart_agrees_with_the_pages_tables(real, page, home):
    """The page's tables (written by hand) and the chart (computed from data) say the same."""
    language = "bn" if page.startswith("bn") else "en"
    text = (ROOT / page).read_text(encoding="utf-8")
    rows = [row for row in table_rows(text) if "UTC" in row[0]]
    chart = BLOCKS["time-zones"].view(Localizer(real, language)).context["chart"]
    charted = [line for line in chart.text if "UTC" in line]
    summer, winter = rows[:5], rows[5:10]
    for season_rows in (summer, winter):
        for client in real.time_zones.clients:
            name = client.name[language]
            row = next(r for r in season_rows if r[0].startswith(name))
            offset = row[0].split("(")[1].rstrip(")")
            assert any(line.startswith(f"{name} ({offset}): {row[home]}") for line in charted), (
                name,
                row,
            )


@pytest.mark.parametrize(("example", "page"), [("india", "india"), ("bangladesh", "bangladesh")])
def test_payout_examples_agree_with_the_worked_examples(real, example, page):
    text = (ROOT / f"docs/getting-paid-{page}.md").read_text(encoding="utf-8")
    record = real.payout_examples.example(example)
    for step in record.steps:
        assert f"−US${step.amount:.2f}" in text, step.id
    assert f"US${record.received:.2f}" in text
    local = Decimal(str(record.received)) * Decimal(str(record.per_usd))
    sign = {"INR": "₹", "BDT": "৳"}[record.currency]
    assert f"{sign}{round(local):,}" in text
    assert f"{sign}{record.per_usd}" in text  # the rate the page states


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_chart_is_the_getting_paid_chart_of_the_same_payment(real, language):
    """Issue 18, point 7: the calculator's fee breakdown is drawn by the same function as the
    getting-paid pages' (charts.waterfall). Its first worked example is the payment of the
    page's own country's getting-paid example: the bars are the same, the labels the
    calculator's rows (in the page's language and digits), the sources in its table."""
    local = Localizer(real, language)
    chart = BLOCKS["calculator"].view(local).context["chart"]
    home = "bangladesh" if language == "bn" else "india"
    payout = BLOCKS[f"payout-{home}"].view(local).context["chart"]

    def bars(c, leave_out=()):
        return [
            (b.x, b.width, b.kind) for r in c.rows if r.record not in leave_out for b in r.boxes
        ]

    # Bangladesh's 0% source tax on taka is a step of the calculator, not of the page's example
    assert bars(chart, {"bangladesh-source-tax"}) == bars(payout)
    assert [t.text for t in chart.axis] == [t.text for t in payout.axis]
    assert chart.id == "guide-chart-calculator" and chart.sources == []
    words = local.words
    assert chart.text[0] == f"{words['chart_payout_paid']}: {payout.text[0].split(': ')[1]}"
    minor, currency = {"india": (797057, "INR"), "bangladesh": (1088592, "BDT")}[home]
    in_hand = format_money(Decimal(minor) / 100, currency, language)  # type: ignore[arg-type]
    assert chart.text[-1] == f"{words['calc_in_hand']}: {in_hand}"
    assert chart.notes[0] == words["chart_payout_legend"]
    bank = real.fees.charge("bank-on-arrival").name[language]
    assert words.fill("calc_chart_not_counted", charge=bank) in chart.notes
    if language == "bn":
        assert not re.search(r"[0-9]", " ".join([*chart.text, *chart.notes, chart.title]))


def test_rate_chart_draws_every_hourly_band_and_survey(real):
    view = BLOCKS["rate-chart"].view(Localizer(real, "en"))
    hourly = [b.id for b in real.rates.bands if b.unit == "hour"]
    assert view.record_ids == hourly + [s.id for s in real.rates.surveys]
    chart = view.context["chart"]
    overall = (
        "Virtual assistant work, lowest to highest, "
        "virtual assistants (the article names no country): ₹70–₹7,000+"
    )
    assert overall in chart.text
    survey = "Payoneer 2022, India: US$26 (≈\u00a0₹2,379)"
    assert any(line.startswith(survey) for line in chart.text)
    assert chart.axis[-1].text == "₹8,000"


def test_bengali_rate_chart_counts_in_taka_with_bengali_digits(real):
    chart = BLOCKS["rate-chart"].view(Localizer(real, "bn")).context["chart"]
    assert chart.axis[-1].text == "৳১০,০০০"
    assert not re.search(r"[0-9]", " ".join([*chart.text, *chart.notes, chart.title]))


def test_zone_chart_splits_a_day_that_runs_past_midnight(real):
    chart = BLOCKS["time-zones"].view(Localizer(real, "en")).context["chart"]
    new_york = next(row for row in chart.rows if row.record == "new-york")
    assert len(new_york.boxes) == 2 and "ends the next day" in new_york.texts[-1].text
    london = next(row for row in chart.rows if row.record == "london")
    assert len(london.boxes) == 1


# --- charts: their data is checked ---------------------------------------------------------------


def test_payout_steps_must_add_up(tmp_path):
    data = make_data_dir(tmp_path / "data")
    edit(data, "payout_examples", "received: 87.11", "received: 87.10")
    (problem,) = problems_of(data)
    assert problem.startswith("data/payout_examples.yml:")
    assert (
        "examples[0].received: the steps do not add up: 100.00 paid less 12.89 taken is 87.11, "
        "not 87.10: correct `received` or a step's amount"
    ) in problem


def test_summer_time_is_one_hour_ahead(tmp_path):
    data = make_data_dir(tmp_path / "data")
    edit(data, "time_zones", 'summer_offset: "+01:00"', 'summer_offset: "+02:00"')
    (problem,) = problems_of(data)
    assert "clients[2].summer_offset: summer time is one hour ahead" in problem


def test_offsets_are_checked_by_the_schema(tmp_path):
    data = make_data_dir(tmp_path / "data")
    edit(data, "time_zones", 'utc_offset: "+05:30"', 'utc_offset: "5:30"')
    (problem,) = problems_of(data)
    assert "homes[0].utc_offset: must be a UTC offset written +HH:MM or -HH:MM" in problem


@pytest.mark.parametrize(
    ("offset", "minutes", "shown"),
    [("+05:30", 330, "UTC+5:30"), ("-04:00", -240, "UTC−4"), ("+00:00", 0, "UTC+0")],
)
def test_offsets_read_and_written_as_the_page_writes_them(offset, minutes, shown):
    assert offset_minutes(offset) == minutes
    assert format_utc_offset(minutes, "en") == shown


def test_clock_wraps_round_the_day_in_each_script():
    assert format_clock(1110, "en") == "18:30"
    assert format_clock(1440 + 150, "bn") == "০২:৩০"


def test_sydneys_summer_is_the_northern_winter(real):
    sydney = next(c for c in real.time_zones.clients if c.id == "sydney")
    assert client_offset(sydney, northern_summer=True) == 600
    assert client_offset(sydney, northern_summer=False) == 660


def test_the_chart_words_exist_in_every_language(real):
    labels = real.labels.labels
    for key in ("chart_as_text", "app_short_name", "language_suggestion", "converted_below"):
        assert set(labels[key]) == set(LANGUAGES)


def test_stylesheets_close_every_block():
    """An unclosed rule nests everything after it (CSS nesting): the phone rules at the end of
    guide.css would then apply nowhere."""
    for sheet in (ROOT / "docs/assets/stylesheets").glob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for char in text:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, sheet.name
        assert depth == 0, f"{sheet.name}: {depth} block(s) left open"
