"""Checks of data/fees.yml: what links its records together, and what the calculator's arithmetic
needs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lib.data.checks import as_list, check_unique, is_number, records_of
from lib.data.document import Document, KeyPath, shown
from lib.data.schema import suggest


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
        if is_number(charge.get(key)) and _decimals(charge[key]) > 2:
            doc.add((*path, key), f"has more than two decimals ({charge[key]}): round it")
    tiers = charge.get("tiers")
    tops = [tier.get("up_to") for tier in as_list(tiers) if isinstance(tier, dict)]
    if all(top is None or is_number(top) for top in tops):
        bounded = [float(top) for top in tops[:-1] if top is not None]
        if tops and (tops[-1] is not None or len(bounded) != len(tops) - 1):
            doc.add(
                (*path, "tiers"),
                "every tier but the last needs `up_to`, and the last has none: fix the tiers",
            )
        elif sorted(bounded) != bounded or len(set(bounded)) != len(bounded):
            doc.add((*path, "tiers"), "the tiers' up_to must rise from one tier to the next")
    for number, alternative in enumerate(as_list(charge.get("alternatives"))):
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
        for _, item in records_of(doc, "charges")
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

    for index, charge in records_of(doc, "charges"):
        _check_figures(doc, index, charge)
    for index, platform in records_of(doc, "platforms"):
        refer(("platforms", index, "fee"), platform.get("fee"), "fee")
        for number, value in enumerate(as_list(platform.get("charges"))):
            refer(("platforms", index, "charges", number), value, "platform")
        portal = platform.get("portal")
        if portals is not None and isinstance(portal, str) and portal not in portals:
            doc.add(
                ("platforms", index, "portal"),
                f"no portal {shown(portal)} in portals.yml: {suggest(portal, sorted(portals))}",
            )
    served: dict[str, tuple[list[Any], list[Any]]] = {}
    for index, route in records_of(doc, "routes"):
        for number, value in enumerate(as_list(route.get("charges"))):
            refer(("routes", index, "charges", number), value, "route")
        for number, value in enumerate(as_list(route.get("platforms"))):
            if isinstance(value, str) and value not in platforms:
                doc.add(
                    ("routes", index, "platforms", number),
                    f"unknown platform {shown(value)}: {suggest(value, sorted(platforms))}",
                )
        if isinstance(route.get("id"), str):
            served[route["id"]] = (as_list(route.get("platforms")), as_list(route.get("countries")))
    for index, country in records_of(doc, "countries"):
        for number, value in enumerate(as_list(country.get("charges"))):
            refer(("countries", index, "charges", number), value, "country")
        currency = country.get("currency")
        if isinstance(currency, str) and rated is not None and currency not in rated:
            doc.add(
                ("countries", index, "currency"),
                f"rates.yml has no exchange rate for {currency}: add one there under "
                "exchange_rates",
            )
    for index, example in records_of(doc, "examples"):
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
    for index, charge in records_of(doc, "charges"):
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
    for index, item in records_of(doc, "exchange_rates"):
        if isinstance(item.get("currency"), str):
            currencies.add(item["currency"])
        rate = item.get("per_usd")
        if is_number(rate) and _decimals(rate) > 4:
            doc.add(
                ("exchange_rates", index, "per_usd"),
                f"has more than four decimals ({rate}): round it to four",
            )
    return currencies
