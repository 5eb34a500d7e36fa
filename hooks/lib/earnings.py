"""Money in hand from a client's US dollars, step by step: the calculator's arithmetic.

The same arithmetic runs in the reader's browser (overrides/assets/javascripts/
guide-calculator.js); both read the same records, the JSON of data/fees.yml and the exchange
rates of data/rates.yml, and both are tested on tests/fixtures/calculator-cases.json, so a line
of the page's worked example and the same line in the browser are the same number. Change one
side, change the other.

- Money is counted in whole minor units: cents, paise, poisha. Every charge is rounded half up
  (2.5 -> 3) as soon as it is counted; nothing is carried as a fraction.
- Percentages are counted in hundredths (0.1% -> 10, 18% -> 1800) and exchange rates in
  ten-thousandths (91.5 -> 915000), so each charge is one integer product and one division.
- Numbers stay below 2**53 (what JavaScript counts exactly): a month's gross is at most
  MAX_GROSS cents.

compute(model, request) -> the lines and the money in hand, or {"error": …}
reverse(model, request, target) -> the smallest rate (in cents) whose money in hand reaches target
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

USD = "USD"
UNITS = ("hour", "project", "month")
MAX_AMOUNT = 100_000_000  # cents: US$1,000,000 for one hour, project or month
MAX_COUNT = 1000  # hours or projects a month
MAX_GROSS = 1_000_000_000  # cents: US$10,000,000 a month
MAX_TARGET = 100_000_000_000  # paise or poisha wanted in hand
_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯०१२३४५६७८९", "01234567890123456789")

Model = Mapping[str, Any]  # {"fees": fees.yml as JSON, "exchange_rates": rates.yml's list}
Request = Mapping[str, Any]  # {"country": "bd", "platform": …, "route": …, "unit": …, …}


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up; both whole, numerator >= 0, denominator > 0."""
    quotient, remainder = divmod(numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


def hundredths(value: float) -> int:
    """0.99 -> 99, 7.5 -> 750: a figure written with at most two decimals, exactly."""
    return int(Decimal(str(value)) * 100)


def ten_thousandths(value: float) -> int:
    """91.5 -> 915000: an exchange rate written with at most four decimals, exactly."""
    return int(Decimal(str(value)) * 10_000)


def percent_of(amount: int, percent: int) -> int:
    """`percent` hundredths of a percent of `amount`, rounded half up."""
    return half_up(amount * percent, 10_000)


def parse_amount(text: str) -> int | None:
    """What a reader types as money -> cents: "12.50", "1,000", "১২.৫" (Bengali or Devanagari
    digits); None when it is not an amount with at most two decimals."""
    text = str(text).translate(_DIGITS).replace(",", "").replace(" ", "")
    whole, _, cents = text.partition(".")
    if not whole.isascii() or not whole.isdigit() or len(whole) > 9:
        return None
    if cents and (not cents.isascii() or not cents.isdigit() or len(cents) > 2):
        return None
    return int(whole) * 100 + int((cents + "00")[:2])


def parse_count(text: str) -> int | None:
    """Hours or projects a month: a whole number from 1 to MAX_COUNT, else None."""
    text = str(text).translate(_DIGITS).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        return None
    count = int(text)
    return count if 1 <= count <= MAX_COUNT else None


def _by_id(records: Any, key: str = "id") -> dict[str, Any]:
    return {record[key]: record for record in records or ()}


def routes_for(fees: Mapping[str, Any], platform: str, country: str) -> list[dict[str, Any]]:
    """The routes a platform pays out by to a country (ids, not codes), in the data's order."""
    return [
        route
        for route in fees["routes"]
        if platform in route["platforms"] and country in route["countries"]
    ]


class _Month:
    """One month's payments: what the client pays, and the step each charge works on."""

    def __init__(self, unit: str, amount: int, count: int, gstin: bool, country: str) -> None:
        self.unit = unit
        self.payments = count if unit == "project" else 1
        self.gross = amount * (1 if unit == "month" else count)
        self.payment = self.gross // self.payments  # a project's price, or the month's pay
        self.gstin = gstin
        self.country = country
        self.fee = 0  # the platform's service fee, once counted
        self.local = 0  # rupees or taka after conversion, in paise or poisha


def _applies(charge: Mapping[str, Any], month: _Month) -> bool:
    if charge.get("countries") and month.country not in charge["countries"]:
        return False
    return not (charge.get("unless") == "gstin" and month.gstin)


def _tiered(charge: Mapping[str, Any], gross: int) -> int:
    """Each tier's percent on the part of the month's gross inside it (tops in cents)."""
    total, lower = 0, 0
    for tier in charge["tiers"]:
        top = hundredths(tier["up_to"]) if "up_to" in tier else gross
        part = min(gross, top) - lower
        if part > 0:
            total += part * hundredths(tier["percent"])
        lower = max(lower, top)
    return half_up(total, 10_000)


def _amount(charge: Mapping[str, Any], month: _Month) -> tuple[int | None, bool]:
    """What a charge takes this month, in cents (or paise for basis converted), and whether its
    minimum decided it. None: no source gives a figure, nothing is counted."""
    basis = charge["basis"]
    if "tiers" in charge:
        return _tiered(charge, month.gross), False
    if "amount" in charge:
        each = hundredths(charge["amount"])
        return each * (month.payments if basis == "payment" else 1), False
    if "percent" not in charge:
        return None, False
    percent = hundredths(charge["percent"])
    if basis == "payment":
        each = percent_of(month.payment, percent)
        minimum = charge.get("minimum")
        lifted = False
        if minimum and month.unit in minimum["units"]:
            least = hundredths(minimum["amount"])
            lifted = least > each
            each = max(each, least)
        return each * month.payments, lifted
    base = {"gross": month.gross, "fee": month.fee, "converted": month.local}[basis]
    return percent_of(base, percent), False


def _alternatives(charge: Mapping[str, Any], month: _Month) -> list[int | None]:
    """What each alternative figure would take instead (same basis, no minimum)."""
    amounts = []
    for alternative in charge.get("alternatives") or ():
        figure = {key: alternative[key] for key in ("percent", "amount") if key in alternative}
        other = {"basis": charge["basis"], **figure}
        amounts.append(_amount(other, month)[0] if figure else None)
    return amounts


def _line(kind: str, line_id: str, amount: int | None, currency: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": line_id,
        "amount": amount,
        "currency": currency,
        "alternatives": [],
        "minimum": False,
    }


def _charge_line(charge: Mapping[str, Any], month: _Month, currency: str) -> dict[str, Any]:
    amount, minimum = _amount(charge, month)
    line = _line("charge" if amount is not None else "unknown", charge["id"], amount, currency)
    line["alternatives"] = _alternatives(charge, month)
    line["minimum"] = minimum
    return line


def compute(model: Model, request: Request) -> dict[str, Any]:
    """The month's lines, from the client's payment to money in hand.

    request: country (code: "in", "bd"), platform (id), route (id, or "" when no route is
    sourced for that platform and country), unit (hour, project, month), amount (cents an
    hour, a project or a month), count (hours or projects a month), gstin (bool).
    Returns {"error": field} when a field is out of range or unknown."""
    fees = model["fees"]
    country = next((c for c in fees["countries"] if c["code"] == request.get("country")), None)
    platforms = _by_id(fees["platforms"])
    platform = platforms.get(str(request.get("platform")))
    unit = request.get("unit")
    amount, count = request.get("amount"), request.get("count", 1)
    if country is None:
        return {"error": "country"}
    if platform is None:
        return {"error": "platform"}
    if unit not in UNITS:
        return {"error": "unit"}
    if not isinstance(amount, int) or not 0 < amount <= MAX_AMOUNT:
        return {"error": "amount"}
    if unit == "month":
        count = 1
    if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        return {"error": "count"}
    routes = routes_for(fees, platform["id"], country["id"])
    route = next((r for r in routes if r["id"] == request.get("route")), None)
    if route is None and (routes or request.get("route")):
        return {"error": "route"}
    rates = _by_id(model["exchange_rates"], "currency")
    local = country["currency"]
    charges = _by_id(fees["charges"])
    month = _Month(unit, amount, count, bool(request.get("gstin")), country["id"])
    if month.gross > MAX_GROSS:
        return {"error": "amount"}

    lines = [_line("gross", "gross", month.gross, USD)]
    balance = month.gross
    platform_charges = [platform["fee"]] if platform.get("fee") else []
    platform_charges += platform.get("charges") or []
    if any(charges[c].get("currency", USD) != USD for c in platform_charges):
        return {"error": "currency"}  # a fee set in pounds: the data has no rate for it
    for charge_id in platform_charges:
        charge = charges[charge_id]
        if not _applies(charge, month):
            continue
        line = _charge_line(charge, month, charge.get("currency", USD))
        if charge_id == platform.get("fee"):
            month.fee = line["amount"] or 0
        balance = max(0, balance - (line["amount"] or 0))
        lines.append(line)
    if platform_charges:
        lines.append(_line("subtotal", "platform", balance, USD))

    converted = []  # route and country charges on rupees or taka, counted after conversion
    if route is None:
        lines.append(_line("unknown", "route", None, USD))
    for charge_id in route["charges"] if route else []:
        charge = charges[charge_id]
        if not _applies(charge, month):
            continue
        if charge["basis"] == "converted":
            converted.append(charge)
            continue
        line = _charge_line(charge, month, USD)
        balance = max(0, balance - (line["amount"] or 0))
        lines.append(line)
    sent = _line("subtotal", "sent", balance, USD)
    minimum = route.get("minimum_withdrawal") if route else None
    sent["minimum"] = minimum is not None and balance < hundredths(minimum)
    lines.append(sent)

    month.local = half_up(balance * ten_thousandths(rates[local]["per_usd"]), 10_000)
    lines.append(_line("conversion", "conversion", month.local, local))
    in_hand = month.local
    converted += [charges[c] for c in country.get("charges") or ()]
    for charge in converted:
        if not _applies(charge, month):
            continue
        line = _charge_line(charge, month, local)
        in_hand = max(0, in_hand - (line["amount"] or 0))
        lines.append(line)
    lines.append(_line("result", "in-hand", in_hand, local))
    return {"currency": local, "in_hand": in_hand, "lines": lines}


def reverse(model: Model, request: Request, target: int) -> dict[str, Any]:
    """The smallest amount (cents an hour, a project or a month) whose money in hand reaches
    `target` (paise or poisha), by bisection, with the month it gives; {"error": …} when the
    target is out of range or no amount up to the limits reaches it."""
    if not isinstance(target, int) or not 0 < target <= MAX_TARGET:
        return {"error": "target"}
    count = 1 if request.get("unit") == "month" else request.get("count", 1)
    if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        return {"error": "count"}
    low, high = 1, min(MAX_AMOUNT, MAX_GROSS // count)

    def month_for(amount: int) -> dict[str, Any]:
        return compute(model, {**request, "amount": amount})

    top = month_for(high)
    if "error" in top:
        return top
    if top["in_hand"] < target:
        return {"error": "unreachable"}
    while low < high:
        middle = (low + high) // 2
        if month_for(middle)["in_hand"] >= target:
            high = middle
        else:
            low = middle + 1
    return {"amount": low, **month_for(low)}
