"""The site's own words in the page's language for every template: `ui.<label>`, and `digits`,
the language's own 0-9 ("" where it writes Latin digits).

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

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from lib.data import load_data_once
from lib.formats import NATIVE_DIGITS
from lib.pages import add_to_context, project_root
from lib.site_languages import build_languages, current_language, default_language
from lib.words import Words, words_for


@dataclass(frozen=True)
class SiteWords:
    ui: Words  # the language being built
    ui_languages: dict[str, Words]  # every built language
    suggest_languages: list[str]


_words: dict[str, SiteWords] = {}  # the language being built -> its words


def site_words(config: MkDocsConfig) -> SiteWords:
    """The labels of the language being built and of the others (the data is read once per
    change)."""
    data = load_data_once(project_root(config) / "data", build_languages(config))
    language = current_language(config)
    return SiteWords(
        ui=words_for(data, language),
        ui_languages={code: words_for(data, code) for code in data.languages},
        suggest_languages=[code for code in data.languages if code != language]
        if language == default_language(config)
        else [],
    )


def on_config(config: MkDocsConfig, /) -> None:
    """Once per language build, not once per page: the words of this language."""
    _words.clear()
    _words[current_language(config)] = site_words(config)


def _current(config: MkDocsConfig) -> SiteWords:
    return _words.get(current_language(config)) or site_words(config)


def _add(context: TemplateContext, config: MkDocsConfig) -> TemplateContext:
    words = _current(config)
    return add_to_context(
        context,
        ui=words.ui,
        ui_languages=words.ui_languages,
        suggest_languages=words.suggest_languages,
        # the language's own digits, for numbers the theme writes in the browser (search counts)
        digits=NATIVE_DIGITS.get(current_language(config), ""),
    )


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    return _add(context, config)


def on_template_context(
    context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
) -> TemplateContext:
    return _add(context, config)
