"""How the guide writes numbers, money, dates and lists: Indian grouping, visible currency, Bengali
digits, and the same characters whatever Babel release is installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from conftest import ROOT
from lib.formats import (
    NO_BREAK_SPACE,
    conversion_targets,
    convert,
    format_money,
    format_money_range,
    format_period,
    format_when,
    format_year,
    has_latin_digits,
    join_words,
    localize_digits,
    parse_when,
    round_converted,
)

NB = NO_BREAK_SPACE


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        (100000, "INR", "en", "₹1,00,000"),
        (100000, "INR", "hi", "₹1,00,000"),
        (100000, "INR", "bn", "₹১,০০,০০০"),
        (7000, "INR", "en", "₹7,000"),
        (91.5, "INR", "en", "₹91.50"),
        (91.5, "INR", "bn", "₹৯১.৫০"),
        (122.3, "BDT", "bn", "৳১২২.৩০"),
        # A currency written with letters keeps a no-break space from the number (CLDR spacing).
        (122.3, "BDT", "en", f"BDT{NB}122.30"),
        (12230, "BDT", "hi", "৳12,230"),  # as Hindi text writes it (house style)
        (10, "USD", "en", "US$10"),
        (10, "USD", "bn", "US$১০"),
        (0.15, "USD", "hi", "US$0.15"),
        (250, "GBP", "en", "£250"),
        (1234567, "USD", "en", "US$12,34,567"),
    ],
)
def test_format_money(amount, currency, language, expected):
    assert format_money(amount, currency, language) == expected


@pytest.mark.parametrize(
    ("low", "high", "open_ended", "language", "expected"),
    [
        (70, 7000, True, "en", "₹70–₹7,000+"),
        (70, 7000, True, "bn", "₹৭০–₹৭,০০০+"),
        (1000, 2100, False, "hi", "₹1,000–₹2,100"),
        (2100, 2100, False, "en", "₹2,100"),
    ],
)
def test_format_money_range(low, high, open_ended, language, expected):
    assert format_money_range(low, high, "INR", language, open_ended=open_ended) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2026", "en", "2026"),
        ("2026-01", "en", "January 2026"),
        ("2026-01", "hi", "जनवरी 2026"),
        ("2026-02", "hi", "फरवरी 2026"),  # house spelling: no nukta
        ("2026-01", "bn", "জানুয়ারি ২০২৬"),
        ("2025-05-01", "en", "1 May 2025"),
        ("2025-05-01", "bn", "১ মে ২০২৫"),
    ],
)
def test_format_when(value, language, expected):
    assert format_when(value, language) == expected


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        ("2026-01", "2026-02", "en", "January–February 2026"),
        ("2026-01", "2026-02", "bn", "জানুয়ারি–ফেব্রুয়ারি ২০২৬"),
        ("2026-01", None, "hi", "जनवरी 2026"),
        ("2026-01", "2026-01", "en", "January 2026"),
    ],
)
def test_format_period(start, end, language, expected):
    assert format_period(start, end, language) == expected


def test_years_are_not_grouped_and_use_the_page_digits():
    assert format_year(2026, "en") == "2026"
    assert format_year(2026, "bn") == "২০২৬"


def test_parse_when_refuses_a_day_that_does_not_exist():
    assert parse_when("2026-02").day == 1
    with pytest.raises(ValueError):
        parse_when("2026-02-30")


def test_bengali_digits():
    assert localize_digits("৳ 2,807 (2026)", "bn") == "৳ ২,৮০৭ (২০২৬)"
    assert localize_digits("2026", "hi") == "2026"
    assert has_latin_digits("২০% বা 5", "bn")
    assert not has_latin_digits("२०% 5", "hi")  # Hindi pages use Latin digits


def test_convert_goes_through_the_dollar():
    rates = {"INR": 91.5, "BDT": 122.3}
    assert convert(10, "USD", "INR", rates) == pytest.approx(915)
    assert convert(915, "INR", "USD", rates) == pytest.approx(10)
    assert convert(2100, "INR", "BDT", rates) == pytest.approx(2100 / 91.5 * 122.3)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2806.885, 2807.0),
        (76.5027, 77.0),
        (0.765, 0.77),
        (9.994, 9.99),
        # halves round up, never to the even neighbour (round() gives 1372 and 0.12)
        (1372.5, 1373.0),
        (10.5, 11.0),
        (0.125, 0.13),
    ],
)
def test_converted_amounts_are_rounded_as_estimates(amount, expected):
    assert round_converted(amount) == expected


@pytest.mark.parametrize(
    ("language", "source", "expected"),
    [
        ("en", "INR", ["BDT", "USD"]),
        ("hi", "USD", ["INR", "BDT"]),
        ("bn", "USD", ["BDT", "INR"]),  # taka first on Bengali pages
        ("bn", "INR", ["BDT", "USD"]),
        ("en", "GBP", ["INR", "BDT", "USD"]),
    ],
)
def test_conversion_targets(language, source, expected):
    assert conversion_targets(language, source, ["INR", "BDT"]) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Canva, Buffer and Later"),
        ("hi", "Canva, Buffer और Later"),
        ("bn", "Canva, Buffer এবং Later"),
    ],
)
def test_join_words(language, expected):
    assert join_words(["Canva", "Buffer", "Later"], language) == expected
    assert join_words([], language) == ""


# The output belongs to the project, not to the installed Babel or CLDR release

SAMPLE = """
import json, sys
from pathlib import Path
import babel
from lib import formats
from lib.blocks import BLOCKS, block_view
from lib.data import load_data

