"""The Content-Security-Policy is fixed before any page exists and every HTML page carries it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, FixtureSite

sys.path.insert(0, str(ROOT / "hooks"))

import content_security
from content_security import CHARSET, META, POLICY, PolicyError, add_policy

MATERIAL_SCRIPTS = Path(__import__("material").__file__).parent / "templates/partials/javascripts"
JAVASCRIPTS = ROOT / "overrides/assets/javascripts"
HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
PAGES = [
    HEAD.format(title="Plain") + "<body><article><p>Text.</p></article></body></html>",
    HEAD.format(title="Scripts")
    + "<body><script>alert(1)</script><article></article><script>alert(2)</script>"
    + '<script id="__config" type="application/json">{}</script></body></html>',
    HEAD.format(title="Content-Security-Policy")
    + "<body><article><p>The Content-Security-Policy header, and a tag that looks like ours: "
    + META
    + "</p></article><script>alert(3)</script></body></html>",
]
POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def policy_of(html: str) -> str:
    head = html[: html.index("</head>")]
    (policy,) = POLICY_TAG.findall(head)
    return policy


def test_the_policy_allows_only_the_sites_own_files():
    directives = dict(d.split(" ", 1) for d in POLICY.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["manifest-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    for kept in ["style-src", "img-src", "font-src", "connect-src", "worker-src", "base-uri"]:
        assert kept in directives
    for loophole in ["sha256-", "nonce-", "unsafe-inline", "unsafe-eval", "*", "http"]:
        assert loophole not in POLICY


@pytest.mark.parametrize("html", PAGES)
def test_the_policy_does_not_depend_on_the_page(html):
    with_policy = add_policy(html, "page.md")
    assert policy_of(with_policy) == POLICY
    # right after the charset tag, before anything it governs
    assert with_policy.index(CHARSET + META) == html.index(CHARSET)
    assert with_policy.replace(META, "", 1) == html


def test_a_page_that_mentions_the_policy_still_gets_it():
    html = add_policy(PAGES[2], "policy.md")
    assert html.count(META) == 2  # ours in the head, and the page's own text in the article
    assert html.index(META) < html.index("</head>") < html.rindex(META)


def test_adding_twice_adds_once():
    once = add_policy(PAGES[0], "page.md")
    assert add_policy(once, "page.md") == once


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            "<!doctype html><html><head><title>T</title></head><body></body></html>",
            f"broken.md: no {CHARSET} in the page's <head> to put the Content-Security-Policy "
            f"after: start the template's <head> with {CHARSET}.",
        ),
        (  # a charset tag written into the page's text is no anchor
            f"<html><head><title>T</title></head><body>{CHARSET}</body></html>",
            f"broken.md: no {CHARSET} in the page's <head>",
        ),
        (
            f'<html><head><script src="a.js"></script>{CHARSET}</head></html>',
            f"broken.md: <script…> comes before {CHARSET}, so the Content-Security-Policy "
            "would not govern it",
        ),
    ],
)
def test_a_page_without_the_charset_anchor_fails(html, message):
    with pytest.raises(PolicyError) as error:
        add_policy(html, "broken.md")
    assert message in str(error.value)


def test_html_no_event_saw_gets_the_policy_when_the_build_ends(tmp_path):
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy/page.html").write_text(PAGES[1], encoding="utf-8")
    (tmp_path / "done.html").write_text(add_policy(PAGES[0], "done"), encoding="utf-8")
    content_security.add_policy_to_site(tmp_path)
    assert policy_of((tmp_path / "legacy/page.html").read_text(encoding="utf-8")) == POLICY
    assert (tmp_path / "done.html").read_text(encoding="utf-8").count(META) == 1

    (tmp_path / "bare.html").write_text("<html><body><script>x()</script></body></html>")
    with pytest.raises(PolicyError, match=r"^bare.html: no <meta charset"):
        content_security.add_policy_to_site(tmp_path)


def material_script(partial: str, index: int = -1) -> str:
    text = (MATERIAL_SCRIPTS / partial).read_text(encoding="utf-8")
    return re.findall(r"<script>(.*?)</script>", text, re.S)[index]


@pytest.mark.parametrize(
    ("partial", "index", "ours"),
    [
        ("base.html", -1, "guide-head.js"),
        ("palette.html", -1, "guide-palette.js"),
        ("content.html", 0, "guide-body.js"),
        ("content.html", -1, "guide-body.js"),
    ],
)
def test_materials_inline_scripts_moved_unchanged(partial, index, ours):
    """After a Material upgrade, this fails until the copies in our files are brought up to date."""
    script = material_script(partial, index)
    scope = '"{{ config.extra.scope | d(base_url) }}"'
    script = script.replace(scope, "document.currentScript.dataset.scope")
    assert "{{" not in script
    assert script in (JAVASCRIPTS / ours).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pages = {
        "docs/index.md": "# Home\n\nSee [rates](rates.md).\n",
        "docs/rates.md": "# Rates\n\nThe Content-Security-Policy of this site.\n",
        "hi/index.md": "# होम\n\n[रेट](rates.md) देखें।\n",
        "hi/rates.md": "# रेट\n",
        "bn/index.md": "# হোম\n\n[রেট](rates.md) দেখুন।\n",
        "bn/rates.md": "# রেট\n",
        "docs/assets/legacy.html": "<!doctype html><html><head>" + CHARSET + "</head></html>\n",
    }
    site = FixtureSite(tmp_path_factory.mktemp("csp")).pages(pages)
    build = site.build()
    assert build.ok, build.output
    return build


def test_every_html_file_of_a_build_carries_the_policy(built):
    pages = sorted(built.site.rglob("*.html"))
    names = {page.relative_to(built.site).as_posix() for page in pages}
    assert {"404.html", "hi/404.html", "bn/404.html", "rates/index.html"} <= names
    assert "assets/legacy.html" in names
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert policy_of(html) == POLICY, page
        assert html.count(META) == 1, page


def test_the_theme_writes_no_inline_script(built):
    """Any inline script the theme writes would be blocked: it must come from a file."""
    for page in built.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (page, tag)
    html = built.page("hi/rates/index.html")
    # (?v=: hooks/offline_reading.py versions every asset URL by its content)
    head_script = r'<script src="\.\./\.\./assets/javascripts/guide-head\.js\?v=[0-9a-f]{8}"'
    assert re.search(head_script + r' data-scope="\.\./\.\.">', html)
    assert html.index("guide-body.js") < html.index("bundle.")
    for name in ["guide-head.js", "guide-body.js"]:
        assert (built.site / "assets/javascripts" / name).is_file()
