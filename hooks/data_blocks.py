"""Data blocks: a marker line in a page becomes the data from data/ in the page's language.

A page asks for a block with a line translators never edit, `<!-- guide:portals -->`; it is
replaced by HTML rendered from overrides/guide/portals.html with the theme's own Jinja
environment (autoescape on: data reaches the page as text). The view each template prints is
built in hooks/lib/blocks.py. The data is loaded and checked once per change (lib.data), so the
three language builds share it and `mkdocs serve` sees edits. An unknown marker, or a record
that did not reach its block, fails the build naming the page.
"""

from __future__ import annotations

import posixpath
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from lib.blocks import BLOCKS, TEMPLATES, PageLink, block_view
from lib.data import DataError, GuideData, load_data_once
from lib.page_sources import front_matter_span, read_page_source
from lib.pages import checked_source, display_path, project_root
from lib.problems import Collector, Problem
from lib.site_languages import build_languages, current_language
from lib.template_cache import BLOCK_TEMPLATES

MARKER = re.compile(r"^[ \t]*<!--[ \t]*guide:[ \t]*([^\s>]*)[ \t]*-->[ \t]*$", re.MULTILINE)
RECORD = re.compile(r'\sdata-record="([^"]*)"')
TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
SCRIPTS = "assets/javascripts/guide-{}.js"  # a block with script=True loads its own file


# --------------------------------------------------------------------------------------------
# Rendering (pure: no MkDocs objects)


def template_env(theme: Any) -> Environment:
    """The theme's own Jinja environment (overrides/ first), escaping everything it prints; a
    name a template misspells fails instead of printing nothing."""
    env: Environment = theme.get_env().overlay(autoescape=True, undefined=StrictUndefined)
    env.bytecode_cache = BLOCK_TEMPLATES  # compiled once per process (lib/template_cache.py)
    return env


def render_block(
    block: str, data: GuideData, language: str, env: Environment, page: PageLink | None = None
) -> str:
    """The HTML of one block in one language, with no blank lines (Markdown keeps it whole);
    `page` turns a docs/ file name into a link from the page being built and its title."""
    name = f"{TEMPLATES}/{block}.html"
    view = block_view(block, data, language, page) if page else block_view(block, data, language)
    try:
        html = env.get_template(name).render(view.context)
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"overrides/{name}" + (f":{line}" if line else "")
        raise DataError(f"{where}: the template failed ({error}): fix the template") from None
    lines = (line.strip() for line in html.splitlines())
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


def record_ids(block: str, data: GuideData) -> list[str]:
    """The data-record ids a block must show: one per record of its data file."""
    return block_view(block, data, data.languages[0]).record_ids


_rendered: dict[tuple[str, str, str], str] = {}  # (block, language, page) -> HTML, one build


def render_once(
    block: str,
    data: GuideData,
    language: str,
    env: Environment,
    page: PageLink | None = None,
    url: str = "",
) -> str:
    """render_block once per language build, however many pages show the block; a reader tool
    (which links to other pages from its own) once per page."""
    key = (block, language, url if BLOCKS[block].script else "")
    if key not in _rendered:
        _rendered[key] = render_block(block, data, language, env, page)
    return _rendered[key]


def missing_records(html: str, ids: Iterable[str]) -> list[str]:
    """The ids that have no data-record attribute in html."""
    shown = {Markup(value).unescape() for value in RECORD.findall(html)}
    return [record for record in ids if record not in shown]


def find_markers(text: str) -> list[tuple[int, str]]:
    """(line, name) of every marker line in text."""
    return [(text.count("\n", 0, m.start()) + 1, m[1]) for m in MARKER.finditer(text)]


def replace_markers(
    markdown: str, render: Callable[[str], str], shown_as: str, source: str = ""
) -> tuple[str, list[str], list[Problem]]:
    """Markdown with each known marker replaced by render(name) (surrounded by blank lines).

    Returns the new Markdown, the blocks rendered, and a problem for each unknown marker (its
    line counted in `source`, the file as written, when given)."""
    known = ", ".join(f"<!-- guide:{name} -->" for name in BLOCKS)
    problems = [
        Problem(
            shown_as, line, "", f"unknown data marker <!-- guide:{name} -->: use one of {known}"
        )
        for line, name in find_markers(source or markdown)
        if name not in BLOCKS
    ]
    rendered: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in BLOCKS:
            return match[0]
        rendered.append(name)
        return f"\n{render(name)}\n"

    return MARKER.sub(replace, markdown), rendered, problems


def page_title(text: str) -> str | None:
    """The first level-one heading of a page's Markdown, front matter skipped."""
    span = front_matter_span(text)
    found = TITLE.search(text, span[1] if span else 0)
    return found[1].strip() if found else None


