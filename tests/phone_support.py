"""The real site, built once for a test module, and what the phone tests need to know about it:
its pages in every language and the widths of the phones our readers use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Build

LANGUAGE_PREFIXES = {"en": "", "hi": "hi/", "bn": "bn/"}
PHONE_WIDTHS = (320, 360, 412)  # the narrowest Android phones our readers use, and a common one


def build_real_site(site: Path, site_url: str) -> Build:
    """The project itself (not a fixture), built strictly into `site` for `site_url`."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def page_paths() -> list[str]:
    """Every page of the guide in every language, as site-relative URLs ("", "hi/rates/")."""
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    urls = []
    for prefix in LANGUAGE_PREFIXES.values():
        for page in pages:
            stem = page.removesuffix(".md")
            urls.append(prefix + ("" if stem == "index" else stem.removesuffix("/index") + "/"))
    return urls
