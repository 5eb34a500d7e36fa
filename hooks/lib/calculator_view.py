"""The earnings calculator's block: its worked examples as a static table, and the records,
words and formats its script (guide-calculator.js) reads."""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lib.blocks import Localizer, View
from lib.charts import Chart, Step, metrics, waterfall
from lib.data import Example, Fees, to_jsonable
from lib.earnings import compute
from lib.formats import (
    BASE_CURRENCY,
    CURRENCY_SIGNS,
    format_money,
    format_number,
    format_percent,
    format_when,
)
from lib.tool_views import (
    CALCULATOR_WORDS,
    HOME_COUNTRY,
    formats,
    in_language,
    script_data,
    words_with,
)


def minor(amount: int, currency: str, language: str) -> str:
    """Whole cents, paise or poisha written as money: 797057 INR -> ₹7,970.57."""
    return format_money(Decimal(amount) / 100, currency, language)  # type: ignore[arg-type]


def computable(fees: Fees, platform_id: str) -> bool:
    """False when a platform's fee is set in a currency the data has no rate for (pounds)."""
    platform = fees.platform(platform_id)
    ids = ([platform.fee] if platform and platform.fee else []) + list(
        platform.charges if platform else ()
    )
    return all(fees.charge(c).currency == BASE_CURRENCY for c in ids)


def calculator_model(local: Localizer) -> dict[str, Any]:
    """The records the arithmetic reads, here and in the script (lib/earnings.py)."""
    data = local.data
    return {
        "fees": to_jsonable(data.fees),
        "exchange_rates": to_jsonable(data.rates.exchange_rates),
    }


# Fields of the records the calculator's script never reads (the page prints route names in
# its form, and the rates' dates already written out): left out of what a reader downloads.
SCRIPT_LEAVES_OUT = {
    "routes": ("name", "kind", "sources"),
    "exchange_rates": ("note", "date", "date_end"),
}


