"""Fixture sites: a copy of the real configuration, hooks, templates and data with pages of a
test's choosing, built by the real `mkdocs build --strict` command line."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_PARTS = ["hooks", "overrides", "data", "docs/assets", "fonts"]


@dataclass(frozen=True)
class Served:
    """A running `mkdocs serve`: its base URL and the log it writes."""

    url: str
    log: Path

    def fetch(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read().decode("utf-8")


def wait_for(condition, timeout: float = 60.0) -> bool:
    """Poll `condition` until it is true (connection errors count as not yet)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


class FixtureSite:
    """A throwaway project in tmp_path: the real mkdocs.yml, its nav replaced by `nav` (YAML list
    items) or dropped, or kept with keep_nav=True."""

    def __init__(self, path: Path, *, nav: str | None = None, keep_nav: bool = False) -> None:
        self.path = path
        for part in SHARED_PARTS:
            shutil.copytree(ROOT / part, path / part, ignore=shutil.ignore_patterns("__pycache__"))
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        if not keep_nav:
            config = config.split("\nnav:\n", 1)[0] + "\n"
            if nav:
                config += "nav:\n" + nav
        (path / "mkdocs.yml").write_text(config, encoding="utf-8")

    def write(self, relative: str, text: str | bytes) -> Path:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def pages(self, pages: dict[str, str]) -> FixtureSite:
        for relative, text in pages.items():
            self.write(relative, text)
        return self

    @contextmanager
    def serve(self) -> Iterator[Served]:
        """`mkdocs serve` on a free port, stopped on exit; waits until the home page answers."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        log_path = self.path.parent / "serve.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=self.path,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            served = Served(f"http://127.0.0.1:{port}/va-guide/", log_path)
            try:
                assert wait_for(lambda: served.fetch() is not None), log_path.read_text()
                yield served
            finally:
                server.terminate()
                server.wait(timeout=20)

    def build(
        self, *args: str, env: dict[str, str] | None = None, site: Path | None = None
    ) -> Build:
        """`mkdocs build --strict` into `site` (default: the project's site/ folder)."""
        site = site or self.path / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            timeout=300,
        )
        return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture
def fixture_site(tmp_path):
    """Factory: fixture_site({"docs/index.md": "# Home"}) -> FixtureSite."""

    def make(
        pages: dict[str, str] | None = None, *, nav: str | None = None, keep_nav: bool = False
    ) -> FixtureSite:
        site = FixtureSite(tmp_path / "project", nav=nav, keep_nav=keep_nav)
        return site.pages(pages or {})

    return make
