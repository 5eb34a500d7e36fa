"""The data blocks: what each `<!-- guide:NAME -->` marker shows, as plain values to print.

Each block is declared once, in BLOCKS: the data file it shows and the function that turns the
checked records into the view its template prints (overrides/guide/NAME.html). Everything is
localized and formatted here, in Python; templates only print (autoescape on) and never call
back. A view also lists the ids of the records it shows, so the hook can check that each one
reached the page with its `data-record` attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.charts import Chart, Layout, Scale, nice_axis
from lib.data import (
    ALL_CATEGORIES,
    UNCONFIRMED,
    Beginners,
    Client,
    DataError,
    ExchangeRate,
    Fact,
    GuideData,
    PayoutExample,
    RateBand,
    Source,
)
from lib.formats import (
    BASE_CURRENCY,
    CURRENCY_SIGNS,
    DAY_MINUTES,
    HOME_CURRENCIES,
    MINUS,
    NO_BREAK_SPACE,
    clock_minutes,
    conversion_targets,
    convert,
    format_clock,
    format_money,
    format_money_range,
    format_number,
    format_period,
    format_utc_offset,
    format_when,
    format_year,
    join_words,
    localize_digits,
    offset_minutes,
    round_converted,
    round_half_up,
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


# --------------------------------------------------------------------------------------------
# Charts (lib/charts.py lays them out; overrides/guide/_chart.html prints them)

# Whose clock the time-zone chart shows, and whose money the rate chart counts in.
HOME_ZONES = {"bn": "bangladesh"}
DEFAULT_HOME_ZONE = "india"


def home_currency(language: str) -> str:
    return HOME_CURRENCIES.get(language, HOME_CURRENCIES["en"])[0]


def unique_sources(local: Localizer, groups: Iterable[Sequence[Source]]) -> SourceLinks:
    """Every source of the records charted, once each, in the order met."""
    seen = dict.fromkeys(source for group in groups for source in group)
    return local.sources(list(seen))


def chart_view(chart: Chart, record_ids: list[str]) -> View:
    return View({"chart": chart}, record_ids)


def rate_chart_view(local: Localizer) -> View:
    """The hourly rate bands next to the freelancer survey averages, on one scale in the
    reader's own currency (rupees; taka on Bengali pages); a converted figure says so (≈)."""
    rates = local.data.rates
    language = local.language
    home = home_currency(language)

    def counted(amount: float, currency: str) -> float:
        return convert(amount, currency, home, rates.per_usd)

    def converted(low: float, high: float, currency: str, open_ended: bool = False) -> str:
        """ " (≈ ৳94–৳9,356+)" when the amount is not in the reader's currency already."""
        if currency == home:
            return ""
        low, high = (round_converted(counted(a, currency)) for a in (low, high))
        amount = format_money_range(low, high, home, language, open_ended=open_ended)
        return f" (≈{NO_BREAK_SPACE}{amount})"

    bands = [band for band in rates.bands if band.unit == "hour"]
    surveys = rates.surveys
    top, step = nice_axis(
        max(
            [counted(b.max, b.currency) for b in bands]
            + [counted(s.per_hour, s.currency) for s in surveys]
        )
    )
    sign = CURRENCY_SIGNS.get(language, CURRENCY_SIGNS["en"]).get(home, home).strip()
    chart = Chart(
        id="guide-chart-rates", title=local.words.fill("chart_rates_title", currency=sign)
    )
    layout = Layout(chart, Scale(top))
    layout.heading(local.words["chart_rates_bands"])
    for band in bands:
        amount = format_money_range(
            band.min, band.max, band.currency, language, open_ended=band.open_ended
        )
        label = f"{local.text(band.work)}, {local.text(band.scope)}: {amount}"
        label += converted(band.min, band.max, band.currency, band.open_ended)
        low, high = counted(band.min, band.currency), counted(band.max, band.currency)
        layout.row(band.id, label, [(low, high, "bar")], arrow=band.open_ended)
        chart.text.append(label)
    if surveys:
        layout.heading(local.words["chart_rates_surveys"])
    for survey in surveys:
        amount = format_money(survey.per_hour, survey.currency, language)
        label = f"{survey.by} {local.year(survey.year)}, {local.text(survey.scope)}: {amount}"
        label += converted(survey.per_hour, survey.per_hour, survey.currency)
        layout.row(survey.id, label, marks=[counted(survey.per_hour, survey.currency)])
        chart.text.append(label)
    currencies = [home, *(b.currency for b in bands), *(s.currency for s in surveys)]
    chart.notes = [
        local.words["chart_rates_legend"],
        "≈ " + local.words.fill("converted", rates=local.rates_used(currencies)),
    ]
    chart.sources = unique_sources(local, [b.sources for b in bands] + [s.sources for s in surveys])
    steps = round(top / step)
    layout.finish([(i * step, format_money(i * step, home, language)) for i in range(steps + 1)])
    return chart_view(chart, [b.id for b in bands] + [s.id for s in surveys])


