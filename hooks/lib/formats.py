"""How the guide writes numbers, money, dates and lists in each language: decided here, once.

Every format is the project's own decision, written down in the tables below to match how the
hand-written pages write the same things (১৩ জানুয়ারি ২০২৬, 1 मई 2025, ₹1,00,000). Babel only
applies an explicit number pattern with fixed symbols, so a new Babel or CLDR release cannot
change a character of the site (tests/test_formats.py checks this against the oldest allowed
Babel).

- Indian digit grouping on every page (₹1,00,000); two decimals only when there are any.
- The currency always visible; US$ rather than a bare $ (clients also pay in A$ and C$).
- Bengali digits on Bengali pages, Latin digits on English and Hindi pages.
- Amounts are rounded half up (2.5 -> 3), as a reader rounds by hand.
- Conversions go through the US dollar, the one currency every stored rate is quoted against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

# Languages whose pages write numbers in their own digits, 0-9 in order.
NATIVE_DIGITS = {"bn": "০১২৩৪৫৬৭৮৯"}
BASE_CURRENCY = "USD"
# The reader's own currency first: taka on Bengali pages, rupees on the others.
HOME_CURRENCIES = {"en": ("INR", "BDT"), "hi": ("INR", "BDT"), "bn": ("BDT", "INR")}
NO_BREAK_SPACE = "\u00a0"

# Indian grouping (lakh, crore) with "," and ".": the symbols of the `en` locale never change.
_WHOLE = "#,##,##0"
_CENTS = "#,##,##0.00"
_SYMBOLS_LOCALE = "en"

# What goes before the amount. A sign (₹, ৳, US$) touches the number; a code made of letters
# (BDT on English pages) is kept apart by a no-break space. A currency not listed is written as
# its code. Hindi pages write ৳ like their text (CONTRIBUTING.md, "House style"): the Hindi
# label of the exchange rates says what ৳ is, as the text does on a page's first taka amount.
CURRENCY_SIGNS = {
    "en": {"INR": "₹", "BDT": "BDT" + NO_BREAK_SPACE, "USD": "US$", "GBP": "£", "EUR": "€"},
    "hi": {"INR": "₹", "BDT": "৳", "USD": "US$", "GBP": "£", "EUR": "€"},
    "bn": {"INR": "₹", "BDT": "৳", "USD": "US$", "GBP": "£", "EUR": "€"},
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "hi": "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
}
# The word before the last item of a list: "a, b and c", "a, b और c", "a, b এবং c".
AND = {"en": "and", "hi": "और", "bn": "এবং"}
RANGE_DASH = "–"


def localize_digits(text: str, language: str) -> str:
    """Write 0-9 in the language's own digits where it has them (Bengali)."""
    digits = NATIVE_DIGITS.get(language)
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def has_latin_digits(text: str, language: str) -> bool:
    """True if text in a language with its own digits still contains 0-9."""
    return language in NATIVE_DIGITS and any(ch in "0123456789" for ch in text)


def format_year(year: int, language: str) -> str:
    """A year: no grouping (2026, not 2,026), the language's digits."""
    return localize_digits(str(year), language)


