"""The reader tools' static versions and the data they hand their scripts (lib/tool_views.py),
in each language, from the real data: what a reader without JavaScript gets."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html import unescape

import pytest
from mkdocs.theme import Theme

from conftest import ROOT
from data_blocks import render_block, template_env
from lib.data import load_data
from lib.formats import format_money
from lib.tool_views import in_language, script_data

LANGUAGES = ("en", "hi", "bn")
DATA = load_data(ROOT / "data", LANGUAGES)
DATA_SCRIPT = r'<script type="application/json" class="guide-tool__data"[^>]*>(.*?)</script>'


@pytest.fixture(scope="module")
def env():
    return template_env(Theme(name="material", custom_dir=str(ROOT / "overrides")))


def money(minor: int, currency: str, language: str) -> str:
    return format_money(Decimal(minor) / 100, currency, language)  # type: ignore[arg-type]


def page(name):
    return f"../{name.removesuffix('.md')}/", f"title of {name}"


def embedded(html: str) -> dict:
    return json.loads(re.search(DATA_SCRIPT, html, re.S)[1])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["−US$10", "−US$1.80", "−US$0.10", "(18%)", "since 3 May 2023"]),
        ("hi", ["−US$10", "(18%)", "3 मई 2023 से"]),
        ("bn", ["−US$১০", "(১৮%)", "৩ মে ২০২৩ থেকে"]),
    ],
)
def test_the_calculators_worked_examples_show_every_step(env, language, expected):
    html = render_block("calculator", DATA, language, env)
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(DATA_SCRIPT, "", html, flags=re.S)))
    # the worked examples of getting-paid-india.md and getting-paid-bangladesh.md, to the paisa
    expected += [money(797057, "INR", language), money(1088592, "BDT", language)]
    for snippet in expected:
        assert snippet in text, snippet
    words = DATA.labels.labels
    assert words["calc_not_counted"][language] in text  # the bank's charge: no source
    assert words["unconfirmed"][language] in text  # blogs' 0–15% for Upwork
    assert 'href="https://golance.com/de/blogs/upwork-fees-explained-2026"' in html
    assert html.count('<table class="guide-steps">') == len(DATA.fees.examples)


def test_the_home_countrys_example_comes_first(env):
    first = {
        language: re.search(
            r"<caption>(.*?)</caption>", render_block("calculator", DATA, language, env)
        )[1]
        for language in LANGUAGES
    }
    assert "India" in first["en"] and "बांग्लादेश" not in first["hi"]
    assert "বাংলাদেশ" in first["bn"]


def test_the_calculator_hands_its_script_the_records_in_the_pages_language(env):
    data = embedded(render_block("calculator", DATA, "bn", env))
    assert data["lang"] == "bn" and data["home"] == "bd" and data["digits"] == "০১২৩৪৫৬৭৮৯"
    assert data["signs"]["BDT"] == "৳"
    fee = next(c for c in data["fees"]["charges"] if c["id"] == "upwork-fee")
    assert fee["name"] == {"bn": "Upwork-এর সার্ভিস ফি"} and fee["percent"] == 10
    assert [r["currency"] for r in data["exchange_rates"]] == ["INR", "BDT"]
    assert set(data["words"]) >= {"calc_in_hand", "calc_not_counted", "undated", "sources"}
    assert data["rates"]["BDT"]["date"] == "জানুয়ারি–ফেব্রুয়ারি ২০২৬"


def test_peopleperhour_is_left_out_of_the_calculator_and_says_why(env):
    html = render_block("calculator", DATA, "en", env)
    assert 'value="peopleperhour"' not in html
    assert "pounds" in html and "PeoplePerHour" in html


def test_the_finder_offers_the_routes_on_portals_and_every_card(env):
    html = render_block("portal-finder", DATA, "hi", env)
    routes = re.findall(r'<select id="guide-finder-route".*?</select>', html, re.S)[0]
    values = re.findall(r'<option value="([^"]*)"', routes)
    assert values == ["", "local-bank", "wire", "payoneer-bank", "payoneer-bkash"]
    for portal in DATA.portals.portals:
        assert f'data-record="{portal.id}"' in html
    total = len(DATA.portals.portals)
    assert f"{total} में से {total} साइटें दिख रही हैं" in html
    data = embedded(html)
    assert {p["id"] for p in data["portals"]["portals"]} == {p.id for p in DATA.portals.portals}
    # LinkedIn Jobs and Internshala: free to apply, the employer pays (their fee's sources)
    fees = re.findall(r'<select id="guide-finder-fee".*?</select>', html, re.S)[0]
    assert re.findall(r'<option value="([^"]*)"', fees) == [
        "",
        "percent",
        "tiered",
        "free",
        "unconfirmed",
    ]
    free = {p["id"] for p in data["portals"]["portals"] if p.get("free_to_apply")}
    assert free == {"linkedin-jobs", "internshala"}


def test_the_self_check_lists_every_box_category_and_page_to_learn_from(env):
    html = render_block("self-check", DATA, "bn", env, page)
    for item in DATA.skills.checklist:
        assert f'value="{item.id}"' in html and item.name["bn"] in html
        for name in item.learn:
            assert f'href="{page(name)[0]}"' in html
    assert html.count('href="../free-training/"') >= len(DATA.skills.categories)
    for category in DATA.skills.categories:
        assert f'href="../work-categories/#guide-{category.id}"' in html
    data = embedded(html)
    skill = data["skills"]["categories"][0]["skills"][0]
    assert set(skill) == {"en", "bn"}  # English stays: the checklist names skills by it


def test_every_category_skill_is_in_exactly_one_box():
    boxes = [text for item in DATA.skills.checklist for text in item.skills]
    skills = {s["en"] for c in DATA.skills.categories for s in c.skills}
    assert sorted(set(boxes)) == sorted(skills) and len(boxes) == len(set(boxes))
    for category in DATA.skills.categories:
        assert DATA.skills.checklist_for(category)


def test_script_data_cannot_close_its_element():
    text = script_data({"a": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script> & <!--"}


def test_in_language_keeps_only_the_languages_asked_for():
    records = {
        "id": "x",
        "name": {"en": "A", "hi": "ए", "bn": "এ"},
        "list": [{"en": "B", "hi": "बी", "bn": "বি"}],
    }
    assert in_language(records, LANGUAGES, {"hi"}) == {
        "id": "x",
        "name": {"hi": "ए"},
        "list": [{"hi": "बी"}],
    }
