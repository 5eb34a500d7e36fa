"""The checked data as typed, frozen records, one class per kind of thing the guide shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

ALL_CATEGORIES = "all"  # a rate band's category that stands for every kind of VA work
UNCONFIRMED = "unconfirmed"  # what a fact no source confirms is written as
WEAK_KIND = "blog"  # a source's kind that the cards mark as weak

Localized = Mapping[str, str]  # language -> text
Unconfirmed = Literal["unconfirmed"]


def as_localized(value: Mapping[str, str]) -> Localized:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class Source:
    """A web page (site, url, kind) or one of the two articles the guide grew from."""

    year: int | None  # None: the source is undated
    site: str | None = None
    url: str | None = None  # https only (the schema says so); None for the articles
    kind: str | None = None  # "primary", "press" or "blog"; None for the articles
    article: str | None = None  # "hindi" or "bengali": the articles the guide grew from

    @property
    def weak(self) -> bool:
        """A blog, a vendor's page or a copy: the cards mark it so the reader weighs it."""
        return self.kind == WEAK_KIND


@dataclass(frozen=True)
class Fact:
    text: Localized
    sources: tuple[Source, ...]
    since: str | None = None  # when it took effect, if the source says


@dataclass(frozen=True)
class Category:
    id: str
    name: Localized
    description: Localized
    tasks: tuple[Localized, ...]
    skills: tuple[Localized, ...]
    tools: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Specialisation:
    id: str
    category: str
    name: Localized
    description: Localized
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ChecklistItem:
    """One box of the self-check: the category skills it stands for, the pages that teach it."""

    id: str
    name: Localized
    skills: tuple[str, ...]  # the English texts of category skills
    learn: tuple[str, ...]  # pages of the guide, docs/ file names


@dataclass(frozen=True)
class Skills:
    categories: tuple[Category, ...]
    specialisations: tuple[Specialisation, ...]
    checklist: tuple[ChecklistItem, ...] = ()

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def specialisations_of(self, category_id: str) -> tuple[Specialisation, ...]:
        return tuple(s for s in self.specialisations if s.category == category_id)

    def checklist_for(self, category: Category) -> tuple[ChecklistItem, ...]:
        """The self-check's boxes that stand for a category's skills, in the category's order
        (skills are matched by their English text, as the checklist names them)."""
        found: list[ChecklistItem] = []
        for skill in category.skills:
            for item in self.checklist:
                if skill.get("en") in item.skills and item not in found:
                    found.append(item)
        return tuple(found)


@dataclass(frozen=True)
class ExchangeRate:
    currency: str
    per_usd: float
    date: str
    sources: tuple[Source, ...]
    date_end: str | None = None
    note: Localized | None = None


@dataclass(frozen=True)
class RateBand:
    id: str
    category: str  # a category id, or "all"
    level: str
    work: Localized
    scope: Localized
    unit: str
    currency: str
    min: float
    max: float
    sources: tuple[Source, ...]
    open_ended: bool = False  # the top is "or more": ₹7,000+


@dataclass(frozen=True)
class RateSurvey:
    """An average hourly earning from a freelancer survey (all freelancers, not only VAs)."""

    id: str
    by: str
    year: int
    scope: Localized
    currency: str
    per_hour: float
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Rates:
    exchange_rates: tuple[ExchangeRate, ...]
    bands: tuple[RateBand, ...]
    surveys: tuple[RateSurvey, ...] = ()

    @property
    def per_usd(self) -> Mapping[str, float]:
        return {rate.currency: rate.per_usd for rate in self.exchange_rates}

    def rate(self, currency: str) -> ExchangeRate | None:
        return next((r for r in self.exchange_rates if r.currency == currency), None)


@dataclass(frozen=True)
class Beginners:
    suits: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Payments:
    india: Fact | Unconfirmed
    bangladesh: Fact | Unconfirmed


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    url: str
    kind: str
    beginners: Beginners | Unconfirmed
    fee: Fact | Unconfirmed
    payments: Payments
    notes: Fact | None = None
    free_to_apply: bool = False  # the fee's sources say the employer pays, not you

    @property
    def as_of(self) -> int | None:
        """The year of the newest source behind the record; None if every source is undated."""
        facts = (
            self.fee,
            self.payments.india,
            self.payments.bangladesh,
            self.notes,
            self.beginners,
        )
        years = [
            source.year
            for fact in facts
            if isinstance(fact, Fact | Beginners)
            for source in fact.sources
            if source.year is not None
        ]
        return max(years, default=None)


@dataclass(frozen=True)
class Portals:
    portals: tuple[Portal, ...]


