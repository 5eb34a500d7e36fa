"""Numbers, money, dates and lists in the page's language, through Babel and the house style.

One place decides how the guide writes figures: Indian digit grouping on every page (₹1,00,000),
the currency always visible, Bengali digits on Bengali pages (Babel's `bn` default numbering,
which Babel itself applies only to symbols, not to digits), Latin digits on English and Hindi
pages. Conversions go through the US dollar, the one currency every stored exchange rate is
quoted against.

Hindi and Bengali follow the house style of CONTRIBUTING.md ("House style"), the same as the
hand-written text: ₹7,000, ৳500 / ৳৫০০, US$100 / US$১০০, the sign first; dates as
"1 मई 2025" / "১ মে ২০২৫", with no comma and the house spelling of each month (CLDR writes
फ़रवरी, and its Bengali months changed spelling between Babel releases).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_currency, get_currency_symbol

LOCALES = {"en": "en_IN", "hi": "hi_IN", "bn": "bn_BD"}
# Languages whose pages write numbers in their own digits, 0-9 in order.
NATIVE_DIGITS = {"bn": "০১২৩৪৫৬৭৮৯"}
BASE_CURRENCY = "USD"
# The reader's own currency first: taka on Bengali pages, rupees on the others.
HOME_CURRENCIES = {"en": ("INR", "BDT"), "hi": ("INR", "BDT"), "bn": ("BDT", "INR")}
NO_BREAK_SPACE = "\u00a0"
# The guide's Bengali text writes the sign first (৳৫০০, ₹৭০), as prices are written in
# Bangladesh; CLDR's bn pattern puts it after the number, so the blocks would disagree with the
# prose around them. Babel still formats; only the sign moves.
SIGN_FIRST = {"bn"}
# The house signs where CLDR's differ: hi_IN has "$" (a reader in India may take it for any
# dollar) and "BDT" (the prose writes ৳). Bengali already has US$ and ৳.
HOUSE_SYMBOLS = {"hi": {"USD": "US$", "BDT": "৳"}}
# Month names as the house style spells them; English takes Babel's.
MONTHS = {
    "hi": "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर".split(),
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট".split()
    + "সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর".split(),
}


def locale(language: str) -> Locale:
    """The Babel locale a page language is formatted with (en -> en_IN)."""
    return Locale.parse(LOCALES.get(language, language))


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


def _is_whole(amount: float) -> bool:
    number = Decimal(str(amount))
    return number == number.to_integral_value()


def _space_letters(text: str, symbol: str) -> str:
    """CLDR currency spacing, which Babel leaves out: a symbol made of letters (BDT, US$) gets a
    no-break space next to the number; a sign such as ₹ or ৳ does not."""
    if text.startswith(symbol) and not unicodedata.category(symbol[-1]).startswith("S"):
        return symbol + NO_BREAK_SPACE + text[len(symbol) :]
    if text.endswith(symbol) and not unicodedata.category(symbol[0]).startswith("S"):
        return text[: -len(symbol)] + NO_BREAK_SPACE + symbol
    return text


def format_money(amount: float, currency: str, language: str) -> str:
    """An amount with its currency: ₹7,000 and ₹91.50 (decimals only when there are any)."""
    loc = locale(language)
    pattern = loc.currency_formats["standard"].pattern
    if language in SIGN_FIRST and pattern.endswith("¤"):
        pattern = "¤" + pattern[:-1]
    if _is_whole(amount):
        pattern = pattern.replace("0.00", "0")
    text = format_currency(amount, currency, locale=loc, format=pattern, currency_digits=False)
    symbol = get_currency_symbol(currency, locale=loc)
    house = HOUSE_SYMBOLS.get(language, {}).get(currency)
    if house and symbol:
        text, symbol = text.replace(symbol, house), house
    return localize_digits(_space_letters(text, symbol) if symbol else text, language)


def format_money_range(
    low: float, high: float, currency: str, language: str, *, open_ended: bool = False
) -> str:
    """₹1,000–₹2,100, or ₹70–₹7,000+ when the top is open; one amount when low == high."""
    top = format_money(high, currency, language) + ("+" if open_ended else "")
    if low == high:
        return top
    return f"{format_money(low, currency, language)}–{top}"


def convert(amount: float, source: str, target: str, per_usd: Mapping[str, float]) -> float:
    """`amount` of `source` in `target`, through the US dollar (per_usd: {"INR": 91.5})."""
    rates = {BASE_CURRENCY: 1.0, **per_usd}
    return amount / rates[source] * rates[target]


def round_converted(amount: float) -> float:
    """A converted amount is an estimate: whole units, cents only below ten."""
    return float(round(amount)) if amount >= 10 else round(amount, 2)


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
    year, month, day = (parts + [1, 1])[:3]
    return dt.date(year, month, day)


def _month(month: int, language: str) -> str:
    names = MONTHS.get(language)
    if names:
        return names[month - 1]
    return locale(language).months["format"]["wide"][month]


def format_when(value: str, language: str) -> str:
    """2026 / January 2026 / 1 May 2025 (1 मई 2025, ১ মে ২০২৫): as precise as the stored value."""
    date = parse_when(value)
    parts = [_month(date.month, language), str(date.year)]
    if len(value) > 7:
        parts.insert(0, str(date.day))
    return localize_digits(" ".join(parts[-1:] if len(value) == 4 else parts), language)


def format_period(start: str, end: str | None, language: str) -> str:
    """January–February 2026; one date when there is no end; 15 May 2025 – 3 June 2026."""
    if not end or end == start:
        return format_when(start, language)
    if len(start) == len(end) == 7 and start[:4] == end[:4]:
        months = [_month(parse_when(value).month, language) for value in (start, end)]
        return localize_digits(f"{months[0]}–{months[1]} {start[:4]}", language)
    return f"{format_when(start, language)} – {format_when(end, language)}"


# "a, b और c" with no comma before the last word, as Hindi and Bengali are written; older CLDR
# data (Babel before 2.17) puts one before और.
CONJUNCTIONS = {"hi": "और", "bn": "এবং"}


def join_words(items: Iterable[str], language: str) -> str:
    """a, b and c / a, b और c / a, b এবং c."""
    items = list(items)
    word = CONJUNCTIONS.get(language)
    if word and len(items) > 1:
        return f"{', '.join(items[:-1])} {word} {items[-1]}"
    return format_list(items, locale=locale(language)) if items else ""
