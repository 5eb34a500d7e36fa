"""The data loader: the real data's content, every contributor mistake with its exact message,
the deliberately broken fixture's complete error list, and the JSON export."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
import tracemalloc
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

from conftest import ROOT
from data_support import (
    ALIAS_BOMB,
    BROKEN_PROBLEMS,
    FIXTURES,
    LANGUAGES,
    SCHEMAS,
    all_sources,
    edit,
    make_data_dir,
    problems_of,
)
from lib.data import (
    DATA_FILES,
    UNCONFIRMED,
    DataError,
    Fact,
    digest,
    load_data,
    read_schemas,
    schema_registry,
    to_json,
)

# The real data


@pytest.fixture(scope="module")
def real():
    return load_data(ROOT / "data", LANGUAGES)


def test_the_real_data_loads_in_every_language_and_in_one(real):
    assert real.languages == LANGUAGES
    assert load_data(ROOT / "data", ["hi"]).languages == ("hi",)  # BUILD_ONLY_LOCALE=hi


def test_seven_work_categories_with_tasks_skills_and_tools(real):
    categories = real.skills.categories
    assert len(categories) >= 7
    for category in categories:
        assert category.tasks and category.skills and category.tools and category.sources


def test_the_bengali_articles_specialisations_are_reachable(real):
    names = {s.name["en"]: s for s in real.skills.specialisations}
    for name in ["WordPress VA", "Graphics VA", "Social media VA", "Office and admin VA"]:
        assert real.skills.category(names[name].category) is not None, name
        assert names[name].sources[0].article == "bengali"


def test_rate_bands_hold_the_source_articles_figures(real):
    bands = {(b.currency, b.min, b.max, b.unit, b.open_ended) for b in real.rates.bands}
    assert len(real.rates.bands) >= 6
    assert ("INR", 70, 7000, "hour", True) in bands  # ₹70 to ₹7,000+
    # the article writes every bound with a "+" (₹1000+ to ₹2100+), so every top is open
    assert ("INR", 1000, 2100, "hour", True) in bands
    assert ("INR", 2800, 5300, "hour", True) in bands
    assert ("USD", 10, 100, "task", False) in bands
    assert ("USD", 15, 25, "hour", False) in bands  # vsuvo.com
    assert ("USD", 9, 18, "hour", False) in bands  # virtualassistantva.com, 2026
    assert "BDT" not in {b.currency for b in real.rates.bands}  # taka only as conversions


def test_exchange_rates_carry_their_dates_and_sources(real):
    inr, bdt = real.rates.rate("INR"), real.rates.rate("BDT")
    assert (inr.per_usd, inr.date, inr.date_end) == (91.5, "2026-01", None)
    assert "91–92" in inr.note["en"] and "midpoint" in inr.note["en"]
    # newspapers' market reports: late January 2026, and the day the rupee passed 90
    assert {(s.site, s.year, s.kind) for s in inr.sources} == {
        ("deccanherald.com", 2026, "press"),
        ("freepressjournal.in", 2025, "press"),
    }
    assert (bdt.per_usd, bdt.date, bdt.date_end) == (122.3, "2026-01", "2026-02")
    assert {(s.site, s.year, s.kind) for s in bdt.sources} == {("prothomalo.com", 2026, "press")}
    assert all(s.url.startswith("https://") for s in inr.sources + bdt.sources)


def test_portals_named_by_the_issue_with_https_links(real):
    names = {p.name for p in real.portals.portals}
    assert names >= {
        "Upwork",
        "Fiverr",
        "Freelancer.com",
        "PeoplePerHour",
        "LinkedIn Jobs",
        "Truelancer",
        "Internshala",
        "Toptal",
    }
    assert all(p.url.startswith("https://") for p in real.portals.portals)


def test_facts_the_research_lacks_are_unconfirmed(real):
    portals = {p.id: p for p in real.portals.portals}
    for portal in ("truelancer", "toptal"):
        assert portals[portal].fee == UNCONFIRMED, portal
    assert portals["fiverr"].payments.india == UNCONFIRMED
    assert portals["toptal"].beginners.suits is False


def test_the_hindi_articles_rupee_bands_are_not_called_indian_rates(real):
    """The article never says where its VAs work (editorial review, "Facts"; issue 14)."""
    for band in real.rates.bands:
        if any(source.article == "hindi" for source in band.sources):
            assert "india" not in band.id, band.id
            assert "India" not in band.scope["en"] and "no country" in band.scope["en"], band.id
            assert "भारत" not in band.scope["hi"] and "ভারত" not in band.scope["bn"], band.id


def test_job_boards_say_who_pays_and_the_faqs_marketplace_suits_beginners(real):
    """LinkedIn Jobs and Internshala: free to apply, the employer pays (issue 14); Upwork, where
    the FAQ sends a beginner, has its own programme for new freelancers."""
    portals = {p.id: p for p in real.portals.portals}
    for portal in ("linkedin-jobs", "internshala"):
        fee = portals[portal].fee
        assert isinstance(fee, Fact) and fee.text["en"].startswith("free to apply"), portal
        assert "employer" in fee.text["en"] and fee.sources, portal
        assert portals[portal].free_to_apply, portal  # the portal finder's "Free to apply"
    for portal in real.portals.portals:
        if portal.free_to_apply:
            assert isinstance(portal.fee, Fact), portal.id  # never on an unconfirmed fee
    assert portals["linkedin-jobs"].fee.sources[0].kind == "primary"
    assert portals["internshala"].fee.sources[0].weak  # no page of Internshala's own was found
    upwork = portals["upwork"].beginners
    assert upwork.suits is True and upwork.sources[0].kind == "primary"


def test_upworks_fee_shows_its_own_page_and_the_blog_both_dated(real):
    """Upwork's stored page says a flat 10%; only a blog says 0–15% (issue 14, va-facts-2)."""
    fee = next(p for p in real.portals.portals if p.id == "upwork").fee
    assert isinstance(fee, Fact) and fee.since is None
    assert "10%" in fee.text["en"] and "3 May 2023" in fee.text["en"]
    assert "0–15%" in fee.text["en"] and "May 2025" in fee.text["en"]
    kinds = [(s.site, s.kind) for s in fee.sources]
    assert kinds[0] == ("upwork.com", "primary") and ("golance.com", "blog") in kinds