def payout_example(local: Localizer, example_id: str) -> PayoutExample:
    example = local.data.payout_examples.example(example_id)
    if example is None:
        raise DataError(
            f"data/payout_examples.yml has no example with id {example_id!r}: its chart "
            f"(<!-- guide:payout-{example_id} -->) draws it"
        )
    return example


def payout_chart_view(example_id: str) -> Callable[[Localizer], View]:
    """A worked example as a waterfall: what the client pays, each fee or tax taken on the way
    (outlined, where it is taken from the running total), and what reaches the bank."""

    def view(local: Localizer) -> View:
        example = payout_example(local, example_id)
        language = local.language
        words = local.words

        def usd(amount: float) -> str:
            return format_money(amount, BASE_CURRENCY, language)

        top, step = nice_axis(example.paid)
        chart = Chart(id=f"guide-chart-payout-{example.id}", title=local.text(example.title))
        layout = Layout(chart, Scale(top))
        paid = f"{words['chart_payout_paid']}: {usd(example.paid)}"
        layout.row(None, paid, [(0, example.paid, "bar")])
        chart.text.append(paid)
        left = example.paid
        for item in example.steps:
            label = f"{local.text(item.label)}: {MINUS}{usd(item.amount)}"
            layout.row(item.id, label, [(left - item.amount, left, "taken")])
            chart.text.append(label)
            left -= item.amount
        local_amount = format_money(
            float(round_half_up(example.received * example.per_usd)), example.currency, language
        )
        received = (
            f"{words['chart_payout_received']}: {usd(example.received)} "
            f"≈{NO_BREAK_SPACE}{local_amount}"
        )
        layout.row(example.id, received, [(0, example.received, "bar")])
        chart.text.append(received)
        rate = (
            f"{format_money(1, BASE_CURRENCY, language)} = "
            f"{format_money(example.per_usd, example.currency, language)}, "
            f"{format_when(example.rate_date, language)}"
        )
        chart.notes = [
            words["chart_payout_legend"],
            "≈ " + words.fill("converted", rates=rate),
            words["chart_bank_charge"],
        ]
        chart.sources = unique_sources(
            local, [*(i.sources for i in example.steps), example.rate_sources]
        )
        ticks = round(top / step)
        layout.finish([(i * step, usd(i * step)) for i in range(ticks + 1)])
        return chart_view(chart, [example.id, *(item.id for item in example.steps)])

    return view


def client_offset(client: Client, northern_summer: bool) -> int:
    """The client's UTC offset, in minutes, in the northern summer or winter."""
    in_summer = northern_summer == (client.hemisphere == "north")
    if in_summer and client.summer_offset:
        return offset_minutes(client.summer_offset)
    return offset_minutes(client.standard_offset)


