"""The language switcher, used by a reader in a real browser, keeps the reader on the same page."""

from __future__ import annotations

import pytest

from browser_support import SiteServer, chromium, require_chromium
from conftest import FixtureSite

PAGES = {
    "docs/index.md": "# Home\n\nSee [the guide](guide/deep.md).\n",
    "docs/guide/deep.md": "# Deep page\n\nEnglish text.\n",
    "hi/index.md": "# होम\n",
    "hi/guide/deep.md": "# गहरा पेज\n\nहिंदी पाठ।\n",
    "bn/index.md": "# হোম\n",
    "bn/guide/deep.md": "# গভীর পেজ\n\nবাংলা লেখা।\n",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    site = FixtureSite(tmp_path_factory.mktemp("switcher")).pages(PAGES)
    with SiteServer(site.path / "site") as server:
        # Built for the address it is served at, as GitHub Pages serves it at site_url.
        build = site.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "choice", "expected_path", "expected_lang", "heading"),
    [
        ("hi/guide/deep/", "বাংলা", "bn/guide/deep/", "bn", "গভীর পেজ"),
        ("bn/guide/deep/", "English", "guide/deep/", "en", "Deep page"),
        ("guide/deep/", "हिन्दी", "hi/guide/deep/", "hi", "गहरा पेज"),
    ],
)
def test_switcher_lands_on_the_same_page(
    served, start, choice, expected_path, expected_lang, heading
):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(served.url + start)
        page.locator(".md-header .md-select button").click()
        page.get_by_role("link", name=choice, exact=True).click()
        page.wait_for_url(served.url + expected_path)
        assert page.locator("html").get_attribute("lang") == expected_lang
        assert page.locator("article h1").inner_text().rstrip("¶ \n") == heading
        # search engines still find every language version in the head once the page has loaded
        hreflangs = page.locator("head link[rel=alternate][hreflang]")
        assert hreflangs.evaluate_all("links => links.map(l => l.hreflang)") == ["en", "hi", "bn"]


@pytest.mark.browser
def test_pages_make_no_requests_that_fail(served):
    """Material would fetch <alternate>/sitemap.xml for each language on every page: 404s."""
    with chromium() as browser:
        page = browser.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(served.url + "hi/guide/deep/")
        page.wait_for_load_state("networkidle")
        assert failed == []
