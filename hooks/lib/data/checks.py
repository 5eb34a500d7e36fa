"""Checks across records and files that a schema cannot express.

Ids used twice, a rate band naming an unknown category, a minimum above its maximum, a currency
without an exchange rate, a source whose link leads to another site than the one it names. Each
check is robust to data the schema has already rejected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import is_currency

from lib.data.document import Document, KeyPath, format_path, shown
from lib.data.records import ALL_CATEGORIES
from lib.data.schema import suggest
from lib.formats import BASE_CURRENCY, offset_minutes


def _items(doc: Document, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, record) for each mapping in the top-level list `key`."""
    if not doc.readable or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


def check_unique(doc: Document, keys: Sequence[str], field_name: str = "id") -> set[str]:
    """Report a value of field_name used twice across the lists `keys`; return those seen."""
    seen: dict[str, KeyPath] = {}
    for key in keys:
        for index, item in _items(doc, key):
            value = item.get(field_name)
            if not isinstance(value, str):
                continue
            path = (key, index, field_name)
            if value in seen:
                doc.add(
                    path,
                    f"{field_name} {shown(value)} is used twice (also {format_path(seen[value])}"
                    f" at line {doc.line(seen[value])}): give each record its own",
                )
            else:
                seen[value] = path
    return set(seen)


def _check_reference(doc: Document, path: KeyPath, value: Any, known: set[str]) -> None:
    if isinstance(value, str) and value not in known:
        doc.add(path, f"unknown category {shown(value)}: {suggest(value, sorted(known))}")


def check_skills(doc: Document) -> set[str] | None:
    """Ids unique in the file; every specialisation names a category; the checklist covers
    every category skill once. The category ids, or None when the file has no list of
    categories to check references against."""
    check_unique(doc, ["categories", "specialisations"])
    check_unique(doc, ["checklist"])
    if not doc.readable or not isinstance(doc.data.get("categories"), list):
        return None
    categories = {
        item["id"] for _, item in _items(doc, "categories") if isinstance(item.get("id"), str)
    }
    for index, item in _items(doc, "specialisations"):
        _check_reference(
            doc, ("specialisations", index, "category"), item.get("category"), categories
        )
    if "checklist" in doc.data:
        _check_checklist(doc)
    return categories


def _check_checklist(doc: Document) -> None:
    """Each checklist item names category skills that exist (by their English text), and each
    category skill is in exactly one item: the self-check ranks categories by these boxes."""
    skills: dict[str, KeyPath] = {}  # English text -> where it is first written
    for index, category in _items(doc, "categories"):
        for number, skill in enumerate(_list(category.get("skills"))):
            if isinstance(skill, dict) and isinstance(skill.get("en"), str):
                skills.setdefault(skill["en"], ("categories", index, "skills", number))
    boxes: dict[str, KeyPath] = {}  # English text -> the checklist entry that names it
    for index, item in _items(doc, "checklist"):
        for number, text in enumerate(_list(item.get("skills"))):
            if not isinstance(text, str):
                continue
            path: KeyPath = ("checklist", index, "skills", number)
            if text not in skills:
                doc.add(
                    path, f"no category has the skill {shown(text)}: {suggest(text, list(skills))}"
                )
            elif text in boxes:
                doc.add(
                    path,
                    f"{shown(text)} is already in {format_path(boxes[text][:2])} (line "
                    f"{doc.line(boxes[text])}): keep it in one checklist item",
                )
            else:
                boxes[text] = path
    for text, path in skills.items():
        if text not in boxes:
            doc.add(
                path,
                f"the skill {shown(text)} is in no checklist item: add it to the `skills:` of "
                "the item that stands for it, under checklist",
            )


