"""The calculator's arithmetic (hooks/lib/earnings.py): the shared cases the browser's script runs
too, the guide's own worked examples, rounding half up in whole paise and poisha, and limits
that keep every number exact in JavaScript."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator_support import load_cases, python_results
from conftest import ROOT
from lib.data import load_data, to_jsonable
from lib.earnings import (
    MAX_AMOUNT,
    MAX_COUNT,
    compute,
    half_up,
    hundredths,
    parse_amount,
    reverse,
    routes_for,
    ten_thousandths,
)

CASES = load_cases()
RESULTS = python_results(CASES)
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
TOOL_SCRIPTS = ["guide-calculator.js", "guide-portal-finder.js", "guide-self-check.js"]


@pytest.fixture(scope="module")
def real():
    data = load_data(ROOT / "data", ("en", "hi", "bn"))
    return {
        "fees": to_jsonable(data.fees),
        "exchange_rates": to_jsonable(data.rates.exchange_rates),
    }


# The shared cases: the Python side gives what the file expects (the browser test runs the same)


@pytest.mark.parametrize("index", range(len(CASES["compute"])))
def test_shared_compute_case(index):
    case = CASES["compute"][index]
    assert RESULTS["compute"][index] == case["expect"], case["note"]


@pytest.mark.parametrize("index", range(len(CASES["reverse"])))
def test_shared_reverse_case(index):
    case = CASES["reverse"][index]
    assert RESULTS["reverse"][index] == case["expect"], case["note"]


@pytest.mark.parametrize("kind", ["parse_amount", "parse_count", "money", "percent"])
def test_shared_parsing_and_formatting_cases(kind):
    assert RESULTS[kind] == [row[-1] for row in CASES[kind]]


def test_shared_cases_cover_every_error_and_line_kind():
    errors = {case["expect"].get("error") for case in CASES["compute"] + CASES["reverse"]}
    assert errors >= {
        "country",
        "platform",
        "unit",
        "amount",
        "count",
        "route",
        "currency",
        "target",
        "unreachable",
    }
    kinds = {
        line["kind"]
        for case in CASES["compute"]
        if "lines" in case["expect"]
        for line in case["expect"]["lines"]
    }
    assert kinds == {"gross", "charge", "unknown", "subtotal", "conversion", "result"}
    assert any(line["minimum"] for c in CASES["compute"] for line in c["expect"].get("lines", []))


# Figures checked by hand


def test_half_up_not_half_even():
    assert [half_up(n, 10) for n in (4, 5, 15, 25, 26)] == [0, 1, 2, 3, 3]
    case = next(c for c in CASES["compute"] if c["note"].startswith("half up"))
    fee = next(line for line in case["expect"]["lines"] if line["id"] == "p-fee")
    assert fee["amount"] == 123  # 10% of 1225 cents is 122.5


def test_figures_are_read_exactly():
    assert [hundredths(x) for x in (0.99, 0.1, 7.5, 18, 2.5, 0.29, 1.15)] == [
        99,
        10,
        750,
        1800,
        250,
        29,
        115,
    ]
    assert [ten_thousandths(x) for x in (91.5, 122.3, 117.6543)] == [915000, 1223000, 1176543]


@pytest.mark.parametrize(
    ("country", "in_hand", "page", "written"),
    [
        # US$87.11 at ₹91.5 is ₹7,970.565: the page rounds it to rupees, we to paise, half up
        ("in", 797057, "getting-paid-india.md", "₹7,970.565"),
        # US$89.01 at ৳122.3
        ("bd", 1088592, "getting-paid-bangladesh.md", "৳10,885.92"),
    ],
)
def test_the_guides_worked_examples(real, country, in_hand, page, written):
    request = {
        "country": country,
        "platform": "upwork",
        "route": "upwork-local-bank",
        "unit": "project",
        "amount": 10000,
        "count": 1,
    }
    assert compute(real, request)["in_hand"] == in_hand
    assert written in (ROOT / "docs" / page).read_text(encoding="utf-8")


def test_upwork_tds_shows_both_sources_figures(real):
    result = compute(
        real,
        {
            "country": "in",
            "platform": "upwork",
            "route": "upwork-local-bank",
            "unit": "project",
            "amount": 10000,
            "count": 1,
        },
    )
    tds = next(line for line in result["lines"] if line["id"] == "upwork-tds")
    assert (tds["amount"], tds["alternatives"]) == (10, [100, 500])  # 0.1%, 1%, 5% of US$100
    gst = next(line for line in result["lines"] if line["id"] == "upwork-gst")
    assert gst["amount"] == 180  # 18% of the US$10 fee
    with_gstin = compute(
        real,
        {
            "country": "in",
            "platform": "upwork",
            "route": "upwork-local-bank",
            "unit": "project",
            "amount": 10000,
            "count": 1,
            "gstin": True,
        },
    )
    assert "upwork-gst" not in [line["id"] for line in with_gstin["lines"]]


def test_every_route_of_the_real_data_computes(real):
    fees = real["fees"]
    for platform in fees["platforms"]:
        for country in fees["countries"]:
            routes = [r["id"] for r in routes_for(fees, platform["id"], country["id"])] or [""]
            for route in routes:
                request = {
                    "country": country["code"],
                    "platform": platform["id"],
                    "route": route,
                    "unit": "hour",
                    "amount": 1000,
                    "count": 80,
                }
                result = compute(real, request)
                if platform["id"] == "peopleperhour":
                    assert result == {"error": "currency"}  # fees in pounds: no sourced rate
                else:
                    assert "error" not in result, (platform["id"], country["id"], route)


# Properties: whole units, never negative, exact in JavaScript, the reverse finds the least rate

REQUESTS = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["in", "bd"]),
        "platform": st.sampled_from(["upwork", "fiverr", "freelancer-com", "direct"]),
        "unit": st.sampled_from(["hour", "project", "month"]),
        "amount": st.integers(1, MAX_AMOUNT),
        "count": st.integers(1, MAX_COUNT),
        "gstin": st.booleans(),
    }
)


def with_route(real, request, choice):
    country = next(c["id"] for c in real["fees"]["countries"] if c["code"] == request["country"])
    routes = routes_for(real["fees"], request["platform"], country)
    return {**request, "route": routes[choice % len(routes)]["id"] if routes else ""}


@settings(max_examples=300, deadline=None)
@given(request=REQUESTS, choice=st.integers(0, 9))
def test_every_amount_is_whole_non_negative_and_exact_in_javascript(real, request, choice):
    result = compute(real, with_route(real, request, choice))
    if "error" in result:
        assert result == {"error": "amount"}  # the month over MAX_GROSS
        return
    amounts = [line["amount"] for line in result["lines"] if line["amount"] is not None]
    amounts += [a for line in result["lines"] for a in line["alternatives"] if a is not None]
    assert all(isinstance(a, int) and 0 <= a < 2**53 // 20_000 for a in amounts)
    conversion = next(line for line in result["lines"] if line["kind"] == "conversion")
    assert 0 <= result["in_hand"] <= conversion["amount"]


@settings(max_examples=40, deadline=None)
@given(request=REQUESTS, choice=st.integers(0, 9), target=st.integers(1, 10**9))
def test_reverse_finds_a_rate_that_reaches_the_target(real, request, choice, target):
    request = with_route(real, request, choice)
    found = reverse(real, request, target)
    if "error" in found:
        assert found["error"] == "unreachable"
        return
    assert found["in_hand"] >= target
    assert compute(real, {**request, "amount": found["amount"]})["in_hand"] == found["in_hand"]


@given(st.text(max_size=12))
def test_parse_amount_never_fails(text):
    cents = parse_amount(text)
    assert cents is None or (isinstance(cents, int) and cents >= 0)


# The scripts stay small (issue 15: each tool's script at most 8 KiB gzipped)


@pytest.mark.parametrize("name", TOOL_SCRIPTS)
def test_each_tool_script_is_at_most_8_kib_gzipped(name):
    raw = (SCRIPTS / name).read_bytes()
    assert len(gzip.compress(raw, compresslevel=9)) <= 8 * 1024


# The charts of the getting-paid pages (data/payout_examples.yml) draw the same payments

CHART_STEPS = {
    "upwork-fee": "upwork-fee",
    "gst": "upwork-gst",
    "tds": "upwork-tds",
    "withdrawal": "upwork-local-bank-fee",
}


@pytest.mark.parametrize("example", ["india", "bangladesh"])
def test_the_charts_worked_examples_are_the_calculators(real, example):
    """Two files hold the same worked examples (the charts' and the calculator's fees): the
    calculator must give every step of each chart, to the cent, and the same rate."""
    data = load_data(ROOT / "data", ("en", "hi", "bn"))
    chart = next(e for e in data.payout_examples.examples if e.id == example)
    country = {"india": "in", "bangladesh": "bd"}[example]
    request = {
        "country": country,
        "platform": "upwork",
        "route": "upwork-local-bank",
        "unit": "project",
        "amount": hundredths(chart.paid),
        "count": 1,
    }
    lines = {line["id"]: line["amount"] for line in compute(real, request)["lines"]}
    for step in chart.steps:
        assert lines[CHART_STEPS[step.id]] == hundredths(step.amount), step.id
    assert lines["sent"] == hundredths(chart.received)
    rate = data.rates.rate(chart.currency)
    assert rate is not None and rate.per_usd == chart.per_usd