@dataclass(frozen=True)
class Term:
    id: str
    names: Localized = field(metadata={"flatten": True})  # the en/hi/bn keys of the term
    definition: Localized
    avoid: Mapping[str, tuple[str, ...]] | None = None
    # other words readers use for the term, by language: search finds the term by them
    synonyms: Mapping[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Labels:
    labels: Mapping[str, Localized]


Raw = dict[str, Any]  # a record as the schema has checked it


def as_sources(raw: list[Raw]) -> tuple[Source, ...]:
    return tuple(
        Source(
            year=s["year"],
            site=s.get("site"),
            url=s.get("url"),
            kind=s.get("kind"),
            article=s.get("article"),
        )
        for s in raw
    )


def _fact(raw: Any) -> Fact | Unconfirmed:
    if raw == UNCONFIRMED:
        return "unconfirmed"
    return Fact(
        text=as_localized(raw["text"]), sources=as_sources(raw["sources"]), since=raw.get("since")
    )


def build_skills(raw: Raw) -> Skills:
    return Skills(
        categories=tuple(
            Category(
                id=c["id"],
                name=as_localized(c["name"]),
                description=as_localized(c["description"]),
                tasks=tuple(as_localized(t) for t in c["tasks"]),
                skills=tuple(as_localized(s) for s in c["skills"]),
                tools=tuple(c["tools"]),
                sources=as_sources(c["sources"]),
            )
            for c in raw["categories"]
        ),
        specialisations=tuple(
            Specialisation(
                id=s["id"],
                category=s["category"],
                name=as_localized(s["name"]),
                description=as_localized(s["description"]),
                sources=as_sources(s["sources"]),
            )
            for s in raw["specialisations"]
        ),
        checklist=tuple(
            ChecklistItem(
                id=item["id"],
                name=as_localized(item["name"]),
                skills=tuple(item["skills"]),
                learn=tuple(item["learn"]),
            )
            for item in raw.get("checklist", ())
        ),
    )


def build_rates(raw: Raw) -> Rates:
    return Rates(
        exchange_rates=tuple(
            ExchangeRate(
                currency=r["currency"],
                per_usd=r["per_usd"],
                date=r["date"],
                date_end=r.get("date_end"),
                note=as_localized(r["note"]) if "note" in r else None,
                sources=as_sources(r["sources"]),
            )
            for r in raw["exchange_rates"]
        ),
        bands=tuple(
            RateBand(
                id=b["id"],
                category=b["category"],
                level=b["level"],
                work=as_localized(b["work"]),
                scope=as_localized(b["scope"]),
                unit=b["unit"],
                currency=b["currency"],
                min=b["min"],
                max=b["max"],
                open_ended=b.get("open_ended", False),
                sources=as_sources(b["sources"]),
            )
            for b in raw["bands"]
        ),
        surveys=tuple(
            RateSurvey(
                id=r["id"],
                by=r["by"],
                year=r["year"],
                scope=as_localized(r["scope"]),
                currency=r["currency"],
                per_hour=r["per_hour"],
                sources=as_sources(r["sources"]),
            )
            for r in raw.get("surveys", ())
        ),
    )


def _beginners(raw: Any) -> Beginners | Unconfirmed:
    if raw == UNCONFIRMED:
        return "unconfirmed"
    return Beginners(suits=raw["suits"], sources=as_sources(raw["sources"]))


def build_portals(raw: Raw) -> Portals:
    return Portals(
        portals=tuple(
            Portal(
                id=p["id"],
                name=p["name"],
                url=p["url"],
                kind=p["kind"],
                beginners=_beginners(p["beginners"]),
                fee=_fact(p["fee"]),
                payments=Payments(
                    india=_fact(p["payments"]["india"]),
                    bangladesh=_fact(p["payments"]["bangladesh"]),
                ),
                notes=_fact(p["notes"]) if "notes" in p else None,  # type: ignore[arg-type]
                free_to_apply=p.get("free_to_apply", False),
            )
            for p in raw["portals"]
        )
    )


def build_glossary(raw: Raw) -> Glossary:
    own_keys = ("id", "avoid", "synonyms", "definition")

    def by_language(key: str, term: Raw) -> Mapping[str, tuple[str, ...]] | None:
        return (
            MappingProxyType({k: tuple(v) for k, v in term[key].items()}) if key in term else None
        )

    return Glossary(
        terms=tuple(
            Term(
                id=t["id"],
                names=as_localized({k: v for k, v in t.items() if k not in own_keys}),
                definition=as_localized(t["definition"]),
                avoid=by_language("avoid", t),
                synonyms=by_language("synonyms", t),
            )
            for t in raw["terms"]
        )
    )


def build_labels(raw: Raw) -> Labels:
    return Labels(labels=MappingProxyType({k: as_localized(v) for k, v in raw["labels"].items()}))
