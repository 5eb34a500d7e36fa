"""The calculator's shared cases (tests/fixtures/calculator-cases.json), run by the Python side
(tests/test_earnings.py) and by the browser's script (tests/test_browser_tools.py): the same
inputs must give the same lines, amounts and text on both sides.

The file holds a synthetic fee model that uses every kind of charge, the requests, and the
expected results. After an intended change to the arithmetic or the formats, rewrite the
expectations from the Python side and read the diff before committing it:

    python tests/calculator_support.py
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "fixtures" / "calculator-cases.json"
LANGUAGES = ("en", "hi", "bn")
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from lib.earnings import compute, parse_amount, parse_count, reverse  # noqa: E402
from lib.formats import CURRENCY_SIGNS, NATIVE_DIGITS, format_money, format_percent  # noqa: E402


def load_cases() -> dict:
    return json.loads(CASES.read_text(encoding="utf-8"))


def formats(language: str) -> dict:
    """The tables the script gets from the page (lib/tool_views.formats)."""
    return {
        "lang": language,
        "signs": CURRENCY_SIGNS[language],
        "digits": NATIVE_DIGITS.get(language, ""),
    }


def python_results(cases: dict) -> dict:
    """Every expectation as the Python side computes it."""
    models = cases["models"]
    return {
        "compute": [compute(models[c["model"]], c["request"]) for c in cases["compute"]],
        "reverse": [
            reverse(models[c["model"]], c["request"], c["target"]) for c in cases["reverse"]
        ],
        "parse_amount": [parse_amount(text) for text, _ in cases["parse_amount"]],
        "parse_count": [parse_count(text) for text, _ in cases["parse_count"]],
        "money": [
            format_money(Decimal(minor) / 100, currency, language)  # type: ignore[arg-type]
            for minor, currency, language, _ in cases["money"]
        ],
        "percent": [format_percent(value, language) for value, language, _ in cases["percent"]],
    }


def refresh() -> None:
    """Write the Python side's results into the file as the expectations."""
    cases = load_cases()
    results = python_results(cases)
    for case, result in zip(cases["compute"], results["compute"], strict=True):
        case["expect"] = result
    for case, result in zip(cases["reverse"], results["reverse"], strict=True):
        case["expect"] = result
    for key in ("parse_amount", "parse_count", "money", "percent"):
        cases[key] = [
            [*row[:-1], result] for row, result in zip(cases[key], results[key], strict=True)
        ]
    CASES.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    refresh()
    print(f"rewrote the expectations in {CASES.relative_to(ROOT)}: review `git diff` first")
