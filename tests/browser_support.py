"""A built site served like GitHub Pages and Debian's Chromium to drive it, for browser tests
and benchmarks/page_weight.py.

    with SiteServer(build.site) as server, chromium() as browser:
        page = browser.new_page()
        page.goto(server.url + "hi/")

Tests call require_chromium() first: it skips when /usr/bin/chromium is missing, and fails
instead when REQUIRE_BROWSER=1 (CI sets it so browser tests cannot silently vanish).
Playwright drives the system Chromium; `playwright install` is never needed.
"""

from __future__ import annotations

import http.server
import mimetypes
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = {".js": "text/javascript", ".json": "application/json", ".xml": "application/xml"}


def require_chromium() -> Path:
    """The Chromium binary, or skip the test (fail it when REQUIRE_BROWSER=1)."""
    import pytest

    if CHROMIUM.is_file():
        return CHROMIUM
    message = f"{CHROMIUM} not found: install Debian's chromium package"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (REQUIRE_BROWSER=1)")
    pytest.skip(message)


@contextmanager
def chromium() -> Iterator:
    """A headless Playwright Browser on the system Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class Served:
    """One response of the server: path as requested, HTTP status and the body sent."""

    path: str
    status: int
    body: bytes


class SiteServer:
    """Serve a folder on 127.0.0.1 (a free port) in a thread, the way GitHub Pages does.

    A folder answers with its index.html, and a missing file with the site's 404.html and status
    404, so a request for a missing file costs what it costs in production. Every response is
    recorded in `log`. The folder may still be empty when the server starts (build into it).
    """

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = Path(root).resolve()
        self.log: list[Served] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, kind = server.respond(self.path)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=600")
                self.end_headers()
                self.wfile.write(body)
                server.log.append(Served(self.path, status, body))

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL with a trailing slash, e.g. http://127.0.0.1:41234/."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def respond(self, raw_path: str) -> tuple[int, bytes, str]:
        relative = unquote(urlsplit(raw_path).path).lstrip("/")
        target = (self.root / relative).resolve()
        if target.is_dir():
            target = target / "index.html"
        if target.is_relative_to(self.root) and target.is_file():
            return 200, target.read_bytes(), self._type(target)
        missing = self.root / "404.html"
        if missing.is_file():
            return 404, missing.read_bytes(), "text/html; charset=utf-8"
        return 404, b"Not found", "text/plain"

    @staticmethod
    def _type(path: Path) -> str:
        kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        kind = kind or "application/octet-stream"
        return kind + "; charset=utf-8" if kind.startswith("text/") else kind

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
