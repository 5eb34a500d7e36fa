"""The data blocks: what each `<!-- guide:NAME -->` marker shows, as plain values to print.

Each block is declared once, in BLOCKS: the data file it shows and the function that turns the
checked records into the view its template prints (overrides/guide/NAME.html). Everything is
localized and formatted here, in Python; templates only print (autoescape on) and never call
back. A view also lists the ids of the records it shows, so the hook can check that each one
reached the page with its `data-record` attribute.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.data import (
    ALL_CATEGORIES,
    UNCONFIRMED,
    Beginners,
    DataError,
    ExchangeRate,
    Fact,
    GuideData,
    RateBand,
    Source,
)
from lib.formats import (
    BASE_CURRENCY,
    conversion_targets,
    convert,
    format_money,
    format_money_range,
    format_period,
    format_when,
    format_year,
    join_words,
    round_converted,
)
from lib.words import words_for

TEMPLATES = "guide"  # overrides/guide/NAME.html
SourceLinks = list[dict[str, str | None]]  # {name, url, year, weak} for each source


@dataclass(frozen=True)
class View:
    """What a block's template prints, and the ids of the records it must show."""

    context: dict[str, Any]
    record_ids: list[str] = field(default_factory=list)


PageLink = Callable[[str], tuple[str, str]]  # a docs/ file name -> (URL from this page, title)


def _no_page(name: str) -> tuple[str, str]:
    return name, name


class Localizer:
    """Formatting and wording for one language, shared by the view builders below."""

    def __init__(self, data: GuideData, language: str, page: PageLink = _no_page) -> None:
        self.data = data
        self.language = language
        self.words = words_for(data, language)
        self.page = page  # links to other pages of the guide, from the page being built

    def text(self, localized: Mapping[str, str]) -> str:
        return localized[self.language]

    def list(self, items: Iterable[str | Mapping[str, str]]) -> str:
        """Items joined the language's way (a, b and c)."""
        texts = [item if isinstance(item, str) else self.text(item) for item in items]
        return join_words(texts, self.language)

    def year(self, year: int | None) -> str:
        return format_year(year, self.language) if year is not None else self.words["undated"]

    def sources(self, sources: Sequence[Source]) -> SourceLinks:
        """Each source as the cards print it, a short link: {name: golance.com, url, year:
        2026, weak: "blog"}. `weak` is the word that marks a weak source in the page's
        language (None for the others); the two articles have no url."""
        return [
            {
                "name": source.site or self.words[f"article_{source.article}"],
                "url": https(source.url) if source.url else None,
                "year": self.year(source.year),
                "weak": self.words["source_weak"] if source.weak else None,
            }
            for source in sources
        ]

    def fact(self, value: Fact | str | None) -> dict[str, Any] | None:
        """A sourced statement, or {"unconfirmed": …} where no source confirms it."""
        if value is None:
            return None
        if not isinstance(value, Fact):
            return {"unconfirmed": self.words[UNCONFIRMED]}
        since = value.since and format_when(value.since, self.language)
        return {
            "unconfirmed": None,
            "text": self.text(value.text),
            "since": self.words.fill("since", date=since) if since else None,
            "sources": self.sources(value.sources),
        }

    def rate(self, rate: ExchangeRate) -> str:
        """US$1 = ₹91.50"""
        one = format_money(1, BASE_CURRENCY, self.language)
        return f"{one} = {format_money(rate.per_usd, rate.currency, self.language)}"

    def period(self, rate: ExchangeRate) -> str:
        return format_period(rate.date, rate.date_end, self.language)

    def rates_used(self, currencies: Iterable[str]) -> str:
        """US$1 = ₹91.50, January 2026 and US$1 = BDT 122.30, January–February 2026"""
        rates = self.data.rates
        used = [rates.rate(c) for c in dict.fromkeys(currencies) if c != BASE_CURRENCY]
        return self.list(f"{self.rate(r)}, {self.period(r)}" for r in used if r is not None)


def https(url: str) -> str:
    """The URL, if it is https: the schema refuses anything else; this keeps a view from ever
    handing a template another kind of link."""
    if not url.startswith("https://"):
        raise DataError(f"refusing to link to {url!r}: only https:// links are emitted")
    return url


def skills_view(local: Localizer) -> View:
    skills = local.data.skills
    categories = [
        {
            "id": category.id,
            "name": local.text(category.name),
            "description": local.text(category.description),
            "tasks": local.list(category.tasks),
            "skills": local.list(category.skills),
            "tools": local.list(category.tools),
            "specialisations": [
                {
                    "id": item.id,
                    "name": local.text(item.name),
                    "description": local.text(item.description),
                    "sources": local.sources(item.sources),
                }
                for item in skills.specialisations_of(category.id)
            ],
            "sources": local.sources(category.sources),
        }
        for category in skills.categories
    ]
    ids = [c.id for c in skills.categories] + [s.id for s in skills.specialisations]
    return View({"categories": categories}, ids)


