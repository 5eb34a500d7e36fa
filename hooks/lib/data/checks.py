"""Checks across records and files that a schema cannot express.

Ids used twice, a rate band naming an unknown category, a minimum above its maximum, a currency
without an exchange rate, a source whose link leads to another site than the one it names. Each
check is robust to data the schema has already rejected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from babel.numbers import is_currency

from lib.data.document import Document, KeyPath, format_path, shown
from lib.data.records import ALL_CATEGORIES
from lib.data.schema import suggest
from lib.formats import BASE_CURRENCY


def records_of(doc: Document, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, record) for each mapping in the top-level list `key`."""
    if not doc.readable or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


def check_unique(doc: Document, keys: Sequence[str], field_name: str = "id") -> set[str]:
    """Report a value of field_name used twice across the lists `keys`; return those seen."""
    seen: dict[str, KeyPath] = {}
    for key in keys:
        for index, item in records_of(doc, key):
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
        item["id"] for _, item in records_of(doc, "categories") if isinstance(item.get("id"), str)
    }
    for index, item in records_of(doc, "specialisations"):
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
    for index, category in records_of(doc, "categories"):
        for number, skill in enumerate(as_list(category.get("skills"))):
            if isinstance(skill, dict) and isinstance(skill.get("en"), str):
                skills.setdefault(skill["en"], ("categories", index, "skills", number))
    boxes: dict[str, KeyPath] = {}  # English text -> the checklist entry that names it
    for index, item in records_of(doc, "checklist"):
        for number, text in enumerate(as_list(item.get("skills"))):
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


def as_list(value: Any) -> list[Any]:
    """The value if it is a list; [] for anything the schema has already rejected."""
    return value if isinstance(value, list) else []


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_rates(doc: Document, categories: set[str] | None) -> None:
    """Ids unique, min <= max, an exchange rate for every currency, categories that exist."""
    check_unique(doc, ["bands", "surveys"])
    check_unique(doc, ["exchange_rates"], "currency")
    rated = {BASE_CURRENCY}
    for index, item in records_of(doc, "exchange_rates"):
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
    for index, item in records_of(doc, "bands"):
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
    for index, item in records_of(doc, "surveys"):
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
    for _, term in records_of(doc, "terms"):
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
