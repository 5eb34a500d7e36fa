"""Which languages the site builds and which one is being built now.

The i18n plugin re-runs the whole build once per language, so every hook asks here instead of
reading the plugin's internals itself.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

I18N_PLUGIN = "i18n"


def _i18n(config: MkDocsConfig):
    return config.plugins[I18N_PLUGIN]


def build_languages(config: MkDocsConfig) -> list[str]:
    """Locales built by this site, default language first (e.g. ["en", "hi", "bn"])."""
    return list(_i18n(config).build_languages)


def configured_languages(config: MkDocsConfig) -> list[str]:
    """Every language mkdocs.yml lists, built in this run or not."""
    return list(_i18n(config).all_languages)


def is_partial_build(config: MkDocsConfig) -> bool:
    """True when BUILD_ONLY_LOCALE limits the build to one language (a translator's preview)."""
    return bool(_i18n(config).config.build_only_locale)


def default_language(config: MkDocsConfig) -> str:
    return _i18n(config).default_language


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now."""
    plugin = _i18n(config)
    return plugin.current_language or plugin.default_language


def source_language(config: MkDocsConfig) -> str:
    """The language of docs/: the first one listed in mkdocs.yml.

    Not the i18n default: BUILD_ONLY_LOCALE=hi makes Hindi the default of a Hindi-only build,
    but Hindi pages still live in hi/.
    """
    return _i18n(config).config.languages[0].locale


def translation_languages(config: MkDocsConfig) -> list[str]:
    """Built languages whose pages live in their own top-level folder (hi/, bn/)."""
    source = source_language(config)
    return [lang for lang in build_languages(config) if lang != source]


def is_final_build(config: MkDocsConfig) -> bool:
    """True once i18n has built every language (call from on_post_build below priority -100).

    i18n builds the other languages from inside the default build's on_post_build and leaves
    `building` set while it does, so only the outermost call sees it cleared.
    """
    return not _i18n(config).building
