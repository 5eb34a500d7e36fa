"""The records the charts draw: worked payout examples (data/payout_examples.yml) and office hours
across time zones (data/time_zones.yml)."""

from __future__ import annotations

from dataclasses import dataclass

from lib.data.records import Localized, Raw, Source, as_localized, as_sources


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


def build_payout_examples(raw: Raw) -> PayoutExamples:
    return PayoutExamples(
        examples=tuple(
            PayoutExample(
                id=e["id"],
                title=as_localized(e["title"]),
                paid=e["paid"],
                currency=e["currency"],
                per_usd=e["per_usd"],
                rate_date=e["rate_date"],
                rate_sources=as_sources(e["rate_sources"]),
                steps=tuple(
                    PayoutStep(
                        id=s["id"],
                        label=as_localized(s["label"]),
                        amount=s["amount"],
                        sources=as_sources(s["sources"]),
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
                name=as_localized(h["name"]),
                utc_offset=h["utc_offset"],
                sources=as_sources(h["sources"]),
            )
            for h in raw["homes"]
        ),
        clients=tuple(
            Client(
                id=c["id"],
                name=as_localized(c["name"]),
                hemisphere=c["hemisphere"],
                standard_offset=c["standard_offset"],
                summer_offset=c.get("summer_offset"),
                summer_time=as_localized(c["summer_time"]) if "summer_time" in c else None,
                sources=as_sources(c["sources"]),
            )
            for c in raw["clients"]
        ),
    )
