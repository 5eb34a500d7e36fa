"""The house style of the Hindi and Bengali text (CONTRIBUTING.md, "House style"), as far as a
machine can check it: in the pages (hi/, bn/), in the hi/bn text of data/*.yml and mkdocs.yml,
and in the built site, both in the rendered data blocks and in the theme's chrome.

Every problem is reported as `file:line: what is there -> what to write instead`, all at once.
Text a client reads (fenced code blocks and > quotes) stays in English and is not checked.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from lib.formats import MONTHS
from prose_support import blank, reader_text

LANGUAGES = ["hi", "bn"]
NAMES = {"hi": "Hindi", "bn": "Bengali"}
DATA_FILES = sorted((ROOT / "data").glob("*.yml"))
GLOSSARY = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Letters of each script (vowel signs, virama, nukta and joiners included; digits, the danda
# and the taka sign are not): words are runs of these.
LETTER = {
    "hi": "[\u0900-\u0963\u0971-\u097f\u200c\u200d]",
    "bn": "[\u0980-\u09e3\u09f0\u09f1\u09fc-\u09fe\u200c\u200d]",
}
DIGIT = "[0-9\u0966-\u096f\u09e6-\u09ef]"
NUMBER = rf"{DIGIT}(?:[{DIGIT[1:-1]},.]*{DIGIT})?"
SIGN = r"(?:US\$|[₹৳£€])"
ENGLISH_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)


@dataclass(frozen=True)
class Rule:
    """A pattern that must not occur, and how to say the fix for a match."""

    what: str
    pattern: re.Pattern
    fix: Callable[[re.Match], str]

    def hits(self, text: str) -> Iterator[tuple[int, str, str]]:
        """(offset, matched text, fix) for each match in text."""
        for match in self.pattern.finditer(text):
            yield match.start(), match[0], self.fix(match)


def rule(what: str, pattern: str, fix: str | Callable[[re.Match], str]) -> Rule:
    say = fix if callable(fix) else (lambda _match, text=fix: text)
    return Rule(what, re.compile(nfc(pattern)), say)


def replace_first(old: str, new: str) -> Callable[[re.Match], str]:
    return lambda match: nfc(match[0]).replace(nfc(old), nfc(new), 1)


def words(mapping: dict[str, str], what: str, letter: str) -> list[Rule]:
    """One rule per avoided word (at the start of a word), fix: the preferred one."""
    return [
        rule(what, rf"(?<!{letter}){re.escape(nfc(old))}{letter}*", replace_first(old, new))
        for old, new in mapping.items()
    ]


# ---------------------------------------------------------------------------------------------
# The rules, per language. CONTRIBUTING.md ("House style") explains each choice.

HI = LETTER["hi"]
BN = LETTER["bn"]

# Chandrabindu where the vowel itself is nasal (ढूँढें, पाँच, जाएँ, हाँ); the anusvara stays for
# a nasal consonant (अंग्रेजी, हिंदी, बांग्लादेश) and over a vowel sign above the line (में, हैं).
HINDI_CHANDRABINDU_STEMS = {
    stem: stem.replace("ं", "ँ", 1)
    for stem in [
        "आंकड", "आंख", "उंगल", "ऊंच", "कांप", "गंवा", "गांव", "छांट", "जांच", "ढांच", "ढूंढ",
        "दांत", "धुंध", "पहुंच", "पांच", "फंस", "बांट", "बांध", "मांग", "मुंह", "सांस", "हंस",
    ]
}  # fmt: skip
HINDI_WORDS = {"पृष्ठ": "पेज", "अदिनांकित": "बिना तारीख"}
HINDI_MONTHS = {"सितम्बर": "सितंबर", "अक्तूबर": "अक्टूबर", "नवम्बर": "नवंबर", "दिसम्बर": "दिसंबर"}
HINDI_MONEY_WORDS = {
    "रुपये": "₹", "रुपए": "₹", "रुपया": "₹", "रुपयों": "₹", "रु.": "₹", "डॉलर": "US$", "टका": "৳",
}  # fmt: skip

BENGALI_WORDS = {
    # Bangla Academy spellings, as written in Bangladesh
    "ইংরেজী": "ইংরেজি", "সরকারী": "সরকারি", "তৈরী": "তৈরি", "বিদেশী": "বিদেশি", "দেশী": "দেশি",
    "জানুয়ারী": "জানুয়ারি", "ফেব্রুয়ারী": "ফেব্রুয়ারি", "আগষ্ট": "আগস্ট", "পুরানো": "পুরোনো",
    "শ্রেণী": "শ্রেণি", "ফ্রী": "ফ্রি",
    # one word for one thing
    "হালনাগাদ": "আপডেট", "রোজকার": "প্রতিদিনের (দৈনন্দিন)", "কবের মধ্যে": "কোন তারিখের মধ্যে",
}  # fmt: skip
# The familiar imperative (তুমি) where the guide speaks to the reader as আপনি.
BENGALI_FAMILIAR = {
    "করো": "করুন", "যাও": "যান", "দেখো": "দেখুন", "লেখো": "লিখুন", "পড়ো": "পড়ুন",
    "রাখো": "রাখুন", "শোনো": "শুনুন", "বলো": "বলুন", "খোঁজো": "খুঁজুন", "দাও": "দিন",
    "জানাও": "জানান", "পাঠাও": "পাঠান",
}  # fmt: skip
BENGALI_MONEY_WORDS = {"টাকা": "৳", "রুপি": "₹", "ডলার": "US$"}


def money_word_rule(language: str, signs: dict[str, str]) -> Rule:
    letter = LETTER[language]
    scales = "लाख|करोड़|हजार" if language == "hi" else "হাজার|লাখ|কোটি"
    alternatives = "|".join(sorted(map(re.escape, signs), key=len, reverse=True))
    pattern = (
        rf"(?P<number>{NUMBER}(?:\s*[–-]\s*{NUMBER})?)\s*(?:(?P<scale>{scales})\s+)?"
        # Bengali adds case endings to the word itself (রুপির, টাকায়); Hindi writes them apart.
        rf"(?P<word>{alternatives})" + (f"{letter}*" if language == "bn" else f"(?!{letter})")
    )

    def fix(match: re.Match) -> str:
        scale = f" {match['scale']}" if match["scale"] else ""
        return f"{signs[match['word']]}{match['number']}{scale} (the sign before the amount)"

    return rule("an amount with the currency as a word", pattern, fix)


def date_rules(language: str) -> list[Rule]:
    months = "|".join(MONTHS[language].split())
    example = "1 मई 2025" if language == "hi" else "১ মে ২০২৫"
    return [
        rule(
            "a comma in a date",
            rf"(?:{DIGIT}{{1,2}}\s+)?(?:{months}),\s*{DIGIT}{{4}}",
            lambda match: re.sub(r",\s*", " ", match[0]),
        ),
        rule(
            "an English month",
            rf"(?:{DIGIT}{{1,2}}\s+)?\b(?:{ENGLISH_MONTHS})\b,?\s+{DIGIT}{{4}}",
            f"the month in {NAMES[language]}, like {example}",
        ),
        rule(
            "a date in figures",
            rf"(?<!{DIGIT})(?:{DIGIT}{{1,2}}[/.]{DIGIT}{{1,2}}[/.]{DIGIT}{{2,4}}"
            rf"|{DIGIT}{{4}}-{DIGIT}{{2}}-{DIGIT}{{2}})(?!{DIGIT})",
            f"the date in words, like {example}",
        ),
    ]


# Both languages: how money is written (₹7,000, ৳500 / ৳৫০০, US$100, the sign first).
MONEY_RULES = [
    rule("Rs for rupees", r"(?<![A-Za-z])Rs\b\.?", "₹ before the amount, like ₹7,000"),
    rule("INR", r"(?<![A-Za-z])INR\b", "₹ before the amount (the word for the currency alone)"),
    rule("Tk for taka", r"(?<![A-Za-z])Tk\b\.?", "৳ before the amount, like ৳500"),
    rule("BDT", r"(?<![A-Za-z])BDT\b", "৳ before the amount (the word for the currency alone)"),
    rule("USD", r"(?<![A-Za-z])USD\b", "US$ before the amount, like US$100"),
    rule(
        "a bare $",
        rf"(?<!US)\$(?:{NUMBER})?",
        lambda match: f"US{match[0]} (a reader in India or Bangladesh may take $ for any dollar)",
    ),
    rule(
        "the currency sign after the amount",
        rf"{NUMBER}\s?{SIGN}(?!\s?{DIGIT})",
        lambda match: re.sub(rf"^({NUMBER})\s?({SIGN})$", r"\2\1", match[0]),
    ),
    rule(
        "a space between the sign and the amount",
        rf"{SIGN}\s+{DIGIT}",
        lambda match: re.sub(r"\s+", "", match[0]),
    ),
    rule(
        "a range with one sign",
        rf"(?P<sign>{SIGN}){NUMBER}\+?\s?[–-]\s?(?P<high>{NUMBER})",
        lambda match: (
            match[0][: match.start("high") - match.start()] + match["sign"] + match["high"]
        ),
    ),
]
# English words joining a Hindi or Bengali sentence: only names stay in Latin letters.
ENGLISH_GLUE = rule(
    "English words in the sentence",
    r"(?<![\w.@/-])(?:via|a copy of|undated|since|from|the|of|and|with)(?![\w-])",
    "write it in the page's language; only names (brands, sites, titles) stay in Latin letters",
)
FISCAL_YEAR = {
    "hi": rule("FY", r"(?<![A-Za-z])FY\s?(?=\d)", "वित्त वर्ष (वित्त वर्ष 2024-25)"),
    "bn": rule("FY", r"(?<![A-Za-z])FY\s?(?=\d|[০-৯])", "অর্থবছর (২০২৪-২৫ অর্থবছর)"),
}


def glossary_rules(language: str) -> list[Rule]:
    rules = []
    for term in GLOSSARY:
        for form in term.get("avoid", {}).get(language, []):
            rules.append(
                rule(
                    f"a spelling data/glossary.yml avoids ({term['id']})",
                    re.escape(nfc(form)),
                    term[language],
                )
            )
    return rules


RULES: dict[str, list[Rule]] = {
    "hi": [
        *glossary_rules("hi"),
        rule(
            "a nukta",
            rf"{HI}*[कखगजफ]\u093c{HI}*",
            lambda match: re.sub("([कखगजफ])\u093c", r"\1", match[0]) + " (no nukta on क ख ग ज फ)",
        ),
        rule(
            "an anusvara for a nasal vowel",
            rf"{HI}*(?:ा|ू|ए|ऊ)ं(?!{HI})",
            lambda match: match[0][:-1] + "ँ",
        ),
        *words(HINDI_CHANDRABINDU_STEMS, "an anusvara for a nasal vowel", HI),
        rule(
            "the other wording for undated",
            r"तारीख\s+नहीं\s+दी(?:\s+गई)?|बिना\s+तिथि|तिथि\s+नहीं\s+दी",
            "बिना तारीख",
        ),
        rule("the other word", rf"(?<!{HI})स्रोत(?:ों)?(?!{HI})", "सोर्स (plural too)"),
        *words(HINDI_WORDS, "the other word", HI),
        rule("the other word", rf"(?<!{HI})लेख(?:ों)?(?!{HI})", "आर्टिकल"),
        *words(HINDI_MONTHS, "a month's other spelling", HI),
        money_word_rule("hi", HINDI_MONEY_WORDS),
        *MONEY_RULES,
        *date_rules("hi"),
        FISCAL_YEAR["hi"],
        ENGLISH_GLUE,
    ],
    "bn": [
        *glossary_rules("bn"),
        rule(
            "the other wording for undated",
            r"তারিখ\s+উল্লেখ\s+নেই|তারিখহীন|তারিখবিহীন|তারিখ\s+দেওয়া\s+নেই",
            "তারিখ নেই",
        ),
        *words(BENGALI_WORDS, "the other spelling", BN),
        rule(
            "কাস্টমার outside কাস্টমার সাপোর্ট",
            rf"(?<!{BN})কাস্টমার{BN}*(?!{BN})(?!\s+(?:সাপোর্ট|সার্ভিস|কেয়ার))",
            "গ্রাহক (a business's customers); কাস্টমার only in কাস্টমার সাপোর্ট",
        ),
        *[
            rule("the familiar imperative", rf"(?<!{BN}){old}(?!{BN})", new)
            for old, new in BENGALI_FAMILIAR.items()
        ],
        rule("VA in Latin letters", r"(?<![A-Za-z])VA(?![A-Za-z])", "ভিএ"),
        money_word_rule("bn", BENGALI_MONEY_WORDS),
        *MONEY_RULES,
        *date_rules("bn"),
        FISCAL_YEAR["bn"],
        ENGLISH_GLUE,
    ],
}


# ---------------------------------------------------------------------------------------------
# Where the text comes from: each yields (file, line, text) with the real line numbers.


def page_prose(text: str) -> str:
    """A page as a reader reads its words: front matter (but the description), code, quotes,
    markers, link targets and admonition syntax blanked out, every line where it was."""
    prose = reader_text(text, keep_description=True)
    prose = re.sub(r"\]\([^)\n]*\)", lambda m: "]" + blank(m)[1:], prose)
    prose = re.sub(r"<https?://[^>\s]*>", blank, prose)
    # English quoted in a sentence ("Is the job still open?"), as the house style allows
    prose = re.sub(r'"[^"\n\u0900-\u09ff]*"|“[^”\n\u0900-\u09ff]*”', blank, prose)
    return re.sub(r"^\s*(?:!!!|\?\?\?\+?) \w+", blank, prose, flags=re.M)


def pages(language: str) -> Iterator[tuple[str, int, str]]:
    for path in sorted((ROOT / language).rglob("*.md")):
        prose = page_prose(nfc(path.read_text(encoding="utf-8")))
        for number, line in enumerate(prose.split("\n"), 1):
            yield path.relative_to(ROOT).as_posix(), number, line


def localized_scalars(node, language: str, inside: str | None = None, skip=("avoid",)):
    """(line, text) of every scalar under a `language:` key of a composed YAML node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name in skip:
                continue
            yield from localized_scalars(value, language, inside or (name == language and name))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from localized_scalars(item, language, inside)
    elif isinstance(node, yaml.ScalarNode) and inside:
        yield node.start_mark.line + 1, node.value


