"""The reader's first minute on a phone (issue 18), in Chromium at phone widths, with Debian's
Noto fonts (fonts-noto-core, what Android sets Hindi and Bengali in), on the real site built
for the address it is served at, served the way GitHub Pages serves it (one 404.html).

Every page in every language at 320, 360 and 412 px: nothing scrolls sideways, no table sticks
out of its box, the header's site name is whole, no Hindi or Bengali text is slanted, every chart
label lies inside its chart. Then each point on its own: the language links and the suggestion
on the home page, the language menu, the 404 in the address's language, the charts' text.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from browser_support import SiteServer, chromium, require_chromium
from phone_support import LANGUAGE_PREFIXES, PHONE_WIDTHS, build_real_site, page_paths

pytestmark = pytest.mark.browser

# Everything a phone reader should never meet on a page, as a list of problems (empty: fine).
PROBLEMS = """() => {
  const problems = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth} px`);
  }
  document.querySelectorAll("article table").forEach((table, index) => {
    for (const box of [table, table.parentElement, table.parentElement.parentElement]) {
      if (box.scrollWidth > box.clientWidth + 1) {
        problems.push(`table ${index + 1} scrolls sideways in its ${box.tagName.toLowerCase()}` +
          ` ${box.className}: ${box.scrollWidth} > ${box.clientWidth} px`);
      }
    }
    const rect = table.getBoundingClientRect();
    if (rect.left < -0.5 || rect.right > innerWidth + 0.5) {
      problems.push(`table ${index + 1} sticks out: ${rect.left}-${rect.right} px`);
    }
  });
  const name = document.querySelector(".md-header .guide-site-name");
  const shown = [...name.children].filter(part => getComputedStyle(part).display !== "none");
  if (shown.length !== 1) {
    problems.push(`the header shows ${shown.length} site names`);
  } else if (name.scrollWidth > name.clientWidth + 0.5) {
    problems.push(`the site name is cut: ${shown[0].textContent}`);
  }
  const indic = /[\\u0900-\\u09ff]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!indic.test(node.data) || seen.has(element)) continue;
    seen.add(element);
    const style = getComputedStyle(element).fontStyle;
    if (style !== "normal") problems.push(`${style} text: ${node.data.trim().slice(0, 40)}`);
  }
  document.querySelectorAll("svg.guide-chart__svg").forEach(svg => {
    const width = svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      const box = text.getBBox();
      if (box.x < -0.5 || box.x + box.width > width + 0.5) {
        problems.push(`chart text outside its chart: ${text.textContent}`);
      }
    }
    if (svg.getBoundingClientRect().right > innerWidth + 0.5) problems.push("a chart sticks out");
  });
  return problems;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    site = tmp_path_factory.mktemp("phone") / "site"
    site.mkdir()
    with SiteServer(site) as server:
        build = build_real_site(site, server.url)
        assert build.ok, build.output
        yield server


@pytest.fixture(scope="module")
def browser(served):
    with chromium() as browser:
        yield browser


def phone(browser, width: int = 360, height: int = 740, **options):
    """A page in a fresh phone-sized context (touch, mobile viewport)."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=True, has_touch=True, **options
    )
    return context.new_page()


def test_noto_fonts_are_installed():
    """Widths and shaping are measured with the fonts Android phones use (fonts-noto-core)."""
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    assert "Noto Sans Devanagari" in families and "Noto Sans Bengali" in families, (
        "install Debian's fonts-noto-core (apt-get install -y fonts-noto-core)"
    )


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_every_page_fits_a_phone(served, browser, width):
    page = phone(browser, width)
    found = {}
    for path in page_paths():
        page.goto(served.url + path)
        problems = page.evaluate(PROBLEMS)
        if problems:
            found[path] = problems
    page.context.close()
    assert found == {}, f"at {width} px"


@pytest.mark.parametrize("width", [600, 768, 1024, 1280])
@pytest.mark.parametrize("language", ["en", "hi", "bn"])
def test_site_name_is_whole_on_wider_screens(served, browser, language, width):
    page = phone(browser, width, 800)
    page.goto(served.url + LANGUAGE_PREFIXES[language] + "rates/")
    problems = [p for p in page.evaluate(PROBLEMS) if "site name" in p]
    page.context.close()
    assert problems == []


# --- the home page ---------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(320, 568), (360, 640), (412, 732)])
def test_root_home_offers_hindi_and_bengali_in_the_first_screen(served, browser, width, height):
    page = phone(browser, width, height)
    page.goto(served.url)
    links = page.locator("nav.guide-languages")
    assert links.get_attribute("aria-label") == "This guide is also in"
    for name, language in [("हिन्दी", "hi"), ("বাংলা", "bn")]:
        link = links.get_by_role("link", name=name, exact=True)
        assert link.is_visible()
        assert link.get_attribute("lang") == language == link.get_attribute("hreflang")
        box = link.bounding_box()
        assert box["y"] + box["height"] <= height, f"{name} is below the first screen"
        assert box["height"] >= 24, "too small to tap"
    page.context.close()


@pytest.mark.parametrize(
    ("languages", "suggested"),
    [
        (["hi-IN", "en-US"], "hi"),
        (["bn-BD", "bn", "en"], "bn"),
        (["mr-IN", "hi"], "hi"),  # Marathi first: the guide has none, Hindi next
        (["en-IN", "hi-IN"], None),  # English first: nothing to suggest
        (["fr-FR"], None),
    ],
)
def test_root_home_suggests_the_browsers_language_without_moving(
    served, browser, languages, suggested
):
    page = phone(browser)
    page.add_init_script(
        f"Object.defineProperty(navigator, 'languages', {{get: () => {languages!r}}})"
    )
    page.goto(served.url)
    page.wait_for_load_state("networkidle")
    visible = page.locator(".guide-suggest:visible")
    if suggested is None:
        assert visible.count() == 0
    else:
        assert visible.count() == 1
        assert visible.get_attribute("lang") == suggested
        words = {"hi": "यह गाइड हिन्दी में भी है।", "bn": "এই গাইডটি বাংলাতেও আছে।"}
        assert words[suggested] in visible.inner_text()
        box = visible.bounding_box()
        assert box["y"] + box["height"] <= 740
    assert page.url == served.url  # a suggestion, never a redirect
    page.context.close()


def test_the_browsers_own_locale_is_honoured(served, browser):
    page = phone(browser, locale="bn-BD")
    page.goto(served.url)
    assert page.locator(".guide-suggest:visible").get_attribute("lang") == "bn"
    page.context.close()


# --- the language menu -----------------------------------------------------------------------


def open_menu(page):
    page.locator(".md-header .md-select button").click()


@pytest.mark.parametrize(("path", "current"), [("rates/", "English"), ("bn/rates/", "বাংলা")])
def test_menu_marks_the_current_language(served, browser, path, current):
    page = phone(browser)
    page.goto(served.url + path)
    open_menu(page)
    marked = page.locator(".md-select__link[aria-current=page]")
    assert marked.count() == 1 and marked.inner_text().strip() == current
    tick = marked.evaluate("link => getComputedStyle(link, '::before').content")
    assert "✓" in tick
    assert marked.evaluate("link => getComputedStyle(link).fontWeight") == "700"
    page.context.close()


HEADINGS = (
    "() => [...document.querySelector('article').querySelectorAll("
    "'h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]')].map(h => h.id)"
)


@pytest.mark.parametrize(
    ("start", "choice", "target"),
    [
        ("time-zones/", "বাংলা", "bn/time-zones/"),
        ("hi/getting-paid-india/", "English", "getting-paid-india/"),
        ("bn/rates/", "हिन्दी", "hi/rates/"),
    ],
)
def test_switching_language_keeps_the_section(served, browser, start, choice, target):
    page = phone(browser)
    page.goto(served.url + start)
    ids = page.evaluate(HEADINGS)
    index = 3
    page.goto(served.url + start + "#" + ids[index])
    open_menu(page)
    page.get_by_role("link", name=choice, exact=True).click()
    page.wait_for_url(re.compile(re.escape(served.url + target) + "#.+"))
    there = page.evaluate(HEADINGS)
    assert len(there) == len(ids)
    assert page.evaluate("() => decodeURIComponent(location.hash.slice(1))") == there[index]
    top = page.evaluate(
        "id => document.getElementById(id).getBoundingClientRect().top", there[index]
    )
    assert 0 <= top < 200, "the section is not at the top of the screen"
    page.context.close()


def test_switching_language_keeps_an_anchor_that_every_language_shares(served, browser):
    page = phone(browser)
    page.goto(served.url + "glossary/#term-client")
    open_menu(page)
    page.get_by_role("link", name="हिन्दी", exact=True).click()
    page.wait_for_url(served.url + "hi/glossary/#term-client")
    page.context.close()


def test_switching_without_a_section_opens_the_top(served, browser):
    page = phone(browser)
    page.goto(served.url + "rates/")
    open_menu(page)
    page.get_by_role("link", name="বাংলা", exact=True).click()
    page.wait_for_url(served.url + "bn/rates/")
    page.wait_for_load_state("load")
    assert page.evaluate("() => location.hash") == ""
    page.context.close()


# --- the 404 page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "language", "heading", "title", "home"),
    [
        ("hi/no-such-page/", "hi", "पेज नहीं मिला", "पेज नहीं मिला - ", "hi/"),
        ("bn/no/such/page/?from=x#top", "bn", "পেজটি পাওয়া যায়নি", "পেজটি পাওয়া যায়নি - ", "bn/"),
        ("no-such-page/", "en", "Page not found", "Page not found - ", ""),
    ],
)
def test_404_speaks_the_language_of_the_address(
    served, browser, address, language, heading, title, home
):
    page = phone(browser)
    page.goto(served.url + address)
    page.wait_for_function(f"() => document.documentElement.lang === {language!r}")
    page.wait_for_load_state("networkidle")
    assert page.url == served.url + address  # the reader's own address stays in the bar
    assert heading in page.locator("article h1").inner_text()
    assert page.title().startswith(title)
    # the theme's chrome is the language's own: its search box as that language's build wrote it
    own = (served.root / home / "404.html").read_text(encoding="utf-8")
    placeholder = re.search(r'placeholder="([^"]*)"[^>]*data-md-component="search-query"', own)[1]
    search_box = page.locator("[data-md-component=search-query]")
    assert search_box.get_attribute("placeholder") == placeholder
    english = (served.root / "404.html").read_text(encoding="utf-8")
    assert (f'placeholder="{placeholder}"' in english) == (language == "en")
    home_link = page.locator("article a").first
    assert home_link.evaluate("a => a.href") == served.url + home
    header = page.locator(".md-header .guide-site-name").inner_text()
    names = {
        "en": {"VA Guide", "VA Career Guide"},
        "hi": {"VA गाइड", "वर्चुअल असिस्टेंट करियर गाइड"},
        "bn": {"ভিএ গাইড", "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড"},
    }
    assert header.strip() in names[language]
    assert (language == "en") == ("guide-404-other" in page.content())
    page.context.close()


def test_404_without_javascript_says_not_found_in_every_language(served, browser):
    page = phone(browser, java_script_enabled=False)
    page.goto(served.url + "hi/no-such-page/")
    text = page.locator("article").inner_text()
    for words in ("Page not found", "पेज नहीं मिला", "পেজটি পাওয়া যায়নি"):
        assert words in text
    page.context.close()


# --- emphasis and charts -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_indic_emphasis_is_weight_not_a_slant(served, browser, language):
    page = phone(browser)
    page.goto(served.url + f"{language}/finding-work/")
    emphasis = page.locator("article .guide-unconfirmed").first
    style = emphasis.evaluate(
        "e => [getComputedStyle(e).fontStyle, getComputedStyle(e).fontWeight]"
    )
    assert style[0] == "normal" and int(style[1]) >= 600
    page.context.close()


def test_english_emphasis_keeps_its_italics(served, browser):
    page = phone(browser)
    page.goto(served.url + "rates/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<em>x</em>')")
    assert page.locator("article em").last.evaluate("e => getComputedStyle(e).fontStyle") == (
        "italic"
    )
    page.context.close()


CHART_PAGES = ["rates/", "getting-paid/", "getting-paid-india/", "time-zones/"]


@pytest.mark.parametrize("prefix", list(LANGUAGE_PREFIXES.values()))
@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_have_a_name_and_a_text_equivalent(served, browser, prefix, path):
    page = phone(browser, 320)
    page.goto(served.url + prefix + path)
    charts = page.locator("figure.guide-chart")
    assert charts.count() >= 1
    for index in range(charts.count()):
        chart = charts.nth(index)
        svg = chart.locator("svg")
        assert svg.get_attribute("role") == "img"
        name = page.locator("#" + svg.get_attribute("aria-labelledby")).inner_text()
        assert name and name == chart.locator("figcaption").inner_text()
        described = page.locator("#" + svg.get_attribute("aria-describedby") + " li")
        assert described.count() >= 3
        # every charted record has its line in the text equivalent
        records = svg.locator("g[data-record]").count()
        assert described.count() >= records
        if prefix == "bn/":  # Bengali digits throughout
            assert not re.search(r"[0-9]", " ".join(described.all_inner_texts()))
    page.context.close()
