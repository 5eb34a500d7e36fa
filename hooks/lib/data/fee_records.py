"""The records of data/fees.yml: what each platform and payout route charges, per country, and the
calculator's worked examples."""

from __future__ import annotations

from dataclasses import dataclass

from lib.data.records import Localized, Raw, Source, as_localized, as_sources


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

    def country_with_code(self, code: str) -> Country:
        """The country a calculation names by its code ("IN", "BD"), as the form sends it."""
        return next(c for c in self.countries if c.code == code)

    @property
    def gstin_platforms(self) -> list[str]:
        """The platforms with a charge a GSTIN lifts (the form asks for one only there)."""
        return sorted(
            {p.id for p in self.platforms for c in p.charges if self.charge(c).unless == "gstin"}
        )

    def routes_for(self, platform_id: str, country_id: str | None = None) -> tuple[Route, ...]:
        """The routes a platform pays out by (to one country, when given)."""
        return tuple(
            r
            for r in self.routes
            if platform_id in r.platforms and (country_id is None or country_id in r.countries)
        )


def _optional_localized(raw: Raw, key: str) -> Localized | None:
    return as_localized(raw[key]) if key in raw else None


def _charge(c: Raw) -> Charge:
    minimum = c.get("minimum")
    return Charge(
        id=c["id"],
        name=as_localized(c["name"]),
        basis=c["basis"],
        sources=as_sources(c["sources"]),
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
                text=as_localized(a["text"]),
                sources=as_sources(a["sources"]),
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
                name=as_localized(p["name"]),
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
                name=as_localized(r["name"]),
                platforms=tuple(r["platforms"]),
                countries=tuple(r["countries"]),
                charges=tuple(r["charges"]),
                sources=as_sources(r["sources"]),
                minimum_withdrawal=r.get("minimum_withdrawal"),
            )
            for r in raw["routes"]
        ),
        countries=tuple(
            Country(
                id=c["id"],
                code=c["code"],
                name=as_localized(c["name"]),
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
