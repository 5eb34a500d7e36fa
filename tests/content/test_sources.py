"""Sources you can click (issue 14, part 4), as far as a machine can check it, on every page in
every language: a source is a Markdown link to its page with the year inside the link text,
`[Upwork Help, undated](https://…)`, never a name in brackets such as "(CGST Act, Section 22)" or
"(Financial Express BD, June 2024)". The two articles the guide grew from are the one exception:
they have no address (CONTRIBUTING.md, "Add a portal or a rate band").

Numbers use the Indian grouping everywhere, as the cards do (hooks/lib/formats.py): 1,50,000,
never 150,000, in the pages and in the data's text.

Every problem is reported as `file:line: what is there -> what to write instead`, all at once.
Text a client reads (fenced code blocks and > quotes) is not checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
import yaml

from conftest import ROOT
from prose_support import reader_text

FOLDERS = ["docs", "hi", "bn"]
DATA_FILES = sorted((ROOT / "data").glob("*.yml"))

UNDATED = r"(?:undated|बिना तारीख|তারিখ নেই)"
YEAR = r"(?:(?:19|20)[0-9]{2}|[১২][০-৯]{3})"
# a date as a citation gives it: a year, a month and a year, or the house word for undated
DATE = rf"(?:(?:[A-Za-z\u0900-\u097f\u0980-\u09ff]+\s)?{YEAR}|{UNDATED})"
DOMAIN = r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|in|bd|uk|co|io|me|news|us|gov|info)\b"
LAW = r"\b(?:Act|Section|section|एक्ट|अधिनियम|धारा|আইন|ধারা)\b"
# The two seed articles are named, not linked: a sentence that names one may cite it bare.
SEED_ARTICLE = re.compile(
    r"(?:Hindi|Bengali|source) article|article (?:this guide grew from|behind this guide)"
    r"|(?:हिंदी|बांग्ला) आर्टिकल|(?:হিন্দি|বাংলা) লেখা"
)
LINK = "\u2063LINK\u2063"  # what a whole Markdown link becomes before the checks run

CITATION_RULES = [
    (
        "a source named in brackets",
        re.compile(rf"\((?P<name>[^()\n]*?[^\W\d][^()\n]*?)[,;]\s*{DATE}\)"),
        "a link with the year inside: ([Name, 2024](https://…))",
    ),
    (
        "a bare date in brackets",
        re.compile(rf"\(\s*(?:{YEAR}|{UNDATED})\s*\)"),
        "put the year into the source's link: ([Name, 2024](https://…))",
    ),
    (
        "a site named in brackets",
        re.compile(rf"\([^()\n]*{DOMAIN}[^()\n]*\)"),
        "a link to the page, or to the site's home page for a blog: ([site.com, 2024](https://site.com/))",
    ),
    (
        "a law cited in brackets",
        re.compile(rf"\([^()\n]*{LAW}[^()\n]*\)"),
        "a link to the law on the government's site: ([CGST Act, 2017, section 22](https://cbic-gst.gov.in/gst-acts.html))",
    ),
]
YEAR_AFTER_LINK = re.compile(rf"\]\((https://[^)\s]+)\),?\s*(?:{YEAR}|{UNDATED})(?![0-9০-৯])")
# 150,000 or 1,500,000: three digits between commas where the Indian grouping has two
WESTERN_GROUPING = re.compile(
    r"(?<![0-9০-৯,.])[0-9০-৯]{1,3}(?:,[0-9০-৯]{3}){2,}(?![0-9০-৯])"
    r"|(?<![0-9০-৯,.])[0-9০-৯]{3},[0-9০-৯]{3}(?![0-9০-৯,])"
)
SOURCE_HEADINGS = {"Source", "सोर्स", "সূত্র"}
# A whole link; its text may hold brackets ("[IGST Act, section 2(6), undated](…)"), its target
# balanced parentheses.
MARKDOWN_LINK = re.compile(r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\s]*(?:\([^)\s]*\)[^)\s]*)*\)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def page_text(text: str) -> str:
    """The page as a reader reads it, every line where it was: no front matter, code, quotes,
    comments or inline code, and every Markdown link replaced by one token."""
    text = reader_text(text)
    return MARKDOWN_LINK.sub(LINK, text)


def pages() -> Iterator[tuple[str, str, str]]:
    """(file, raw text, reader's text) of every page in every language."""
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.md")):
            raw = nfc(path.read_text(encoding="utf-8"))
            yield path.relative_to(ROOT).as_posix(), raw, page_text(raw)


def sentence_before(line: str, end: int) -> str:
    start = max(line.rfind(mark, 0, end) for mark in (". ", "। ", "? "))
    return line[start + 1 : end]


def citation_problems(name: str, text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for what, pattern, fix in CITATION_RULES:
            for match in pattern.finditer(line):
                if LINK in match[0]:
                    continue
                if SEED_ARTICLE.search(sentence_before(line, match.end())):
                    continue
                found.append(f"{name}:{number}: {what}: {match[0]!r} -> {fix}")
    return found


def table_problems(name: str, raw: str) -> list[str]:
    """In a table whose last column is the source, every source in it is a link (or —)."""
    found, sourced = [], False
    for number, line in enumerate(raw.split("\n"), 1):
        if not line.startswith("|"):
            sourced = False
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[-1] in SOURCE_HEADINGS:
            sourced = True
        elif sourced and not set(line) <= set("|-: "):
            for part in re.split(r";\s*(?![^\[]*\])", cells[-1]):
                if "](https://" not in part and part.strip() != "—":
                    found.append(
                        f"{name}:{number}: a source cell without a link: {part.strip()!r}"
                        " -> [Name, 2024](https://…)"
                    )
    return found


def report(found: list[str], title: str) -> str:
    return f"{len(found)} {title}:\n" + "\n".join(found)


def test_every_source_on_a_page_is_a_link():
    found = []
    for name, raw, text in pages():
        found += citation_problems(name, text) + table_problems(name, raw)
    assert not found, report(found, "sources that are not links")


def test_the_year_is_inside_the_link_text():
    found = [
        f"{name}:{raw.count(chr(10), 0, match.start()) + 1}: the year after the link:"
        f" {match[0][-30:]!r} -> [Name, 2024](https://…)"
        for name, raw, _text in pages()
        for match in YEAR_AFTER_LINK.finditer(raw)
    ]
    assert not found, report(found, "links with the year outside")


def localized_data_texts() -> Iterator[tuple[str, int, str]]:
    def walk(node, inside=False):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                yield from walk(value, inside or key.value in ("en", "hi", "bn"))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, inside)
        elif isinstance(node, yaml.ScalarNode) and inside:
            yield node.start_mark.line + 1, node.value

    for path in DATA_FILES:
        root = yaml.compose(path.read_text(encoding="utf-8"))
        for line, text in walk(root):
            yield path.relative_to(ROOT).as_posix(), line, nfc(text)


def test_numbers_use_the_indian_grouping_everywhere():
    found = []
    for name, _raw, text in pages():
        text = text.replace(LINK, " ")
        for number, line in enumerate(text.split("\n"), 1):
            found += [
                f"{name}:{number}: the Western grouping: {m[0]!r} -> the Indian one (1,50,000)"
                for m in WESTERN_GROUPING.finditer(line)
            ]
    for name, line, text in localized_data_texts():
        found += [
            f"{name}:{line}: the Western grouping: {m[0]!r} -> the Indian one (1,50,000)"
            for m in WESTERN_GROUPING.finditer(text)
        ]
    assert not found, report(found, "numbers in the Western grouping")


@pytest.mark.parametrize(
    ("line", "caught"),
    [
        ("GST above ₹20 lakh (CGST Act, Section 22): see", True),
        ("exempt if paid through banks (Financial Express BD, June 2024): see", True),
        ("a retainer (humblebeeva.org, 2023). See", True),
        ("it is unclear who can join Time Etc (johnjonas.com; mindtchotchkes.com).", True),
        ("A Bengali site, khoborsangjog.com (2025), lists", True),
        ("जीरो-रेटेड होता है (IGST एक्ट, धारा 16): आसान", True),
        ("সেবা দেয় না (bd-cse.blogspot.com, ২০২৫)।", True),
        ("a flat 10% ([Upwork Help, undated](https://support.upwork.com/x)).", False),
        ("exports ([IGST Act, 2017, section 2(6)](https://cbic-gst.gov.in/x.html)).", False),
        ("The Hindi article behind this guide (undated) says", False),
        ("(इस गाइड का मूल हिंदी आर्टिकल, बिना तारीख)", False),
        ("Converted at ₹91.5 per US$ (January 2026)", False),
        ("The job post shows the exact number (same source).", False),
    ],
)  # fmt: skip
def test_the_rules_catch_what_they_are_for(line, caught):
    assert bool(citation_problems("page.md", page_text(line))) is caught, line


@pytest.mark.parametrize(
    ("text", "caught"),
    [("over 150,000 freelancers", True), ("১৫০,০০০-এর বেশি", True), ("1,500,000", True),
     ("over 1,50,000 freelancers", False), ("US$1,000 and ₹7,970.565", False),
     ("10,000 a day", False), ("2026-001, 2026-002", False), ("2015, 2018 and 2022", False)],
)  # fmt: skip
def test_the_grouping_rule_catches_what_it_is_for(text, caught):
    assert bool(WESTERN_GROUPING.search(text)) is caught, text
