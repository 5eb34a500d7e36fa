"""The Content-Security-Policy in a real browser: the site passes it, scripts in pages never run."""

from __future__ import annotations

import shutil

import pytest

from browser_support import SiteServer, chromium, require_chromium
from conftest import ROOT, FixtureSite
from content_security import POLICY

PWNED_TITLE = '<script>document.title="pwned"</script>'
# Scripts that reach a page from its front matter, after a literal </article> (which once ended
# the hook's idea of the article early) and in a page that mentions the policy by name (which
# once got no policy at all). The build refuses all three (tests/test_hostile_input.py); this
# site is built without those two checks, to show that the policy alone stops them too.
PAGE_CHECKS = ["  - hooks/front_matter.py\n", "  - hooks/link_check.py\n"]
HOSTILE = {
    "docs/hostile-title.md": (
        f"---\ntitle: '{PWNED_TITLE}'\ndescription: A page whose title is a script.\n---\n\n"
        "# Hostile title\n\nText.\n"
    ),
    "docs/hostile-article.md": (
        "# Article end\n\nText.\n\n</article>\n\n<script>window.pwned=1</script>\n"
    ),
    "docs/hostile-mention.md": (
        "# Policies\n\nThis page is about the Content-Security-Policy header.\n\n"
        "<script>window.pwned=1</script>\n"
    ),
}
# The real site: home pages, a Hindi page, the 404 GitHub Pages serves for any missing address,
# and each language's own 404.
VISITS = ["", "hi/", "hi/finding-work/", "bn/glossary/", "missing/", "hi/missing/", "hi/404.html"]
QUERY = "upwork"
SEARCH_BOX = "input[data-md-component=search-query]"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Every real page (the real nav) plus the hostile pages, served like GitHub Pages."""
    require_chromium()
    site = FixtureSite(tmp_path_factory.mktemp("csp-browser"), keep_nav=True)
    config = (site.path / "mkdocs.yml").read_text(encoding="utf-8")
    for check in PAGE_CHECKS:
        assert check in config
        config = config.replace(check, "")
    site.write("mkdocs.yml", config)
    for folder in ["docs", "hi", "bn"]:
        shutil.copytree(ROOT / folder, site.path / folder, dirs_exist_ok=True)
    site.pages(HOSTILE)
    with SiteServer(site.path / "site") as server:
        build = site.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


@pytest.fixture(scope="module")
def browser(served):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    """A fresh tab that records every CSP violation in window.__violations."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push(e.violatedDirective));"
    )
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def head_policies(page) -> list[str]:
    return page.eval_on_selector_all(
        "head meta[http-equiv=Content-Security-Policy]", "tags => tags.map(t => t.content)"
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", VISITS)
def test_the_real_site_raises_no_violation_and_search_works(served, page, path):
    page.goto(served.url + path)
    page.wait_for_load_state("networkidle")
    assert head_policies(page) == [POLICY]
    # Material's own scripts ran: its storage helpers from the head file, and the bundle
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # the hreflang guard put the head links back once Material had started
    assert page.locator("head link[rel=x-alternate]").count() == 0
    # the search worker and its index load under the policy; typed text finds pages
    page.locator(SEARCH_BOX).click()
    page.keyboard.type(QUERY)
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("window.__violations") == [], path
    assert [e for e in page.errors if "Content Security Policy" in e] == []


@pytest.mark.browser
def test_pasted_text_still_searches(served, page):
    """The input-to-keyup handler (now in guide-body.js) still runs."""
    page.goto(served.url + "bn/")
    page.wait_for_load_state("networkidle")
    page.locator(SEARCH_BOX).click()
    page.keyboard.insert_text(QUERY)
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("window.__violations") == []


@pytest.mark.browser
@pytest.mark.parametrize("name", ["hostile-title", "hostile-article", "hostile-mention"])
def test_scripts_that_reach_a_page_do_not_run(served, page, name):
    html = (served.root / name / "index.html").read_text(encoding="utf-8")
    body = html[html.index("</head>") :]
    escaped_title = name == "hostile-title"
    if escaped_title:
        # front matter reaches the page as text (hooks/sharing.py escapes what Material prints raw)
        assert PWNED_TITLE not in html and "&lt;script&gt;document.title=" in body
    else:
        assert "<script>window.pwned=1</script>" in body  # really there
    page.goto(served.url + name + "/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() != "pwned"
    if name == "hostile-title":
        assert page.title().startswith(PWNED_TITLE)  # the <title> shows the text, runs nothing
    assert head_policies(page) == [POLICY]
    # the browser saw the script and refused it, while Material itself still ran
    if not escaped_title:
        assert "script-src-elem" in page.evaluate("window.__violations")
    assert page.evaluate("typeof __md_get") == "function"
