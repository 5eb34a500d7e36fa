"""Offline reading, worked out on the finished site folder: which files each language needs,
their content hashes, and versioned asset URLs (hooks/offline_reading.py writes the results).

The offline manifest (site/offline.json) is what the service worker (overrides/sw.js) trusts:

    {"version": "…",                       digest of every entry: a new deploy, a new version
     "files": {"hi/rates/": [sha, bytes, gzipped bytes], "assets/…/guide.css?v=…": […], …},
     "shared": [keys every language needs: stylesheets, scripts, icons, Material's search stub],
     "languages": {"en": [keys], "hi": [keys], "bn": [keys]}}

Keys are URLs relative to the site root, as a browser asks for them: a page by its folder
("hi/rates/", "" for the home page), an asset with the `?v=` its pages load it with. A
language's list holds every file under its folder (the site root for the first language, minus
the other languages' folders and assets/), whatever its name, so the search index, however many
files it is split into, is always saved with the pages. Three kinds of file are left out, as no
reader needs them to read: sitemaps, source maps, and images no page loads (link previews).
Shared files are the ones the pages load from outside any language folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

MANIFEST = "offline.json"
WORKER = "sw.js"
ASSETS = "assets"
# Material fetches its (stub) search index from every page's script, not from a tag.
RUNTIME_FETCHES = ["search/search_index.json"]
# Material names its own bundles by content (main.57a0d79d.min.css): already versioned.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.\w+$")
NOT_FOR_READING = re.compile(r"(^|/)(sitemap\.xml(\.gz)?|[^/]*\.map|\.[^/]*|CNAME)$")
IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".ico", ".avif")

TAG = re.compile(r"<(link|script|img|source)\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"', re.I)
REL = re.compile(r'\brel="([^"]*)"', re.I)
# <link rel> values that load a file the page needs (not alternate, canonical, next…)
LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest"}
# The search worker loads the search itself (guide-search-core.js) beside it, with its version.
WORKER_NAME, WORKER_CORE_NAME = "guide-search.js", "guide-search-core.js"
CONFIG_WORKER = re.compile(r'<script id="__config"[^>]*>.*?"search":\s*"([^"#]*)', re.S)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def gzipped_size(data: bytes) -> int:
    """What a web server sends (gzip level 6, as benchmarks/page_weight.py counts)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_url(path: str) -> str:
    """The URL a site file is asked for by: a folder for index.html, quoted."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return quote(path, safe="/")


def is_versioned(url: str) -> bool:
    """An asset URL whose content never changes: ?v=<hash> or a hashed file name."""
    parts = urlsplit(url)
    return parts.query.startswith("v=") or bool(HASHED_NAME.search(parts.path))


@dataclass(frozen=True)
class Reference:
    """A file a page loads: where the URL sits in the HTML, and the site path it points at."""

    start: int
    end: int
    url: str
    path: str | None  # site-relative path, or None for another origin or a page


def resolve(url: str, html_path: str, base_path: str) -> str | None:
    """The site-relative path `url` points at from the file `html_path`, or None if it leaves
    the site (another origin, data:, outside the base path)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None
        resolved = path[len(base_path) :]
    else:
        folder = posixpath.dirname(html_path)
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if resolved == "." or resolved.startswith("../"):
            return "" if resolved == "." else None
    return resolved.lstrip("/")


def references(html: str, html_path: str, base_path: str) -> list[Reference]:
    """The files a page loads by tag: scripts, stylesheets, icons, the manifest, images."""
    found = []
    for tag in TAG.finditer(html):
        if tag[1].lower() == "link":
            rel = REL.search(tag[0])
            if not rel or not LOADED_RELS & set(rel[1].lower().split()):
                continue
        for attribute in ATTRIBUTE.finditer(tag[0]):
            start = tag.start() + attribute.start(2)
            url = attribute[2]
            target = resolve(url, html_path, base_path)
            found.append(Reference(start, start + len(url), url, target))
    return found


def version_references(
    html: str, html_path: str, base_path: str, version_of: Callable[[str], str | None]
) -> str:
    """Add ?v=<content hash> to every asset URL a page loads whose file name carries no hash,
    so that a URL always means one version of a file: a cached copy is then either right or
    not asked for, and a page never runs a script or style of another deploy.

    `version_of(site path)` returns the hash of an asset, or None to leave its URL as it is
    (pages, missing files, the web app manifest, whose URL must stay put)."""
    out, last = [], 0
    for ref in references(html, html_path, base_path):
        parts = urlsplit(ref.url)
        if ref.path is None or parts.query or parts.fragment or HASHED_NAME.search(parts.path):
            continue
        version = version_of(ref.path)
        if version:
            out.append(html[last : ref.end] + f"?v={version}")
            last = ref.end
    return "".join(out) + html[last:]


def add_to_head(html: str, tags: str) -> str:
    """`tags` right before </head> (once: a page that has them already is left alone)."""
    head_end = html.find("</head>")
    if head_end < 0 or tags in html[:head_end]:
        return html
    return html[:head_end] + tags + html[head_end:]


@dataclass(frozen=True)
class Entry:
    key: str
    hash: str
    size: int
    gzipped: int