# Blogs and vendors the research names (va-facts.md; "B" in va-facts-2.md) that the data cites.
RESEARCH_BLOGS = {
    "golance.com",
    "thedrunkencopywriter.com",
    "rightbatton.com",
    "asiarpa.com",
    "blog.truelancer.com",
    "vsuvo.com",
    "virtualassistantva.com",
    "globalvirtualpartners.com",
    "feelgoodva.blogspot.com",
}


def test_every_source_in_the_real_data_is_an_https_link_with_a_kind(real):
    sources = all_sources(real)
    pages = [s for s in sources if s.article is None]
    assert len(pages) > 40
    for source in pages:
        assert source.site and source.url.startswith("https://"), source
        assert source.kind in ("primary", "press", "blog"), source
    for source in sources:
        if source.article is not None:
            assert (source.site, source.url, source.kind) == (None, None, None), source


def test_weak_sources_are_marked(real):
    sources = all_sources(real)
    for source in sources:
        if source.site in RESEARCH_BLOGS:
            assert source.weak, source
        # A home page proves nothing: only a platform's own site or a marked blog may be one.
        if source.url and urlsplit(source.url).path in ("", "/"):
            assert source.kind in ("primary", "blog"), source
    assert {s.site for s in sources if s.weak} >= RESEARCH_BLOGS


