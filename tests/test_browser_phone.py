"""The reader's first minute on a phone (issue 18), in Chromium at phone widths, with Debian's
Noto fonts (fonts-noto-core, what Android sets Hindi and Bengali in), on the real site built
for the address it is served at, served the way GitHub Pages serves it (one 404.html).

Every page in every language at 320, 360 and 412 px: nothing scrolls sideways, no table sticks
out of its box, the header's site name is whole, no Hindi or Bengali text is slanted, every chart
label lies inside its chart. Then each point of the issue on its own, in every language at each
of those widths: the language links on the home pages and the suggestion on the root one, the
language menu, the 404 in the address's language, emphasis, the exchange rates stated once, the
charts' names and text, and the theme's chrome in the page's language.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from browser_support import SiteServer, chromium, require_chromium
from conftest import ROOT
from phone_support import LANGUAGE_PREFIXES, PHONE_WIDTHS, build_real_site, page_paths

pytestmark = pytest.mark.browser

LANGUAGES = list(LANGUAGE_PREFIXES)
LABELS = yaml.safe_load((ROOT / "data/labels.yml").read_text(encoding="utf-8"))["labels"]
NAMES = {"en": "English", "hi": "हिन्दी", "bn": "বাংলা"}  # the language menu's names
SCREENS = [(320, 568), (360, 640), (412, 732)]  # phones' first screens: width and height

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


@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_pages_offer_the_other_languages_in_the_first_screen(
    served, browser, language, width, height
):
    """Point 1: the root page (where shared links land) offers हिन्दी and বাংলা; the Hindi and
    Bengali home pages offer the other two."""
    page = phone(browser, width, height)
    page.goto(served.url + LANGUAGE_PREFIXES[language])
    links = page.locator("nav.guide-languages")
    assert links.get_attribute("aria-label") == LABELS["home_languages"][language]
    for other in LANGUAGES:
        if other == language:
            continue
        link = links.get_by_role("link", name=NAMES[other], exact=True)
        assert link.is_visible()
        assert link.get_attribute("lang") == other == link.get_attribute("hreflang")
        box = link.bounding_box()
        assert box["y"] + box["height"] <= height, f"{NAMES[other]} is below the first screen"
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


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_marks_the_current_language(served, browser, language, width):
    page = phone(browser, width)
    page.goto(served.url + LANGUAGE_PREFIXES[language] + "rates/")
    open_menu(page)
    marked = page.locator(".md-select__link[aria-current=page]")
    assert marked.count() == 1 and marked.inner_text().strip() == NAMES[language]
    assert marked.is_visible()
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
@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_switching_language_keeps_the_section(served, browser, start, choice, target, width):
    page = phone(browser, width)
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
@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_404_speaks_the_language_of_the_address(
    served, browser, address, language, heading, title, home, width
):
    page = phone(browser, width)
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


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_emphasis_is_weight_in_hindi_and_bengali_and_italic_in_english(
    served, browser, language, width
):
    """Point 4: one CSS rule; the data blocks' marks are framed labels in every language."""
    page = phone(browser, width)
    page.goto(served.url + LANGUAGE_PREFIXES[language] + "finding-work/")
    style = "e => [getComputedStyle(e).fontStyle, +getComputedStyle(e).fontWeight]"
    mark = page.locator("article .guide-unconfirmed").first.evaluate(style)
    assert mark[0] == "normal"
    if language != "en":
        assert mark[1] >= 600
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<em>x</em>')")
    emphasis = page.locator("article em").last.evaluate(style)
    assert emphasis == (["italic", 400] if language == "en" else ["normal", 600])
    page.context.close()


# --- the exchange rates, once a page -----------------------------------------------------------


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_rate_cards_show_amounts_and_the_rates_once(served, browser, language, width):
    """Point 6: the rates used are stated once, under the cards; a card shows only amounts."""
    page = phone(browser, width)
    page.goto(served.url + LANGUAGE_PREFIXES[language] + "rates/")
    rates = page.locator("article .guide-exchange-rates")
    assert rates.count() == 1 and rates.is_visible()
    conversions = page.locator("article .guide-conversions li").all_inner_texts()
    assert conversions, "no converted amounts on the cards"
    for line in conversions:
        assert re.fullmatch(r"≈ [^()=]+", line.strip()), line
    page.context.close()


