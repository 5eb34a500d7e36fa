"""Data blocks: a marker line in a page becomes the data from data/ in the page's language.

A page asks for a block with a line translators never edit, `<!-- guide:portals -->`; it is
replaced by HTML rendered from overrides/guide/portals.html with the theme's own Jinja
environment (autoescape on: data reaches the page as text). The data is loaded and checked once
(datafiles.py) and reloaded only when a data or schema file changes, so the three language
builds share it and `mkdocs serve` sees edits. An unknown marker, or a record that did not reach
its block, fails the build naming the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jinja2 import Environment, TemplateError
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from datafiles import (
    ALL_CATEGORIES,
    DataError,
    ExchangeRate,
    GuideData,
    RateBand,
    Source,
    load_data_once,
)
from money import (
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
from mount_translations import checked_source, display_path, project_root
from site_languages import build_languages, current_language

MARKER = re.compile(r"^[ \t]*<!--[ \t]*guide:[ \t]*([^\s>]*)[ \t]*-->[ \t]*$", re.MULTILINE)
RECORD = re.compile(r'\sdata-record="([^"]*)"')
# block name -> the data file its records come from
BLOCKS = {
    "skills": "skills.yml",
    "rates": "rates.yml",
    "portals": "portals.yml",
    "glossary": "glossary.yml",
}
TEMPLATES = "guide"


# --------------------------------------------------------------------------------------------
# Rendering (pure: no MkDocs objects)


class BlockText:
    """What the templates call to localize and format, for one language.

    Returns plain text (the template escapes it) or Markup built from escaped parts."""

    def __init__(self, data: GuideData, language: str) -> None:
        self.data = data
        self.language = language

    def text(self, localized: Mapping[str, str]) -> str:
        return localized[self.language]

    def t(self, key: str, **values: Any) -> Markup:
        """A label from data/labels.yml, with {name} placeholders filled in (escaped)."""
        try:
            label = self.data.labels.labels[key][self.language]
        except KeyError:
            raise DataError(
                f"overrides/{TEMPLATES}/: the label {key!r} is not in data/labels.yml: add it "
                "there and to data/schema/labels.schema.json"
            ) from None
        result = escape(label)
        for name, value in values.items():
            result = Markup(result.replace("{" + name + "}", escape(value)))
        return result

    def words(self, items: Iterable[str | Mapping[str, str]]) -> Markup:
        """Items joined the language's way (a, b and c), each escaped."""
        texts = [escape(item if isinstance(item, str) else self.text(item)) for item in items]
        return Markup(join_words(texts, self.language))

    def year(self, year: int | None) -> str:
        return format_year(year, self.language) if year is not None else self.t("undated")

    def source(self, source: Source) -> Markup:
        name = escape(source.site) if source.site else self.t(f"article_{source.article}")
        return Markup(f"{name} ({escape(self.year(source.year))})")

    def sources(self, sources: Sequence[Source]) -> Markup:
        return Markup("; ").join(self.source(source) for source in sources)

    def when(self, value: str) -> str:
        return format_when(value, self.language)

    def period(self, rate: ExchangeRate) -> str:
        return format_period(rate.date, rate.date_end, self.language)

    def https(self, url: str) -> str:
        # The schema already refuses anything else; this keeps a template from ever emitting it.
        if not url.startswith("https://"):
            raise DataError(f"refusing to link to {url!r}: only https:// links are emitted")
        return url

    def category_name(self, category_id: str) -> str:
        if category_id == ALL_CATEGORIES:
            return self.t("category_all")
        category = self.data.skills.category(category_id)
        return self.text(category.name) if category else category_id

    def money_range(self, band: RateBand) -> str:
        return format_money_range(
            band.min, band.max, band.currency, self.language, open_ended=band.open_ended
        )

    def rate(self, rate: ExchangeRate) -> str:
        """US$1 = ₹91.50"""
        one = format_money(1, BASE_CURRENCY, self.language)
        return f"{one} = {format_money(rate.per_usd, rate.currency, self.language)}"

    def conversions(self, band: RateBand) -> list[dict[str, Any]]:
        """The band in each other currency: amount range and the rates (with dates) used."""
        rates = self.data.rates
        result = []
        for target in conversion_targets(self.language, band.currency, rates.per_usd):
            low, high = (
                round_converted(convert(amount, band.currency, target, rates.per_usd))
                for amount in (band.min, band.max)
            )
            used = [
                rates.rate(currency)
                for currency in (band.currency, target)
                if currency != BASE_CURRENCY
            ]
            described = [f"{self.rate(r)}, {self.period(r)}" for r in used if r is not None]
            result.append(
                {
                    "currency": target,
                    "amount": format_money_range(
                        low, high, target, self.language, open_ended=band.open_ended
                    ),
                    "rates": self.words(described),
                }
            )
        return result


