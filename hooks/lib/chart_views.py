"""The charts' views: the rate bands beside survey averages, the worked payouts and the office
hours across time zones, laid out by lib/charts.py and printed by overrides/guide/_chart.html."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from lib.blocks import Localizer, SourceLinks, View
from lib.charts import Chart, Layout, Scale, Step, nice_axis, waterfall
from lib.data import (
    Client,
    DataError,
    PayoutExample,
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
    convert,
    format_clock,
    format_money,
    format_money_range,
    format_number,
    format_utc_offset,
    format_when,
    localize_digits,
    offset_minutes,
    round_converted,
    round_half_up,
)

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

        chart = Chart(id=f"guide-chart-payout-{example.id}", title=local.text(example.title))
        local_amount = format_money(
            float(round_half_up(example.received * example.per_usd)), example.currency, language
        )
        waterfall(
            chart,
            Step(None, f"{words['chart_payout_paid']}: {usd(example.paid)}", example.paid),
            [
                Step(item.id, f"{local.text(item.label)}: {MINUS}{usd(item.amount)}", item.amount)
                for item in example.steps
            ],
            Step(
                example.id,
                f"{words['chart_payout_received']}: {usd(example.received)} "
                f"≈{NO_BREAK_SPACE}{local_amount}",
                example.received,
            ),
            usd,
        )
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
