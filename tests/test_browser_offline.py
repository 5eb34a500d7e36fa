"""Offline reading in a real browser (issue 17): save a language's guide, read and search it with
the network off, get a new deploy's changes and nothing else, and an offline page in the
reader's language for a page that was never kept. The site is served under /va-guide/, as a
project page is, so the worker's scope and every URL are checked under a base path."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from browser_support import CHROMIUM, CHROMIUM_ARGS, SiteServer, chromium, require_chromium
from conftest import ROOT, FixtureSite
from lib.formats import localize_digits
from lib.offline import download_size

pytestmark = pytest.mark.browser

BASE = "va-guide/"
PAGES = {
    "docs/index.md": "# Home\n\nA guide for every freelancer.\n",
    "docs/getting-paid.md": "# Getting paid\n\nPayment methods for a freelancer.\n",
    "docs/rates.md": "# Rates\n\nCharge an hourly rate.\n",
    "hi/index.md": "# होम\n\nफ्रीलांसर के लिए गाइड।\n",
    "hi/getting-paid.md": "# पेमेंट पाना\n\nक्लाइंट से पेमेंट कैसे लें। पुराना पाठ।\n",
    "hi/rates.md": "# रेट\n\nघंटे के हिसाब से रेट।\n",
    "bn/index.md": "# হোম\n\nফ্রিল্যান্সারদের গাইড।\n",
    "bn/getting-paid.md": "# পেমেন্ট পাওয়া\n\nক্লায়েন্টের কাছ থেকে পেমেন্ট নেওয়া।\n",
    # bn/rates.md is missing: the English page is served (and saved) at /bn/rates/
}
# a page outside the nav, removed by the second deploy
OLD = {
    "docs/old.md": "# Old page\n\nGoing away.\n",
    "hi/old.md": "# पुराना पेज\n\nयह हट जाएगा।\n",
    "bn/old.md": "# পুরোনো পেজ\n\nএটি সরে যাবে।\n",
}
NAV = "  - index.md\n  - getting-paid.md\n  - rates.md\n"
READ = {
    "hi": [("hi/", "होम"), ("hi/getting-paid/", "पेमेंट पाना"), ("hi/rates/", "रेट")],
    "bn": [("bn/", "হোম"), ("bn/getting-paid/", "পেমেন্ট পাওয়া"), ("bn/rates/", "Rates")],
}
QUERIES = {"hi": "पेमेंट", "bn": "পেমেন্ট"}
SEARCH_BOX = "input[data-md-component=search-query]"
RESULT_LINK = ".md-search-result__link"
# resolves once the service worker controls the page
CONTROLLED = """() => navigator.serviceWorker.controller ? true : new Promise(done => {
  navigator.serviceWorker.addEventListener("controllerchange", () => done(true))
  setTimeout(() => done(false), 10000)
})"""
# every cached response by URL, with the sha256 of its body (as offline.json writes it)
CACHED = """async () => {
  const out = {}
  for (const name of await caches.keys()) {
    const cache = await caches.open(name)
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer()
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body))
      out[request.url] = [name, [...digest].map(b => b.toString(16).padStart(2, "0")).join("")]
    }
  }
  return out
}"""


def words() -> dict[str, dict[str, str]]:
    return yaml.safe_load((ROOT / "data/labels.yml").read_text(encoding="utf-8"))["labels"]


class Site:
    """A fixture project built into a folder served under /va-guide/, rebuilt to deploy."""

    def __init__(self, root: Path, server: SiteServer) -> None:
        self.project = FixtureSite(root / "project", nav=NAV).pages(PAGES)
        self.folder = server.root / BASE.strip("/")
        self.server = server
        self.url = server.url + BASE

    def deploy(self) -> dict:
        build = self.project.build(env={"SITE_URL": self.url}, site=self.folder)
        assert build.ok, build.output
        return self.manifest()

    def manifest(self) -> dict:
        return json.loads((self.folder / "offline.json").read_text(encoding="utf-8"))

    def requests(self, since: int) -> list[str]:
        return [served.path for served in self.server.log[since:]]


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("offline-browser")
    (root / "served").mkdir()
    with SiteServer(root / "served") as server:
        site = Site(root, server)
        site.project.pages(OLD)
        site.deploy()
        yield site


class Reader:
    """One reader's phone: a fresh browser profile, its console watched for policy errors."""

    def __init__(self, browser, site: Site) -> None:
        self.context = browser.new_context(viewport={"width": 360, "height": 740})
        self.page = self.context.new_page()
        self.site = site
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def open(self, path: str) -> Reader:
        self.page.goto(self.site.url + path)
        return self

    def wait_for_worker(self) -> None:
        assert self.page.evaluate(CONTROLLED), "no service worker took control of the page"

    def wait_until_cached(self, path: str, timeout: float = 10) -> None:
        url = self.site.url + path
        deadline = time.monotonic() + timeout
        while not self.page.evaluate("url => caches.match(url).then(Boolean)", url):
            assert time.monotonic() < deadline, f"{path} was never cached"
            self.page.wait_for_timeout(100)

    def heading(self) -> str:
        return self.page.locator("h1").first.inner_text().rstrip("¶ \n")

    def save(self, language: str) -> tuple[str, list[dict]]:
        """Open the control, read the size it states, download; (size text, progress messages)."""
        control = self.page.locator(".guide-offline")
        expect(control).to_be_visible()
        self.page.evaluate(
            """() => { window.progress = []
            navigator.serviceWorker.addEventListener("message", e => progress.push(e.data)) }"""
        )
        control.locator("summary").click()
        button = control.locator("button")
        expect(button).to_be_visible()
        stated = control.locator(".guide-offline__status").inner_text()
        button.click()
        expect(control.locator(".guide-offline__status")).to_have_text(
            words()["offline_saved"][language], timeout=30_000
        )
        return stated, self.page.evaluate("progress")

    def search(self, query: str) -> list[str]:
        self.page.locator(
            "label.md-header__button[for=__search]"
        ).click()  # a phone's search button
        box = self.page.locator(SEARCH_BOX)
        box.click()
        box.fill(query)  # an input event: guide-body.js passes it on to Material's search
        expect(box).to_have_value(query)
        self.page.locator(RESULT_LINK).first.wait_for(timeout=15_000)
        return [link.get_attribute("href") for link in self.page.locator(RESULT_LINK).all()]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser, site):
    reader = Reader(browser, site)
    yield reader
    reader.close()
    assert reader.errors == []


