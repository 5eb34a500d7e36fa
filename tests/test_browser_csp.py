"""The site passes its own Content-Security-Policy in a real browser: no violation anywhere."""

from __future__ import annotations

import re

import pytest

from browser_support import SiteServer, chromium, require_chromium
from conftest import ROOT, FixtureSite

# The real pages that carry every kind of block, plus a hostile page of our own.
REAL_PAGES = ["index.md", "rates.md", "finding-work.md", "work-categories.md", "glossary.md"]
VISITS = ["", "rates/", "hi/finding-work/", "bn/work-categories/", "bn/glossary/", "hi/missing/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    site = FixtureSite(tmp_path_factory.mktemp("csp-browser"))
    for folder in ["docs", "hi", "bn"]:
        for page in REAL_PAGES:
            text = (ROOT / folder / page).read_text(encoding="utf-8")
            # links to pages outside this fixture would fail the strict build
            site.write(f"{folder}/{page}", _unlink(text))
    site.write("docs/hostile.md", "# Hostile\n\n<script>window.__ran = true</script>\n")
    with SiteServer(site.path / "site") as server:
        build = site.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


def _unlink(markdown: str) -> str:
    return re.sub(r"\]\((?!https://)[^)]*\)", "]", markdown)


def watch_violations(page) -> None:
    """Record every CSP violation the page raises in window.__violations."""
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push(e.violatedDirective));"
    )


@pytest.mark.browser
def test_no_content_security_policy_violations(served):
    with chromium() as browser:
        page = browser.new_page()
        watch_violations(page)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        for path in VISITS:
            page.goto(served.url + path)
            page.wait_for_load_state("networkidle")
            # the search worker and its index are loaded under the policy too
            page.locator("input[data-md-component=search-query]").click()
            page.keyboard.type("upwork")
            page.wait_for_selector(".md-search-result__meta")
            assert page.evaluate("window.__violations") == [], path
        csp_errors = [e for e in errors if "Content Security Policy" in e]
        assert csp_errors == []


@pytest.mark.browser
def test_a_script_written_into_a_page_is_blocked(served):
    with chromium() as browser:
        page = browser.new_page()
        watch_violations(page)
        page.goto(served.url + "hostile/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__ran") is None
        assert page.evaluate("window.__violations") == ["script-src-elem"]