def test_primary_sources_replace_blogs_where_the_research_has_them(real):
    portals = {p.id: p for p in real.portals.portals}
    first = {
        "upwork": portals["upwork"].fee.sources[0],
        "upwork-india": portals["upwork"].payments.india.sources[0],
        "upwork-bangladesh": portals["upwork"].payments.bangladesh.sources[0],
        "fiverr": portals["fiverr"].fee.sources[0],
        "freelancer-com": portals["freelancer-com"].fee.sources[0],
        "peopleperhour": portals["peopleperhour"].fee.sources[0],
    }
    for name, source in first.items():
        assert source.kind == "primary", name
    assert first["upwork-india"].url == (
        "https://support.upwork.com/hc/en-us/articles/"
        "211060578-Direct-to-Local-Bank-fees-and-timing"
    )
    assert "help.fiverr.com" in first["fiverr"].url
    # Freelancer.com's own page confirms only the 10%: the rest is said to be unconfirmed
    assert "do not confirm" in portals["freelancer-com"].fee.text["en"]


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_names_its_schema_for_editors(name):
    first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{name}.schema.json"
    assert (SCHEMAS / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("path", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_draft_7(path):
    jsonschema.Draft7Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


# JSON export: the same shape as the YAML files, described by the same schemas


def test_json_export_has_the_shape_of_the_yaml_files(real):
    exported = json.loads(json.dumps(to_json(real), ensure_ascii=False))
    for name in DATA_FILES:
        original = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
        assert exported[name] == original, name


def test_json_export_validates_against_the_schemas(real):
    exported = to_json(real)
    for name in DATA_FILES:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        registry = schema_registry(read_schemas(SCHEMAS)[0])
        validator = jsonschema.Draft7Validator(schema, registry=registry)
        assert list(validator.iter_errors(exported[name])) == [], name


def test_records_are_frozen(real):
    with pytest.raises(dataclasses.FrozenInstanceError):
        real.portals.portals[0].url = "javascript:alert(1)"
    with pytest.raises(TypeError):
        real.skills.categories[0].name["en"] = "changed"


# One test per contributor mistake, each with its complete message

# libyaml (used when PyYAML has it) and the pure-Python parser word this one differently.
FLOW_PROBLEM = (
    "did not find expected ',' or ']'"
    if yaml.__with_libyaml__
    else "expected ',' or ']', but got ':'"
)

CASES = {
    "yaml-syntax": (
        "rates",
        "    unit: hour\n",
        "    unit: [hour\n",
        [
            f"data/rates.yml:19: not valid YAML ({FLOW_PROBLEM}, while parsing "
            "a flow sequence that starts on line 18): check the indentation (spaces, not tabs), "
            "and put text that contains ': ' or starts with a special character "
            "(& * ! | > ' \" % @ `) in quotes"
        ],
    ),
    "wrong-type": (
        "rates",
        "    min: 70\n",
        "    min: seventy\n",
        [
            'data/rates.yml:20: bands[0].min: must be a number (got "seventy"): write the amount '
            "as a plain number, such as 1000, without currency signs or quotes"
        ],
    ),
    "wrong-type-list": (
        "skills",
        "    tools: [Trello, Slack]",
        "    tools: Trello",
        [
            'data/skills.yml:11: categories[0].tools: must be a list (got "Trello"): list the '
            "tools the sources name, one per line starting with `- `"
        ],
    ),
    "negative-amount": (
        "rates",
        "    min: 70\n",
        "    min: -70\n",
        [
            "data/rates.yml:20: bands[0].min: must not be negative (got -70): write the amount as "
            "a plain number, such as 1000, without currency signs or quotes"
        ],
    ),
    "min-above-max": (
        "rates",
        "    min: 10\n",
        "    min: 1000\n",
        [
            "data/rates.yml:32: bands[1].min: minimum 1000 is above the maximum 100: swap them, "
            "or correct one"
        ],
    ),
    "unknown-currency": (
        "rates",
        "currency: USD",
        "currency: RUP",
        [
            'data/rates.yml:31: bands[1].currency: unknown currency "RUP": use an ISO code such '
            "as INR, BDT or USD"
        ],
    ),
    "currency-without-rate": (
        "rates",
        "currency: USD",
        "currency: GBP",
        [
            "data/rates.yml:31: bands[1].currency: no exchange rate for GBP: add one under "
            "exchange_rates, or use BDT, INR, USD"
        ],
    ),
    "javascript-link": (
        "portals",
        "url: https://market.example.com",
        "url: javascript:alert(1)",
        [
            'data/portals.yml:4: portals[0].url: must start with https:// (got "javascript:alert'
            "(1)\"): write the site's https:// address, such as https://www.example.com"
        ],
    ),
    "http-link": (
        "portals",
        "url: https://market.example.com",
        "url: http://market.example.com",
        [
            'data/portals.yml:4: portals[0].url: must start with https:// (got "http://market.'
            "example.com\"): write the site's https:// address, such as https://www.example.com"
        ],
    ),
    "link-with-space": (
        "portals",
        "url: https://market.example.com",
        'url: "https://market.example.com/a b"',
        [
            "data/portals.yml:4: portals[0].url: must be a plain web address (got "
            '"https://market.example.com/a b"): remove spaces, quotes and angle brackets'
        ],
    ),
    "duplicate-key": (
        "portals",
        "    name: Market\n",
        "    name: Market\n    name: Bazaar\n",
        [
            'data/portals.yml:4: portals[0].name: duplicate key "name" (first at line 3): keep '
            "one of them"
        ],
    ),
    "anchor": (
        "skills",
        "    tools: [Trello, Slack]",
        "    tools: &tools [Trello, Slack]",
        [
            "data/skills.yml:11: YAML anchors and aliases are not allowed in data files, and this "
            "line has an anchor (&name): write the value out in full where it is used"
        ],
    ),
    "missing-language": (
        "skills",
        "    name: {en: Admin, hi: एडमिन, bn: অ্যাডমিন}",
        "    name: {en: Admin, hi: एडमिन}",
        ["data/skills.yml:4: categories[0].name: no bn text: add `bn:` with the Bengali text"],
    ),
    "glossary-term-missing-language": (
        "glossary",
        "    bn: ফি\n",
        "",
        ["data/glossary.yml:12: terms[1]: no bn text: add `bn:` with the Bengali text"],
    ),
    "unknown-key": (
        "skills",
        "    tools: [Trello, Slack]",
        "    tool: [Trello, Slack]",
        [
            "data/skills.yml:3: categories[0]: missing `tools`: add `tools:` (see "
            "data/schema/skills.schema.json)",
            'data/skills.yml:11: categories[0].tool: unknown key "tool": did you mean "tools"?',
        ],
    ),
    "unknown-category": (
        "rates",
        "category: admin",
        "category: adminn",
        ['data/rates.yml:26: bands[1].category: unknown category "adminn": did you mean "admin"?'],
    ),
    "specialisation-category": (
        "skills",
        "    category: admin\n",
        "    category: office\n",
        [
            'data/skills.yml:16: specialisations[0].category: unknown category "office": use one '
            "of admin"
        ],
    ),
    "duplicate-id": (
        "portals",
        "  - id: network",
        "  - id: market",
        [
            'data/portals.yml:22: portals[1].id: id "market" is used twice (also portals[0].id '
            "at line 2): give each record its own"
        ],
    ),
    "impossible-date": (
        "portals",
        '"2025-05-01"',
        '"2025-02-30"',
        [
            'data/portals.yml:9: portals[0].fee.since: is not a real date (got "2025-02-30"): '
            "check the month and the day"
        ],
    ),
    "date-format": (
        "portals",
        '"2025-05-01"',
        '"1 May 2025"',
        [
            "data/portals.yml:9: portals[0].fee.since: must be a date written YYYY, YYYY-MM or "
            'YYYY-MM-DD (got "1 May 2025"): write it like 2026-01 or 2025-05-01'
        ],
    ),
    "latin-digits-in-bengali": (
        "portals",
        "bn: প্রতিটি অর্ডারের ২০%",
        "bn: প্রতিটি অর্ডারের 20%",
        [
            "data/portals.yml:8: portals[0].fee.text.bn: Bengali text uses Latin digits "
            '("প্রতিটি অর্ডারের 20%"): write the digits as ০-৯'
        ],
    ),
    "avoided-spelling": (
        "portals",
        "hi: हर ऑर्डर का 20%",
        "hi: हर ऑर्डर पर 20% फ़ीस",
        [
            'data/portals.yml:8: portals[0].fee.text.hi: uses "फ़ीस", a spelling '
            'data/glossary.yml avoids: write "फीस"'
        ],
    ),
    "unconfirmed-typo": (
        "portals",
        "    fee: unconfirmed",
        "    fee: unconfirmd",
        [
            "data/portals.yml:30: portals[1].fee: must be the word unconfirmed or a mapping with "
            'text and sources (got "unconfirmd"): write `unconfirmed` when the facts do not give '
            "it"
        ],
    ),
    "boolean-typo": (
        "portals",
        "suits: false",
        "suits: nope",
        [
            'data/portals.yml:27: portals[1].beginners.suits: must be true or false (got "nope"): '
            "write true or false"
        ],
    ),
    "python-tag": (
        "skills",
        "    tools: [Trello, Slack]",
        "    tools: !!python/object/apply:os.system [echo hi]",
        [
            "data/skills.yml:11: categories[0].tools: the YAML tag "
            "!!python/object/apply:os.system is not allowed in data files: remove it and write "
            "plain text, numbers, lists and mappings"
        ],
    ),
    "key-not-text": (
        "rates",
        "    unit: task\n",
        "    unit: task\n    2026: x\n",
        [
            'data/rates.yml:31: bands[1]: the key "2026" is not text: write keys as plain words, '
            "and quote one that YAML would read as a number, true/false, yes/no or null"
        ],
    ),
    "infinite-number": (
        "rates",
        "per_usd: 91.5",
        "per_usd: .inf",
        [
            "data/rates.yml:3: exchange_rates[0].per_usd: must be a finite number (got .inf): "
            "write an ordinary number"
        ],
    ),
    "site-and-article": (
        "skills",
        "{article: bengali, year: null}",
        "{article: bengali, site: x.com, year: null}",
        [
            "data/skills.yml:20: specialisations[0].sources[0]: names both a site and an article "
            "(got a mapping): keep one of them"
        ],
    ),
    "source-without-url": (
        "skills",
        '{site: example.com, url: "https://example.com/tools", year: 2026, kind: blog}',
        "{site: example.com, year: 2026, kind: blog}",
        [
            "data/skills.yml:13: categories[0].sources[0]: missing `url`: add `url:` with the "
            "https:// address of the page that gives the fact (a blog known only by its name: "
            "its home page, with `kind: blog`)"
        ],
    ),
    "source-http-url": (
        "portals",
        '"https://example.com/fees"',
        '"http://example.com/fees"',
        [
            "data/portals.yml:11: portals[0].fee.sources[0].url: must start with https:// (got "
            '"http://example.com/fees"): write the site\'s https:// address, such as '
            "https://www.example.com"
        ],
    ),
    "source-unknown-kind": (
        "portals",
        "kind: blog}",
        "kind: weak}",
        [
            "data/portals.yml:21: portals[0].notes.sources[0].kind: must be one of primary, "
            'press, blog (got "weak"): use one of primary, press, blog'
        ],
    ),
    "source-without-kind": (
        "rates",
        "year: 2026, kind: press}",
        "year: 2026}",
        [
            "data/rates.yml:6: exchange_rates[0].sources[0]: missing `kind`: add `kind: "
            "primary`, `kind: press` or `kind: blog` (blog marks a weak source)"
        ],
    ),
    "source-url-elsewhere": (
        "portals",
        '"https://example.org/blog/market"',
        '"https://market.example.net/blog"',
        [
            'data/portals.yml:21: portals[0].notes.sources[0].url: leads to "market.example.net",'
            ' not to the site "example.org" the card shows: link a page of example.org, or name '
            "the site the link leads to"
        ],
    ),
    "exchange-rate-source-as-text": (
        "rates",
        '[{site: example.com, url: "https://example.com/rupee", year: 2026, kind: press}]',
        "[example.com]",
        [
            'data/rates.yml:6: exchange_rates[0].sources[0]: must be a mapping (got "example.com"'
            '): write it as `- {site: example.com, url: "https://example.com/page", year: 2026, '
            "kind: press}`"
        ],
    ),
    "article-with-url": (
        "skills",
        "{article: bengali, year: null}",
        '{article: bengali, url: "https://example.com/", year: null}',
        [
            "data/skills.yml:20: specialisations[0].sources[0]: an article source has no url or "
            "kind (got a mapping): remove them: the two articles are not web pages"
        ],
    ),
    "year-as-text": (
        "skills",
        "year: 2026, kind: blog}",
        'year: "2026", kind: blog}',
        [
            "data/skills.yml:13: categories[0].sources[0].year: must be a whole number or null "
            '(got "2026"): write the year as a number, such as 2026, or null if the source gives '
            "none"
        ],
    ),
}


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES.values(), ids=CASES.keys())
def test_mistake_is_reported_with_file_line_field_and_fix(tmp_path, name, old, new, expected):
    data_dir = make_data_dir(tmp_path / "data")
    edit(data_dir, name, old, new)
    assert problems_of(data_dir) == expected


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing yet\n\n# still nothing\n", "~\n"])
def test_empty_data_file(tmp_path, text):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "portals.yml").write_text(text, encoding="utf-8")
    assert problems_of(data_dir) == [
        "data/portals.yml:1: the file is empty: write its data (its shape is "
        "data/schema/portals.schema.json)"
    ]


