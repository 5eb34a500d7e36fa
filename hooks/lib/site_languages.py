"""Which languages the site builds and which one is being built now.

The i18n plugin re-runs the whole build once per language, so every hook asks here instead of
reading the plugin's internals itself.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

I18N_PLUGIN = "i18n"


def split_languages(listed: Sequence[str], built: Collection[str]) -> tuple[str, list[str]]:
    """The rule every part of the project follows: the first language mkdocs.yml lists is the
    language of docs/; every other built language has its own top-level folder (hi/, bn/).

    Not the i18n default: BUILD_ONLY_LOCALE=hi makes Hindi the default of a Hindi-only build,
    but Hindi pages still live in hi/.
    """
    source = listed[0]
    return source, [lang for lang in listed if lang in built and lang != source]


def _i18n(config: MkDocsConfig) -> Any:
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
    return str(_i18n(config).default_language)


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now."""
    plugin = _i18n(config)
    return str(plugin.current_language or plugin.default_language)


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Locale -> the name mkdocs.yml gives it (हिन्दी, বাংলা)."""
    return {lang.locale: lang.name or lang.locale for lang in _i18n(config).config.languages}


def home_links(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language switcher's entries pointing at each language's home page (lang, link)."""
    return list(_i18n(config).extra_alternate)


def _listed(config: MkDocsConfig) -> list[str]:
    return [lang.locale for lang in _i18n(config).config.languages]


def source_language(config: MkDocsConfig) -> str:
    """The language of docs/ (see split_languages)."""
    return split_languages(_listed(config), build_languages(config))[0]


def translation_languages(config: MkDocsConfig) -> list[str]:
    """Built languages whose pages live in their own top-level folder (hi/, bn/)."""
    return split_languages(_listed(config), build_languages(config))[1]


def is_final_build(config: MkDocsConfig) -> bool:
    """True once i18n has built every language (call from on_post_build below priority -100).

    i18n builds the other languages from inside the default build's on_post_build and leaves
    `building` set while it does, so only the outermost call sees it cleared.
    """
    return not _i18n(config).building


# mkdocs.yml uses !ENV and !!python/… tags; reading it for the language list needs none of them.
class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(text: str) -> dict[str, Any]:
    """mkdocs.yml as plain data, its !ENV and !!python/… values read as None."""
    return yaml.load(text, Loader=_ConfigLoader) or {}


@dataclass(frozen=True)
class SiteLanguages:
    docs_dir: str
    source: str
    translations: list[str]


def site_languages(mkdocs_yml: str) -> SiteLanguages:
    """docs_dir, the source language and the translation languages named in mkdocs.yml, for
    tools that run without MkDocs (python -m tools.translations)."""
    config = read_mkdocs_yml(mkdocs_yml)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            break
    else:
        raise ValueError("mkdocs.yml: no i18n plugin with `languages:` under `plugins:`")
    if not languages:
        raise ValueError("mkdocs.yml: the i18n plugin lists no languages")
    built = [lang["locale"] for lang in languages if lang.get("build", True) is not False]
    source, translations = split_languages([lang["locale"] for lang in languages], built)
    return SiteLanguages(config.get("docs_dir") or "docs", source, translations)
