"""Untranslated pages: served in English at their hi/ or bn/ URL, listed in the build log.

The banner itself lives in overrides/main.html; this hook decides which pages need it and tells
the contributor which translations are missing without failing the strict build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from lib.pages import add_to_context, is_fallback
from lib.site_languages import current_language

log = get_plugin_logger(__name__)


def untranslated_pages(files: Files, language: str) -> list[str]:
    return sorted(f.src_uri for f in files.documentation_pages() if is_fallback(f, language))


@event_priority(-150)  # after i18n (-100) has picked each page's best language
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    language = current_language(config)
    missing = untranslated_pages(files, language)
    if missing:
        # info, not warning: a missing translation must never fail the strict build
        log.info(
            f"{len(missing)} page(s) not yet translated into '{language}', served in English: "
            + ", ".join(missing)
        )
    return files


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    fallback = is_fallback(page.file, current_language(config))
    return add_to_context(
        context, fallback_from=getattr(page.file, "locale", None) if fallback else None
    )