def time_zones_view(local: Localizer) -> View:
    """Each client's office day on the reader's clock (India; Bangladesh on Bengali pages), in
    the northern summer and winter, on a 24-hour axis; a day that runs past midnight is drawn
    in two pieces and says so."""
    zones = local.data.time_zones
    language = local.language
    words = local.words
    home = zones.home(HOME_ZONES.get(language, DEFAULT_HOME_ZONE)) or zones.homes[0]
    here = offset_minutes(home.utc_offset)
    start, end = (clock_minutes(t) for t in (zones.office_hours.start, zones.office_hours.end))
    home_name = f"{local.text(home.name)}, {format_utc_offset(here, language)}"
    chart = Chart(
        id="guide-chart-time-zones",
        title=words.fill(
            "chart_zones_title",
            start=format_clock(start, language),
            end=format_clock(end, language),
            home=home_name,
        ),
    )
    layout = Layout(chart, Scale(DAY_MINUTES))
    for northern_summer, season in ((True, "season_north_summer"), (False, "season_north_winter")):
        layout.heading(words[season])
        chart.text.append(words[season])
        for client in zones.clients:
            offset = client_offset(client, northern_summer)
            first = (start - offset + here) % DAY_MINUTES
            last = (end - offset + here) % DAY_MINUTES
            spans = (
                [(first, last, "bar")]
                if first < last
                else [(first, DAY_MINUTES, "bar"), (0, last, "bar")]
            )
            label = (
                f"{local.text(client.name)} ({format_utc_offset(offset, language)}): "
                f"{format_clock(first, language)}–{format_clock(last, language)}"
            )
            if first >= last:
                label += f", {words['chart_ends_next_day']}"
            layout.row(client.id, label, spans)
            chart.text.append(label)
    others = []
    for other in zones.homes:
        if other.id == home.id:
            continue
        difference = offset_minutes(other.utc_offset) - here
        key = "chart_zone_ahead" if difference > 0 else "chart_zone_behind"
        others.append(
            words.fill(
                key,
                home=local.text(other.name),
                offset=format_utc_offset(offset_minutes(other.utc_offset), language),
                minutes=format_number(abs(difference), language),
            )
        )
    chart.notes = [
        words["chart_zone_legend"],
        *others,
    ]
    chart.sources = unique_sources(
        local, [h.sources for h in zones.homes] + [c.sources for c in zones.clients]
    )
    # the right end is 24:00, the end of the day, not a second 00:00
    ticks = [(hour * 60, localize_digits(f"{hour:02d}:00", language)) for hour in range(0, 25, 6)]
    layout.finish(ticks)
    return chart_view(chart, [c.id for c in zones.clients])


@dataclass(frozen=True)
class Block:
    data_file: str  # the file its records come from, named in messages
    view: Callable[[Localizer], View]
    script: bool = False  # pages with it load overrides/assets/javascripts/guide-NAME.js


def _tool(name: str) -> Callable[[Localizer], View]:
    """A reader tool's view from lib/tool_views.py, imported when first used (it builds on the
    Localizer and views of this module)."""

    def view(local: Localizer) -> View:
        from lib import tool_views

        build: Callable[[Localizer], View] = getattr(tool_views, name)
        return build(local)

    return view


# The one list of data blocks: marker name -> where its records come from and how they show.
BLOCKS: dict[str, Block] = {
    "skills": Block("skills.yml", skills_view),
    "rates": Block("rates.yml", rates_view),
    "portals": Block("portals.yml", portals_view),
    "glossary": Block("glossary.yml", glossary_view),
    "rate-chart": Block("rates.yml", rate_chart_view),
    "payout-india": Block("payout_examples.yml", payout_chart_view("india")),
    "payout-bangladesh": Block("payout_examples.yml", payout_chart_view("bangladesh")),
    "time-zones": Block("time_zones.yml", time_zones_view),
    # The reader tools: a static version, and the UI their script (guide-NAME.js) brings to life.
    "calculator": Block("fees.yml", _tool("calculator_view"), script=True),
    "portal-finder": Block("portals.yml", _tool("finder_view"), script=True),
    "self-check": Block("skills.yml", _tool("check_view"), script=True),
}


def block_view(name: str, data: GuideData, language: str, page: PageLink = _no_page) -> View:
    """The view of block `name` in `language`, its labels included as `t`."""
    local = Localizer(data, language, page)
    view = BLOCKS[name].view(local)
    return View({"t": local.words, "lang": language, **view.context}, view.record_ids)
