"""The reader tools in a real browser, in English, Hindi and Bengali: the calculator's script on
the shared cases, each tool driven from its form and reopened from a shared address, the numbers
and their formatting, keyboard and screen-reader basics on a 320 px phone, and the pages
without JavaScript."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from urllib.parse import unquote

import pytest
from mkdocs.theme import Theme

from browser_support import SiteServer, chromium, require_chromium
from calculator_support import formats, load_cases
from conftest import ROOT, FixtureSite
from data_blocks import template_env
from lib.blocks import BLOCKS, Localizer
from lib.calculator_view import calculator_chart, calculator_model, describe
from lib.charts import LEFT, RIGHT, metrics, nice_axis, number, wrap
from lib.data import load_data, to_json, to_jsonable
from lib.earnings import compute, reverse
from lib.formats import format_money, localize_digits
from lib.words import words_for

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "hi", "bn")
PREFIX = {"en": "", "hi": "hi/", "bn": "bn/"}
DATA = load_data(ROOT / "data", LANGUAGES)
MODEL = {"fees": to_jsonable(DATA.fees), "exchange_rates": to_jsonable(DATA.rates.exchange_rates)}
SHARED = "#country=bd&portal=fiverr&unit=project&amount=100&count=10"  # issue 15's example
RESULT = "[data-result=in-hand]"
PHONE = {"width": 320, "height": 800}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real guide (every page, three languages), built and served like GitHub Pages."""
    require_chromium()
    project = FixtureSite(tmp_path_factory.mktemp("tools") / "project", keep_nav=True)
    for folder in ("docs", "hi", "bn"):
        shutil.copytree(ROOT / folder, project.path / folder, dirs_exist_ok=True)
    site = project.path / "site"
    site.mkdir()
    with SiteServer(site) as server:
        build = project.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as browser:
        yield browser