def record_ids(block: str, data: GuideData) -> list[str]:
    """The data-record ids a block must show: one per record of its data file."""
    if block == "skills":
        return [c.id for c in data.skills.categories] + [s.id for s in data.skills.specialisations]
    if block == "rates":
        return [b.id for b in data.rates.bands] + [r.currency for r in data.rates.exchange_rates]
    if block == "portals":
        return [p.id for p in data.portals.portals]
    return [t.id for t in data.glossary.terms]


def template_env(theme: Any) -> Environment:
    """The theme's own Jinja environment (overrides/ first), escaping everything it prints."""
    return theme.get_env().overlay(autoescape=True)


def render_block(block: str, data: GuideData, language: str, env: Environment) -> str:
    """The HTML of one block in one language, with no blank lines (Markdown keeps it whole)."""
    name = f"{TEMPLATES}/{block}.html"
    try:
        html = env.get_template(name).render(data=data, lang=language, ui=BlockText(data, language))
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"overrides/{name}" + (f":{line}" if line else "")
        raise DataError(f"{where}: the template failed ({error}): fix the template") from None
    lines = (line.strip() for line in html.splitlines())
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


def missing_records(html: str, ids: Iterable[str]) -> list[str]:
    """The ids that have no data-record attribute in html."""
    shown = {Markup(value).unescape() for value in RECORD.findall(html)}
    return [record for record in ids if record not in shown]


def find_markers(text: str) -> list[tuple[int, str]]:
    """(line, name) of every marker line in text."""
    return [(text.count("\n", 0, m.start()) + 1, m[1]) for m in MARKER.finditer(text)]


def replace_markers(
    markdown: str, render: Any, shown_as: str, source: str = ""
) -> tuple[str, list[str], list[str]]:
    """Markdown with each known marker replaced by render(name) (surrounded by blank lines).

    Returns the new Markdown, the blocks rendered, and a problem for each unknown marker (its
    line counted in `source`, the file as written, when given)."""
    known = ", ".join(f"<!-- guide:{name} -->" for name in BLOCKS)
    problems = [
        f"{shown_as}:{line}: unknown data marker <!-- guide:{name} -->: use one of {known}"
        for line, name in find_markers(source or markdown)
        if name not in BLOCKS
    ]
    rendered: list[str] = []

    def replace(match: re.Match) -> str:
        name = match[1]
        if name not in BLOCKS:
            return match[0]
        rendered.append(name)
        return f"\n{render(name)}\n"

    return MARKER.sub(replace, markdown), rendered, problems


# --------------------------------------------------------------------------------------------
# MkDocs events

_build: dict[str, Any] = {}  # this language's build: its "data" and template "env"
_problems: list[str] = []


def guide_data(config: MkDocsConfig) -> GuideData:
    """The checked data of the site's languages (datafiles reads it once per change)."""
    return load_data_once(project_root(config) / "data", build_languages(config))


def on_config(config: MkDocsConfig, /) -> None:
    """Load (or reuse) the data once per language build; bad data fails before any page."""
    _problems.clear()
    _build.clear()
    _build["data"] = guide_data(config)


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if not MARKER.search(markdown):
        return None
    data = _build["data"]
    language = current_language(config)
    if "env" not in _build:
        _build["env"] = template_env(config.theme)
    env = _build["env"]
    markdown, rendered, problems = replace_markers(
        markdown,
        lambda name: render_block(name, data, language, env),
        display_path(page.file),
        checked_source(page.file),
    )
    _problems.extend(problems)
    page.guide_blocks = rendered  # checked against the HTML in on_page_content
    return markdown


@event_priority(-50)  # after other hooks have had their say on the HTML
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    blocks = getattr(page, "guide_blocks", None)
    if not blocks:
        return None
    data = _build["data"]
    for block in blocks:
        missing = missing_records(html, record_ids(block, data))
        if missing:
            _problems.append(
                f"{display_path(page.file)}: <!-- guide:{block} --> lacks "
                f"{', '.join(missing)}: every record of data/{BLOCKS[block]} must reach the page "
                f"with its data-record attribute (see overrides/{TEMPLATES}/{block}.html)"
            )
    return None


def on_env(env, /, *, config: MkDocsConfig, files: Files):
    """Every page of this language is read: report every marker problem at once."""
    if _problems:
        problems = sorted(set(_problems))
        _problems.clear()
        raise DataError("\n".join([*problems, f"{len(problems)} data block problem(s) in pages."]))
    return env
