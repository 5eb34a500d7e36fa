"""Nothing lost silently: every Markdown source must come out as a page in every language.

The i18n plugin drops files it cannot place (a two-letter folder inside docs/ is taken for a
language; a file outside docs_dir is an "Unhandled file case") and a top-level folder for a
language that mkdocs.yml does not list is never read at all. After the last language is built,
this compares the sources with the site and fails the build naming each lost page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lib.page_sources import source_files
from lib.pages import project_root
from lib.problems import Problem, report
from lib.site_languages import (
    build_languages,
    configured_languages,
    is_final_build,
    is_partial_build,
    source_language,
    translation_languages,
)

LANGUAGE_LIKE = re.compile(r"^[a-z]{2}$")


class LostPageError(PluginError):
    """A source page with no built page."""


def built_path(src_uri: str, config: MkDocsConfig) -> str:
    """Where MkDocs writes a page with this source path (rates.md -> rates/index.html)."""
    return File(src_uri, None, config.site_dir, config.use_directory_urls).dest_uri


def expected_pages(root: Path, docs: Path, config: MkDocsConfig) -> dict[str, list[str]]:
    """Source path -> the site paths it must produce (English pages: in every language)."""
    source = source_language(config)
    prefixes = {lang: "" if lang == source else f"{lang}/" for lang in build_languages(config)}
    expected: dict[str, list[str]] = {}
    for page in source_files(docs, ".md"):
        rel = page.as_posix()
        dest = built_path(rel, config)
        expected[f"{docs.relative_to(root).as_posix()}/{rel}"] = [
            prefix + dest for prefix in prefixes.values()
        ]
    for language in translation_languages(config):
        for inside in source_files(root / language, ".md"):
            expected[f"{language}/{inside}"] = [
                f"{language}/{built_path(inside.as_posix(), config)}"
            ]
    return expected


def unlisted_language_folders(root: Path, config: MkDocsConfig) -> list[str]:
    """Top-level two-letter folders with pages, for languages mkdocs.yml does not build."""
    known = set(configured_languages(config))
    return sorted(
        folder.name
        for folder in root.iterdir()
        if folder.is_dir()
        and LANGUAGE_LIKE.match(folder.name)
        and folder.name not in known
        and any(folder.rglob("*.md"))
    )


def lost_pages(root: Path, config: MkDocsConfig) -> list[Problem]:
    docs = Path(config.docs_dir).resolve()
    site = Path(config.site_dir)
    problems = [
        Problem(
            source,
            0,
            "",
            f"no page was built at site/{dest}: "
            + (
                "folders with two-letter names inside docs/ are taken for languages; rename it"
                if LANGUAGE_LIKE.match(Path(source).parts[1] if len(Path(source).parts) > 2 else "")
                else "check the build log above for why it was skipped"
            ),
        )
        for source, dests in expected_pages(root, docs, config).items()
        for dest in dests
        if not (site / dest).is_file()
    ]
    problems += [
        Problem(
            f"{name}/",
            0,
            "",
            f"looks like a language folder, but '{name}' is not in the i18n languages of "
            "mkdocs.yml: add it there, or rename the folder",
        )
        for name in unlisted_language_folders(root, config)
    ]
    return problems


@event_priority(-300)  # after every language is built and the 404s are in place
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_final_build(config) or is_partial_build(config):
        return  # a one-language preview leaves the other languages out on purpose
    report(lost_pages(project_root(config), config), LostPageError, "page", "lost in the build")