def conversions(local: Localizer, band: RateBand) -> list[dict[str, str]]:
    """The band in each other currency (≈): the rates used are stated once, under the cards."""
    rates = local.data.rates
    result = []
    for target in conversion_targets(local.language, band.currency, rates.per_usd):
        low, high = (
            round_converted(convert(amount, band.currency, target, rates.per_usd))
            for amount in (band.min, band.max)
        )
        result.append(
            {
                "currency": target,
                "amount": format_money_range(
                    low, high, target, local.language, open_ended=band.open_ended
                ),
            }
        )
    return result


def category_name(local: Localizer, category_id: str) -> str:
    if category_id == ALL_CATEGORIES:
        return local.words["category_all"]
    category = local.data.skills.category(category_id)
    return local.text(category.name) if category else category_id


def rates_view(local: Localizer) -> View:
    rates = local.data.rates
    bands: list[dict[str, Any]] = [
        {
            "id": band.id,
            "work": local.text(band.work),
            "amount": format_money_range(
                band.min, band.max, band.currency, local.language, open_ended=band.open_ended
            ),
            "unit": local.words[f"unit_{band.unit}"],
            "conversions": conversions(local, band),
            "scope": local.text(band.scope),
            "category": category_name(local, band.category),
            "level": local.words[f"level_{band.level}"],
            "sources": local.sources(band.sources),
        }
        for band in rates.bands
    ]
    exchange_rates: list[dict[str, Any]] = [
        {
            "id": rate.currency,
            "rate": local.rate(rate),
            "period": local.period(rate),
            "note": local.text(rate.note) if rate.note else None,
            "sources": local.sources(rate.sources),
        }
        for rate in rates.exchange_rates
    ]
    ids = [b.id for b in rates.bands] + [r.currency for r in rates.exchange_rates]
    return View({"bands": bands, "exchange_rates": exchange_rates}, ids)


def beginners(local: Localizer, value: Beginners | str) -> dict[str, Any]:
    if not isinstance(value, Beginners):
        return {"unconfirmed": local.words[UNCONFIRMED]}
    return {
        "unconfirmed": None,
        "text": local.words["yes" if value.suits else "no"],
        "sources": local.sources(value.sources),
    }


def portals_view(local: Localizer) -> View:
    portals: list[dict[str, Any]] = [
        {
            "id": portal.id,
            "name": portal.name,
            "url": https(portal.url),
            "kind": local.words[f"kind_{portal.kind}"],
            "fee": local.fact(portal.fee),
            "pay_india": local.fact(portal.payments.india),
            "pay_bangladesh": local.fact(portal.payments.bangladesh),
            "beginners": beginners(local, portal.beginners),
            "notes": local.fact(portal.notes),
            "as_of": local.words.fill("as_of", year=local.year(portal.as_of)),
        }
        for portal in local.data.portals.portals
    ]
    return View({"portals": portals}, [p.id for p in local.data.portals.portals])


def glossary_view(local: Localizer) -> View:
    terms: list[dict[str, Any]] = [
        {
            "id": term.id,
            # every language side by side, the page's own marked so the template can bold it
            "names": [
                {"lang": code, "word": word, "own": code == local.language}
                for code, word in term.names.items()
            ],
            "definition": local.text(term.definition),
        }
        for term in local.data.glossary.terms
    ]
    return View({"terms": terms}, [t.id for t in local.data.glossary.terms])


@dataclass(frozen=True)
class Block:
    data_file: str  # the file its records come from, named in messages
    view: Callable[[Localizer], View]
    script: bool = False  # pages with it load overrides/assets/javascripts/guide-NAME.js


def _later(module: str, name: str, *args: str) -> Callable[[Localizer], View]:
    """A view from lib/chart_views.py or lib/tool_views.py, imported when first used (they build
    on the Localizer and views of this module)."""

    def view(local: Localizer) -> View:
        build = getattr(importlib.import_module(f"lib.{module}"), name)
        made: View = build(*args)(local) if args else build(local)
        return made

    return view


# The one list of data blocks: marker name -> where its records come from and how they show.
BLOCKS: dict[str, Block] = {
    "skills": Block("skills.yml", skills_view),
    "rates": Block("rates.yml", rates_view),
    "portals": Block("portals.yml", portals_view),
    "glossary": Block("glossary.yml", glossary_view),
    # Charts, drawn at build time as inline SVG (lib/charts.py lays them out).
    "rate-chart": Block("rates.yml", _later("chart_views", "rate_chart_view")),
    "payout-india": Block(
        "payout_examples.yml", _later("chart_views", "payout_chart_view", "india")
    ),
    "payout-bangladesh": Block(
        "payout_examples.yml", _later("chart_views", "payout_chart_view", "bangladesh")
    ),
    "time-zones": Block("time_zones.yml", _later("chart_views", "time_zones_view")),
    # The reader tools: a static version, and the UI their script (guide-NAME.js) brings to life.
    "calculator": Block("fees.yml", _later("calculator_view", "calculator_view"), script=True),
    "portal-finder": Block("portals.yml", _later("tool_views", "finder_view"), script=True),
    "self-check": Block("skills.yml", _later("tool_views", "check_view"), script=True),
}


def block_view(name: str, data: GuideData, language: str, page: PageLink = _no_page) -> View:
    """The view of block `name` in `language`, its labels included as `t`."""
    local = Localizer(data, language, page)
    view = BLOCKS[name].view(local)
    return View({"t": local.words, "lang": language, **view.context}, view.record_ids)
