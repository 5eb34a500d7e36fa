"""Link previews, the share control and the print stylesheet (hooks/sharing.py,
lib/share_image.py, overrides/partials/share*.html, search.html, docs/assets/stylesheets/print.css).
The shaping of the preview text against Chromium is in test_share_shaping.py."""

from __future__ import annotations

import html.parser
import io
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError
from PIL import Image

import sharing
from browser_support import SiteServer, chromium, require_chromium
from conftest import ROOT, FixtureSite
from lib import share_cards, share_image
from lib.share_cards import Card, CardCache, ShareImageError, find_fonts
from lib.share_image import runs

SITE_URL = "https://example.org/guide/"
SITE_NAMES = {
    "en": "VA Career Guide",
    "hi": "वर्चुअल असिस्टेंट करियर गाइड",
    "bn": "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড",
}
# Quotes, & and < stay text (a tag in front matter fails the build: tests/test_hostile_input.py)
HOSTILE = 'Rates "in hand" <3 & fees > costs'
PAGES = {
    "docs/index.md": "---\ndescription: The home page.\n---\n\n# Home\n\nSee [rates](rates.md).\n",
    "docs/rates.md": f"---\ndescription: '{HOSTILE}'\n---\n\n# Rates & fees\n\nText.\n",
    "hi/index.md": "---\ndescription: होम पेज।\n---\n\n# होम\n",
    "hi/rates.md": "---\ndescription: कमाई के रेट।\n---\n\n# Upwork पर रेट और प्रपोजल\n",
    "bn/index.md": "---\ndescription: হোম পেজ।\n---\n\n# হোম\n",
}


class HeadTags(html.parser.HTMLParser):
    """The <meta> tags of a page's head, by property or name, as the browser reads them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: dict[str, list[str]] = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key:
            self.tags.setdefault(key, []).append(attrs.get("content") or "")

    def one(self, key: str) -> str:
        (value,) = self.tags[key]
        return value


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("sharing")).pages(PAGES)
    build = site.build(env={"SITE_URL": SITE_URL})
    assert build.ok, build.output
    return site, build


def image_of(build, url: str) -> bytes:
    assert url.startswith(SITE_URL), url
    return (build.site / url.removeprefix(SITE_URL)).read_bytes()


# The text a card shows is cut into runs, each shaped in one font: a cluster is never cut.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Upwork पर प्रपोजल", [("latin", "Upwork "), ("devanagari", "पर प्रपोजल")]),
        ("bKash-এ টাকা।", [("latin", "bKash-"), ("bengali", "এ টাকা।")]),
        ("  हिन्दी ₹500", [("devanagari", "  हिन्दी "), ("latin", "₹500")]),
        ("কৌশল ৳৫০০", [("bengali", "কৌশল ৳৫০০")]),
        ("क\u200dष", [("devanagari", "क\u200dष")]),
    ],
)
def test_runs_keep_each_script_in_one_font(text, expected):
    assert runs(text) == expected
    assert "".join(chunk for _, chunk in runs(text)) == text


def test_every_page_has_open_graph_and_twitter_tags(built):
    _site, build = built
    for path, language, locale in [
        ("index.html", "en", "en_IN"),
        ("rates/index.html", "en", "en_IN"),
        ("hi/index.html", "hi", "hi_IN"),
        ("hi/rates/index.html", "hi", "hi_IN"),
        ("bn/index.html", "bn", "bn_BD"),
        ("bn/rates/index.html", "bn", "bn_BD"),  # served in English: still the Bengali site
    ]:
        tags = HeadTags(build.page(path))
        url = SITE_URL + path.removesuffix("index.html")
        assert tags.one("og:url") == url
        assert tags.one("og:locale") == locale
        assert sorted(tags.tags["og:locale:alternate"]) == sorted(
            {"en_IN", "hi_IN", "bn_BD"} - {locale}
        )
        assert tags.one("og:site_name") == SITE_NAMES[language]
        home = path.removesuffix("index.html") in ("", "hi/", "bn/")
        assert tags.one("og:type") == ("website" if home else "article")
        assert tags.one("twitter:card") == "summary_large_image"
        assert tags.one("og:image") == tags.one("twitter:image")
        assert (tags.one("og:image:width"), tags.one("og:image:height")) == ("1200", "630")
        image = image_of(build, tags.one("og:image"))
        assert len(image) <= 80_000
        with Image.open(io.BytesIO(image)) as card:
            assert (card.format, card.size) == ("JPEG", (1200, 630))


def test_front_matter_reaches_the_head_as_text(built):
    """A quote, < or & in front matter stays text in every tag, Material's own included."""
    _, build = built
    page = build.page("rates/index.html")
    assert '"in hand"' not in page.split("</head>")[0]  # every quote escaped in the head
    tags = HeadTags(page)
    assert tags.one("description") == HOSTILE
    assert tags.one("og:description") == HOSTILE
    assert tags.one("twitter:description") == HOSTILE
    assert tags.one("og:title") == "Rates & fees"
    assert tags.one("og:image:alt") == "Rates & fees"


