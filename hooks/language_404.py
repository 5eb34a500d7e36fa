"""One 404 page per language: site/404.html, site/hi/404.html, site/bn/404.html.

Every language build writes its 404 to the same site/404.html, so the last one built would win.
Each build copies its own to the language folder, and the default language's is put back at the
very end.

GitHub Pages serves only site/404.html, whatever the missing address, so a Hindi reader who
mistypes /hi/… sees the English 404. That page therefore also says "not found" in every other
language, with a link to that language's home page.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils.templates import TemplateContext

from lib.data import load_data_once
from lib.pages import add_to_context, project_root
from lib.site_languages import (
    build_languages,
    current_language,
    default_language,
    home_links,
    is_final_build,
)
from lib.words import words_for

PAGE = "404.html"
_default_404: dict[str, bytes] = {}


def on_template_context(
    context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
) -> TemplateContext:
    """Point the 404's language switcher at each language's home page.

    i18n rewrites the switcher links for every page it renders and leaves the last page's links
    in the config, so the next language's 404 would otherwise offer that page. It sets them as
    an attribute (which templates read before the mapping key), so this does the same.
    """
    if template_name == PAGE:
        config.extra.alternate = deepcopy(home_links(config))  # type: ignore[attr-defined]
        if current_language(config) == default_language(config):
            add_to_context(context, other_languages=other_languages(config))
    return context


def other_languages(config: MkDocsConfig) -> list[dict[str, str]]:
    """The built languages other than the default: locale, home link and their 404 words."""
    links = {entry["lang"]: entry["link"] for entry in home_links(config)}
    data = load_data_once(project_root(config) / "data", build_languages(config))
    return [
        {"locale": language, "home": links[language], **words_for(data, language)}
        for language in build_languages(config)
        if language != default_language(config)
    ]


@event_priority(0)  # before i18n (-100) starts the next language's build
def copy_language_404(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    built = site / PAGE
    if not built.exists():
        return
    language = current_language(config)
    if language == default_language(config):
        _default_404[config.site_dir] = built.read_bytes()
    else:
        target = site / language / PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(built.read_bytes())


@event_priority(-200)  # after i18n has built every language
def restore_default_404(*, config: MkDocsConfig) -> None:
    if is_final_build(config) and config.site_dir in _default_404:
        (Path(config.site_dir) / PAGE).write_bytes(_default_404.pop(config.site_dir))


# CombinedEvent is typed for plugin methods (self first); MkDocs calls these with keywords only.
on_post_build = CombinedEvent(copy_language_404, restore_default_404)  # type: ignore[arg-type]