def test_data_file_that_is_a_list(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "portals.yml").write_text("- Upwork\n- Fiverr\n", encoding="utf-8")
    assert problems_of(data_dir) == [
        "data/portals.yml:1: must be a mapping (got a list): write `key: value` lines indented "
        "under it"
    ]


def test_data_file_that_is_not_utf8(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "portals.yml").write_bytes(b"portals:\n  - id: caf\xe9\n")
    assert problems_of(data_dir) == [
        "data/portals.yml:2: the file is not valid UTF-8 (byte 0xe9): save it again with the "
        "encoding UTF-8"
    ]


def test_missing_data_file(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "portals.yml").unlink()
    assert problems_of(data_dir) == [
        "data/portals.yml: the file is missing: create it (its shape is "
        "data/schema/portals.schema.json)"
    ]


def test_a_file_that_cannot_be_read_does_not_hide_the_others(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "skills.yml").write_text("categories: [\n", encoding="utf-8")
    edit(data_dir, "portals", "url: https://market.example.com", "url: http://market.example.com")
    problems = problems_of(data_dir)
    assert [line.split(":")[0] for line in problems] == ["data/portals.yml", "data/skills.yml"]
    # No "unknown category" noise about rates.yml while skills.yml cannot be read.


# Nine levels of nine aliases each: 9**9 strings if anything expanded it.
def test_alias_bomb_is_refused_at_once_without_expanding(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    (data_dir / "skills.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problems = problems_of(data_dir)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 20 * 1024 * 1024  # 9**9 expanded strings would need gigabytes
    assert problems == [
        "data/skills.yml:1: YAML anchors and aliases are not allowed in data files, and this "
        "line has an anchor (&name): write the value out in full where it is used"
    ]


def test_merge_key_needs_an_alias_and_is_refused(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    text = (data_dir / "portals.yml").read_text(encoding="utf-8")
    (data_dir / "portals.yml").write_text(
        "base: &base {kind: marketplace}\n" + text + "    <<: *base\n", encoding="utf-8"
    )
    assert problems_of(data_dir)[0].startswith("data/portals.yml:1: YAML anchors and aliases")


def test_a_language_the_site_builds_but_the_data_lacks(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    with pytest.raises(DataError) as caught:
        load_data(data_dir, ["en", "hi", "bn", "ta"], schema_dir=SCHEMAS)
    assert (
        "data/skills.yml:4: categories[0].name: no ta text: add `ta:` with the Tamil text"
        in str(caught.value).splitlines()
    )


# The deliberately broken fixture: every problem in every file, in one run


def test_broken_fixture_reports_every_problem_in_every_file(tmp_path):
    data_dir = make_data_dir(tmp_path / "data", FIXTURES / "data-broken")
    assert problems_of(data_dir) == BROKEN_PROBLEMS


# A schema file broken by hand: the message names the schema, not the data file using it

SCHEMA_FIX = "fix it, or restore it with `git checkout -- data/schema/`"


def schema_problems(tmp_path, change) -> list[str]:
    data_dir = make_data_dir(tmp_path / "data")
    schema_dir = tmp_path / "schema"
    shutil.copytree(SCHEMAS, schema_dir)
    change(schema_dir)
    with pytest.raises(DataError) as caught:
        load_data(data_dir, LANGUAGES, schema_dir=schema_dir)
    return str(caught.value).splitlines()


def test_schema_that_is_not_json(tmp_path):
    def break_json(schema_dir):
        path = schema_dir / "portals.schema.json"
        path.write_text(path.read_text(encoding="utf-8").replace('"type"', "type", 1), "utf-8")

    lines = schema_problems(tmp_path, break_json)
    assert lines[0].startswith("data/schema/portals.schema.json:")
    assert lines[0].endswith(
        f": not valid JSON (Expecting property name enclosed in double quotes): {SCHEMA_FIX}"
    )
    assert lines[1:] == ["1 problem in the data files."]


def test_missing_schema(tmp_path):
    lines = schema_problems(tmp_path, lambda d: (d / "rates.schema.json").unlink())
    assert lines == [
        f"data/schema/rates.schema.json: the schema is missing: {SCHEMA_FIX}",
        "1 problem in the data files.",
    ]


def test_schema_that_names_an_unknown_definition(tmp_path):
    def break_ref(schema_dir):
        path = schema_dir / "skills.schema.json"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("#/definitions/id", "#/definitions/identifier", 1), "utf-8")

    assert schema_problems(tmp_path, break_ref) == [
        "data/schema/skills.schema.json: cannot use the schema (its $ref "
        f"/definitions/identifier leads nowhere): {SCHEMA_FIX}",
        "1 problem in the data files.",
    ]


# Cache key


def test_digest_changes_with_any_data_or_schema_file_and_the_languages(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    schema_dir = data_dir / "schema"
    shutil.copytree(SCHEMAS, schema_dir)
    first = digest(data_dir, LANGUAGES)
    assert digest(data_dir, LANGUAGES) == first
    assert digest(data_dir, ["hi"]) != first
    edit(data_dir, "portals", "name: Market", "name: Bazaar")
    second = digest(data_dir, LANGUAGES)
    assert second != first
    (schema_dir / "portals.schema.json").write_text("{}", encoding="utf-8")
    assert digest(data_dir, LANGUAGES) != second
