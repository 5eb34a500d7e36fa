"""`mkdocs serve` picks up edits in hi/, bn/ and data/, which live outside docs_dir."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FixtureSite


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path):
    site = FixtureSite(tmp_path / "project").pages(
        {
            "docs/index.md": "# Home\n",
            "hi/index.md": "# पहला शीर्षक\n",
            "bn/index.md": "# প্রথম শিরোনাম\n",
        }
    )
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.path,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/va-guide/"
    try:
        assert wait_for(lambda: "पहला शीर्षक" in fetch(base + "hi/")), (
            tmp_path / "serve.log"
        ).read_text()
        yield site, base, tmp_path / "serve.log"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_serve_reloads_translations_and_data(served):
    site, base, log = served
    site.write("hi/index.md", "# बदला हुआ शीर्षक\n")
    assert wait_for(lambda: "बदला हुआ शीर्षक" in fetch(base + "hi/")), log.read_text()

    site.write("bn/index.md", "# নতুন শিরোনাম\n")
    assert wait_for(lambda: "নতুন শিরোনাম" in fetch(base + "bn/")), log.read_text()

    builds_before = log.read_text().count("Building 'en' documentation")
    glossary = site.path / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert wait_for(lambda: log.read_text().count("Building 'en' documentation") > builds_before), (
        log.read_text()
    )