def _list(value: Any) -> list[Any]:
    """The value if it is a list; [] for anything the schema has already rejected."""
    return value if isinstance(value, list) else []


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_rates(doc: Document, categories: set[str] | None) -> None:
    """Ids unique, min <= max, an exchange rate for every currency, categories that exist."""
    check_unique(doc, ["bands", "surveys"])
    check_unique(doc, ["exchange_rates"], "currency")
    rated = {BASE_CURRENCY}
    for index, item in _items(doc, "exchange_rates"):
        currency = item.get("currency")
        if currency == BASE_CURRENCY:
            doc.add(
                ("exchange_rates", index, "currency"),
                f"{BASE_CURRENCY} is the currency every rate is quoted against: remove this entry",
            )
        elif isinstance(currency, str):
            rated.add(currency)
        start, end = item.get("date"), item.get("date_end")
        if isinstance(start, str) and isinstance(end, str) and end < start:
            doc.add(
                ("exchange_rates", index, "date_end"),
                f"ends ({shown(end)}) before it starts ({shown(start)}): swap date and date_end",
            )
    for index, item in _items(doc, "bands"):
        low, high = item.get("min"), item.get("max")
        if isinstance(high, int | float) and high <= 0:
            doc.add(
                ("bands", index, "max"),
                f"the top of the band must be more than 0 (got {high}): write the amount the "
                "source gives",
            )
        if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
            doc.add(
                ("bands", index, "min"),
                f"minimum {low} is above the maximum {high}: swap them, or correct one",
            )
        currency = item.get("currency")
        if isinstance(currency, str) and is_currency(currency) and currency not in rated:
            doc.add(
                ("bands", index, "currency"),
                f"no exchange rate for {currency}: add one under exchange_rates, or use "
                + ", ".join(sorted(rated)),
            )
        if categories is not None:
            _check_reference(
                doc,
                ("bands", index, "category"),
                item.get("category"),
                categories | {ALL_CATEGORIES},
            )
    for index, item in _items(doc, "surveys"):
        currency = item.get("currency")
        if isinstance(currency, str) and is_currency(currency) and currency not in rated:
            doc.add(
                ("surveys", index, "currency"),
                f"no exchange rate for {currency}: add one under exchange_rates, or use "
                + ", ".join(sorted(rated)),
            )


def check_glossary(doc: Document) -> dict[str, list[tuple[str, str]]]:
    """Ids unique; returns language -> [(spelling to avoid, the term to write instead)]."""
    check_unique(doc, ["terms"])
    avoid: dict[str, list[tuple[str, str]]] = {}
    for _, term in _items(doc, "terms"):
        forms = term.get("avoid")
        if not isinstance(forms, dict):
            continue
        for lang, wrongs in forms.items():
            right = term.get(lang)
            if isinstance(wrongs, list) and isinstance(right, str):
                avoid.setdefault(lang, []).extend(
                    (wrong, right) for wrong in wrongs if isinstance(wrong, str) and wrong.strip()
                )
    return avoid


def _cents(value: Any) -> int | None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return round(value * 100) if number else None


def check_payout_examples(doc: Document) -> None:
    """Ids unique (examples; steps within each), and each example's steps add up: what the
    client paid less every step is what it says reached the bank, to the cent."""
    check_unique(doc, ["examples"])
    for index, example in _items(doc, "examples"):
        steps = example.get("steps")
        if not isinstance(steps, list):
            continue
        seen: dict[str, int] = {}
        taken = 0
        for number, step in enumerate(steps):
            if not isinstance(step, dict):
                continue
            step_id = step.get("id")
            if isinstance(step_id, str):
                if step_id in seen:
                    doc.add(
                        ("examples", index, "steps", number, "id"),
                        f"id {shown(step_id)} is used twice in this example (also steps"
                        f"[{seen[step_id]}]): give each step its own",
                    )
                seen.setdefault(step_id, number)
            cents = _cents(step.get("amount"))
            if cents is None:
                return  # the schema reports it
            taken += cents
        paid, received = _cents(example.get("paid")), _cents(example.get("received"))
        if paid is None or received is None:
            continue
        if paid - taken != received:
            doc.add(
                ("examples", index, "received"),
                f"the steps do not add up: {paid / 100:.2f} paid less {taken / 100:.2f} taken "
                f"is {(paid - taken) / 100:.2f}, not {received / 100:.2f}: correct `received` "
                "or a step's amount",
            )