def test_home_pages_are_titled_with_the_site_name(built):
    _, build = built
    assert HeadTags(build.page("hi/index.html")).one("og:title") == "वर्चुअल असिस्टेंट करियर गाइड"
    assert HeadTags(build.page("hi/rates/index.html")).one("og:title") == "Upwork पर रेट और प्रपोजल"


def test_images_are_made_once_and_reused(tmp_path):
    """A rebuild copies the cached images: nothing is drawn again; a changed title is drawn, and
    a full build forgets the card no page uses any more."""
    site = FixtureSite(tmp_path / "project").pages(
        {
            "docs/index.md": "# Home\n",
            "docs/rates.md": "# Rates\n",
            "hi/index.md": "# होम\n",
            "bn/index.md": "# হোম\n",
        }
    )
    assert site.build().ok
    cache = site.path / sharing.CACHE_FOLDER
    before = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.jpg")}
    assert len(before) == 6  # hi/rates/ and bn/rates/: the English title, the site's own name
    again = site.build()
    assert again.ok, again.output
    assert {path.name: path.stat().st_mtime_ns for path in cache.glob("*.jpg")} == before

    site.write("docs/rates.md", "# Rates, renamed\n")
    renamed = site.build()
    assert renamed.ok, renamed.output
    after = {path.name for path in cache.glob("*.jpg")}
    assert len(after - before.keys()) == 3  # the rates page in each language (in English)
    assert len(before.keys() - after) == 3


def test_the_cache_folder_is_not_committed():
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_cards_fit_whatsapp_and_name_their_inputs(tmp_path):
    fonts = find_fonts()
    cache = CardCache(tmp_path, fonts)
    long_title = " ".join(["অ্যাসিস্ট্যান্টের প্রোফাইল ও পোর্টফোলিও"] * 8)
    for title in ["रेट", long_title, "Upwork, Fiverr, Payoneer, bKash: ₹ and ৳"]:
        digest, path = cache.image(Card(title, "VA Career Guide"))
        assert path == tmp_path / f"{digest}.jpg"
        assert path.stat().st_size <= share_image.MAX_BYTES
    hindi = cache.image(Card("रेट", "वर्चुअल असिस्टेंट करियर गाइड"))[0]
    assert hindi != cache.image(Card("रेट", "VA Career Guide"))[0]
    assert CardCache(tmp_path, fonts, [Path(__file__)]).inputs != cache.inputs  # code counts


def test_missing_fonts_fail_the_build_naming_the_fix(tmp_path, monkeypatch):
    assert find_fonts().bold["bengali"].is_relative_to(ROOT / "fonts" / "noto")  # in the repo
    with pytest.raises(ShareImageError, match=r"git checkout -- fonts/"):
        find_fonts(tmp_path)
    monkeypatch.setenv("NOTO_FONT_DIR", str(tmp_path / "elsewhere"))
    with pytest.raises(ShareImageError, match=r"not found in .*elsewhere: .*NOTO_FONT_DIR"):
        find_fonts()
    monkeypatch.delenv("NOTO_FONT_DIR")
    monkeypatch.setattr(share_cards, "FONT_DIR", tmp_path)
    monkeypatch.setattr(sharing, "_caches", {})
    config = fake_config(tmp_path)
    with pytest.raises(PluginError, match=r"NotoSansDevanagari-Bold.ttf.*git checkout -- fonts/"):
        sharing.on_config(config)


def test_missing_shaping_fails_the_build_naming_the_package(tmp_path, monkeypatch):
    """Checked when a card has to be drawn (a cached card was drawn with raqm)."""
    monkeypatch.setattr(share_image.features, "check", lambda feature: False)
    monkeypatch.setattr(sharing, "_caches", {})
    page = SimpleNamespace(title="रेट", url="hi/rates/", meta={}, canonical_url=None)
    with pytest.raises(PluginError, match=r"install FriBiDi.*apt-get install libfribidi0"):
        sharing.on_page_context({}, page=page, config=fake_config(tmp_path), nav=None)


def fake_config(root: Path):
    i18n = SimpleNamespace(
        current_language="hi", default_language="en", all_languages=["en", "hi", "bn"]
    )
    return SimpleNamespace(
        site_url=SITE_URL,
        site_name="साइट",
        site_description="",
        site_dir=str(root / "site"),
        config_file_path=str(root / "mkdocs.yml"),
        plugins={"i18n": i18n},
    )


