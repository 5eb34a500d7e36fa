"""Front matter that reaches HTML is text: a page's `title` and `description` are escaped
wherever the theme prints them (head, nav, header, search, cards), and HTML in them fails.

Material prints front matter as it is: a description holding `"` was cut short in its meta tag,
and a title holding `<script>` became a script on every page that lists it. Each value is
therefore stored as escaped Markup: templates that print it as it is and templates that escape it
both print the same text, quotes kept. Markup written into those fields is refused with the
file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from lib.pages import checked_source, display_path
from lib.problems import Collector, Problem

TEXT_FIELDS = ("title", "description")
# A tag, a comment or a character reference: what would be read as markup, not as words.
MARKUP = re.compile(r"<[!/?A-Za-z]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


class FrontMatterError(PluginError):
    """Front matter fields that would reach the page as markup."""


def field_line(source: str, key: str) -> int:
    """The line of `key:` in the page's front matter (1 if it cannot be found)."""
    found = re.search(rf"^{re.escape(key)}[ \t]*:", source, re.MULTILINE)
    return source.count("\n", 0, found.start()) + 1 if found else 1


def text_problems(meta: Mapping[str, Any], source: str, shown_as: str) -> list[Problem]:
    """What is wrong with the text fields of one page's front matter."""
    problems = []
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if value is None:
            continue
        line = field_line(source, key)
        if not isinstance(value, str):
            problems.append(
                Problem(shown_as, line, "", f"`{key}` must be one line of text: write `{key}: …`")
            )
        elif markup := MARKUP.search(value):
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "",
                    f"`{key}` holds HTML ({markup[0]}…): write plain words; the "
                    "site shows this field as text, never as markup",
                )
            )
    return problems


def as_text(meta: MutableMapping[str, Any]) -> None:
    """Store each text field escaped, so every template prints it as text."""
    for key in TEXT_FIELDS:
        if isinstance(meta.get(key), str):
            meta[key] = Markup(escape(meta[key]))


_problems = Collector(FrontMatterError, "front matter problem", "in pages")


@event_priority(100)  # before anything reads the title or the description
def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    problems = text_problems(page.meta, checked_source(page.file), display_path(page.file))
    _problems.problems.extend(problems)
    if not problems:
        as_text(page.meta)
    return None


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read: report each front matter problem of this language build at once."""
    _problems.raise_if_any()
    return env