def check_time_zones(doc: Document) -> None:
    """Ids unique; a summer offset is one hour ahead of its standard offset."""
    check_unique(doc, ["homes"])
    check_unique(doc, ["clients"])
    for index, client in _items(doc, "clients"):
        standard, summer = client.get("standard_offset"), client.get("summer_offset")
        if not (isinstance(standard, str) and isinstance(summer, str)):
            continue  # no summer time, or not text: the schema reports what is wrong
        try:
            ahead = offset_minutes(summer) - offset_minutes(standard)
        except ValueError:
            continue  # malformed: the schema reports it
        if ahead != 60:
            doc.add(
                ("clients", index, "summer_offset"),
                f"summer time is one hour ahead of standard time ({shown(standard)}), so "
                f"{shown(summer)} cannot be right: check both offsets",
            )


# Hosts in punycode (xn--…) can pass for another site (a Cyrillic "а" in "upwork"); one is only
# shown when it is listed here, after a reviewer has checked where it leads.
ALLOWED_PUNYCODE_HOSTS: frozenset[str] = frozenset()
PUNYCODE_HOST = re.compile(r"(?i)(?:^|[/.@])(xn--[a-z0-9-]+)")


def check_hosts(doc: Document) -> None:
    """Every url and site value names a host a reader can recognise."""
    for path, value in _strings(doc.data, ()):
        if path and path[-1] in ("url", "site") and (found := PUNYCODE_HOST.search(value)):
            host = re.split(r"[/:?#]", value.split("://")[-1])[0].lower()
            if host not in ALLOWED_PUNYCODE_HOSTS:
                doc.add(
                    path,
                    f"the host {shown(host)} is written in punycode ({found[1]}…), which can "
                    "imitate another site: write the site's usual address, or ask a reviewer to "
                    "add it to ALLOWED_PUNYCODE_HOSTS in hooks/lib/data/checks.py",
                )


def _strings(value: Any, path: KeyPath) -> list[tuple[KeyPath, str]]:
    if isinstance(value, dict):
        return [item for key, inner in value.items() for item in _strings(inner, (*path, key))]
    if isinstance(value, list):
        return [item for i, inner in enumerate(value) for item in _strings(inner, (*path, i))]
    return [(path, value)] if isinstance(value, str) else []


# A card shows a source's `site` as the text of its link: the link must lead there. The site's
# first word is compared when it is a host name ("taipeitimes.com (AFP)" -> taipeitimes.com).
SITE_HOST = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)+")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def check_source_links(doc: Document) -> None:
    """Every source's url leads to the site it names (or a host under it: upwork.com for
    support.upwork.com). The schema has already checked that the url is https."""
    for path, value in _mappings(doc.data, ()):
        site, url = value.get("site"), value.get("url")
        if not (isinstance(site, str) and isinstance(url, str) and url.startswith("https://")):
            continue
        named = SITE_HOST.match(site.strip())
        if not named:
            continue  # a publication's name, not a host: nothing to compare
        domain, host = named[0].lower().removeprefix("www."), _host(url)
        if host != domain and not host.endswith("." + domain):
            doc.add(
                (*path, "url"),
                f"leads to {shown(host)}, not to the site {shown(site)} the card shows: link a "
                f"page of {domain}, or name the site the link leads to",
            )