def test_search_dialog_override_only_adds_a_name():
    """After a Material upgrade this fails until overrides/partials/search.html is redone."""
    material = Path(__import__("material").__file__).parent / "templates/partials/search.html"
    stock = material.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    ours = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    ours = ours.split("-#}\n", 1)[1]
    named = ' aria-label="{{ ui.search_dialog | e }}"'
    assert named in ours
    assert ours.replace(named, "", 1) == stock


def test_search_dialog_is_named_in_the_page_language(built):
    _, build = built
    for path, name in [("index.html", "Search the guide"), ("hi/index.html", "गाइड में खोज")]:
        assert f'role="dialog" aria-label="{name}"' in build.page(path)


def test_share_link_works_without_javascript(built):
    _, build = built
    page = build.page("hi/rates/index.html")
    href = re.search(r'<a class="md-button guide-share__button" href="([^"]*)"', page)[1]
    split = urlsplit(href.replace("&amp;", "&"))
    assert (split.scheme, split.netloc, split.path) == ("https", "wa.me", "/")
    assert parse_qs(split.query)["text"] == [f"Upwork पर रेट और प्रपोजल {SITE_URL}hi/rates/"]
    assert "WhatsApp पर शेयर कीजिए" in page


# In a browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    site = FixtureSite(tmp_path_factory.mktemp("share-browser")).pages(
        {
            **PAGES,
            "docs/calculator.md": (
                "# Calculator\n\nSee [Upwork's fees](https://support.upwork.com/) and "
                "[rates](rates.md).\n"
            ),
        }
    )
    with SiteServer(site.path / "site") as server:
        build = site.build(env={"SITE_URL": server.url})
        assert build.ok, build.output
        yield server


WHATSAPP_CLICK = """link => {
  // keep the browser on the page: the click's own default action would open wa.me
  document.addEventListener("click", event => event.preventDefault(), { once: true });
  link.click();
  return link.href;
}"""


@pytest.mark.browser
def test_whatsapp_link_shares_the_address_with_its_fragment(served):
    with chromium() as browser:
        page = browser.new_page()
        page.goto(served.url + "calculator/#country=bd&amount=100")
        link = page.locator("a[data-guide-share]")
        assert link.inner_text().strip() == "Share on WhatsApp"
        href = link.evaluate(WHATSAPP_CLICK)
        text = parse_qs(urlsplit(href).query)["text"][0]
        assert text == f"Calculator {served.url}calculator/#country=bd&amount=100"


SHARE_STUB = """navigator.share = data => {
  window.shared = data;
  return Promise.resolve();
};"""


@pytest.mark.browser
def test_web_share_is_used_where_the_phone_has_it(served):
    with chromium() as browser:
        page = browser.new_page()
        page.add_init_script(SHARE_STUB)
        page.goto(served.url + "bn/")
        page.evaluate("location.hash = 'country=bd&portal=fiverr'")
        link = page.locator("a[data-guide-share]")
        assert link.inner_text().strip() == "এই পেজটি শেয়ার করুন"
        link.click()
        assert page.evaluate("window.shared") == {
            "title": "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড",
            "text": "ভার্চুয়াল অ্যাসিস্ট্যান্ট ক্যারিয়ার গাইড",
            "url": served.url + "bn/#country=bd&portal=fiverr",
        }
        assert page.url == served.url + "bn/#country=bd&portal=fiverr"  # still on the page


HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".guide-share"]


@pytest.mark.browser
def test_a_page_prints_without_chrome_and_with_link_targets(served):
    with chromium() as browser:
        page = browser.new_page()
        page.goto(served.url + "calculator/")
        page.emulate_media(media="print")
        for selector in HIDDEN_IN_PRINT:
            assert not page.locator(selector).first.is_visible(), selector
        assert page.locator("article h1").is_visible()
        after = page.locator("article a[href^='https://support']").evaluate(
            "a => getComputedStyle(a, '::after').content"
        )
        assert after == '" (https://support.upwork.com/)"'
        internal = page.locator("article a[href='../rates/']")
        assert internal.evaluate("a => getComputedStyle(a, '::after').content") == "none"
        pdf = page.pdf()  # it prints at all, on A4
        assert pdf.startswith(b"%PDF")


def test_og_locales_cover_every_language():
    from lib.site_languages import site_languages

    languages = site_languages((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert {languages.source, *languages.translations} <= sharing.OG_LOCALES.keys()
    assert unquote(sharing.whatsapp_link("रेट & फीस", "https://x/y/#a=1&b=2")).endswith(
        "रेट & फीस https://x/y/#a=1&b=2"
    )