def for_script(model: Mapping[str, Any]) -> dict[str, Any]:
    """The model as the script gets it: the same records, less the fields it never reads."""

    def trim(records: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
        return [{k: v for k, v in record.items() if k not in fields} for record in records]

    fees = dict(model["fees"])
    fees["routes"] = trim(fees["routes"], SCRIPT_LEAVES_OUT["routes"])
    rates = trim(model["exchange_rates"], SCRIPT_LEAVES_OUT["exchange_rates"])
    return {"fees": fees, "exchange_rates": rates}


def charge_detail(
    local: Localizer,
    charge: Mapping[str, Any],
    line: Mapping[str, Any],
    request: Mapping[str, Any],
) -> str:
    """10% / US$0.99 a withdrawal / US$2.50 × 3 payments: how a charge was counted."""
    lang, words = local.language, local.words
    if line["minimum"]:
        least = charge["minimum"]["amount"]
        return words.fill("calc_minimum", amount=format_money(least, BASE_CURRENCY, lang))
    if "percent" in charge:
        return format_percent(charge["percent"], lang)
    if "amount" in charge:
        money = format_money(charge["amount"], charge.get("currency", BASE_CURRENCY), lang)
        if charge["basis"] == "withdrawal":
            return words.fill("calc_per_withdrawal", amount=money)
        count = request["count"] if request["unit"] == "project" else 1
        return words.fill("calc_per_payment", amount=money, count=format_number(count, lang))
    return ""


def describe(
    local: Localizer, model: Mapping[str, Any], request: Mapping[str, Any]
) -> dict[str, Any]:
    """The rows of one month's calculation, in the page's language (the script writes the
    same rows: keep the two in step)."""
    lang, words, fees = local.language, local.words, local.data.fees
    result = compute(model, request)
    charges = {c["id"]: c for c in model["fees"]["charges"]}
    country = fees.country_with_code(request["country"])
    platform = fees.platform(request["platform"])
    rate = local.data.rates.rate(country.currency)
    assert platform is not None and rate is not None  # the data checks say so
    rows = []
    for line in result["lines"]:
        row: dict[str, Any] = {
            "kind": line["kind"],
            "sources": [],
            "notes": [],
            "others": [],
            "unconfirmed": False,
        }
        money = minor(line["amount"], line["currency"], lang) if line["amount"] is not None else ""
        row["amount"] = money
        if line["kind"] == "gross":
            row["step"] = words.fill(
                f"calc_gross_{request['unit']}",
                amount=minor(request["amount"], BASE_CURRENCY, lang),
                count=format_number(request["count"], lang),
            )
        elif line["kind"] in ("charge", "unknown") and line["id"] in charges:
            charge = charges[line["id"]]
            record = fees.charge(line["id"])
            detail = charge_detail(local, charge, line, request)
            row["step"] = local.text(record.name) + (f" ({detail})" if detail else "")
            row["amount"] = f"−{money}" if line["amount"] is not None else ""
            row["unconfirmed"] = record.unconfirmed or (
                line["minimum"] and record.minimum is not None and record.minimum.unconfirmed
            )
            if line["minimum"] and record.minimum and record.minimum.note:
                row["notes"].append(local.text(record.minimum.note))
            if record.note:
                row["notes"].append(local.text(record.note))
            if record.since:
                row["notes"].append(words.fill("since", date=format_when(record.since, lang)))
            row["sources"] = local.sources(record.sources)
            for alternative, amount in zip(record.alternatives, line["alternatives"], strict=True):
                cost = f": −{minor(amount, line['currency'], lang)}" if amount is not None else ""
                row["others"].append(
                    {
                        "text": local.text(alternative.text) + cost,
                        "unconfirmed": alternative.unconfirmed,
                        "sources": local.sources(alternative.sources),
                    }
                )
        elif line["id"] == "route":
            row["step"] = words.fill(
                "calc_no_route",
                platform=local.text(platform.name),
                country=local.text(country.name),
            )
            row["unconfirmed"] = True
        elif line["id"] == "platform":
            row["step"] = words.fill("calc_left", platform=local.text(platform.name))
        elif line["id"] == "sent":
            row["step"] = words["calc_sent"]
            route = next((r for r in fees.routes if r.id == request.get("route")), None)
            if line["minimum"] and route and route.minimum_withdrawal is not None:
                least = format_money(route.minimum_withdrawal, BASE_CURRENCY, lang)
                row["notes"].append(words.fill("calc_below_minimum", amount=least))
        elif line["kind"] == "conversion":
            row["step"] = words.fill(
                "calc_converted", rate=local.rate(rate), date=local.period(rate)
            )
            row["sources"] = local.sources(rate.sources)
        elif line["kind"] == "result":
            row["step"] = words["calc_in_hand"]
        if line["kind"] == "unknown":
            row["amount"] = words["calc_not_counted"]
        rows.append(row)
    return {"rows": rows, "result": result}


CHART_ID = "guide-chart-calculator"


def calculator_chart(
    local: Localizer, request: Mapping[str, Any], described: Mapping[str, Any]
) -> Chart:
    """One month's calculation as the fee breakdown of the getting-paid pages (charts.waterfall):
    what the client pays, each charge counted, what is left in hand; the same labels as the
    steps' rows. Amounts are drawn in US dollars (rupees and taka at the calculator's rate);
    a charge with no figure is named under the chart. guide-calculator.js draws it again from
    the reader's numbers, the same way: keep the two in step (tests/test_browser_tools.py)."""
    words, fees = local.words, local.data.fees
    result = described["result"]
    country = fees.country_with_code(request["country"])
    platform = fees.platform(request["platform"])
    rate = local.data.rates.rate(country.currency)
    assert platform is not None and rate is not None  # the data checks say so

    def dollars(line: Mapping[str, Any]) -> float:
        amount: float = line["amount"] / 100
        return amount if line["currency"] == BASE_CURRENCY else amount / rate.per_usd

    taken, missing = [], []
    for line, row in zip(result["lines"], described["rows"], strict=True):
        if line["kind"] == "charge":
            label = f"{row['step']}: {row['amount']}"
            if row["unconfirmed"]:
                label += f" ({words['unconfirmed']})"
            taken.append(Step(line["id"], label, dollars(line)))
        elif line["id"] == "route":  # its step says already that nothing is counted for it
            missing.append(row["step"])
        elif line["kind"] == "unknown":
            missing.append(words.fill("calc_chart_not_counted", charge=row["step"]))
    gross, in_hand = result["lines"][0], result["lines"][-1]
    chart = Chart(
        id=CHART_ID,
        title=words.fill(
            "calc_chart_title", platform=local.text(platform.name), country=local.text(country.name)
        ),
    )
    lang = local.language
    paid = minor(gross["amount"], BASE_CURRENCY, lang)
    left = minor(in_hand["amount"], in_hand["currency"], lang)
    waterfall(
        chart,
        Step(None, f"{words['chart_payout_paid']}: {paid}", dollars(gross)),
        taken,
        Step(None, f"{words['calc_in_hand']}: {left}", dollars(in_hand)),
        # whole cents, rounded the way the script rounds (half up)
        lambda value: minor(math.floor(value * 100 + 0.5), BASE_CURRENCY, lang),
    )
    chart.notes = [
        words["chart_payout_legend"],
        words.fill("calc_converted", rate=local.rate(rate), date=local.period(rate)),
        *missing,
    ]
    return chart


def example_title(local: Localizer, example: Example, fees: Fees) -> str:
    platform = fees.platform(example.platform)
    country = fees.country(example.country)
    assert platform is not None and country is not None
    route = next((r for r in fees.routes if r.id == example.route), None)
    return local.words.fill(
        "calc_example",
        platform=local.text(platform.name),
        country=local.text(country.name),
        route=local.text(route.name) if route else "",
    )


def start_view(local: Localizer, fees: Fees, example: Mapping[str, Any]) -> dict[str, Any]:
    """The form as it first shows, before the script is loaded (overrides/main.html): set to the
    first worked example, with its result, so the page reads right before the reader touches
    it and the script takes the form over as it is."""
    request = example["request"]
    platform = fees.platform(request["platform"])
    country = fees.country_with_code(request["country"])
    in_hand = example["result"]["in_hand"]
    return {
        **request,
        "amount": f"{Decimal(request['amount']) / 100:f}".removesuffix(".00"),
        "show_gstin": country.id == "india"
        and platform is not None
        and platform.id in fees.gstin_platforms,
        "amount_label": local.words[f"calc_amount_{request['unit']}"],
        "count_label": local.words[f"calc_count_{request['unit']}"]
        if request["unit"] != "month"
        else "",
        "in_hand": {
            "text": minor(in_hand, country.currency, local.language),
            "value": f"{Decimal(in_hand) / 100:.2f}",
            "currency": country.currency,
        },
    }


def calculator_view(local: Localizer) -> View:
    fees = local.data.fees
    model = calculator_model(local)
    home = HOME_COUNTRY.get(local.language, "india")
    countries = sorted(fees.countries, key=lambda c: c.id != home)
    examples = []
    for example in sorted(fees.examples, key=lambda e: e.country != home):
        country = fees.country(example.country)
        assert country is not None
        request = {
            "country": country.code,
            "platform": example.platform,
            "route": example.route or "",
            "unit": example.unit,
            "amount": int(Decimal(str(example.amount)) * 100),
            "count": 1 if example.unit == "month" else example.count,
            "gstin": example.gstin,
        }
        examples.append(
            {
                "title": example_title(local, example, fees),
                "request": request,
                **describe(local, model, request),
            }
        )
    platforms = [p for p in fees.platforms if computable(fees, p.id)]
    left_out = [local.text(p.name) for p in fees.platforms if not computable(fees, p.id)]
    start = start_view(local, fees, examples[0]) if examples else None
    chart = calculator_chart(local, examples[0]["request"], examples[0]) if examples else None
    data = {
        **formats(local),
        "home": countries[0].code,
        "words": words_with(local, CALCULATOR_WORDS),
        "chart": metrics(),
        "dates": {c.since: format_when(c.since, local.language) for c in fees.charges if c.since},
        "rates": {
            c.currency: {
                "text": local.rate(rate),
                "date": local.period(rate),
            }
            for c in fees.countries
            if (rate := local.data.rates.rate(c.currency))
        },
        **in_language(for_script(model), local.data.languages, {local.language}),
    }
    context = {
        "countries": [{"id": c.id, "code": c.code, "name": local.text(c.name)} for c in countries],
        "platforms": [{"id": p.id, "name": local.text(p.name)} for p in platforms],
        "routes": [
            {
                "id": r.id,
                "name": local.text(r.name),
                "platforms": " ".join(r.platforms),
                "countries": " ".join(fees.country(c).code for c in r.countries),  # type: ignore[union-attr]
            }
            for r in fees.routes
        ],
        "gstin": fees.gstin_platforms,
        "examples": examples,
        "start": start,
        "chart": chart,
        "left_out": local.words.fill("calc_left_out", platforms=local.list(left_out))
        if left_out
        else "",
        "want_label": local.words.fill(
            "calc_want",
            currency=CURRENCY_SIGNS.get(local.language, CURRENCY_SIGNS["en"])[
                countries[0].currency
            ].strip(),
        ),
        "data": script_data(data),
    }
    # Every country, platform and route the calculator offers is an option of its form (the
    # prefixes keep a platform apart from the portal card of the same id on the same page).
    ids = [f"country-{c.id}" for c in fees.countries] + [f"platform-{p.id}" for p in platforms]
    ids += [r.id for r in fees.routes]
    return View(context, ids)
