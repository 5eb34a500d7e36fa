"""Offline reading and "Add to Home screen" (issue 17): the build's half of the service worker.

Per language build (before content_security.py puts the policy in every HTML file):
- `<folder>manifest.webmanifest`: the language's web app manifest (name, short name, start URL
  and words in that language; icons from docs/assets/images/, drawn by tools/app_icons.py);
- `<folder>offline.html`: the small page the worker shows for a page that is not cached while
  the phone is offline, in that language (overrides/offline.html).

Once every language is built (is_final_build, below i18n's -100 and every hook that writes
files at -200):
- every HTML file loads its assets by versioned URLs (`guide.css?v=<hash>`, lib/offline.py),
  and links its language's web app manifest;
- `offline.json`: every file a reader needs, per language, with content hashes and sizes;
- `sw.js` at the site root (from overrides/sw.js) with this deploy's version written in, so a
  new deploy makes browsers install a new worker, which updates what a reader kept.

The page side is overrides/assets/javascripts/guide-offline.js (registers the worker, drives
the "Save this guide for offline reading" control in overrides/partials/offline-save.html).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from lib.data import load_data_once
from lib.formats import localize_digits
from lib.offline import (
    MANIFEST,
    WORKER,
    add_to_head,
    build_manifest,
    download_size,
    file_hash,
    manifest_json,
    resolve,
    version_references,
    web_app_manifest,
    worker_source,
)
from lib.pages import add_to_context, project_root
from lib.site_languages import build_languages, current_language, default_language, is_final_build
from lib.words import Words, words_for

log = get_plugin_logger(__name__)

APP_MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.html"
ICONS = [("assets/images/icon-192.png", 192), ("assets/images/icon-512.png", 512)]
# Material's teal (theme.palette.primary in mkdocs.yml): the colour of the phone's status bar.
THEME_COLOR = "#009688"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*)"')
BODY = re.compile(r"<body\b([^>]*)>")
BODY_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def base_path(config: MkDocsConfig) -> str:
    """The site's path on its host, from site_url: "/va-guide/" on a project page, else "/"."""
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def language_folders(config: MkDocsConfig) -> dict[str, str]:
    """Each built language's folder in the site: "" (the root) for the default, "hi/"…"""
    default = default_language(config)
    return {lang: "" if lang == default else f"{lang}/" for lang in build_languages(config)}


def _words(config: MkDocsConfig, language: str) -> Words:
    data = load_data_once(project_root(config) / "data", build_languages(config))
    return words_for(data, language)


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """The save control's language and digits (overrides/partials/offline-save.html)."""
    language = current_language(config)
    digits = localize_digits("0123456789", language)
    return add_to_context(context, offline={"lang": language, "digits": digits})


def _asset_version(site: Path, path: str) -> str:
    target = site / path
    if not target.is_file():
        raise PluginError(f"{path} is missing from the site: the web app manifest needs it.")
    return file_hash(target.read_bytes())[:8]


def write_app_manifest(config: MkDocsConfig, language: str, folder: str) -> None:
    site = Path(config.site_dir)
    to_root = "../" * folder.count("/") or "./"
    icons = [(f"{to_root}{path}?v={_asset_version(site, path)}", size) for path, size in ICONS]
    manifest = web_app_manifest(
        name=config.site_name,
        short_name=_words(config, language)["app_short_name"],
        description=config.site_description or "",
        language=language,
        to_root=to_root,
        icons=icons,
        theme_color=THEME_COLOR,
    )
    target = site / folder / APP_MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def write_offline_page(config: MkDocsConfig, language: str, folder: str) -> None:
    """The language's offline page, styled like its home page (whose stylesheets it links)."""
    site, base = Path(config.site_dir), base_path(config)
    home = site / folder / "index.html"
    html = home.read_text(encoding="utf-8") if home.is_file() else ""
    home_path = f"{folder}index.html"
    stylesheets = []
    for href in STYLESHEET.findall(html):
        path = resolve(unescape(href), home_path, base)
        if path is not None:
            stylesheets.append(base + path)
    body = BODY.search(html)
    attributes = [
        (name, unescape(value))
        for name, value in BODY_ATTRIBUTE.findall(body[1] if body else "")
        if name != "class"
    ]
    template = config.theme.get_env().get_template(OFFLINE_PAGE)
    page = template.render(
        lang=language,
        ui=_words(config, language),
        site_name=config.site_name,
        stylesheets=stylesheets,
        body_attributes=attributes,
        home=base + folder,
    )
    (site / folder / OFFLINE_PAGE).write_text(page, encoding="utf-8")


@event_priority(10)  # before content_security.py (0) puts the policy in every HTML file
def write_language_files(*, config: MkDocsConfig) -> None:
    language = current_language(config)
    folder = language_folders(config)[language]
    write_app_manifest(config, language, folder)
    write_offline_page(config, language, folder)


def _manifest_link(path: str, folder: str, base: str) -> str:
    """A page (…/index.html) links its language's manifest relatively, like its other links;
    other HTML files (404.html, offline.html) are served at any address: absolutely."""
    if path == "index.html" or path.endswith("/index.html"):
        depth = path.count("/") - folder.count("/")
        href = "../" * depth + APP_MANIFEST
    else:
        href = base + folder + APP_MANIFEST
    return f'<link rel="manifest" href="{href}"><meta name="theme-color" content="{THEME_COLOR}">'


def prepare_html(site: Path, folders: dict[str, str], base: str) -> None:
    """Versioned asset URLs in every HTML file, and each language's manifest in its pages."""
    versions: dict[str, str | None] = {}

    def version_of(path: str) -> str | None:
        if path not in versions:
            target = site / path
            keep = target.is_file() and not path.endswith((".html", APP_MANIFEST))
            versions[path] = file_hash(target.read_bytes())[:8] if keep else None
        return versions[path]

    by_length = sorted(folders.items(), key=lambda item: -len(item[1]))
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        html = file.read_text(encoding="utf-8")
        new = version_references(html, path, base, version_of)
        folder = next((f for _, f in by_length if path.startswith(f)), None)
        if folder is not None and not path.startswith("assets/"):
            new = add_to_head(new, _manifest_link(path, folder, base))
        if new != html:
            file.write_text(new, encoding="utf-8")


def _worker_template(config: MkDocsConfig) -> str:
    for folder in config.theme.dirs:
        source = Path(folder) / WORKER
        if source.is_file():
            return source.read_text(encoding="utf-8")
    raise PluginError(f"{WORKER} is missing from the theme folders (overrides/{WORKER}).")


@event_priority(-250)  # after i18n (-100) and the hooks that write files when all is built (-200)
def write_offline_manifest(*, config: MkDocsConfig) -> None:
    if not is_final_build(config):
        return
    site, base, folders = Path(config.site_dir), base_path(config), language_folders(config)
    prepare_html(site, folders, base)
    manifest = build_manifest(site, folders, base)
    (site / MANIFEST).write_text(manifest_json(manifest), encoding="utf-8")
    offline = {folder: folder + OFFLINE_PAGE for folder in folders.values()}
    build = {"version": manifest["version"], "offline": offline}
    (site / WORKER).write_text(worker_source(_worker_template(config), build), encoding="utf-8")
    sizes = ", ".join(
        f"{lang} {download_size(manifest, lang) / 1024:.0f} KiB" for lang in manifest["languages"]
    )
    log.info(f"offline copy of each language (gzipped): {sizes}")


# CombinedEvent is typed for plugin methods (self first); MkDocs calls these with keywords only.
on_post_build = CombinedEvent(write_language_files, write_offline_manifest)  # type: ignore[arg-type]
