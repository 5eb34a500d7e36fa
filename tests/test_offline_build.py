"""Offline reading, the build's half (issue 17): versioned asset URLs, the offline manifest, the
service worker's build facts, one web app manifest and one offline page per language."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, FixtureSite
from lib.offline import (
    build_manifest,
    download_size,
    is_versioned,
    resolve,
    version_references,
    worker_source,
)
from tools import app_icons

BASE = "/va-guide/"


# --- pure functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "html_path", "expected"),
    [
        ("../../assets/x.css", "hi/rates/index.html", "assets/x.css"),
        ("assets/x.css", "index.html", "assets/x.css"),
        ("/va-guide/assets/x.css", "404.html", "assets/x.css"),
        ("/elsewhere/x.css", "404.html", None),
        ("../../../x.css", "hi/rates/index.html", None),
        ("https://example.com/x.css", "index.html", None),
        ("//cdn.example.com/x.js", "index.html", None),
        ("data:image/png;base64,AAAA", "index.html", None),
        ("./", "index.html", ""),
    ],
)
def test_resolve_finds_the_site_file_a_url_points_at(url, html_path, expected):
    assert resolve(url, html_path, BASE) == expected


def test_assets_are_loaded_by_versioned_urls_and_nothing_else_changes():
    html = (
        '<head><link rel="canonical" href="https://x.org/va-guide/hi/">'
        '<link rel="prev" href="../getting-paid/">'
        '<link rel="alternate" href="https://x.org/va-guide/rates/" hreflang="en">'
        '<link rel="icon" href="../../assets/images/favicon.png">'
        '<link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css">'
        '<link rel="stylesheet" href="../../assets/stylesheets/guide.css">'
        '<link rel="manifest" href="../manifest.webmanifest">'
        '<script src="../../assets/javascripts/guide-head.js" data-scope="../.."></script>'
        '<script src="../../assets/javascripts/old.js?v=1"></script></head>'
        '<body><a href="../../assets/stylesheets/guide.css">a link is not a load</a>'
        '<img src="../../assets/images/chart.png" alt=""></body>'
    )
    versions = {
        "assets/images/favicon.png": "aaaaaaaa",
        "assets/stylesheets/guide.css": "bbbbbbbb",
        "assets/javascripts/guide-head.js": "cccccccc",
        "assets/images/chart.png": "dddddddd",
    }
    out = version_references(html, "hi/rates/index.html", BASE, versions.get)
    assert 'href="../../assets/images/favicon.png?v=aaaaaaaa"' in out
    assert 'href="../../assets/stylesheets/guide.css?v=bbbbbbbb">' in out
    assert 'src="../../assets/javascripts/guide-head.js?v=cccccccc" data-scope' in out
    assert 'src="../../assets/images/chart.png?v=dddddddd"' in out
    # hashed names, pages, alternates, the manifest, links and versioned URLs are left alone
    assert 'href="../../assets/stylesheets/main.57a0d79d.min.css"' in out
    assert 'href="../getting-paid/"' in out and 'href="../manifest.webmanifest"' in out
    assert '<a href="../../assets/stylesheets/guide.css">' in out
    assert 'old.js?v=1"' in out
    assert version_references(out, "hi/rates/index.html", BASE, versions.get) == out


def test_versioned_urls_are_recognised():
    assert is_versioned("assets/x.css?v=12345678")
    assert is_versioned("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not is_versioned("assets/stylesheets/guide.css")
    assert not is_versioned("hi/search/index.hi.json")


def page(title: str, depth: int, *, worker: str = "", extra: str = "") -> str:
    up = "../" * depth
    config = (
        f'<script id="__config" type="application/json">{{"search": "{up}{worker}"}}</script>'
        if worker
        else ""
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="stylesheet" href="{up}assets/site.css?v=11111111">'
        f'<link rel="manifest" href="manifest.webmanifest">{config}</head>'
        f'<body><script src="{up}assets/app.js"></script>{extra}</body></html>'
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    files = {
        "index.html": page("Home", 0, worker="assets/worker.js?v=22222222#../../index.json"),
        "rates/index.html": page("Rates", 1),
        "404.html": page("404", 0),
        "manifest.webmanifest": json.dumps({"icons": [{"src": "assets/icon.png?v=3"}]}),
        "search/index.en.json": "{}",
        "search/search_index.json": "{}",
        "hi/index.html": page("होम", 1, extra='<img src="photo.png" alt="">'),
        "hi/photo.png": "png",
        "hi/preview.jpg": "a link preview: no page loads it",
        "hi/manifest.webmanifest": "{}",
        "hi/search/index.hi.json": "{}",
        "hi/search/part-007.json": "{}",
        "hi/search/shards.json": "{}",
        "bn/index.html": page("হোম", 1),
        "assets/site.css": "body{}",
        "assets/app.js": "1",
        "assets/worker.js": "2",
        "assets/icon.png": "icon",
        "assets/lunr/unused.js": "no page loads it",
        "assets/app.js.map": "{}",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "",
        "sw.js": "",
        "offline.json": "{}",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


FOLDERS = {"en": "", "hi": "hi/", "bn": "bn/"}


def test_the_manifest_lists_every_file_of_each_language_whatever_its_name(site):
    manifest = build_manifest(site, FOLDERS, BASE)
    assert manifest["languages"]["hi"] == [
        "hi/",
        "hi/manifest.webmanifest",
        "hi/photo.png",
        "hi/search/index.hi.json",
        "hi/search/part-007.json",
        "hi/search/shards.json",
    ]
    assert manifest["languages"]["en"] == [
        "",
        "404.html",
        "manifest.webmanifest",
        "rates/",
        "search/index.en.json",
    ]
    assert manifest["languages"]["bn"] == ["bn/"]
    # shared: what pages and manifests load from outside the language folders, by that URL
    assert manifest["shared"] == [
        "assets/app.js",
        "assets/icon.png?v=3",
        "assets/site.css?v=11111111",
        "assets/worker.js?v=22222222",
        "search/search_index.json",
    ]
    listed = set(manifest["files"])
    assert listed == set(manifest["shared"]).union(*manifest["languages"].values())
    for left_out in ["hi/preview.jpg", "assets/lunr/unused.js", "sitemap.xml", "sw.js"]:
        assert not [key for key in listed if key.startswith(left_out)]


def test_the_manifest_hashes_what_a_browser_downloads(site):
    manifest = build_manifest(site, FOLDERS, BASE)
    data = (site / "hi/index.html").read_bytes()
    sha, size, gzipped = manifest["files"]["hi/"]
    assert sha == hashlib.sha256(data).hexdigest()[:16]
    assert size == len(data) and gzipped == len(gzip.compress(data, 6, mtime=0))
    keys = set(manifest["shared"]) | set(manifest["languages"]["hi"])
    assert download_size(manifest, "hi") == sum(manifest["files"][k][2] for k in keys)


def test_the_version_changes_with_any_file_and_only_then(site):
    first = build_manifest(site, FOLDERS, BASE)
    assert build_manifest(site, FOLDERS, BASE) == first
    (site / "hi/search/part-007.json").write_text('{"changed": 1}', encoding="utf-8")
    second = build_manifest(site, FOLDERS, BASE)
    assert second["version"] != first["version"]
    changed = {k for k in first["files"] if first["files"][k] != second["files"].get(k)}
    assert changed == {"hi/search/part-007.json"}


def test_the_worker_gets_the_deploy_facts_and_no_comments():
    source = (ROOT / "overrides/sw.js").read_text(encoding="utf-8")
    build = {"version": "abc123", "offline": {"": "offline.html", "hi/": "hi/offline.html"}}
    out = worker_source(source, build)
    assert 'const BUILD = {"version":"abc123","offline":{"":"offline.html"' in out
    assert "/*" not in out and len(out) < len(source)
    assert 'self.addEventListener("fetch"' in out
    with pytest.raises(ValueError, match="const BUILD"):
        worker_source("console.log(1)\n", build)


def test_the_icons_are_pngs_of_their_size_with_the_design_inside_the_maskable_circle():
    for size in app_icons.SIZES:
        data = (app_icons.TARGET / f"icon-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
        assert len(data) < 10_000
    centre, radius = app_icons.UNIT / 2, 0.4 * app_icons.UNIT
    margin = app_icons.LINE_WIDTH * app_icons.ZOOM / 2
    for _, _, points in app_icons.design():
        for x, y in points:
            assert ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 + margin <= radius


# --- a real build -----------------------------------------------------------------------------

PAGES = {
    "docs/index.md": "# Home\n\nStart here.\n",
    "docs/rates.md": "# Rates\n\nHourly rates.\n",
    "hi/index.md": "# होम\n\nयहाँ से शुरू कीजिए।\n",
    "hi/rates.md": "# रेट\n\nघंटे के हिसाब से रेट।\n",
    "bn/index.md": "# হোম\n\nএখান থেকে শুরু করুন।\n",
    # bn/rates.md is missing: the English page is served at /bn/rates/ and saved with Bengali
}
NAV = "  - index.md\n  - rates.md\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = FixtureSite(tmp_path_factory.mktemp("offline-build") / "project", nav=NAV)
    build = project.pages(PAGES).build()
    assert build.ok, build.output
    again = project.build(site=project.path / "again")
    assert again.ok, again.output
    return build, again


def labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load((ROOT / "data/labels.yml").read_text(encoding="utf-8"))["labels"]


def site_names() -> dict[str, str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return dict(re.findall(r"- locale: (\w+)\n(?:\s+\w+: .*\n)*?\s+site_name: (.*)", config))


def test_each_language_has_its_own_web_app_manifest(built):
    build, _ = built
    names = site_names()
    for language, folder in FOLDERS.items():
        manifest = json.loads(build.page(folder + "manifest.webmanifest"))
        assert manifest["lang"] == language
        assert manifest["name"] == names[language]
        assert manifest["short_name"] == labels()["app_short_name"][language]
        assert manifest["start_url"] == "./"  # the language's home
        assert "id" not in manifest  # (the start URL: one app per language)
        assert manifest["scope"] == ("./" if not folder else "../")
        assert manifest["display"] == "standalone"
        assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
        assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
        for icon in manifest["icons"]:
            path, version = icon["src"].split("?v=")
            data = (build.site / folder / path).resolve().read_bytes()
            assert version == hashlib.sha256(data).hexdigest()[:8]


def test_every_page_links_its_languages_manifest_and_loads_versioned_assets(built):
    build, _ = built
    expected = {
        "index.html": 'href="manifest.webmanifest"',
        "rates/index.html": 'href="../manifest.webmanifest"',
        "hi/rates/index.html": 'href="../manifest.webmanifest"',
        "bn/rates/index.html": 'href="../manifest.webmanifest"',
        "hi/404.html": 'href="/va-guide/hi/manifest.webmanifest"',
        "404.html": 'href="/va-guide/manifest.webmanifest"',
    }
    for path, link in expected.items():
        html = build.page(path)
        assert html.count('rel="manifest"') == 1, path
        assert f'<link rel="manifest" {link}>' in html, path
        for url in re.findall(
            r'<(?:script|link rel="stylesheet")[^>]* (?:src|href)="([^"]+)"', html
        ):
            assert "?v=" in url or re.search(r"\.[0-9a-f]{8}\.min\.", url), (path, url)


def test_each_language_has_an_offline_page_in_its_own_words(built):
    build, _ = built
    words = labels()
    for language, folder in FOLDERS.items():
        html = build.page(folder + "offline.html")
        assert f'<html lang="{language}"' in html
        assert 'http-equiv="Content-Security-Policy"' in html
        assert words["offline_title"][language] in html
        assert words["offline_text"][language] in html
        assert f'<a href="/va-guide/{folder}">{words["offline_home"][language]}</a>' in html
        styles = re.findall(r'<link rel="stylesheet" href="/va-guide/([^"?]+)', html)
        assert styles and all((build.site / style).is_file() for style in styles)
        assert "<script" not in html


def test_every_page_offers_to_save_its_language(built):
    build, _ = built
    words = labels()
    for language, path in [("en", "rates/"), ("hi", "hi/rates/"), ("bn", "bn/rates/")]:
        html = build.page(path + "index.html")
        control = re.search(r'<details class="guide-offline" hidden([^>]*)>', html)
        assert control, path
        assert f'data-lang="{language}"' in control[1]
        assert f"<summary>{words['offline_save'][language]}</summary>" in html
        digits = "০১২৩৪৫৬৭৮৯" if language == "bn" else "0123456789"
        assert f'data-digits="{digits}"' in control[1]
        assert re.search(r'<script src="[./]*assets/javascripts/guide-offline\.js\?v=\w+"', html)


def test_the_worker_and_manifest_describe_the_same_deploy(built):
    build, again = built
    manifest = json.loads(build.page("offline.json"))
    worker = build.page("sw.js")
    facts = json.loads(re.search(r"^const BUILD = (.*)$", worker, re.M)[1])
    assert facts["version"] == manifest["version"]
    assert facts["offline"] == {
        "": "offline.html",
        "hi/": "hi/offline.html",
        "bn/": "bn/offline.html",
    }
    for key, (sha, size, _) in manifest["files"].items():
        path = key.split("?")[0]
        path = path + "index.html" if path == "" or path.endswith("/") else path
        data = (build.site / path).read_bytes()
        assert (hashlib.sha256(data).hexdigest()[:16], len(data)) == (sha, size), key
    assert "bn/rates/" in manifest["languages"]["bn"]  # the English page at a Bengali address
    # the same sources build the same files: a rebuild costs a reader nothing
    assert json.loads(again.page("offline.json")) == manifest
