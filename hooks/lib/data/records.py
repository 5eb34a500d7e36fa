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


def _localized(value: Mapping[str, str]) -> Localized:
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


@dataclass(frozen=True)
class PayoutStep:
    """A fee or tax taken between the client and the bank, in US dollars."""

    id: str
    label: Localized
    amount: float
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class PayoutExample:
    """A worked example: US$ paid, each step taken, US$ received, converted at per_usd."""

    id: str
    title: Localized
    paid: float
    currency: str
    per_usd: float
    rate_date: str
    rate_sources: tuple[Source, ...]
    steps: tuple[PayoutStep, ...]
    received: float


@dataclass(frozen=True)
class PayoutExamples:
    examples: tuple[PayoutExample, ...]

    def example(self, example_id: str) -> PayoutExample | None:
        return next((e for e in self.examples if e.id == example_id), None)


@dataclass(frozen=True)
class OfficeHours:
    start: str  # HH:MM in the client's own time
    end: str


@dataclass(frozen=True)
class Home:
    """A country of the guide's readers: one UTC offset all year."""

    id: str
    name: Localized
    utc_offset: str  # +05:30
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Client:
    """A client's city: its standard offset and, if it has summer time, the summer offset."""

    id: str
    name: Localized
    hemisphere: str  # north or south: which half of the year its summer is
    standard_offset: str
    sources: tuple[Source, ...]
    summer_offset: str | None = None
    summer_time: Localized | None = None


@dataclass(frozen=True)
class TimeZones:
    office_hours: OfficeHours
    homes: tuple[Home, ...]
    clients: tuple[Client, ...]

    def home(self, home_id: str) -> Home | None:
        return next((h for h in self.homes if h.id == home_id), None)


@dataclass(frozen=True)
class Alternative:
    """Another source's figure for a charge: shown beside it, with what it would cost."""

    text: Localized
    sources: tuple[Source, ...]
    percent: float | None = None
    amount: float | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Tier:
    percent: float
    up_to: float | None = None  # None: the last tier, without a top


@dataclass(frozen=True)
class Minimum:
    amount: float
    units: tuple[str, ...]
    unconfirmed: bool = False
    note: Localized | None = None


@dataclass(frozen=True)
class Charge:
    """One charge between the client's payment and money in hand (see data/fees.yml)."""

    id: str
    name: Localized
    basis: str  # payment, gross, fee, withdrawal or converted
    sources: tuple[Source, ...]
    percent: float | None = None
    amount: float | None = None
    currency: str = "USD"
    tiers: tuple[Tier, ...] = ()
    minimum: Minimum | None = None
    countries: tuple[str, ...] = ()  # () : every country
    unless: str | None = None  # "gstin": not charged to a freelancer with a GSTIN
    unconfirmed: bool = False
    since: str | None = None
    note: Localized | None = None
    alternatives: tuple[Alternative, ...] = ()

    @property
    def known(self) -> bool:
        """False when no source gives a figure: shown as unconfirmed, never counted."""
        return self.percent is not None or self.amount is not None or bool(self.tiers)


@dataclass(frozen=True)
class Platform:
    id: str
    name: Localized
    portal: str | None = None  # its card in portals.yml; None for a direct client
    fee: str | None = None  # the id of its service fee
    charges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    id: str
    kind: str
    name: Localized
    platforms: tuple[str, ...]
    countries: tuple[str, ...]
    charges: tuple[str, ...]
    sources: tuple[Source, ...]
    minimum_withdrawal: float | None = None


@dataclass(frozen=True)
class Country:
    id: str
    code: str
    name: Localized
    currency: str  # its exchange rate, date and sources: rates.yml
    charges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    country: str
    platform: str
    unit: str
    amount: float
    route: str | None = None
    count: int = 1
    gstin: bool = False