def language_of(path: str, folders: Mapping[str, str]) -> str | None:
    """The language whose folder holds `path` (longest folder first; "" is the site root)."""
    for language, folder in sorted(folders.items(), key=lambda item: -len(item[1])):
        if path.startswith(folder):
            if folder == "" and path.split("/", 1)[0] == ASSETS:
                return None
            return language
    return None


def _url(path: str, query: str = "") -> str:
    return quote(path, safe="/") + (f"?{query}" if query else "")


def loaded_files(site: Path, files: Iterable[str], base_path: str) -> dict[str, str]:
    """Site path -> the URL it is loaded by, for every file a page or a web app manifest loads:
    tags, the search worker in __config, manifest icons."""
    existing = set(files)
    loaded: dict[str, str] = {}

    def add(path: str | None, url: str) -> None:
        if path in existing and not path.endswith(".html"):
            loaded.setdefault(path, _url(path, urlsplit(url).query))

    for path in sorted(existing):
        if path.endswith(".html"):
            html = (site / path).read_text(encoding="utf-8", errors="replace")
            for ref in references(html, path, base_path):
                add(ref.path, ref.url)
            worker = CONFIG_WORKER.search(html)
            if worker:
                add(resolve(worker[1], path, base_path), worker[1])
                # the search the worker loads on the first query, under the worker's version
                core = WORKER_CORE_NAME.join(worker[1].rsplit(WORKER_NAME, 1))
                add(resolve(core, path, base_path), core)
        elif path.endswith(".webmanifest"):
            for icon in json.loads((site / path).read_text(encoding="utf-8")).get("icons", []):
                add(resolve(icon["src"], path, base_path), icon["src"])
    return loaded


Manifest = dict[str, Any]  # the JSON of offline.json (see the module docstring)


def build_manifest(site: Path, folders: Mapping[str, str], base_path: str) -> Manifest:
    """The offline manifest of a finished site (see the module docstring); `folders` maps each
    language to its folder ("" for the site root, "hi/"…)."""
    files = [
        path
        for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        if not NOT_FOR_READING.search(path) and path not in (MANIFEST, WORKER)
    ]
    loaded = loaded_files(site, files, base_path)
    forced = {path for path in RUNTIME_FETCHES if path in files}
    for path in forced:
        loaded.setdefault(path, _url(path))

    entries: dict[str, Entry] = {}
    shared: list[str] = []
    languages: dict[str, list[str]] = {language: [] for language in folders}
    for path in files:
        language = None if path in forced else language_of(path, folders)
        if language is None and path not in loaded:
            continue  # assets no page loads (Material's unused language packs, …)
        if language is not None and path.lower().endswith(IMAGES) and path not in loaded:
            continue  # link preview images: for other sites, not for reading
        data = (site / path).read_bytes()
        key = loaded.get(path) or page_url(path)
        entries[key] = Entry(key, file_hash(data), len(data), gzipped_size(data))
        (shared if language is None else languages[language]).append(key)

    digest = hashlib.sha256()
    for key in sorted(entries):
        digest.update(f"{key}\0{entries[key].hash}\n".encode())
    return {
        "version": digest.hexdigest()[:12],
        "files": {key: [e.hash, e.size, e.gzipped] for key, e in sorted(entries.items())},
        "shared": sorted(shared),
        "languages": {language: sorted(keys) for language, keys in languages.items()},
    }


def download_size(manifest: Manifest, language: str) -> int:
    """Gzipped bytes of a language's offline copy: its files and the shared ones."""
    keys = set(manifest["shared"]) | set(manifest["languages"][language])
    return sum(int(manifest["files"][key][2]) for key in keys)


def manifest_json(manifest: Manifest) -> str:
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))


BUILD_LINE = re.compile(r"^const BUILD = .*$", re.M)
# a comment on lines of its own (every reader's phone downloads the worker: comments stay home)
COMMENT_LINES = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.M | re.S)


def worker_source(source: str, build: Mapping[str, Any]) -> str:
    """overrides/sw.js with this deploy's facts in its BUILD line (a new deploy changes the
    worker's bytes, which is what makes browsers install the new worker), without comments."""
    line = "const BUILD = " + json.dumps(build, ensure_ascii=False, separators=(",", ":"))
    text, count = BUILD_LINE.subn(lambda _: line, source, count=1)
    if count != 1:
        raise ValueError(f"{WORKER}: no line starting with `const BUILD = ` to fill in")
    return COMMENT_LINES.sub("", text)


def web_app_manifest(
    *,
    name: str,
    short_name: str,
    description: str,
    language: str,
    to_root: str,
    icons: Iterable[tuple[str, int]],
    theme_color: str,
) -> dict[str, Any]:
    """One language's web app manifest, written in that language's folder: "Add to Home screen"
    opens that language's home page (start_url "./"), and the app keeps the whole site in scope
    (to_root: "./" or "../") so the language switcher stays inside it.

    No "id": it would be resolved against the site's origin, not the manifest, so "./" would
    make the three languages one app; without it each app's id is its start URL."""
    icon_list = []
    for src, size in icons:
        icon_list.append({"src": src, "sizes": f"{size}x{size}", "type": "image/png"})
    largest = max(icon_list, key=lambda icon: int(icon["sizes"].split("x")[0]))
    icon_list.append({**largest, "purpose": "maskable"})
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": to_root,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": icon_list,
    }