def page_links(page: Page, files: Files, config: MkDocsConfig) -> PageLink:
    """Links from `page` to other pages of the guide in its language, with their titles: the
    self-check offers the pages that teach each skill (data/skills.yml names them)."""

    def link(name: str) -> tuple[str, str]:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), name))
        target = files.get_file_from_path(path)
        if target is None or not target.is_documentation_page():
            raise DataError(
                f"data/skills.yml: {name} is not a page of the guide: write the name of a "
                "file in docs/, such as free-training.md"
            )
        root = project_root(config)
        source = next(
            (
                candidate
                for candidate in (root / target.src_uri, Path(target.abs_src_path or ""))
                if candidate.is_file()
            ),
            None,
        )
        text = read_page_source(str(source), target.src_uri) if source else ""
        return get_relative_url(target.url, page.url), page_title(text) or name

    return link


# --------------------------------------------------------------------------------------------
# MkDocs events

_build: dict[str, Any] = {}  # this language's build: its "data"
# Compiled block templates, kept across the language builds and `mkdocs serve` rebuilds (Jinja
# reloads a template whose file changed): compiling them again in every build cost 80 ms.
_envs: dict[tuple[str, ...], Environment] = {}
_problems = Collector(DataError, "data block problem", "in pages")


def guide_data(config: MkDocsConfig) -> GuideData:
    """The checked data of the site's languages (lib.data reads it once per change)."""
    return load_data_once(project_root(config) / "data", build_languages(config))


def on_config(config: MkDocsConfig, /) -> None:
    """Load (or reuse) the data once per language build; bad data fails before any page."""
    _problems.clear()
    _build.clear()
    _rendered.clear()
    _build["data"] = guide_data(config)


def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if not MARKER.search(markdown):
        return None
    data = _build["data"]
    language = current_language(config)
    dirs = tuple(config.theme.dirs)
    if dirs not in _envs:
        _envs[dirs] = template_env(config.theme)
    env = _envs[dirs]
    links = page_links(page, files, config)
    # A block's HTML skips Markdown, which would only parse it to set it aside as raw HTML
    # (4% of the build's CPU): a comment holds its place and on_page_content puts it back. The
    # token makes the comment one that no page can write.
    token, held, moved = secrets.token_hex(8), [], {}

    def hold(name: str) -> str:
        html, records = move_tool_data(render_once(name, data, language, env, links, page.url))
        held.append(html)
        moved.update(records)
        return f"<!-- guide-block {token} {len(held) - 1} -->"

    page.guide_held = (token, held)  # type: ignore[attr-defined]
    page.guide_data_files = moved  # type: ignore[attr-defined]  # written by on_post_page
    markdown, rendered, problems = replace_markers(
        markdown,
        hold,
        display_path(page.file),
        checked_source(page.file),
    )
    _problems.problems.extend(problems)
    page.guide_blocks = rendered  # type: ignore[attr-defined]  # checked in on_page_content
    return markdown


TOOL_DATA = re.compile(
    r'<script type="application/json" class="guide-tool__data" data-for="([\w-]+)">(.*?)</script>',
    re.S,
)


def move_tool_data(html: str) -> tuple[str, dict[str, str]]:
    """A block's HTML with each reader tool's records moved out to a file beside the page
    (NAME.json, which the tool's script fetches once the reader uses the tool), and those files'
    texts. The
    element stays, pointing at the file: the offline copy and the asset versions find it."""
    moved: dict[str, str] = {}

    def out(match: re.Match[str]) -> str:
        moved[f"{match[1]}.json"] = match[2]
        return (
            f'<script type="application/json" class="guide-tool__data" data-for="{match[1]}" '
            f'src="{match[1]}.json"></script>'
        )

    return TOOL_DATA.sub(out, html), moved


@event_priority(-50)  # after other hooks have had their say on the HTML
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    blocks = getattr(page, "guide_blocks", None)
    if not blocks:
        return None
    token, held = page.guide_held  # type: ignore[attr-defined]
    html = re.sub(rf"<!-- guide-block {token} (\d+) -->", lambda m: held[int(m[1])], html)
    ids = _build.setdefault("ids", {})
    for block in blocks:
        if block not in ids:
            ids[block] = record_ids(block, _build["data"])
        missing = missing_records(html, ids[block])
        if missing:
            _problems.add(
                display_path(page.file),
                0,
                f"<!-- guide:{block} --> lacks {', '.join(missing)}: every record of "
                f"data/{BLOCKS[block].data_file} must reach the page with its data-record "
                f"attribute (see overrides/{TEMPLATES}/{block}.html)",
            )
    return html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Write the reader tools' records beside the page (see move_tool_data)."""
    moved: dict[str, str] = getattr(page, "guide_data_files", None) or {}
    if moved:
        folder = Path(config.site_dir) / posixpath.dirname(page.file.dest_uri)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in moved.items():
            (folder / name).write_text(text, encoding="utf-8")
    return output


def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The scripts of the page's tools, which overrides/main.html loads (and no other page)."""
    blocks = getattr(page, "guide_blocks", None) or []
    context["guide_scripts"] = [SCRIPTS.format(b) for b in blocks if BLOCKS[b].script]
    return context


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page of this language is read: report every marker problem at once."""
    _problems.raise_if_any()
    return env
