"""Heading ids (the #anchors of section links) that keep Hindi and Bengali words readable.

Python-Markdown's and pymdownx's slugify keep only what Python's `\\w` matches, and `\\w` does
not match combining marks: every vowel sign, virama and nukta of Devanagari and Bengali is
dropped, so "रेट कार्ड कैसे पढ़ें" became "#रट-करड-कस-पढ" and "রেটের কার্ড" became "#রটর-করড".
This slugify keeps letters, marks and digits of any script. Joiners (ZWJ, ZWNJ) are invisible
format characters and are dropped, so both spellings of a heading give the same id.
"""

from __future__ import annotations

import re
import unicodedata

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from lib.data import DataError, load_data_once
from lib.pages import project_root
from lib.site_languages import build_languages, current_language
from lib.words import words_for

TAGS = re.compile(r"</?[^>]*>")
SEPARATORS = re.compile(r"[\s_]+")
KEPT = ("L", "M", "N")  # Unicode letter, mark and number categories


def slugify(text: str, separator: str) -> str:
    """A heading's id: lower case, words of any script kept whole, separated by `separator`."""
    text = unicodedata.normalize("NFC", TAGS.sub("", text)).strip().lower()
    kept = "".join(
        char if unicodedata.category(char)[0] in KEPT else " " if is_break(char) else ""
        for char in text
    )
    return SEPARATORS.sub(separator, kept.strip())


def is_break(char: str) -> bool:
    """White space, underscores and dashes of any kind (-, –, —) separate words in an id."""
    return char.isspace() or char == "_" or unicodedata.category(char) == "Pd"


def permalink_title(config: MkDocsConfig) -> str | None:
    """The tooltip of the ¶ link after each heading in the language being built (labels.yml)."""
    try:
        data = load_data_once(project_root(config) / "data", build_languages(config))
    except DataError:
        return None  # data_blocks reports what is wrong with the data
    return words_for(data, current_language(config))["permalink_title"]


@event_priority(-110)  # after the i18n plugin's on_config (-100), which switches the language
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    # mkdocs.yml cannot name a hook module's function (hooks are not importable while the YAML
    # loads), so the toc extension gets it here, before any page is rendered. The i18n plugin
    # runs on_config again for every language but may not override markdown_extensions, so the
    # heading links' tooltip ("Permanent link" otherwise) is set here too, in each language.
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slugify
    title = permalink_title(config)
    if title:
        toc["permalink_title"] = title
    return config