@dataclass(frozen=True)
class Fees:
    charges: tuple[Charge, ...]
    platforms: tuple[Platform, ...]
    routes: tuple[Route, ...]
    countries: tuple[Country, ...]
    examples: tuple[Example, ...]

    def charge(self, charge_id: str) -> Charge:
        return next(c for c in self.charges if c.id == charge_id)

    def platform(self, platform_id: str) -> Platform | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def country(self, country_id: str) -> Country | None:
        return next((c for c in self.countries if c.id == country_id), None)

    def routes_for(self, platform_id: str, country_id: str | None = None) -> tuple[Route, ...]:
        """The routes a platform pays out by (to one country, when given)."""
        return tuple(
            r
            for r in self.routes
            if platform_id in r.platforms and (country_id is None or country_id in r.countries)
        )


@dataclass(frozen=True)
class GuideData:
    """Every data file, checked, as typed records."""

    languages: tuple[str, ...]
    skills: Skills
    rates: Rates
    portals: Portals
    glossary: Glossary
    labels: Labels
    payout_examples: PayoutExamples
    time_zones: TimeZones
    fees: Fees


Raw = dict[str, Any]  # a record as the schema has checked it


def _sources(raw: list[Raw]) -> tuple[Source, ...]:
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
        text=_localized(raw["text"]), sources=_sources(raw["sources"]), since=raw.get("since")
    )


def build_skills(raw: Raw) -> Skills:
    return Skills(
        categories=tuple(
            Category(
                id=c["id"],
                name=_localized(c["name"]),
                description=_localized(c["description"]),
                tasks=tuple(_localized(t) for t in c["tasks"]),
                skills=tuple(_localized(s) for s in c["skills"]),
                tools=tuple(c["tools"]),
                sources=_sources(c["sources"]),
            )
            for c in raw["categories"]
        ),
        specialisations=tuple(
            Specialisation(
                id=s["id"],
                category=s["category"],
                name=_localized(s["name"]),
                description=_localized(s["description"]),
                sources=_sources(s["sources"]),
            )
            for s in raw["specialisations"]
        ),
        checklist=tuple(
            ChecklistItem(
                id=item["id"],
                name=_localized(item["name"]),
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
                note=_localized(r["note"]) if "note" in r else None,
                sources=_sources(r["sources"]),
            )
            for r in raw["exchange_rates"]
        ),
        bands=tuple(
            RateBand(
                id=b["id"],
                category=b["category"],
                level=b["level"],
                work=_localized(b["work"]),
                scope=_localized(b["scope"]),
                unit=b["unit"],
                currency=b["currency"],
                min=b["min"],
                max=b["max"],
                open_ended=b.get("open_ended", False),
                sources=_sources(b["sources"]),
            )
            for b in raw["bands"]
        ),
        surveys=tuple(
            RateSurvey(
                id=r["id"],
                by=r["by"],
                year=r["year"],
                scope=_localized(r["scope"]),
                currency=r["currency"],
                per_hour=r["per_hour"],
                sources=_sources(r["sources"]),
            )
            for r in raw.get("surveys", ())
        ),
    )


def _beginners(raw: Any) -> Beginners | Unconfirmed:
    if raw == UNCONFIRMED:
        return "unconfirmed"
    return Beginners(suits=raw["suits"], sources=_sources(raw["sources"]))


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
                names=_localized({k: v for k, v in t.items() if k not in own_keys}),
                definition=_localized(t["definition"]),
                avoid=by_language("avoid", t),
                synonyms=by_language("synonyms", t),
            )
            for t in raw["terms"]
        )
    )


def build_labels(raw: Raw) -> Labels:
    return Labels(labels=MappingProxyType({k: _localized(v) for k, v in raw["labels"].items()}))


