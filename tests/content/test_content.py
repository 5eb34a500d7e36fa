"""The guide stays whole: every page in three languages, the same content, the same terms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
import yaml

from conftest import ROOT

LANGUAGES = ["hi", "bn"]
PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
GLOSSARY = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
DATA_PAGES = {
    "work-categories.md": "skills",
    "rates.md": "rates",
    "finding-work.md": "portals",
    "glossary.md": "glossary",
    "calculator.md": "calculator",
    "portal-finder.md": "portal-finder",
    "self-check.md": "self-check",
}


def source(language: str, page: str) -> str:
    folder = "docs" if language == "en" else language
    text = (ROOT / folder / page).read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", text)


def body(text: str) -> str:
    """The page without its front matter."""
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)


def prose(text: str) -> str:
    """What a reader reads: no link targets, markers, code or admonition syntax."""
    text = body(text)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r'^\s*!!! \w+(?: "[^"]*")?', " ", text, flags=re.M)


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]) ")


def structure(text: str) -> dict[str, object]:
    """The shape a translation must keep."""
    text = body(text)
    lines = text.splitlines()
    return {
        "headings": [len(m) for m in re.findall(r"^(#{1,6}) ", text, re.M)],
        "list items": sum(1 for line in lines if LIST_ITEM.match(line)),
        "table rows": sum(1 for line in lines if line.lstrip().startswith("|")),
        "admonitions": re.findall(r"^\s*!!! (\w+)", text, re.M),
        "links": Counter(re.findall(r"\]\(([^)#\s]+)", text)),
        "markers": re.findall(r"<!-- guide:[\w-]+ -->", text),
    }


def test_the_guide_has_at_least_15_pages():
    assert len(PAGES) >= 15, PAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_in_every_language(language):
    translated = sorted(
        p.relative_to(ROOT / language).as_posix() for p in (ROOT / language).rglob("*.md")
    )
    assert translated == PAGES


def test_english_has_at_least_6000_words():
    words = sum(len(prose(source("en", page)).split()) for page in PAGES)
    assert words >= 6000, words


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_keeps_the_structure(language, page):
    assert structure(source(language, page)) == structure(source("en", page))


@pytest.mark.parametrize(("page", "marker"), DATA_PAGES.items())
@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_data_pages_use_markers_not_copied_tables(language, page, marker):
    assert f"<!-- guide:{marker} -->" in source(language, page)


def uses_english_term(text: str, term: str) -> bool:
    """Whole words, plurals included: "clients" uses "client", "feel" does not use "fee"."""
    return re.search(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w])", text, re.I) is not None


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_terms_are_used_consistently(language, page):
    english = prose(source("en", page))
    translated = prose(source(language, page))
    missing = [
        f"{term['en']} -> {term[language]}"
        for term in GLOSSARY
        if uses_english_term(english, term["en"])
        and unicodedata.normalize("NFC", term[language]) not in translated
    ]
    avoided = [
        form
        for term in GLOSSARY
        for form in term.get("avoid", {}).get(language, [])
        if unicodedata.normalize("NFC", form) in translated
    ]
    assert not missing, f"{language}/{page} lacks the glossary's words for: {missing}"
    assert not avoided, f"{language}/{page} uses spellings the glossary avoids: {avoided}"


@pytest.mark.parametrize("page", PAGES)
def test_bengali_pages_use_bengali_digits(page):
    # Markdown needs ASCII numbers to start an ordered list; CSS shows them as ১, ২, ৩.
    text = re.sub(r"^\s*\d+[.)] ", "", prose(source("bn", page)), flags=re.M)
    latin = re.findall(r"\S*[0-9]\S*", text)
    assert not latin, f"bn/{page} has Latin digits: {latin}"


@pytest.mark.parametrize("page", PAGES)
def test_every_money_figure_names_its_year(page):
    """A paragraph with an amount of money also says when it was true (or that it is undated)."""
    paragraphs = re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )", prose(source("en", page)))
    undated = [
        p.strip()[:80]
        for p in paragraphs
        if re.search(r"[₹$৳£]\s?\d|\bTk\s?\d|\brupees?\b\s*\d", p)
        and not re.search(r"\b(19|20)\d\d\b|undated", p)
    ]
    assert not undated, undated