root, languages = Path(sys.argv[1]), ["en", "hi", "bn"]
money = formats.format_money
data = load_data(root / "data", languages)
amounts = [0, 0.15, 1, 9.995, 91.5, 1372.5, 100000, 1234567.891]
currencies = ["INR", "BDT", "USD", "GBP", "EUR", "JPY"]
dates = ["2026", "2026-01", "2025-05-01", "2024-12-31"]
periods = [("2026-01", "2026-02"), ("2025-12", "2026-01")]
lists = [["a"], ["a", "b"], ["a", "b", "c"]]
values = {
    "money": [money(a, c, l) for a in amounts for c in currencies for l in languages],
    "when": [formats.format_when(d, l) for d in dates for l in languages],
    "period": [formats.format_period(a, b, l) for a, b in periods for l in languages],
    "lists": [formats.join_words(items, l) for items in lists for l in languages],
    "rounded": [formats.round_converted(a) for a in amounts],
    "blocks": {f"{b} {l}": block_view(b, data, l).context for b in BLOCKS for l in languages},
}
print(json.dumps({"babel": babel.__version__, "values": values}, ensure_ascii=False, default=str))
"""


def babel_bounds() -> tuple[str, str]:
    """The requirement on Babel in pyproject.toml, and its oldest allowed release."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    spec = next(Requirement(d) for d in project["dependencies"] if d.startswith("babel"))
    lowest = next(s.version for s in spec.specifier if s.operator == ">=")
    return str(spec), lowest


def formatted_with(babel: str, target: Path) -> dict[str, object]:
    """The site's formatted values computed with Babel `babel` (a pip requirement)."""
    # Only this Babel, beside the environment: a constraints file (CI pins the lock) must not
    # hold it to the locked version.
    environment = {key: value for key, value in os.environ.items() if key != "PIP_CONSTRAINT"}
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), babel],
        capture_output=True,
        text=True,
        env=environment,
    )
    if install.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"pip could not install {babel}: {install.stderr}")
        pytest.skip(f"pip could not install {babel} (offline?)")
    paths = [str(target), str(ROOT / "hooks"), *sys.path]
    result = subprocess.run(
        [sys.executable, "-c", SAMPLE, str(ROOT)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        check=True,
    )
    return json.loads(result.stdout)


def test_oldest_and_newest_allowed_babel_write_the_same_characters(tmp_path):
    requirement, lowest = babel_bounds()
    oldest = formatted_with(f"babel=={lowest}", tmp_path / "oldest")
    newest = formatted_with(requirement, tmp_path / "newest")
    assert Version(oldest["babel"]) == Version(lowest) < Version(newest["babel"])
    assert oldest["values"] == newest["values"]
