"""Data folders for the data tests: the small fixture, the broken one's complete problem list,
the loader as the tests call it, and every source of the loaded data."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from lib.data import DATA_FILES, DataError, GuideData, Source, load_data

FIXTURES = ROOT / "tests" / "fixtures"
SMALL = FIXTURES / "data-small"
SCHEMAS = ROOT / "data" / "schema"
LANGUAGES = ("en", "hi", "bn")


def make_data_dir(target: Path, source: Path = SMALL) -> Path:
    """A data folder: the files of `source`, and data/'s own for any it lacks (labels.yml)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in DATA_FILES:
        own = source / f"{name}.yml"
        shutil.copy(own if own.exists() else ROOT / "data" / f"{name}.yml", target / f"{name}.yml")
    return target


def load(data_dir: Path, languages=LANGUAGES):
    return load_data(data_dir, languages, schema_dir=SCHEMAS)


def problems_of(data_dir: Path) -> list[str]:
    """The problem lines of the DataError loading data_dir raises (its count line checked)."""
    with pytest.raises(DataError) as caught:
        load(data_dir)
    lines = str(caught.value).splitlines()
    noun = "problem" if len(lines) == 2 else "problems"
    assert lines[-1] == f"{len(lines) - 1} {noun} in the data files."
    return lines[:-1]


def edit(data_dir: Path, name: str, old: str, new: str) -> None:
    path = data_dir / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def all_sources(data: GuideData) -> list[Source]:
    """Every source of every record in the data, in file order."""
    found: list[Source] = []

    def walk(value) -> None:
        if isinstance(value, Source):
            found.append(value)
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, tuple | list):
            for inner in value:
                walk(inner)

    walk(data)
    return found


LEVELS = "abcdefghi"
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in itertools.pairwise(LEVELS)
)


# The deliberately broken fixture: every problem in every file, in one run
BROKEN_PROBLEMS = [
    "data/fees.yml:5: charges[0].percent: has more than two decimals (10.125): round it",
    "data/fees.yml:7: charges[0].sources[0].url: must start with https:// (got "
    '"http://market.example.com/fees"): write the site\'s https:// address, such as '
    "https://www.example.com",
    "data/fees.yml:8: charges[1]: no percent, amount or tiers: write the figure the source "
    "gives, or `unconfirmed: true` when no source gives one",
    'data/fees.yml:13: charges[2].id: the charge "spare" is not counted anywhere: name it '
    "under a platform, a route or a country, or remove it",
    'data/fees.yml:21: platforms[0].portal: no portal "markt" in portals.yml: did you mean '
    '"market"?',
    'data/fees.yml:23: platforms[0].fee: the charge "out" has basis withdrawal, which cannot '
    "be counted in a platform's `fee`: move it, or change its basis",
    'data/fees.yml:28: routes[0].platforms[1]: unknown platform "shop": use one of market',
    'data/fees.yml:30: routes[0].charges[1]: unknown charge "outt": did you mean "out"?',
    "data/fees.yml:39: examples[0].count: a monthly retainer has no count: remove it",
    "data/glossary.yml:8: terms[0].definition: no bn text: add `bn:` with the Bengali text",
    'data/glossary.yml:11: terms[1].id: id "client" is used twice (also terms[0].id at line '
    "2): give each record its own",
    "data/portals.yml:4: portals[0].url: must start with https:// (got "
    '"javascript:alert(1)"): write the site\'s https:// address, such as '
    "https://www.example.com",
    "data/portals.yml:5: portals[0].kind: must be one of marketplace, job-board, "
    'internships, talent-network (got "market place"): did you mean "marketplace"?',
    'data/portals.yml:8: portals[0].fee.text.hi: uses "फ़ीस", a spelling data/glossary.yml '
    'avoids: write "फीस"',
    "data/portals.yml:10: portals[0].fee.sources[0].url: must start with https:// (got "
    '"http://example.com/fees"): write the site\'s https:// address, such as '
    "https://www.example.com",
    "data/portals.yml:14: portals[0].payments.bangladesh.text.bn: Bengali text uses Latin "
    'digits ("ব্যাংক ট্রান্সফার, 3 দিন"): write the digits as ০-৯',
    'data/portals.yml:14: portals[0].payments.bangladesh.text["3 days"]: unknown key "3 '
    'days": use one of en, hi, bn',
    "data/portals.yml:16: portals[0].payments.bangladesh.sources[0].kind: must be one of "
    'primary, press, blog (got "blogg"): did you mean "blog"?',
    "data/portals.yml:17: portals[1]: missing `kind`: add `kind:` (see "
    "data/schema/portals.schema.json)",
    "data/portals.yml:19: portals[1].url: must start with https:// (got "
    '"http://network.example.com"): write the site\'s https:// address, such as '
    "https://www.example.com",
    'data/portals.yml:20: portals[1].knd: unknown key "knd": did you mean "kind"?',
    "data/portals.yml:22: portals[1].fee: must be the word unconfirmed or a mapping with "
    'text and sources (got "maybe"): write `unconfirmed` when the facts do not give it',
    'data/rates.yml:3: exchange_rates[0].per_usd: must be a number (got "91,5"): write the '
    "rate as a plain number such as 91.5",
    'data/rates.yml:5: exchange_rates[0].sources[0]: must be a mapping (got "example.com"): '
    'write it as `- {site: example.com, url: "https://example.com/page", year: 2026, kind: '
    "press}`",
    'data/rates.yml:9: exchange_rates[1].date_end: ends ("2026-01") before it starts '
    '("2026-02"): swap date and date_end',
    'data/rates.yml:11: exchange_rates[1].sources[0].url: leads to "example.net", not to the '
    'site "example.org" the card shows: link a page of example.org, or name the site the link '
    "leads to",
    "data/rates.yml:20: bands[0].min: must not be negative (got -70): write the amount as a "
    "plain number, such as 1000, without currency signs or quotes",
    "data/rates.yml:31: bands[1].min: minimum 500 is above the maximum 100: swap them, or "
    "correct one",
    'data/rates.yml:36: bands[2].category: unknown category "bookkeeping": did you mean "booking"?',
    'data/rates.yml:40: bands[2].unit: must be one of hour, task, month (got "day"): use one '
    "of hour, task, month",
    'data/rates.yml:41: bands[2].currency: unknown currency "RUP": use an ISO code such as '
    "INR, BDT or USD",
    'data/rates.yml:43: bands[2].max: duplicate key "max" (first at line 42): keep one of them',
    "data/rates.yml:46: bands[2].sources[0]: missing `url`: add `url:` with the https:// "
    "address of the page that gives the fact (a blog known only by its name: its home page, "
    "with `kind: blog`)",
    "data/skills.yml:4: categories[0].name: no bn text: add `bn:` with the Bengali text",
    "data/skills.yml:10: categories[0].tools: needs at least 1 item (got 0): list the tools "
    "the sources name, one per line starting with `- `",
    "data/skills.yml:12: categories[0].sources[0].year: must be a whole number or null (got "
    '"2026"): write the year as a number, such as 2026, or null if the source gives none',
    'data/skills.yml:15: specialisations[0].category: unknown category "admn": use one of booking',
]
