"""The site's own words in the page's language for every template: `ui.<label>`, and `digits`,
the language's own 0-9 ("" where it writes Latin digits).

Banners, the 404 page and other chrome our templates add read their words from data/labels.yml
(the same checked file as the data blocks' labels) through `ui` in the template context, in the
language being built. A page shown in English at a hi/ or bn/ address keeps the reader's
language for this chrome: only its article is English.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from lib.data import load_data_once
from lib.formats import NATIVE_DIGITS
from lib.pages import project_root
from lib.site_languages import build_languages, current_language
from lib.words import Words, words_for


def site_words(config: MkDocsConfig) -> Words:
    """The labels of the language being built (the data is read once per change)."""
    data = load_data_once(project_root(config) / "data", build_languages(config))
    return words_for(data, current_language(config))


def _add_words(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    context["ui"] = site_words(config)
    # the language's own digits, for numbers the theme writes in the browser (search counts)
    context["digits"] = NATIVE_DIGITS.get(current_language(config), "")
    return context


def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    return _add_words(context, config)


def on_template_context(
    context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return _add_words(context, config)