class Tab:
    """A phone-sized tab that records console errors and every request it makes."""

    def __init__(self, browser, server, *, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.server = server
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.context.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str) -> Tab:
        self.page.goto(self.server.url + path, wait_until="networkidle")
        if "=" in path.partition("#")[2]:  # a shared state: the tool's script loads at once
            self.ready()
        return self

    def ready(self) -> Tab:
        """Wait for the tool's script, which loads on the first touch (overrides/main.html)."""
        self.page.wait_for_selector("[data-guide-tool][data-ready]", state="attached")
        return self

    def result(self, selector: str = RESULT) -> tuple[str, str, str]:
        node = self.page.locator(selector)
        return (
            node.get_attribute("data-amount"),
            node.get_attribute("data-currency"),
            node.inner_text(),
        )

    def fragment(self) -> str:
        return unquote(self.page.evaluate("location.hash"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    opened = Tab(browser, server)
    yield opened
    assert opened.errors == [], opened.errors  # no script error, no CSP violation
    opened.close()


def money(minor: int, currency: str, language: str) -> str:
    return format_money(Decimal(minor) / 100, currency, language)  # type: ignore[arg-type]


def decimal(minor: int) -> str:
    return f"{Decimal(minor) / 100:.2f}"


# The calculator: the same arithmetic as the Python side


def test_the_script_gives_the_shared_cases_results(tab):
    cases = load_cases()
    tab.open("calculator/#country=in")
    results = tab.page.evaluate(
        """([cases, fmts]) => {
            const c = window.GuideCalculator;
            return {
                compute: cases.compute.map(k => c.compute(cases.models[k.model], k.request)),
                reverse: cases.reverse.map(
                    k => c.reverse(cases.models[k.model], k.request, k.target)),
                parse_amount: cases.parse_amount.map(r => c.parseAmount(r[0])),
                parse_count: cases.parse_count.map(r => c.parseCount(r[0])),
                money: cases.money.map(r => c.money(r[0], r[1], fmts[r[2]])),
                percent: cases.percent.map(r => c.percent(r[0], fmts[r[1]])),
            };
        }""",
        [cases, {language: formats(language) for language in LANGUAGES}],
    )
    for kind in ("compute", "reverse"):
        for case, result in zip(cases[kind], results[kind], strict=True):
            assert json.loads(json.dumps(result)) == case["expect"], case["note"]
    for kind in ("parse_amount", "parse_count", "money", "percent"):
        assert results[kind] == [row[-1] for row in cases[kind]], kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shared_link_opens_the_same_result_in_every_language(tab, language):
    tab.open(f"{PREFIX[language]}calculator/{SHARED}")
    expected = compute(
        MODEL,
        {
            "country": "bd",
            "platform": "fiverr",
            "route": "fiverr-payoneer-bank",
            "unit": "project",
            "amount": 10000,
            "count": 10,
        },
    )
    amount, currency, text = tab.result()
    assert (amount, currency) == (decimal(expected["in_hand"]), "BDT")
    assert text == money(expected["in_hand"], "BDT", language)
    if language == "bn":
        assert text.startswith("৳") and not any(ch.isascii() and ch.isdigit() for ch in text)
    rows = tab.page.locator(".guide-tool__steps tr").all_inner_texts()
    assert len(rows) == len(expected["lines"]) + 1  # a row per line, and the header
    assert tab.page.locator(".guide-tool__form").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_drives_the_result_and_the_address_reopens_it(browser, server, tab, language):
    tab.open(f"{PREFIX[language]}calculator/")
    page = tab.page
    page.select_option("#guide-calc-country", "in")
    tab.ready()  # the first change loaded the script, which takes the form as it is
    page.select_option("#guide-calc-platform", "upwork")
    page.select_option("#guide-calc-route", "upwork-wire")
    page.select_option("#guide-calc-unit", "hour")
    page.locator("#guide-calc-amount").fill("")
    page.locator("#guide-calc-amount").focus()
    page.keyboard.type("১২.৫" if language == "bn" else "12.5")  # Bengali digits are read too
    page.locator("#guide-calc-count").fill("80")
    page.locator("#guide-calc-gstin").check()
    expected = compute(
        MODEL,
        {
            "country": "in",
            "platform": "upwork",
            "route": "upwork-wire",
            "unit": "hour",
            "amount": 1250,
            "count": 80,
            "gstin": True,
        },
    )
    amount, currency, text = tab.result()
    assert (amount, currency, text) == (
        decimal(expected["in_hand"]),
        "INR",
        money(expected["in_hand"], "INR", language),
    )
    fragment = tab.fragment()
    for part in (
        "country=in",
        "portal=upwork",
        "route=upwork-wire",
        "unit=hour",
        "amount=12.5",
        "count=80",
        "gstin=1",
    ):
        assert part in fragment, fragment
    assert "upwork-gst" not in page.locator(".guide-tool__steps").inner_text()

    again = Tab(browser, server).open(f"{PREFIX[language]}calculator/{fragment}")
    assert again.result() == (amount, currency, text)
    assert again.page.locator("#guide-calc-gstin").is_checked()
    again.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_reverse_gives_the_rate_to_ask_for(browser, server, tab, language):
    tab.open(f"{PREFIX[language]}calculator/#country=bd&portal=upwork&unit=hour&count=80")
    tab.page.locator("input[name=guide-calc-mode][value=reverse]").check()
    tab.page.locator("#guide-calc-want").fill("50000")
    expected = reverse(
        MODEL,
        {
            "country": "bd",
            "platform": "upwork",
            "route": "upwork-local-bank",
            "unit": "hour",
            "count": 80,
        },
        5_000_000,
    )
    rate = tab.result("[data-result=rate]")
    assert rate == (decimal(expected["amount"]), "USD", money(expected["amount"], "USD", language))
    assert tab.result()[0] == decimal(expected["in_hand"])
    assert Decimal(tab.result()[0]) >= 50000
    fragment = tab.fragment()
    assert "want=50000" in fragment
    again = Tab(browser, server).open(f"{PREFIX[language]}calculator/{fragment}")
    assert again.result("[data-result=rate]") == rate
    again.close()


def test_a_wrong_amount_says_so_and_shows_no_result(tab):
    tab.open("calculator/")
    tab.page.locator("#guide-calc-amount").fill("12,5x")
    tab.ready()
    assert tab.page.locator("#guide-calc-error").inner_text() == words("en")["calc_invalid"]
    assert tab.page.locator(RESULT).count() == 0


# The calculator's fee breakdown chart (issue 18, point 7): the build draws the first worked
# example with lib/charts.py; the script draws the reader's numbers the same way


FIGURE = """figure => {
    const walk = node => [node.tagName.toLowerCase(),
        Object.fromEntries([...node.attributes].map(a => [a.name, a.value])),
        node.children.length ? [...node.children].map(walk) : node.textContent];
    const svg = figure.querySelector("svg");
    const box = svg.getBoundingClientRect();
    return {
        caption: figure.querySelector("figcaption").textContent,
        svg: walk(svg),
        notes: [...figure.querySelectorAll(".guide-chart__note")].map(n => n.textContent),
        text: [...figure.querySelectorAll("details li")].map(n => n.textContent),
        box: [box.left + scrollX, box.top + scrollY, box.width, box.height],
        outside: [...svg.querySelectorAll("text")].filter(t => {
            const b = t.getBBox();
            return b.x < -0.5 || b.x + b.width > svg.viewBox.baseVal.width + 0.5;
        }).map(t => t.textContent),
        hidden: figure.hidden,
    };
}"""
CHART_STATES = [
    "#country=in&portal=upwork&route=upwork-wire&unit=hour&amount=15&count=160",
    "#country=bd&portal=fiverr&route=fiverr-payoneer-bkash&unit=project&amount=100&count=10",
    "#country=in&portal=direct&route=direct-wise&unit=month&amount=1200",
    "#country=bd&portal=freelancer-com&unit=project&amount=3&count=2",  # the fee's minimum
    "#country=in&portal=upwork&route=upwork-local-bank&unit=project&amount=100&count=1&gstin=1",
    "#country=bd&portal=direct&route=direct-payoneer-bank&unit=hour&amount=7.5&count=3",
]


def figure(page, html: str | None = None) -> dict:
    """The chart as the page shows it, or as `html` (the build's rendering) would show it."""
    if html is None:
        return page.locator("#guide-chart-calculator").evaluate(FIGURE)
    return page.evaluate(
        f"""html => {{
            const box = document.createElement("div");
            box.innerHTML = html;
            document.querySelector("article").append(box);
            const drawn = ({FIGURE})(box.querySelector("figure"));
            box.remove();
            return drawn;
        }}""",
        html,
    )


def python_chart(language: str, state: str) -> str:
    """What hooks/lib/calculator_view.py draws for the state of a shared address."""
    fields = dict(pair.split("=") for pair in state.lstrip("#").split("&"))
    request = {
        "country": fields["country"],
        "platform": fields["portal"],
        "route": fields.get("route", ""),
        "unit": fields["unit"],
        "amount": int(Decimal(fields["amount"]) * 100),
        "count": int(fields.get("count", "1")),
        "gstin": fields.get("gstin") == "1",
    }
    local = Localizer(DATA, language)
    chart = calculator_chart(local, request, describe(local, calculator_model(local), request))
    env = template_env(Theme(name="material", custom_dir=str(ROOT / "overrides")))
    template = env.from_string(
        '{% import "guide/_chart.html" as charts %}{{ charts.chart(chart, t) }}'
    )
    return template.render(chart=chart, t=local.words)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_script_draws_the_chart_the_build_draws(tab, language):
    """For the same numbers, the script's chart is the build's: every bar, label, line and
    note, to the tenth of a unit (charts.py laid out again in guide-calculator.js)."""
    for state in CHART_STATES:
        tab.open(f"{PREFIX[language]}calculator/{state}")
        drawn = figure(tab.page)
        expected = figure(tab.page, python_chart(language, state))
        for key in ("caption", "svg", "notes", "text"):
            assert drawn[key] == expected[key], (state, key)
        assert drawn["outside"] == [] and not drawn["hidden"]
        if language == "bn":
            shown = " ".join([drawn["caption"], *drawn["notes"], *drawn["text"]])
            assert not re.search(r"[0-9]", shown)


@pytest.mark.parametrize("width", [320, 360, 412])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_stays_as_built_when_the_script_takes_over(browser, server, language, width):
    """No layout shift: the figure the build wrote has its size from the first paint (the
    viewBox), and the script, taking the form over, draws the same chart in the same place."""
    tab = Tab(browser, server)
    tab.context.set_default_timeout(15000)
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.add_init_script(
        """window.guideShifts = [];
        new PerformanceObserver(list => list.getEntries().forEach(e => {
            if (!e.hadRecentInput) window.guideShifts.push(e.value);
        })).observe({type: "layout-shift", buffered: true});"""
    )
    tab.open(f"{PREFIX[language]}calculator/")
    built = figure(tab.page)
    assert built["outside"] == [] and built["box"][2] <= width
    tab.page.locator("#guide-calc-country").focus()  # a touch: the script loads
    tab.ready()
    taken_over = figure(tab.page)
    assert taken_over == built
    shifts = tab.page.evaluate("window.guideShifts")
    assert sum(shifts) < 0.01, shifts
    assert tab.errors == []
    tab.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_follows_the_form(tab, language):
    tab.open(f"{PREFIX[language]}calculator/")
    page = tab.page
    first = figure(page)
    page.select_option("#guide-calc-country", "bd")
    tab.ready()
    page.select_option("#guide-calc-platform", "fiverr")
    page.select_option("#guide-calc-route", "fiverr-payoneer-bank")
    drawn = figure(page)
    assert drawn["svg"] != first["svg"] and drawn["outside"] == []
    names = {charge.id: charge.name[language] for charge in DATA.fees.charges}
    assert any(line.startswith(names["fiverr-fee"]) for line in drawn["text"])
    assert any(line.startswith(names["payoneer-to-taka"]) for line in drawn["text"])
    assert any(names["bank-on-arrival"] in note for note in drawn["notes"])  # not counted
    in_hand = tab.result()[2]
    assert drawn["text"][-1].endswith(in_hand)  # the chart says what the summary says
    page.locator("#guide-calc-amount").fill("x")
    assert figure(page)["hidden"]  # no numbers, no chart
    page.locator("#guide-calc-amount").fill("250")
    assert not figure(page)["hidden"] and figure(page)["text"][-1].endswith(tab.result()[2])


def test_the_scripts_chart_layout_is_pythons(tab):
    """The layout's parts on their own, on values where a port could differ from Python:
    rounding ties, axis tops at powers of ten, wrapping Indic text and no-break spaces."""
    values = [0.25, 0.75, 1.25, 2.675, 0.15, 283.25, 6.05, 1e-3, 99.95, 308.0, 7.5]
    maxima = [0.03, 0.4, 1, 4, 10, 40, 100, 1000, 2400, 9356, 12345.67, 1e7]
    labels = [line for language in LANGUAGES for line in python_chart_lines(language)] + [
        "E-commerce VA work: US$9–US$18 (≈\u00a0₹824–₹1,647)",
        "क्",
        "  double  spaces ",
    ]
    tab.open("calculator/#country=in&portal=upwork&unit=project&amount=100&count=1")
    got = tab.page.evaluate(
        """([values, maxima, labels, m]) => ({
            num: values.map(GuideCalculator.num),
            axis: maxima.map(GuideCalculator.niceAxis),
            wrap: labels.map(text => GuideCalculator.wrap(text, m)),
        })""",
        [values, maxima, labels, metrics()],
    )
    assert got["num"] == [number(v) for v in values]
    assert got["axis"] == [list(nice_axis(v)) for v in maxima]
    assert got["wrap"] == [wrap(text, RIGHT - LEFT) for text in labels]


def python_chart_lines(language: str) -> list[str]:
    """Every label of every chart in the language: the texts the wrapping must agree on."""
    local = Localizer(DATA, language)
    blocks = ("rate-chart", "payout-india", "payout-bangladesh", "time-zones", "calculator")
    return [line for block in blocks for line in BLOCKS[block].view(local).context["chart"].text]


# The portal finder


def words(language: str) -> dict[str, str]:
    return words_for(DATA, language)


def visible_cards(tab: Tab) -> list[str]:
    cards = tab.page.locator(".guide-finder [data-record]")
    return [
        cards.nth(i).get_attribute("data-record")
        for i in range(cards.count())
        if cards.nth(i).is_visible()
    ]


def count_text(language: str, shown: int, total: int) -> str:
    text = words(language)["finder_count"]
    for name, value in (("count", shown), ("total", total)):
        text = text.replace("{" + name + "}", localize_digits(str(value), language))
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_finder_filters_and_counts_in_the_pages_language(browser, server, tab, language):
    total = len(DATA.portals.portals)
    tab.open(f"{PREFIX[language]}portal-finder/")
    summary = tab.page.locator(".guide-finder .guide-tool__summary")
    assert len(visible_cards(tab)) == total
    assert summary.inner_text() == count_text(language, total, total)

    tab.page.select_option("#guide-finder-country", "bd")
    tab.ready()
    tab.page.select_option("#guide-finder-route", "payoneer-bkash")
    assert visible_cards(tab) == ["upwork", "fiverr"]
    assert summary.inner_text() == count_text(language, 2, total)
    assert tab.page.locator("#guide-finder-note").is_visible()
    fragment = tab.fragment()
    assert fragment == "#country=bd&route=payoneer-bkash"

    again = Tab(browser, server).open(f"{PREFIX[language]}portal-finder/{fragment}")
    assert visible_cards(again) == ["upwork", "fiverr"]
    again.close()

    tab.page.locator(".guide-tool__reset").click()
    tab.page.select_option("#guide-finder-kind", "talent-network")
    assert visible_cards(tab) == ["toptal"]
    tab.page.locator("#guide-finder-beginners").check()
    assert visible_cards(tab) == []
    assert summary.inner_text().startswith(words(language)["finder_none"])
    tab.page.locator(".guide-tool__reset").click()
    tab.page.select_option("#guide-finder-fee", "tiered")
    assert visible_cards(tab) == ["peopleperhour"]
    tab.page.select_option("#guide-finder-fee", "free")
    assert visible_cards(tab) == ["linkedin-jobs", "internshala"]


# The self-check


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_check_ranks_the_work_and_keeps_the_ticks(browser, server, tab, language):
    tab.open(f"{PREFIX[language]}self-check/")
    page = tab.page
    page.locator(".guide-check__list input[value=canva]").check()
    tab.ready()  # the first tick loaded the script and its records; from here, nothing is sent
    before = len(tab.requests)
    for item in ("detail", "learning"):
        page.locator(f".guide-check__list input[value={item}]").check()
    # Nothing leaves the browser: the only request is the browser's own look at the favicon,
    # which Chromium repeats when the address (the fragment) changes.
    assert [u for u in tab.requests[before:] if not re.search(r"/favicon\.png(\?|$)", u)] == []
    order = page.locator(".guide-check__categories > li").evaluate_all(
        "items => items.map(item => item.dataset.category)"
    )
    assert order[0] == "graphic-design"  # Canva, detail and eagerness to learn: 3 of 3
    assert len(order) == len(DATA.skills.categories)
    name = DATA.skills.category("graphic-design").name[language]
    assert name in page.locator(".guide-check .guide-tool__summary").inner_text()
    fragment = tab.fragment()
    assert fragment == "#have=canva,learning,detail"

    again = Tab(browser, server).open(f"{PREFIX[language]}self-check/{fragment}")
    assert again.page.locator(".guide-check__list input:checked").count() == 3
    first = again.page.locator(".guide-check__categories > li").first
    assert first.get_attribute("data-category") == "graphic-design"
    again.close()


# Every tool: labels, a live region, a 320 px phone; and without JavaScript


@pytest.mark.parametrize("tool", ["calculator", "portal-finder", "self-check"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_has_a_label_and_the_page_fits_a_phone(tab, tool, language):
    tab.open(f"{PREFIX[language]}{tool}/")
    unlabelled = tab.page.evaluate(
        """() => [...document.querySelectorAll('[data-guide-tool] input, [data-guide-tool] select')]
            .filter(f => !f.labels.length || ![...f.labels].some(l => l.textContent.trim()))
            .map(f => f.id || f.value)"""
    )
    assert unlabelled == []
    assert tab.page.locator("[data-guide-tool] [aria-live=polite]").count() == 1
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    script = re.compile(rf"/guide-{tool}\.js(\?|$)")
    assert not any(script.search(url) for url in tab.requests)  # not until the reader uses it
    tab.page.locator("[data-guide-tool] input, [data-guide-tool] select").first.focus()
    tab.ready()
    assert any(script.search(url) for url in tab.requests)
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_only_tool_pages_load_a_tool_script(tab):
    tab.open("rates/")
    assert not [url for url in tab.requests if re.search(r"guide-(tools|calculator)", url)]


def test_the_calculator_is_usable_by_keyboard(tab):
    tab.open("calculator/")
    tab.page.locator("#guide-calc-country").focus()
    tab.ready()
    tab.page.keyboard.press("Tab")  # to the platform
    tab.page.keyboard.press("Tab")  # to the route
    tab.page.keyboard.press("Tab")  # to the GSTIN box (India)
    tab.page.keyboard.press("Tab")  # to the unit
    tab.page.keyboard.press("Tab")  # to the amount
    assert tab.page.evaluate("document.activeElement.id") == "guide-calc-amount"
    tab.page.keyboard.press("Control+A")
    tab.page.keyboard.type("200")
    assert tab.result()[1] == "INR"
    assert tab.page.locator(".guide-tool__summary").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_every_tool_has_a_useful_page(browser, server, language):
    tab = Tab(browser, server, javascript=False)
    tab.open(f"{PREFIX[language]}calculator/")
    assert not tab.page.locator(".guide-tool__form").first.is_visible()
    assert not tab.page.locator(".guide-tool__share").is_visible()
    # the fee breakdown of the first worked example (issue 18, point 7), drawn by the build
    chart = tab.page.locator("#guide-chart-calculator")
    assert chart.is_visible() and chart.locator("svg rect").count() >= 3
    tables = tab.page.locator("table.guide-steps").all_inner_texts()
    assert len(tables) == len(DATA.fees.examples)
    assert money(797057, "INR", language) in "\n".join(tables)  # getting-paid-india's example
    assert money(1088592, "BDT", language) in "\n".join(tables)

    tab.open(f"{PREFIX[language]}portal-finder/")
    assert len(visible_cards(tab)) == len(DATA.portals.portals)
    assert not tab.page.locator(".guide-finder .guide-tool__form").is_visible()

    tab.open(f"{PREFIX[language]}self-check/")
    assert tab.page.locator(".guide-check__list input").count() == len(DATA.skills.checklist)
    assert tab.page.locator(".guide-check__categories > li").count() == len(DATA.skills.categories)
    assert tab.page.locator(".guide-check__categories a").first.is_visible()
    assert not [url for url in tab.requests if url.endswith(".js")]
    tab.close()


# The records, published


def test_the_records_are_published_as_json_with_their_schemas(tab):
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    tab.open("")
    fetched = tab.page.evaluate(
        """async names => {
            const get = async path => (await fetch(path)).json();
            const out = {};
            for (const name of names) {
                out[name] = {data: await get(`data/${name}.json`),
                             schema: await get(`data/schema/${name}.schema.json`)};
            }
            out.common = await get("data/schema/common.schema.json");
            return out;
        }""",
        list(to_json(DATA)),
    )
    registry = Registry().with_resources(
        [("common.schema.json", Resource.from_contents(fetched.pop("common"), DRAFT7))]
    )
    for name, published in fetched.items():
        assert published["data"] == json.loads(json.dumps(to_json(DATA)[name])), name
        validator = jsonschema.Draft7Validator(published["schema"], registry=registry)
        assert list(validator.iter_errors(published["data"])) == [], name


def test_the_calculator_reads_right_before_its_script_and_anchors_keep_the_form(tab):
    """Before the reader touches it, the form shows the first worked example and its result
    (from the build); a heading's anchor in the address is not a shared result."""
    tab.open("calculator/")
    assert tab.result() == (decimal(797057), "INR", money(797057, "INR", "en"))
    assert tab.page.locator("#guide-calc-amount").input_value() == "100"
    assert tab.page.locator("[data-guide-tool][data-ready]").count() == 0
    tab.page.select_option("#guide-calc-unit", "hour")
    tab.ready()
    tab.page.evaluate("location.hash = 'how-it-counts'")
    tab.page.wait_for_timeout(100)
    assert tab.page.locator("#guide-calc-unit").input_value() == "hour"
