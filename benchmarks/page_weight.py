"""What a reader downloads: each home page's first view, then everything its search box needs.

    python benchmarks/page_weight.py             # builds the project, then measures
    python benchmarks/page_weight.py --site site # measures a site built already
    python benchmarks/page_weight.py -v          # and lists every response

For the home page of each language (/, /hi/, /bn/) and each reader tool's page (/calculator/,
/hi/calculator/, …, /bn/self-check/) a fresh Chromium profile (empty cache) opens
the page and waits until the network is idle and the site's service worker (sw.js, issue 17)
controls the page: that is the first view, with what the worker fetches when it installs (the
offline pages). Then it types a word into
the search box, in the page's language, and waits for the results: whatever that loads more is
what search needs. Bytes are counted from the server's own log, so requests made by the search
worker count too (the index shards and the passages of the results it shows, fetched once the
query has settled: the measure waits until the server has had no request for a second), each
response gzipped at level 6 (what a web server sends). The server answers
like GitHub Pages: a missing file costs the site's 404 page. Any request to another origin is
reported, even if the browser blocked it.

Two budgets (issue 16): the first view of a page at most 90 KiB, and the first view plus
everything the first query downloads at most 120 KiB. Exits 1 when a page goes over either,
makes a request to another origin or is not controlled by the service worker, 2 when the site
cannot be built or opened. (The offline copy of each language: benchmarks/offline_size.py.)

The default build sets SITE_URL to the local server, so the absolute links in the pages (hreflang
alternates) point where they would in production. A site built otherwise (--site) keeps the
site_url it was built with, and requests to it are reported as going to another origin.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from browser_support import CHROMIUM, Served, SiteServer, chromium  # noqa: E402

KIB = 1024
HOMES = [("en", ""), ("hi", "hi/"), ("bn", "bn/")]
# The reader tools (issue 15): each tool page's first view within the same budget, its script
# and its records included.
TOOLS = ["calculator/", "portal-finder/", "self-check/"]
PAGES = HOMES + [(language, home + tool) for tool in TOOLS for language, home in HOMES]
# A word every language's pages use (the glossary's "payment"), typed as a reader would.
QUERIES = {"en": "payment", "hi": "पेमेंट", "bn": "পেমেন্ট"}
SEARCH_BOX = "input[data-md-component=search-query]"
# resolves once the service worker controls the page (false if none took control in 10 s)
CONTROLLED = """() => navigator.serviceWorker.controller ? true : new Promise(done => {
  navigator.serviceWorker.addEventListener("controllerchange", () => done(true))
  setTimeout(() => done(false), 10000)
})"""
RESULTS_META = ".md-search-result__meta"
RESULT = ".md-search-result__item"


@dataclass
class Phase:
    responses: list[Served] = field(default_factory=list)

    @property
    def gzipped(self) -> int:
        return sum(gzipped_size(served.body) for served in self.responses)


@dataclass
class Measurement:
    language: str
    path: str
    first_view: Phase
    search: Phase
    foreign: list[str]
    results: str
    worker: bool

    @property
    def total(self) -> int:
        return self.first_view.gzipped + self.search.gzipped

    @property
    def requests(self) -> int:
        return len(self.first_view.responses) + len(self.search.responses)

    @property
    def missing(self) -> int:
        """Gzipped bytes of 404 responses: files the page asks for that the site does not have."""
        responses = self.first_view.responses + self.search.responses
        return sum(gzipped_size(served.body) for served in responses if served.status == 404)


def gzipped_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_quiet(
    page, server: SiteServer, quiet_ms: int = 1000, limit_ms: int = 10_000
) -> None:
    """Wait until the server has answered no request for `quiet_ms` (at most `limit_ms`)."""
    seen, still = len(server.log), 0
    for _ in range(limit_ms // 100):
        page.wait_for_timeout(100)
        if len(server.log) == seen:
            still += 100
            if still >= quiet_ms:
                return
        else:
            seen, still = len(server.log), 0


def build(project: Path, site: Path, site_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise SystemExit("page_weight: the site does not build (output above)")


def measure(browser, server: SiteServer, language: str, path: str) -> Measurement:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(server.url))
    context = browser.new_context()
    foreign: list[str] = []
    context.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if not request.url.startswith((origin + "/", "data:", "blob:"))
            else None
        ),
    )
    try:
        page = context.new_page()
        start = len(server.log)
        page.goto(server.url + path, wait_until="networkidle")
        worker = page.evaluate(CONTROLLED)
        page.wait_for_timeout(500)  # what the worker asks for once it runs
        page.wait_for_load_state("networkidle")
        first_view = Phase(server.log[start:])

        start = len(server.log)
        page.locator(SEARCH_BOX).click()
        page.keyboard.type(QUERIES[language])
        with contextlib.suppress(PlaywrightTimeout):  # no result is reported; bytes still count
            page.wait_for_selector(RESULT, timeout=10_000)
        # The worker fetches the passages of the results shown once the query has settled: the
        # page's load state says nothing about that, the server's log does.
        wait_until_quiet(page, server)
        results = page.locator(RESULTS_META).text_content().strip()
        search = Phase(server.log[start:])
    finally:
        context.close()
    return Measurement(language, "/" + path, first_view, search, foreign, results, worker)


def report(measurements: list[Measurement], first_view: int, budget: int, verbose: bool) -> bool:
    print(
        f"{'page':<21}{'first view':>14}{'search':>14}{'total':>14}{'(404s)':>14}"
        f"{'requests':>10}  off-origin  worker"
    )
    ok = True
    for m in measurements:
        over = m.first_view.gzipped > first_view or m.total > budget
        ok = ok and not over and not m.foreign and m.worker
        print(
            f"{m.path:<21}{m.first_view.gzipped / KIB:>10.1f} KiB"
            f"{m.search.gzipped / KIB:>10.1f} KiB"
            f"{m.total / KIB:>10.1f} KiB{m.missing / KIB:>10.1f} KiB{m.requests:>10}  "
            f"{len(m.foreign):>10}  {'yes' if m.worker else 'NONE'}" + ("   OVER" if over else "")
        )
        for url in m.foreign:
            print(f"        to another origin: {url}")
        if verbose:
            for phase, name in ((m.first_view, "first view"), (m.search, "search")):
                for served in phase.responses:
                    print(
                        f"        {name:<11}{served.status:>4}{len(served.body):>9} B"
                        f"{gzipped_size(served.body):>8} B gz  {served.path}"
                    )
            print(f"        search results: {m.results}")
    print(
        f"budget: first view {first_view / KIB:.0f} KiB, first view + first query "
        f"{budget / KIB:.0f} KiB gzipped per page, no request to another origin, the service "
        "worker in control"
    )
    if any(m.missing for m in measurements):
        print("(404s): requests for missing files, each answered with the site's 404 page")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: any)")
    parser.add_argument("--first-view-kib", type=float, default=90.0)
    parser.add_argument("--budget-kib", type=float, default=120.0, help="first view + first query")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every response")
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"page_weight: {CHROMIUM} not found (install Debian's chromium)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site.resolve() if args.site else Path(scratch) / "site"
        site.mkdir(exist_ok=True)
        port = args.port or free_port()
        with SiteServer(site, port) as server:
            if not args.site:
                build(args.project, site, server.url)
            if not (site / "index.html").is_file():
                print(f"page_weight: {site}/index.html not found", file=sys.stderr)
                return 2
            with chromium() as browser:
                measurements = [measure(browser, server, lang, path) for lang, path in PAGES]
    limits = int(args.first_view_kib * KIB), int(args.budget_kib * KIB)
    return 0 if report(measurements, *limits, args.verbose) else 1


if __name__ == "__main__":
    sys.exit(main())