CHART_PAGES = [
    "rates/",
    "getting-paid/",
    "getting-paid-india/",
    "getting-paid-bangladesh/",
    "time-zones/",
    "calculator/",
]


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("prefix", list(LANGUAGE_PREFIXES.values()))
@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_have_a_name_and_a_text_equivalent(served, browser, prefix, path, width):
    page = phone(browser, width)
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
        # readable without colour: a bar's kind is its shape, filled or outlined
        for kind, fill, stroke in svg.evaluate(RECT_STYLES):
            if kind == "guide-chart__taken":
                assert fill == "background" and stroke != "none", (path, kind)
            elif kind == "guide-chart__bar":
                assert fill != "background", (path, kind)
    page.context.close()


RECT_STYLES = """svg => {
  const background = getComputedStyle(document.body).backgroundColor;
  return [...svg.querySelectorAll("rect")].map(rect => {
    const style = getComputedStyle(rect);
    const fill = style.fill === background ? "background" : style.fill;
    const stroke = parseFloat(style.strokeWidth) ? style.stroke : "none";
    return [rect.getAttribute("class"), fill, stroke];
  });
}"""


# --- the theme's chrome, as the reader meets it --------------------------------------------------

# What a Hindi or Bengali reader sees and hears once the scripts have run: every visible text
# (not code, nor text marked as another language: the glossary's English column), and the
# tooltips, names and placeholders of every element.
SHOWN = """language => {
  const elsewhere = el => {
    const marked = el.closest("[lang]");
    const other = marked && marked.lang.split("-")[0] !== language;
    return el.closest("code, pre, script, style") || other;
  };
  const shown = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    const visible = el.getClientRects().length;
    if (node.data.trim() && !elsewhere(el) && visible) shown.push(node.data.trim());
  }
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
    if (elsewhere(el)) continue;
    for (const name of ["title", "aria-label", "placeholder", "alt"]) {
      const value = (el.getAttribute(name) || "").trim();
      if (value) shown.push(value);
    }
  }
  return shown;
}"""


def english_chrome() -> dict[str, str]:
    """English words a Hindi or Bengali page must not show, and where each comes from:
    Material's own strings, the site's labels (data/labels.yml) and the footer credit."""
    import material

    path = Path(material.__file__).parent / "templates/partials/languages/en.html"
    pairs = re.findall(r'^\s*"([\w.]+)": "([^"]+)"', path.read_text(encoding="utf-8"), re.M)
    found = {
        text: f"Material's {key!r}"
        for key, text in pairs
        if key not in {"language", "direction"} and not key.startswith("search.config")
    }
    found.update({text["en"]: f"labels.yml {key!r}" for key, text in LABELS.items()})
    found.update({"Made with": "the footer credit", "Material for MkDocs": "the footer credit"})
    # names of things the pages show in every language
    for name in ("Upwork", "Fiverr", "GitHub", "English", "PeoplePerHour", "Payoneer", "Wise"):
        found.pop(name, None)
    return {text: where for text, where in found.items() if re.search(r"[A-Za-z]{3}", text)}


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("path", ["", "calculator/", "portal-finder/", "self-check/", "rates/"])
@pytest.mark.parametrize("language", ["hi", "bn"])
def test_the_chrome_speaks_the_pages_language(served, browser, language, path, width):
    """Issue 18, points 3 and 5, and the theme's chrome: no English left on a Hindi or Bengali
    page, the footer, the back-to-top button, the search box and its results, the tools and the
    share and offline controls included, after the scripts have run and the reader has used
    the page."""
    page = phone(browser, width)
    page.goto(served.url + f"{language}/{path}")
    page.wait_for_load_state("networkidle")
    tool = page.locator("[data-guide-tool] select, [data-guide-tool] input").first
    if tool.count():  # a tool page: use it, so its script writes what it writes
        tool.focus()
        page.wait_for_selector("[data-guide-tool][data-ready]", state="attached")
    page.mouse.wheel(0, 3000)  # down, then a little up: the back-to-top button shows
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(300)
    shown = page.evaluate(SHOWN, language)
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    page.locator("input.md-search__input").fill("zzqx")  # no result: the theme's own words
    page.wait_for_timeout(800)
    shown += page.evaluate(SHOWN, language)
    page.context.close()
    english = english_chrome()
    found = sorted(  # whole words, not a part of an address (blog.truelancer.com)
        {
            f"{text!r} ({where})"
            for line in shown
            for text, where in english.items()
            if re.search(rf"(?<![\w.-]){re.escape(text)}(?![\w-]|\.\w)", line)
        }
    )
    assert found == [], f"English on {language}/{path} at {width} px"