def round_half_up(amount: float, places: int = 0) -> Decimal:
    """The amount rounded half up: 2.5 -> 3, 0.765 -> 0.77 (as written, not as a float)."""
    return Decimal(str(amount)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(amount: float, language: str) -> str:
    """7,000 / 1,00,000 / 91.50: Indian grouping, two decimals only when there are any."""
    number = round_half_up(amount, 2)
    whole = number == number.to_integral_value()
    text = format_decimal(number, format=_WHOLE if whole else _CENTS, locale=_SYMBOLS_LOCALE)
    return localize_digits(text, language)


def format_percent(percent: float, language: str) -> str:
    """10%, 0.1%, 7.5%: as written in the data, no grouping, the language's digits."""
    number = Decimal(str(percent)).normalize()
    return localize_digits(f"{number:f}%", language)


def format_money(amount: float, currency: str, language: str) -> str:
    """An amount with its currency: ₹7,000, ৳১২২.৩০, US$10, BDT 12,230."""
    sign = CURRENCY_SIGNS.get(language, CURRENCY_SIGNS["en"]).get(
        currency, currency + NO_BREAK_SPACE
    )
    return sign + format_number(amount, language)


def format_money_range(
    low: float, high: float, currency: str, language: str, *, open_ended: bool = False
) -> str:
    """₹1,000–₹2,100, or ₹70–₹7,000+ when the top is open; one amount when low == high."""
    top = format_money(high, currency, language) + ("+" if open_ended else "")
    if low == high:
        return top
    return f"{format_money(low, currency, language)}{RANGE_DASH}{top}"


def convert(amount: float, source: str, target: str, per_usd: Mapping[str, float]) -> float:
    """`amount` of `source` in `target`, through the US dollar (per_usd: {"INR": 91.5})."""
    rates = {BASE_CURRENCY: 1.0, **per_usd}
    return amount / rates[source] * rates[target]


def round_converted(amount: float) -> float:
    """A converted amount is an estimate: whole units, cents only below ten; half up."""
    return float(round_half_up(amount, 0 if amount >= 10 else 2))


def conversion_targets(language: str, source: str, available: Iterable[str]) -> list[str]:
    """Currencies to convert an amount into: the reader's own first, then USD, then the rest."""
    currencies = set(available) | {BASE_CURRENCY}
    order = [*HOME_CURRENCIES.get(language, ()), BASE_CURRENCY, *sorted(currencies)]
    targets: list[str] = []
    for currency in order:
        if currency in currencies and currency != source and currency not in targets:
            targets.append(currency)
    return targets


def parse_when(value: str) -> dt.date:
    """A stored date, 2026, 2026-01 or 2026-01-15; ValueError if there is no such day."""
    parts = [int(part) for part in value.split("-")]
    year, month, day = ([*parts, 1, 1])[:3]
    return dt.date(year, month, day)


def _months(language: str) -> list[str]:
    return MONTHS.get(language, MONTHS["en"]).split(" ")


def format_when(value: str, language: str) -> str:
    """2026 / January 2026 / 1 May 2025 (১ মে ২০২৫): as precise as the stored value."""
    date = parse_when(value)
    parts = [_months(language)[date.month - 1], str(date.year)]
    if value.count("-") == 2:
        parts.insert(0, str(date.day))
    elif value.count("-") == 0:
        parts = [str(date.year)]
    return localize_digits(" ".join(parts), language)


def format_period(start: str, end: str | None, language: str) -> str:
    """January–February 2026 when both are months of one year; else 2025–2026 or the two dates
    in full; one date when there is no end."""
    if not end or end == start:
        return format_when(start, language)
    first, last = parse_when(start), parse_when(end)
    if start.count("-") == end.count("-") == 1 and first.year == last.year:
        months = _months(language)
        text = f"{months[first.month - 1]}{RANGE_DASH}{months[last.month - 1]} {first.year}"
        return localize_digits(text, language)
    return format_when(start, language) + RANGE_DASH + format_when(end, language)


def join_words(items: Iterable[str], language: str) -> str:
    """a, b and c / a, b और c / a, b এবং c: commas, then the language's "and" before the last."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(language, AND['en'])} {items[-1]}"


# Clocks and time zones, written as the time-zones page writes them: 18:30 (24-hour clock, two
# digits each) and UTC+5:30, UTC−4, UTC+0 (a true minus sign; minutes only when there are any).
MINUS = "\u2212"
DAY_MINUTES = 24 * 60


def offset_minutes(offset: str) -> int:
    """A stored UTC offset in minutes: "+05:30" -> 330, "-04:00" -> -240 (ValueError if not)."""
    if len(offset) != 6 or offset[0] not in "+-" or offset[3] != ":":
        raise ValueError(f"not an offset written +HH:MM: {offset!r}")
    minutes = int(offset[1:3]) * 60 + int(offset[4:6])
    return -minutes if offset[0] == "-" else minutes


def clock_minutes(time: str) -> int:
    """A stored time of day in minutes after midnight: "09:00" -> 540."""
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


def format_clock(minutes: int, language: str) -> str:
    """18:30 / ১৮:৩০: a time of day (minutes after midnight, any day) on a 24-hour clock."""
    minutes %= DAY_MINUTES
    return localize_digits(f"{minutes // 60:02d}:{minutes % 60:02d}", language)


def format_utc_offset(minutes: int, language: str) -> str:
    """UTC+5:30 / UTC−4 / UTC+0 / UTC+৫:৩০."""
    sign = MINUS if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    text = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return localize_digits(text, language)