def kib_text(size: int, language: str) -> str:
    kib = math.ceil(size / 1024)
    return localize_digits(words()["offline_kb"][language].replace("{n}", str(kib)), language)


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_a_saved_guide_reads_and_searches_with_the_network_off(reader, site, language):
    reader.open(f"{language}/").wait_for_worker()
    size = download_size(site.manifest(), language)
    stated, progress = reader.save(language)
    # the size from offline.json, before anything is downloaded, in the reader's words and digits
    assert kib_text(size, language) in stated
    assert stated == words()["offline_size"][language].replace("{size}", kib_text(size, language))
    steps = [m for m in progress if m["type"] == "progress"]
    assert len(steps) > 3 and all(m["total"] == size for m in steps)
    assert [m["done"] for m in steps] == sorted(m["done"] for m in steps)
    assert steps[-1]["done"] == size

    reader.context.set_offline(True)
    since = len(site.server.log)
    for path, heading in READ[language]:
        reader.open(path)
        assert reader.heading() == heading, path
    reader.open(f"{language}/")
    found = reader.search(QUERIES[language])
    assert any(href.split("?")[0].endswith(f"/{language}/getting-paid/") for href in found)
    reader.page.locator(RESULT_LINK).first.click()  # a result link carries ?h=…
    reader.page.wait_for_load_state()
    assert reader.heading() in {heading for _, heading in READ[language]}
    assert site.requests(since) == []  # nothing reached the server: all of it came from the phone


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_a_page_never_opened_nor_saved_says_offline_in_the_readers_language(reader, site, language):
    reader.open(f"{language}/").wait_for_worker()
    reader.wait_until_cached(f"{language}/")
    reader.wait_until_cached(f"{language}/offline.html")
    reader.context.set_offline(True)

    reader.open(f"{language}/getting-paid/")
    assert reader.page.locator("html").get_attribute("lang") == language
    assert reader.heading() == words()["offline_title"][language]
    home = reader.page.get_by_role("link", name=words()["offline_home"][language])
    assert home.get_attribute("href") == f"/{BASE}{language}/"
    home.click()  # the page the reader opened is kept: it opens offline
    reader.page.wait_for_load_state()
    assert reader.heading() == READ[language][0][1]


