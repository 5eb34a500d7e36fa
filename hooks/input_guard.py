"""Refuse input that would publish what is not the guide's, or stall the build, before anything
is read.

- No symlink anywhere under the folders the site is built from: a link in hi/ pointing at
  /etc/passwd, /proc/self/environ or .git/config (which holds the CI token in GitHub Actions
  checkouts) would otherwise be published as a page or an asset.
- Data files have a size bound (the largest is 20 KB today): a 5 MB file fails at once instead
  of taking minutes and gigabytes to parse. Pages have theirs in lib/page_sources.py.
- site_url and repo_url (set from SITE_URL and REPO_URL) must be plain web addresses (no quotes,
  spaces or brackets): they are printed into every page's head.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from lib.pages import project_root
from lib.problems import Problem, report

SOURCE_FOLDERS = ("docs", "hi", "bn", "data", "overrides")
MAX_DATA_BYTES = 512 * 1024
PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%/+-]*)?")


class InputError(PluginError):
    """Input the build refuses to read."""


def symlinks(root: Path, folders: tuple[str, ...] = SOURCE_FOLDERS) -> list[str]:
    """Every symlink (to a file or a folder) under the source folders, relative to root."""
    found = []
    for folder in folders:
        for parent, dirs, names in os.walk(root / folder):  # never follows a linked folder
            for name in dirs + names:
                path = Path(parent) / name
                if path.is_symlink():
                    found.append(path.relative_to(root).as_posix())
    return sorted(found)


def input_problems(root: Path, urls: dict[str, str | None]) -> list[Problem]:
    problems = [
        Problem(
            link,
            0,
            "",
            "is a symbolic link: the site is built only from files in the repository; put the "
            "file itself here (git config core.symlinks false on Windows)",
        )
        for link in symlinks(root)
    ]
    for data in sorted((root / "data").glob("*.yml")):
        size = data.stat().st_size if data.is_file() and not data.is_symlink() else 0
        if size > MAX_DATA_BYTES:
            problems.append(
                Problem(
                    f"data/{data.name}",
                    0,
                    "",
                    f"the file is {size // 1024} KiB, more than the {MAX_DATA_BYTES // 1024} KiB a "
                    "data file may have: keep only what the guide shows",
                )
            )
    for name, url in urls.items():
        if url and not PLAIN_URL.fullmatch(url):
            problems.append(
                Problem(
                    "mkdocs.yml",
                    0,
                    "",
                    f"{name} {url!r} is not a plain web address (letters, digits and . - / _ ~ "
                    f"% + only): check the {name.upper()} environment variable",
                )
            )
    return problems


@event_priority(1000)  # first of all: nothing may be read before this has passed
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    urls = {"site_url": config.site_url, "repo_url": config.repo_url}
    report(input_problems(project_root(config), urls), InputError, "input problem", "found")
    return config