def data_texts(language: str) -> Iterator[tuple[str, int, str]]:
    for path in DATA_FILES:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        for line, text in localized_scalars(node, language):
            yield path.relative_to(ROOT).as_posix(), line, nfc(text)


def mkdocs_texts(language: str) -> Iterator[tuple[str, int, str]]:
    """The strings of the language's entry under the i18n plugin in mkdocs.yml."""
    root = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def entries(node):
        if isinstance(node, yaml.MappingNode):
            values = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            locale = values.get("locale")
            if isinstance(locale, yaml.ScalarNode) and locale.value == language:
                yield node
            for _key, value in node.value:
                yield from entries(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from entries(item)

    def scalars(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value not in {"locale", "contributing_file"}:
                    yield from scalars(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from scalars(item)
        elif isinstance(node, yaml.ScalarNode):
            yield node.start_mark.line + 1, node.value

    for entry in entries(root):
        for line, text in scalars(entry):
            yield "mkdocs.yml", line, nfc(text)


def problems(
    texts: Iterator[tuple[str, int, str]], language: str, *, pages: bool = False
) -> list[str]:
    """Every rule's hits; on pages, not the English-words rule: a page may quote English."""
    found = []
    rules = [check for check in RULES[language] if not (pages and check is ENGLISH_GLUE)]
    for where, line, text in texts:
        for check in rules:
            for offset, matched, fix in check.hits(text):
                number = line + text.count("\n", 0, offset)
                found.append(f"{where}:{number}: {check.what}: {matched.strip()!r} -> {fix}")
    return found


def report(found: list[str], title: str) -> str:
    return f"{len(found)} {title}:\n" + "\n".join(found)


# Readers in India rarely know ৳ and in West Bengal টাকা means rupees: a page says once what ৳ is.
TAKA_EXPLAINED = {"hi": "बांग्लादेशी टका", "bn": "বাংলাদেশি টাকা"}


def unexplained_taka(language: str) -> list[str]:
    """A page whose first ৳ comes before it has said what the taka is."""
    found = []
    for path in sorted((ROOT / language).rglob("*.md")):
        lines = page_prose(nfc(path.read_text(encoding="utf-8"))).split("\n")
        first = next((n for n, line in enumerate(lines, 1) if "৳" in line), None)
        said = next(
            (n for n, line in enumerate(lines, 1) if TAKA_EXPLAINED[language] in line), None
        )
        if first and (said is None or said > first):
            found.append(
                f"{path.relative_to(ROOT).as_posix()}:{first}: the page's first ৳ is not explained"
                f" -> write ৳… ({TAKA_EXPLAINED[language]}) the first time"
            )
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_follow_the_house_style(language):
    found = problems(pages(language), language, pages=True) + unexplained_taka(language)
    assert not found, report(found, f"{NAMES[language]} page problems")


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_text_follows_the_house_style(language):
    found = problems(data_texts(language), language)
    found += problems(mkdocs_texts(language), language)
    assert not found, report(found, f"{NAMES[language]} data and mkdocs.yml problems")


# ---------------------------------------------------------------------------------------------
# The built site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The whole site, built once for this module by the real command line."""
    target = tmp_path_factory.mktemp("house-style") / "site"
    env = {k: v for k, v in os.environ.items() if k != "BUILD_ONLY_LOCALE"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class Parts(HTMLParser):
    """A built page split into what the checks need, each with its line in the HTML file. Text
    marked as another language (`lang="en"`: the glossary's other columns, an English page shown
    as a fallback) is left out: it is checked on its own language's pages."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool, str | None]] = []  # (tag, in a data block, lang)
        self.data: list[tuple[int, str]] = []  # text inside data blocks
        self.chrome: list[tuple[int, str]] = []  # text outside the article, links and scripts
        self.attributes: list[tuple[int, str]] = []  # tooltips, labels, placeholders
        self.translations: list[tuple[int, str, str]] = []  # Material's strings for its scripts
        self._config = False

    def inside(self, *tags: str) -> bool:
        return any(tag in tags for tag, _, _ in self.stack)

    def in_another_language(self) -> bool:
        langs = [lang for _, _, lang in self.stack if lang]
        return bool(langs) and langs[-1].split("-")[0] != self.language

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        for name in SHOWN_ATTRIBUTES & set(attributes):
            if attributes[name]:
                self.attributes.append((line, attributes[name]))
        self._config = tag == "script" and attributes.get("id") == "__config"
        if tag not in VOID:
            is_data = "guide-data" in (attributes.get("class") or "").split()
            self.stack.append((tag, is_data, attributes.get("lang")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not data.strip():
            return
        line = self.getpos()[0]
        if self._config and self.inside("script"):
            config = json.loads(data)
            self.translations += [(line, k, v) for k, v in config["translations"].items()]
        elif self.in_another_language():
            return
        elif any(is_data for _, is_data, _ in self.stack):
            if not self.inside("script"):  # a reader tool's JSON records: not shown
                self.data.append((line, data))
        elif not self.inside("article", "a", "script", "style", "code"):
            self.chrome.append((line, data))


def built_pages(site: Path, language: str) -> Iterator[tuple[str, Parts]]:
    for path in sorted((site / language).rglob("*.html")):
        parts = Parts(language)
        parts.feed(path.read_text(encoding="utf-8"))
        yield f"<site>/{path.relative_to(site).as_posix()}", parts


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_data_blocks_follow_the_house_style(site, language):
    texts = (
        (where, line, nfc(text))
        for where, parts in built_pages(site, language)
        for line, text in parts.data
    )
    found = problems(texts, language)
    hint = "(the words come from data/*.yml, numbers and dates from hooks/money.py)"
    assert not found, report(found, f"{NAMES[language]} data block problems {hint}")


@functools.cache
def material_strings() -> dict[str, str]:
    """Material's English strings (key -> text), the ones a Hindi or Bengali page must not show."""
    import material

    path = Path(material.__file__).parent / "templates/partials/languages/en.html"
    pairs = re.findall(r'^\s*"([\w.]+)": "([^"]+)"', path.read_text(encoding="utf-8"), re.M)
    skip = {"language", "direction"}
    return {
        key: text for key, text in pairs if key not in skip and not key.startswith("search.config")
    }


@functools.cache
def english_ui_strings() -> dict[str, str]:
    """The site's own English words (data/labels.yml) that a Hindi or Bengali page must not show."""
    labels = yaml.safe_load((ROOT / "data/labels.yml").read_text(encoding="utf-8"))["labels"]
    return {key: text["en"] for key, text in labels.items() if " " in text["en"]}


# Latin words the chrome may show: names (the repository's own among them).
CHROME_NAMES = {"va-guide", "English", "GitHub"}


def english_chrome(parts: Parts, language: str) -> Iterator[tuple[int, str, str]]:
    """(line, English text, fix) for theme strings shown in English on a page."""
    known = {
        **{text: f"translate '{key}' in overrides/partials/languages/{language}.html"
           for key, text in material_strings().items()},
        **{text: f"translate the label {key!r} for '{language}' in data/labels.yml"
           for key, text in english_ui_strings().items()},
        "Made with": "extra.generator: false in mkdocs.yml (the footer credit)",
        "Material for MkDocs": "extra.generator: false in mkdocs.yml (the footer credit)",
        "Permanent link": "the label 'permalink_title' in data/labels.yml (hooks/heading_ids.py)",
    }  # fmt: skip
    shown = [(line, text) for line, text in parts.chrome + parts.attributes]
    shown += [(line, text) for line, _key, text in parts.translations]
    for line, text in shown:
        for english, fix in known.items():
            if re.search(rf"(?<![\w]){re.escape(english)}(?![\w])", text):
                yield line, english, fix
                break
        else:
            latin = [w for w in re.findall(r"[A-Za-z][\w.-]*", text) if w not in CHROME_NAMES]
            if latin and not re.search(LETTER[language], text):
                yield line, text.strip(), "translate it (data/labels.yml or overrides/)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_theme_chrome_is_in_the_page_language(site, language):
    found = [
        f"{where}:{line}: English in the chrome: {text!r} -> {fix}"
        for where, parts in built_pages(site, language)
        for line, text, fix in english_chrome(parts, language)
    ]
    assert not found, report(found, f"English strings on {NAMES[language]} pages")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tools_scripts_get_their_words_in_the_page_language(site, language):
    """What the reader tools' scripts write (the calculator's steps and chart, the finder's
    count, the self-check's states) comes from the words in their records, <page>/<block>.json,
    which the page's HTML does not show: each is in the page's language too."""
    english = english_ui_strings()
    records = [p for p in sorted((site / language).rglob("*.json")) if p.stem == p.parent.name]
    tools = [(path, json.loads(path.read_text(encoding="utf-8"))) for path in records]
    assert len(tools) >= 3, "the calculator, the finder and the self-check"
    found = [
        f"<site>/{path.relative_to(site).as_posix()}: words.{key} is English: {text!r}"
        for path, data in tools
        for key, text in data["words"].items()
        if text in english.values() or not re.search(LETTER[language], text)
    ]
    assert not found, report(found, f"English words for the tools on {NAMES[language]} pages")


@pytest.mark.parametrize("language", LANGUAGES)
def test_theme_chrome_follows_the_house_style(site, language):
    """Material's translated strings obey the same spelling rules as the pages."""
    texts = (
        (where, line, nfc(text))
        for where, parts in built_pages(site, language)
        for line, text in [*parts.chrome, *parts.attributes]
        + [(line, text) for line, _key, text in parts.translations]
    )
    found = problems(texts, language)
    assert not found, report(found, f"{NAMES[language]} chrome problems")


def test_the_rules_catch_what_they_are_for():
    """Each rule family, on a sentence that breaks it and one that does not."""

    def hit(language: str, text: str) -> list[str]:
        return [fix for check in RULES[language] for _, _, fix in check.hits(nfc(text))]

    assert hit("hi", "यह फ़्रीलांसर के लिए ज़रूरी है") and not hit("hi", "यह फ्रीलांसर के लिए जरूरी है")
    assert "कहाँ" in hit("hi", "कहां से")[0] and not hit("hi", "कहाँ से, हिंदी में, बांग्लादेश")
    assert hit("hi", "काम ढूंढें") == ["ढूँढें"]
    assert hit("hi", "(support.upwork.com, तारीख नहीं दी)") == ["बिना तारीख"]
    assert hit("hi", "3 मई, 2025 से") == ["3 मई 2025"]
    assert hit("bn", "৩ মে, ২০২৫ থেকে") == ["৩ মে ২০২৫"]
    assert hit("hi", "Tk 1,500") and hit("hi", "1,500 टका")[0].startswith("৳1,500")
    assert not hit("hi", "5 मिनट रुकिए, 2 रुकावटें") and hit("bn", "৯০ রুপির")[0].startswith("₹৯০")
    assert hit("bn", "০.১৫ US$") == ["US$০.১৫"] and not hit("bn", "US$০.১৫ আর ৳৫০০")
    assert not hit("bn", "২৩ জানুয়ারি ২০২৬ ₹৯১.৮৮-এ")
    assert hit("hi", "$10 से") and not hit("hi", "US$10 से ₹1,000–₹2,100")
    assert hit("hi", "₹1,000–2,100") == ["₹1,000–₹2,100"]
    assert hit("bn", "$১০ থেকে")[0].startswith("US$১০ ")
    assert hit("bn", "(তারিখহীন)") == ["তারিখ নেই"] and not hit("bn", "(তারিখ নেই)")
    assert hit("bn", "কাস্টমারদের মেসেজ") and not hit("bn", "কাস্টমার সাপোর্ট")
    assert hit("bn", "উপরে ফিরে যাও") == ["যান"]
    assert hit("bn", "AFP via Taipei Times") and not hit("bn", "taipeitimes.com (AFP)")
