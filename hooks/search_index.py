"""One search index per language, searched by a small worker that knows Indic scripts.

Material's search keeps its header box and result list; only the worker behind them changes.
Material reads the worker URL from each page's `__config` block and talks to it in four
messages (SETUP, READY, QUERY, RESULT), so every page here points at
assets/javascripts/workers/guide-search.js with its own language's index entry in the URL
fragment: a reader on /hi/ downloads site/hi/search/index.hi.json once they type a query, then
only the shards of the index and the passages that query needs (lib/search_build.py), all from
site/hi/search/. No lunr language pack and no Thai word segmenter are loaded.

The titles of the navigation sections above a page ("पैसा और कागज़ात") are indexed with it: a
reader who types a word from the navigation finds the pages under it.

Material's main thread still fetches site/search/search_index.json on every page (for the
separator it uses to highlight the page opened from a result), so after i18n has merged every
language into that file it is replaced by a stub of a few hundred bytes.

Pages served in English at a hi/ or bn/ URL (untranslated) are left out of that language's
index: their English text is in the English index.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from lib.data import load_data_once
from lib.pages import is_fallback, project_root
from lib.search_build import build_search, gzipped_size, pages_from_sections
from lib.search_text import SEPARATOR, synonym_table
from lib.site_languages import build_languages, current_language, default_language, is_final_build

log = get_plugin_logger(__name__)

WORKER = "assets/javascripts/workers/guide-search.js"
# The search itself, which the worker loads on the first query (a page only read never does).
WORKER_CORE = "assets/javascripts/workers/guide-search-core.js"
CONFIG_SCRIPT = re.compile(r'(<script id="__config"[^>]*>)(.*?)(</script>)', re.S)
WORKER_URL = re.compile(r'("search":\s*")([^"]*)(")')

# language -> page address -> titles of the navigation sections above the page, outermost first
_nav: dict[str, dict[str, list[str]]] = {}
# files of our index (not Material's search_index.json, which write_stub_index replaces)
OUR_FILES = re.compile(r"(index\.[a-z]{2,3}|manifest|[wkp]-[0-9a-z-]+)\.json")


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def index_path(language: str, default: str) -> str:
    """Where a language's index lives, relative to the site root."""
    prefix = "" if language == default else f"{language}/"
    return f"{prefix}search/index.{language}.json"


def worker_url(stock_url: str, index: str, version: str) -> str:
    """The page's worker URL: Material's, with our worker and the index in the fragment.

    The fragment is relative to the worker, which sits three folders below the site root, so
    the URL works on a fork's project page as well as at a domain's root.
    """
    folder = stock_url.rsplit("/", 1)[0] + "/" if "/" in stock_url else ""
    return f"{folder}{Path(WORKER).name}?v={version}#../../../{index}"


def point_to_worker(html: str, url: str) -> str:
    """Set the worker URL in the page's __config block (the only place Material reads it)."""

    def replace(match: re.Match[str]) -> str:
        body = WORKER_URL.sub(lambda m: m[1] + url + m[3], match[2], count=1)
        return match[1] + body + match[3]

    return CONFIG_SCRIPT.sub(replace, html, count=1)


def stub_index(plugin_config: dict[str, Any]) -> str:
    """Material's main-thread index: configuration only, no documents."""
    fields = plugin_config.get("fields") or {}
    config = {"lang": ["en"], "separator": SEPARATOR, "pipeline": [], "fields": fields}
    return json.dumps({"config": config, "docs": []}, separators=(",", ":"))


def _worker_version(config: MkDocsConfig) -> str:
    """A digest of the worker and of the search it loads (WORKER_CORE, under the same ?v=) for
    its URL, so browsers never run an old one with a new index."""
    digests = []
    for name in (WORKER, WORKER_CORE):
        source = next(
            (Path(f) / name for f in config.theme.dirs if (Path(f) / name).is_file()), None
        )
        if source is None:
            raise PluginError(f"{name} is missing from the theme folders (overrides/{name}).")
        digests.append(_digest(source, source.stat().st_mtime_ns))
    return hashlib.sha256("".join(digests).encode()).hexdigest()[:8]


@lru_cache(maxsize=4)
def _digest(path: Path, mtime: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def on_pre_build(*, config: MkDocsConfig) -> None:
    _nav[current_language(config)] = {}


# after i18n (50) picks each page's language
@event_priority(10)
def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Note the page's place in the navigation; its text is parsed once, by Material's own
    search plugin, whose sections write_language_index takes (a second parse cost 5%)."""
    plugin = _search_plugin(config)
    language = current_language(config)
    if plugin and plugin.config.enabled and not is_fallback(page.file, language):
        titles = [section.title for section in reversed(list(page.ancestors)) if section.title]
        _nav.setdefault(language, {})[page.url] = titles
    return context


def own_sections(entries: list[dict[str, Any]], pages: Mapping[str, object]) -> list[Any]:
    """Material's sections of the pages written in this language (those in `pages`): a page
    shown in English at a hi/ or bn/ address is searched in English."""
    return [entry for entry in entries if entry["location"].split("#", 1)[0] in pages]


def _use_language_worker(html: str, config: MkDocsConfig) -> str:
    config_block = CONFIG_SCRIPT.search(html)
    stock = WORKER_URL.search(config_block[2]) if config_block else None
    if stock is None:
        return html
    index = index_path(current_language(config), default_language(config))
    return point_to_worker(html, worker_url(stock[2], index, _worker_version(config)))


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return _use_language_worker(output, config)


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page has a search box too (hooks/language_404.py gives each language its own)."""
    return _use_language_worker(output, config) if template_name == "404.html" else output


@event_priority(0)  # before i18n (-100) starts the next language's build
def write_language_index(*, config: MkDocsConfig) -> None:
    plugin = _search_plugin(config)
    if not plugin or not plugin.config.enabled:
        return
    language = current_language(config)
    nav = _nav.pop(language, {})
    # Material's search plugin has written its own index by now (plugins run before hooks)
    pages = pages_from_sections(own_sections(plugin.search_index.entries, nav), nav)
    # data_blocks has checked the data before any page was built; this reuses that copy
    glossary = load_data_once(project_root(config) / "data", build_languages(config)).glossary
    folder_prefix = "" if language == default_language(config) else f"{language}/"
    files = build_search(pages, language, synonym_table(glossary.terms, language), folder_prefix)
    folder = (Path(config.site_dir) / index_path(language, default_language(config))).parent
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():  # a file of an earlier build (mkdocs serve keeps the folder)
        if OUR_FILES.fullmatch(old.name) and old.name not in files:
            old.unlink()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    entry = files[Path(index_path(language, default_language(config))).name]
    log.info(
        f"search index for '{language}': {len(pages)} pages in {len(files)} files, "
        f"{sum(len(d) for d in files.values()) // 1024} KiB; entry {gzipped_size(entry)} B gzipped"
    )


@event_priority(-200)  # after i18n has written its merged index of every language
def write_stub_index(*, config: MkDocsConfig) -> None:
    plugin = _search_plugin(config)
    if plugin and plugin.config.enabled and is_final_build(config):
        target = Path(config.site_dir) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(stub_index(dict(plugin.config)), encoding="utf-8")


# CombinedEvent is typed for plugin methods (self first); MkDocs calls these with keywords only.
on_post_build = CombinedEvent(write_language_index, write_stub_index)  # type: ignore[arg-type]