def test_a_new_deploy_brings_changed_files_only_and_drops_removed_pages(browser, tmp_path):
    (tmp_path / "served").mkdir()
    with SiteServer(tmp_path / "served") as server:
        site = Site(tmp_path, server)
        site.project.pages(OLD)
        first = site.deploy()
        reader = Reader(browser, site)
        try:
            reader.open("hi/").wait_for_worker()
            reader.save("hi")
            reader.context.set_offline(True)
            reader.open("hi/old/")
            assert reader.heading() == "पुराना पेज"

            # the next deploy: one page changed, one removed in every language (the phone stays
            # offline meanwhile, so that no update check sees a half-written site)
            reader.context.set_offline(True)
            site.project.write("hi/getting-paid.md", "# पेमेंट पाना\n\nनया पाठ।\n")
            for path in OLD:
                (site.project.path / path).unlink()
            second = site.deploy()
            assert second["version"] != first["version"]

            since = len(site.server.log)
            reader.context.set_offline(False)
            reader.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
            new_cache = f"guide /{BASE} {second['version']}"
            deadline = time.monotonic() + 30
            while reader.page.evaluate("caches.keys()") != [new_cache]:
                assert time.monotonic() < deadline, reader.page.evaluate("caches.keys()")
                reader.page.wait_for_timeout(200)

            kept = set(second["shared"]) | set(second["languages"]["hi"])
            changed = {key for key in kept if first["files"].get(key) != second["files"][key]}
            assert "hi/getting-paid/" in changed
            expected = [f"/{BASE}sw.js", f"/{BASE}offline.json"]
            expected += [f"/{BASE}{key}" for key in changed]

            # (the server logs a response just after sending it: give the last one a moment)
            # (and the browser may check sw.js more than once: it is small and never cached)
            def requested() -> list[str]:
                return sorted(set(site.requests(since)) | {f"/{BASE}sw.js"})

            deadline = time.monotonic() + 5
            while requested() != sorted(expected) and time.monotonic() < deadline:
                reader.page.wait_for_timeout(100)
            assert requested() == sorted(expected)
            fetched = [path for path in site.requests(since) if not path.endswith("/sw.js")]
            assert len(fetched) == len(set(fetched))  # each changed file once

            # one version of everything: each cached file is the new deploy's, byte for byte
            cached = reader.page.evaluate(CACHED)
            files = {site.url + key: sha for key, (sha, _, _) in second["files"].items()}
            listed = {url: value for url, value in cached.items() if url in files}
            assert set(listed) == {site.url + key for key in kept}
            for url, (_, sha) in listed.items():
                assert sha.startswith(files[url]), url
            assert not [url for url in cached if "/old/" in url]

            # the browser's own HTTP cache keeps files for max-age (GitHub Pages: 10 minutes):
            # empty it, as time would, so that only the worker's cache answers offline
            reader.context.new_cdp_session(reader.page).send("Network.clearBrowserCache")
            reader.context.set_offline(True)
            reader.open("hi/getting-paid/")
            assert "नया पाठ" in reader.page.locator("article").inner_text()
            reader.open("hi/old/")  # gone from the site, gone from the phone
            assert reader.heading() == words()["offline_title"]["hi"]
            assert reader.errors == []
        finally:
            reader.close()


def test_the_site_root_worker_covers_every_language(reader, site):
    """One registration at /va-guide/ (read from site_url), from a page in any language."""
    reader.open("bn/rates/").wait_for_worker()
    scope = reader.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == site.url
    script = reader.page.evaluate(
        "navigator.serviceWorker.getRegistration().then(r => r.active.scriptURL)"
    )
    assert script == site.url + "sw.js"
    manifest = reader.page.locator("link[rel=manifest]").get_attribute("href")
    assert manifest == "../manifest.webmanifest"


def test_each_language_installs_as_its_own_app_that_opens_in_that_language(browser, site, tmp_path):
    """What "Add to Home screen" uses, as Chromium itself reads it (installability is only
    checked outside incognito: a profile on disk)."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = context.new_page()
        for folder in ["", "hi/", "bn/"]:
            page.goto(site.url + folder + "rates/")
            assert page.evaluate(CONTROLLED)
            cdp = context.new_cdp_session(page)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == site.url + folder + "manifest.webmanifest"
            assert manifest["errors"] == []
            assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
            # the app's identity is its start URL: the language's home page
            assert cdp.send("Page.getAppId")["appId"] == site.url + folder
    finally:
        context.close()
