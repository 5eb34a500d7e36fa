"""What "Save this guide for offline reading" costs a reader, per language, and whether it works.

    python benchmarks/offline_size.py             # builds the project, then measures
    python benchmarks/offline_size.py --site site # measures a site built already (at /)
    python benchmarks/offline_size.py -v          # and lists every file the save downloads

For each language (en, hi, bn) a fresh Chromium profile opens the language's home page, waits
for the service worker (sw.js) and presses the save control; then, with the network off, it
opens every page of that language listed in offline.json. Reported per language:

- whole copy: the gzipped size of everything the language's offline copy holds (its pages,
  search index and the shared assets), from offline.json: what the control states, and what a
  reader downloads in total (first page included);
- saved: the gzipped bytes the save itself fetched, counted at the server (the first page's
  files are kept by the worker already and not fetched again);
- offline: pages that opened with the network off, of all the language's pages.

Budget (issue 17): the whole copy of a language at most 1 MiB gzipped. Exits 1 when a
language goes over it or any of its pages does not open offline, 2 when the site cannot be
built or opened. Also prints the worker's own size.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

from page_weight import CONTROLLED, build, free_port, gzipped_size  # noqa: E402

from browser_support import CHROMIUM, SiteServer, chromium  # noqa: E402
from lib.offline import download_size  # noqa: E402

KIB, MIB = 1024, 1024 * 1024
HOMES = {"en": "", "hi": "hi/", "bn": "bn/"}


@dataclass
class Saving:
    language: str
    whole: int
    saved: int
    files: int
    pages: int
    offline: int
    downloaded: list[tuple[str, int]]


def save_language(browser, server: SiteServer, manifest: dict, language: str) -> Saving:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + HOMES[language], wait_until="networkidle")
        if not page.evaluate(CONTROLLED):
            raise SystemExit(f"offline_size: no service worker controls /{HOMES[language]}")
        control = page.locator(".guide-offline")
        saved_text = control.get_attribute("data-saved")
        control.locator("summary").click()
        control.locator("button").wait_for(state="visible")
        start = len(server.log)
        control.locator("button").click()
        page.locator(".guide-offline__status", has_text=saved_text).wait_for(timeout=120_000)
        page.wait_for_timeout(200)  # the server logs a response just after sending it
        downloaded = [(s.path, gzipped_size(s.body)) for s in server.log[start:]]

        keys = manifest["languages"][language]
        pages = [key for key in keys if key == "" or key.endswith("/")]
        context.set_offline(True)
        offline = 0
        for key in pages:
            response = page.goto(server.url + key)
            html = page.content()
            if response and response.ok and "guide-offline-page" not in html:
                offline += 1
            else:
                print(f"  /{key} did not open offline", file=sys.stderr)
    finally:
        context.close()
    files = len(set(manifest["shared"]) | set(keys))
    return Saving(
        language,
        download_size(manifest, language),
        sum(size for _, size in downloaded),
        files,
        len(pages),
        offline,
        downloaded,
    )


def report(savings: list[Saving], worker: int, budget: int, verbose: bool) -> bool:
    print(f"{'language':<10}{'whole copy':>14}{'saved':>14}{'files':>8}{'offline':>12}")
    ok = True
    for s in savings:
        over = s.whole > budget
        ok = ok and not over and s.offline == s.pages
        print(
            f"{s.language:<10}{s.whole / KIB:>10.1f} KiB{s.saved / KIB:>10.1f} KiB{s.files:>8}"
            f"{s.offline:>6} of {s.pages:<3}" + ("   OVER" if over else "")
        )
        if verbose:
            for path, size in s.downloaded:
                print(f"        {size:>8} B gz  {path}")
    print(f"service worker (sw.js): {worker / KIB:.1f} KiB gzipped")
    print(
        f"budget: the whole offline copy of a language {budget / MIB:.0f} MiB gzipped, "
        "every page of it readable offline"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build")
    parser.add_argument("--budget-kib", type=float, default=1024.0)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every download")
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"offline_size: {CHROMIUM} not found (install Debian's chromium)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site.resolve() if args.site else Path(scratch) / "site"
        site.mkdir(exist_ok=True)
        with SiteServer(site, free_port()) as server:
            if not args.site:
                build(args.project, site, server.url)
            if not (site / "offline.json").is_file():
                print(f"offline_size: {site}/offline.json not found", file=sys.stderr)
                return 2
            manifest = json.loads((site / "offline.json").read_text(encoding="utf-8"))
            worker = gzipped_size((site / "sw.js").read_bytes())
            with chromium() as browser:
                savings = [
                    save_language(browser, server, manifest, language)
                    for language in manifest["languages"]
                ]
    return 0 if report(savings, worker, int(args.budget_kib * KIB), args.verbose) else 1


if __name__ == "__main__":
    sys.exit(main())
