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


@event_priority(-110)  # after the i18n plugin's on_config (-100), which sets the language's extra
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # mkdocs.yml cannot name a hook module's function (hooks are not importable while the YAML
    # loads), so the toc extension gets it here, before any page is rendered.
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slugify
    # The tooltip of the link after each heading, in the language being built: the i18n plugin
    # puts each language's `extra.ui` in place in its on_config, run again for every language,
    # but may not override markdown_extensions itself (mkdocs.yml cannot set it per language).
    title = config.extra.get("ui", {}).get("permalink_title")
    if title:
        toc["permalink_title"] = title
    return config