def _mappings(value: Any, path: KeyPath) -> list[tuple[KeyPath, dict[str, Any]]]:
    found: list[tuple[KeyPath, dict[str, Any]]] = []
    if isinstance(value, dict):
        found.append((path, value))
        for key, inner in value.items():
            found += _mappings(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _mappings(inner, (*path, i))
    return found


# --------------------------------------------------------------------------------------------
# fees.yml: what links its records together, and what the calculator's arithmetic needs


def _decimals(value: Any) -> int:
    """How many decimals a number is written with (0.99 -> 2, 91.5 -> 1, 10 -> 0)."""
    return max(0, -int(Decimal(str(value)).as_tuple().exponent))


# Where each basis may be used: the step of the calculation it belongs to.
_PLACES = {
    "payment": {"fee", "platform", "route"},
    "gross": {"fee", "platform"},
    "fee": {"platform"},
    "withdrawal": {"route"},
    "converted": {"route", "country"},
}
_PLACE_WORDS = {
    "fee": "a platform's `fee`",
    "platform": "a platform's `charges`",
    "route": "a route's `charges`",
    "country": "a country's `charges`",
}


def _check_figures(doc: Document, index: int, charge: dict[str, Any]) -> None:
    path = ("charges", index)
    figures = [key for key in ("percent", "amount", "tiers") if key in charge]
    basis = charge.get("basis")
    if len(figures) > 1:
        doc.add((*path, figures[1]), f"has both {' and '.join(figures)}: keep one of them")
    elif not figures and charge.get("unconfirmed") is not True:
        doc.add(
            path,
            "no percent, amount or tiers: write the figure the source gives, or "
            "`unconfirmed: true` when no source gives one",
        )
    wanted = {
        "percent": {"payment", "gross", "fee", "converted"},
        "amount": {"payment", "withdrawal"},
        "tiers": {"gross"},
    }
    for figure in figures[:1]:
        if isinstance(basis, str) and basis in _PLACES and basis not in wanted[figure]:
            doc.add(
                (*path, figure),
                f"a charge on basis {basis} cannot have {figure}: use basis "
                + " or ".join(sorted(wanted[figure])),
            )
    if "minimum" in charge and (basis != "payment" or "percent" not in charge):
        doc.add((*path, "minimum"), "a minimum needs basis payment and a percent: remove it")
    for key in ("percent", "amount"):
        if _is_number(charge.get(key)) and _decimals(charge[key]) > 2:
            doc.add((*path, key), f"has more than two decimals ({charge[key]}): round it")
    tiers = charge.get("tiers")
    tops = [tier.get("up_to") for tier in _list(tiers) if isinstance(tier, dict)]
    if all(top is None or _is_number(top) for top in tops):
        bounded = [float(top) for top in tops[:-1] if top is not None]
        if tops and (tops[-1] is not None or len(bounded) != len(tops) - 1):
            doc.add(
                (*path, "tiers"),
                "every tier but the last needs `up_to`, and the last has none: fix the tiers",
            )
        elif sorted(bounded) != bounded or len(set(bounded)) != len(bounded):
            doc.add((*path, "tiers"), "the tiers' up_to must rise from one tier to the next")
    for number, alternative in enumerate(_list(charge.get("alternatives"))):
        if not isinstance(alternative, dict):
            continue
        for key in ("percent", "amount"):
            if key in alternative and key not in charge:
                doc.add(
                    (*path, "alternatives", number, key),
                    f"the charge has no {key}, so its alternative cannot have one: use "
                    + ("amount" if key == "percent" else "percent"),
                )


def check_fees(doc: Document, portals: set[str] | None, rated: set[str] | None) -> None:
    """Ids unique; every id a record names exists; each charge used where its basis fits;
    figures the arithmetic can count exactly; a rate in rates.yml for each country."""
    charges = check_unique(doc, ["charges"])
    platforms = check_unique(doc, ["platforms"])
    check_unique(doc, ["routes"])
    check_unique(doc, ["countries"])
    check_unique(doc, ["countries"], "code")
    if not doc.readable:
        return
    basis = {
        item["id"]: item.get("basis")
        for _, item in _items(doc, "charges")
        if isinstance(item.get("id"), str)
    }
    used: set[str] = set()

    def refer(path: KeyPath, value: Any, place: str) -> None:
        if not isinstance(value, str):
            return
        if value not in charges:
            doc.add(path, f"unknown charge {shown(value)}: {suggest(value, sorted(charges))}")
            return
        used.add(value)
        kind = basis.get(value)
        if isinstance(kind, str) and kind in _PLACES and place not in _PLACES[kind]:
            doc.add(
                path,
                f"the charge {shown(value)} has basis {kind}, which cannot be counted in "
                f"{_PLACE_WORDS[place]}: move it, or change its basis",
            )

    for index, charge in _items(doc, "charges"):
        _check_figures(doc, index, charge)
    for index, platform in _items(doc, "platforms"):
        refer(("platforms", index, "fee"), platform.get("fee"), "fee")
        for number, value in enumerate(_list(platform.get("charges"))):
            refer(("platforms", index, "charges", number), value, "platform")
        portal = platform.get("portal")
        if portals is not None and isinstance(portal, str) and portal not in portals:
            doc.add(
                ("platforms", index, "portal"),
                f"no portal {shown(portal)} in portals.yml: {suggest(portal, sorted(portals))}",
            )
    served: dict[str, tuple[list[Any], list[Any]]] = {}
    for index, route in _items(doc, "routes"):
        for number, value in enumerate(_list(route.get("charges"))):
            refer(("routes", index, "charges", number), value, "route")
        for number, value in enumerate(_list(route.get("platforms"))):
            if isinstance(value, str) and value not in platforms:
                doc.add(
                    ("routes", index, "platforms", number),
                    f"unknown platform {shown(value)}: {suggest(value, sorted(platforms))}",
                )
        if isinstance(route.get("id"), str):
            served[route["id"]] = (_list(route.get("platforms")), _list(route.get("countries")))
    for index, country in _items(doc, "countries"):
        for number, value in enumerate(_list(country.get("charges"))):
            refer(("countries", index, "charges", number), value, "country")
        currency = country.get("currency")
        if isinstance(currency, str) and rated is not None and currency not in rated:
            doc.add(
                ("countries", index, "currency"),
                f"rates.yml has no exchange rate for {currency}: add one there under "
                "exchange_rates",
            )
    for index, example in _items(doc, "examples"):
        platform_id, route_id = example.get("platform"), example.get("route")
        if isinstance(platform_id, str) and platform_id not in platforms:
            doc.add(
                ("examples", index, "platform"),
                f"unknown platform {shown(platform_id)}: {suggest(platform_id, sorted(platforms))}",
            )
        if isinstance(route_id, str):
            if route_id not in served:
                doc.add(
                    ("examples", index, "route"),
                    f"unknown route {shown(route_id)}: {suggest(route_id, sorted(served))}",
                )
            elif (
                platform_id not in served[route_id][0]
                or example.get("country") not in served[route_id][1]
            ):
                doc.add(
                    ("examples", index, "route"),
                    f"the route {shown(route_id)} does not serve this platform and country: "
                    "choose one that lists both",
                )
        if example.get("unit") == "month" and "count" in example:
            doc.add(("examples", index, "count"), "a monthly retainer has no count: remove it")
    for index, charge in _items(doc, "charges"):
        if isinstance(charge.get("id"), str) and charge["id"] in charges - used:
            doc.add(
                ("charges", index, "id"),
                f"the charge {shown(charge['id'])} is not counted anywhere: name it under a "
                "platform, a route or a country, or remove it",
            )


def check_rate_precision(doc: Document) -> set[str] | None:
    """The calculator counts in 1/10,000 of a unit per US$: at most four decimals. Returns the
    currencies with a rate, or None when the file has no list of rates to check against."""
    if not doc.readable or not isinstance(doc.data.get("exchange_rates"), list):
        return None
    currencies = set()
    for index, item in _items(doc, "exchange_rates"):
        if isinstance(item.get("currency"), str):
            currencies.add(item["currency"])
        rate = item.get("per_usd")
        if _is_number(rate) and _decimals(rate) > 4:
            doc.add(
                ("exchange_rates", index, "per_usd"),
                f"has more than four decimals ({rate}): round it to four",
            )
    return currencies
