"""The site's own words in the page's language for every template: `ui.<label>`.

Banners, the 404 page and other chrome our templates add read their words from data/labels.yml
(the same checked file as the data blocks' labels) through `ui` in the template context, in the
language being built. A page shown in English at a hi/ or bn/ address keeps the reader's
language for this chrome: only its article is English.

Two more for the home page's language links (overrides/partials/home-languages.html):
`ui_languages`, every built language's words (a suggestion to read in Hindi is written in
Hindi), and `suggest_languages`, the languages to suggest: the others, on the default
language's pages only (a reader who chose /hi/ is not asked again).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from lib.data import GuideData, load_data_once
from lib.pages import project_root
from lib.site_languages import build_languages, current_language, default_language
from lib.words import words_for


def site_data(config: MkDocsConfig) -> GuideData:
    """The checked data (read once per change)."""
    return load_data_once(project_root(config) / "data", build_languages(config))


def add_words(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    data = site_data(config)
    language = current_language(config)
    context["ui"] = words_for(data, language)
    context["ui_languages"] = {code: words_for(data, code) for code in data.languages}
    default = default_language(config)
    context["suggest_languages"] = (
        [code for code in data.languages if code != language] if language == default else []
    )
    return context


def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    return add_words(context, config)


def on_template_context(
    context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return add_words(context, config)