def build_payout_examples(raw: Raw) -> PayoutExamples:
    return PayoutExamples(
        examples=tuple(
            PayoutExample(
                id=e["id"],
                title=_localized(e["title"]),
                paid=e["paid"],
                currency=e["currency"],
                per_usd=e["per_usd"],
                rate_date=e["rate_date"],
                rate_sources=_sources(e["rate_sources"]),
                steps=tuple(
                    PayoutStep(
                        id=s["id"],
                        label=_localized(s["label"]),
                        amount=s["amount"],
                        sources=_sources(s["sources"]),
                    )
                    for s in e["steps"]
                ),
                received=e["received"],
            )
            for e in raw["examples"]
        )
    )


def build_time_zones(raw: Raw) -> TimeZones:
    return TimeZones(
        office_hours=OfficeHours(
            start=raw["office_hours"]["start"], end=raw["office_hours"]["end"]
        ),
        homes=tuple(
            Home(
                id=h["id"],
                name=_localized(h["name"]),
                utc_offset=h["utc_offset"],
                sources=_sources(h["sources"]),
            )
            for h in raw["homes"]
        ),
        clients=tuple(
            Client(
                id=c["id"],
                name=_localized(c["name"]),
                hemisphere=c["hemisphere"],
                standard_offset=c["standard_offset"],
                summer_offset=c.get("summer_offset"),
                summer_time=_localized(c["summer_time"]) if "summer_time" in c else None,
                sources=_sources(c["sources"]),
            )
            for c in raw["clients"]
        ),
    )


def _optional_localized(raw: Raw, key: str) -> Localized | None:
    return _localized(raw[key]) if key in raw else None


def _charge(c: Raw) -> Charge:
    minimum = c.get("minimum")
    return Charge(
        id=c["id"],
        name=_localized(c["name"]),
        basis=c["basis"],
        sources=_sources(c["sources"]),
        percent=c.get("percent"),
        amount=c.get("amount"),
        currency=c.get("currency", "USD"),
        tiers=tuple(Tier(percent=t["percent"], up_to=t.get("up_to")) for t in c.get("tiers", ())),
        minimum=Minimum(
            amount=minimum["amount"],
            units=tuple(minimum["units"]),
            unconfirmed=minimum.get("unconfirmed", False),
            note=_optional_localized(minimum, "note"),
        )
        if minimum
        else None,
        countries=tuple(c.get("countries", ())),
        unless=c.get("unless"),
        unconfirmed=c.get("unconfirmed", False),
        since=c.get("since"),
        note=_optional_localized(c, "note"),
        alternatives=tuple(
            Alternative(
                text=_localized(a["text"]),
                sources=_sources(a["sources"]),
                percent=a.get("percent"),
                amount=a.get("amount"),
                unconfirmed=a.get("unconfirmed", False),
            )
            for a in c.get("alternatives", ())
        ),
    )


def build_fees(raw: Raw) -> Fees:
    return Fees(
        charges=tuple(_charge(c) for c in raw["charges"]),
        platforms=tuple(
            Platform(
                id=p["id"],
                name=_localized(p["name"]),
                portal=p.get("portal"),
                fee=p.get("fee"),
                charges=tuple(p.get("charges", ())),
            )
            for p in raw["platforms"]
        ),
        routes=tuple(
            Route(
                id=r["id"],
                kind=r["kind"],
                name=_localized(r["name"]),
                platforms=tuple(r["platforms"]),
                countries=tuple(r["countries"]),
                charges=tuple(r["charges"]),
                sources=_sources(r["sources"]),
                minimum_withdrawal=r.get("minimum_withdrawal"),
            )
            for r in raw["routes"]
        ),
        countries=tuple(
            Country(
                id=c["id"],
                code=c["code"],
                name=_localized(c["name"]),
                currency=c["currency"],
                charges=tuple(c.get("charges", ())),
            )
            for c in raw["countries"]
        ),
        examples=tuple(
            Example(
                country=e["country"],
                platform=e["platform"],
                unit=e["unit"],
                amount=e["amount"],
                route=e.get("route"),
                count=e.get("count", 1),
                gstin=e.get("gstin", False),
            )
            for e in raw["examples"]
        ),
    )
