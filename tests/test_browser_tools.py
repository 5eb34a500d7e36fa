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

from browser_support import SiteServer, chromium, require_chromium
from calculator_support import formats, load_cases
from conftest import ROOT, FixtureSite
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
