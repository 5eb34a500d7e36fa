"""How long `mkdocs build --strict` takes here, against the stock build of the same Markdown.

    python benchmarks/build_speed.py                   # 1x and 10x content, 5 pairs each
    python benchmarks/build_speed.py --sizes 1 --pairs 9
    python benchmarks/build_speed.py --max-ratio 1.4   # what CI runs: exit 1 over budget
    python benchmarks/build_speed.py --json figures.json

"Ours" is this project: its mkdocs.yml with every hook and the overrides. "Stock" is the same
Markdown built by Material and mkdocs-static-i18n alone, from a generated mkdocs.yml with the
same languages, nav, Markdown extensions and plugin options, but no hooks and no custom_dir (its
templates need the hooks). Stock i18n finds translations in docs/hi and docs/bn, so the stock
project gets a copy of docs/ with hi/ and bn/ copied into it; data markers such as
`<!-- guide:rates -->` stay HTML comments there.

Each size is built in a temporary copy of the repository. At 1x that is the repository as it
is; at 10x every page of docs/, hi/ and bn/ (the status page and the data-block pages too)
exists ten times: the original and nine copies under copy2/ ... copy10/, added to the nav as
sections "Copy 2" ... "Copy 10". Links between pages stay relative, so they lead to the pages of
the same copy; a link to anything else (an image, a page that does not exist in every copy) is
rewritten to reach the original. Copies are byte for byte, so each translation's source_hash
still matches its English page; only the copies of hi/translations.md and bn/translations.md
gain one, because outside the top folder the status page is an ordinary page.

Builds run as `python -m mkdocs build --strict -q` subprocesses, timed with perf_counter, into a
fresh empty folder each time. After one untimed warm-up of each build, the builds alternate
(ours, stock, ours with BUILD_ONLY_LOCALE, ours, stock, ...), so a machine that slows down
slows both sides of a pair. Printed per size: min / median / max seconds of each build and of
the ratio ours/stock taken pair by pair, and the median ratio of the one-language build
(BUILD_ONLY_LOCALE=hi, a translator's preview) to the full build of the same round.

Budget: the median ratio ours/stock at 1x at most --max-ratio (CI passes 1.4); exits 1 over
it, 2 when a build fails. The one-language ratio is reported, not enforced: it should stay
about 0.5.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    import resource
except ImportError:  # Windows: wall-clock times only
    resource = None

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from lib.site_languages import site_languages  # noqa: E402
from lib.translation_status import (  # noqa: E402
    STATUS_PAGE,
    State,
    read_translation_meta,
    source_hash,
    translation_state,
    with_source_hash,
)

I18N = "i18n"
COPY_FOLDER = "copy{}"
COPY_TITLE = "Copy {}"
# Not part of the site: left out of the temporary copies of the repository.
SKIPPED_EVERYWHERE = {".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
SKIPPED_AT_TOP = {"site", "build", ".venv", "test-results", "node_modules"}

# Link targets in Markdown, as hooks/link_check.py finds them (code blocks are left alone).
FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
LINK_TARGETS = [
    re.compile(r"(\]\(\s*<?)([^)\s>]+)"),  # [text](target) and ![alt](target)
    re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)([^\s>]+)", re.M),  # [ref]: target
    re.compile(r"""(\b(?:href|src)\s*=\s*["'])([^"']+)"""),  # raw HTML
]
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


# --------------------------------------------------------------------------------------------
# The 10x fixture (pure file work: no MkDocs run)


def markdown_pages(folder: Path) -> list[str]:
    """Every Markdown page under `folder` (relative, POSIX), sorted; hidden files left out."""
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.md")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts)
    )


def relocate_links(text: str, page: str, copied: set[str], folder: str) -> str:
    """The text of `page` moved to `folder`/`page`: links to pages in `copied` stay as they are
    (the copy has them too), any other relative link is rewritten to reach the original."""

    def retarget(match: re.Match[str]) -> str:
        target = match[2]
        if SCHEME.match(target) or target.startswith(("/", "#")):
            return match[0]
        path, sep, rest = ([*re.split(r"([#?])", target, maxsplit=1), "", ""])[:3]
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if resolved in copied:
            return match[0]
        moved = posixpath.relpath(resolved, posixpath.dirname(f"{folder}/{page}"))
        return match[1] + moved + sep + rest

    def outside_code(part: str) -> str:
        for pattern in LINK_TARGETS:
            part = pattern.sub(retarget, part)
        return part

    pieces, start = [], 0
    for code in FENCED_CODE.finditer(text):
        pieces += [outside_code(text[start : code.start()]), code[0]]
        start = code.end()
    return "".join([*pieces, outside_code(text[start:])])


def copy_folders(factor: int) -> list[str]:
    """The folders of the copies that make `factor` times the content: copy2 ... copy<factor>."""
    return [COPY_FOLDER.format(k) for k in range(2, factor + 1)]


def multiply_pages(root: Path, factor: int) -> list[Path]:
    """Make every page of a project `factor` times: copies under copy2/ ... in docs_dir and in
    each translation folder. Returns the files written.

    Pages are copied byte for byte unless a link must be rewritten (see relocate_links), so each
    copy of a translation keeps the state of its original. Two exceptions keep that true: a
    translation that was up to date with an English page whose copy had a link rewritten is
    stamped again against that copy, and copies of the status page are stamped (the status page
    itself never needs a source_hash, but a copy in copy2/ is an ordinary page)."""
    languages = site_languages((root / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = root / languages.docs_dir
    english = markdown_pages(docs)
    translated = {language: markdown_pages(root / language) for language in languages.translations}
    written: list[Path] = []
    for folder in copy_folders(factor):
        changed_english: dict[str, bytes] = {}
        for page in english:
            data = original = (docs / page).read_bytes()
            text = original.decode("utf-8")
            moved = relocate_links(text, page, set(english), folder)
            if moved != text:
                data = changed_english[page] = moved.encode("utf-8")
            written.append(_write(docs / folder / page, data))
        for language, pages in translated.items():
            for page in pages:
                source = root / language / page
                original = source.read_bytes()
                text = original.decode("utf-8")
                moved = relocate_links(text, page, set(english) | set(pages), folder)
                if page == STATUS_PAGE or (
                    page in changed_english and _up_to_date(docs / page, source, language, page)
                ):
                    english_copy = changed_english.get(page) or (docs / page).read_bytes()
                    moved = with_source_hash(moved, source_hash(english_copy))
                data = original if moved == text else moved.encode("utf-8")
                written.append(_write(root / language / folder / page, data))
    return written


def _up_to_date(english: Path, translation: Path, language: str, page: str) -> bool:
    meta = read_translation_meta(translation, f"{language}/{page}")
    return translation_state(english.read_bytes(), meta) is State.UP_TO_DATE


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def prefixed_nav(nav: Any, folder: str) -> Any:
    """The nav with every page path moved into `folder`/ (URLs and titles unchanged)."""
    if isinstance(nav, list):
        return [prefixed_nav(item, folder) for item in nav]
    if isinstance(nav, dict):
        return {title: prefixed_nav(value, folder) for title, value in nav.items()}
    if isinstance(nav, str) and not SCHEME.match(nav) and not nav.startswith("/"):
        return f"{folder}/{nav}"
    return nav


def nav_with_copies(nav: list | None, factor: int) -> list | None:
    """The nav, then one section per copy holding the same nav inside its folder."""
    if nav is None:  # MkDocs then lists every page, the copies too
        return None
    sections = [{COPY_TITLE.format(f[4:]): prefixed_nav(nav, f)} for f in copy_folders(factor)]
    return [*nav, *sections]


# `nav:` and the lines under it: indented, blank, or list items written at the left margin
TOP_LEVEL_NAV = re.compile(r"^nav:[^\n]*\n(?:(?:[ \t]+[^\n]*|-[^\n]*|[ \t]*)(?:\n|\Z))*", re.M)


def replace_nav(mkdocs_yml: str, nav: list) -> str:
    """mkdocs.yml with its top-level `nav:` replaced (the rest, !ENV tags too, kept as text)."""
    dumped = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)
    if TOP_LEVEL_NAV.search(mkdocs_yml) is None:
        return mkdocs_yml.rstrip("\n") + "\n\n" + dumped
    return TOP_LEVEL_NAV.sub(lambda _: dumped, mkdocs_yml, count=1)


def make_fixture(root: Path, factor: int) -> None:
    """Turn a copy of the project at `root` into `factor` times the content, nav included."""
    if factor <= 1:
        return
    multiply_pages(root, factor)
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    nav = nav_with_copies(load_config(text).get("nav"), factor)
    if nav is not None:
        config_file.write_text(replace_nav(text, nav), encoding="utf-8")


def copy_project(source: Path, dest: Path) -> Path:
    """The repository at `source` copied to `dest`, without git, caches and built sites."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = SKIPPED_EVERYWHERE | (SKIPPED_AT_TOP if Path(folder) == source else set())
        return {name for name in names if name in skipped or name.endswith(".egg-info")}

    shutil.copytree(source, dest, ignore=ignore)
    return dest


# --------------------------------------------------------------------------------------------
# The stock project


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: !ENV [NAME, default] resolved, !!python/ tags as None."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1] or items, items[-1] if len(items) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            parsed = yaml.safe_load(value) if value else value
            return parsed if isinstance(parsed, bool | int | float) else value
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_ConfigLoader) or {}


def stock_config(config: dict[str, Any]) -> dict[str, Any]:
    """Our configuration minus what needs this project's code: hooks, the theme's custom_dir,
    the watch list, and BUILD_ONLY_LOCALE (the stock build always builds every language)."""
    stock = copy.deepcopy(config)
    for key in ("hooks", "watch"):
        stock.pop(key, None)
    stock["docs_dir"] = "docs"
    theme = stock.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    for plugin in stock.get("plugins") or []:
        if isinstance(plugin, dict) and I18N in plugin:
            (plugin[I18N] or {}).pop("build_only_locale", None)
    return stock


def make_stock_project(project: Path, dest: Path) -> Path:
    """A stock project at `dest` with the pages of `project`: docs/ with docs/hi, docs/bn."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    languages = site_languages(text)
    shutil.copytree(project / languages.docs_dir, dest / "docs")
    for language in languages.translations:
        if (project / language).is_dir():
            shutil.copytree(project / language, dest / "docs" / language)
    config = stock_config(load_config(text))
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    return dest


def page_count(project: Path) -> int:
    """Markdown sources of every language in a project laid out like this repository."""
    languages = site_languages((project / "mkdocs.yml").read_text(encoding="utf-8"))
    folders = [languages.docs_dir, *languages.translations]
    return sum(len(markdown_pages(project / folder)) for folder in folders)


# --------------------------------------------------------------------------------------------
# Timing


class BuildFailed(Exception):
    pass


def child_cpu_seconds() -> float:
    """User + system CPU seconds of every finished child process so far (0 where unknown)."""
    if resource is None:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(
    project: Path, scratch: Path, only_locale: str | None = None
) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `mkdocs build --strict` of `project`, into a fresh
    empty folder. The wall clock is the measure; CPU time, which other programs on a busy
    machine barely change, is there to tell a real change from noise."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    if only_locale:
        env["BUILD_ONLY_LOCALE"] = only_locale
    site = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    try:
        cpu = child_cpu_seconds()
        start = time.perf_counter()
        result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        cpu = child_cpu_seconds() - cpu
    finally:
        shutil.rmtree(site, ignore_errors=True)
    if result.returncode != 0:
        where = f"{project}" + (f" with BUILD_ONLY_LOCALE={only_locale}" if only_locale else "")
        raise BuildFailed(f"build of {where} failed:\n{result.stdout}{result.stderr}")
    return seconds, cpu


@dataclass
class Spread:
    min: float
    median: float
    max: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        values = list(values)
        return cls(min(values), statistics.median(values), max(values))


@dataclass
class SizeResult:
    size: int
    pages: int
    ours: list[float] = field(default_factory=list)
    stock: list[float] = field(default_factory=list)
    only_locale: list[float] = field(default_factory=list)
    # CPU seconds of the same builds, by build name ("ours", "stock", "only_locale")
    cpu: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.stock, strict=True)]

    @property
    def only_locale_ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.only_locale, self.ours, strict=True)]

    def cpu_ratios(self, name: str, base: str) -> list[float]:
        pairs = zip(self.cpu.get(name, []), self.cpu.get(base, []), strict=True)
        return [a / b for a, b in pairs if b > 0]

    def figures(self) -> dict[str, Any]:
        figures: dict[str, Any] = {
            "size": self.size,
            "pages": self.pages,
            "ours_s": self.ours,
            "stock_s": self.stock,
            "ratio": self.ratios,
            "ours": asdict(Spread.of(self.ours)),
            "stock": asdict(Spread.of(self.stock)),
            "ratio_spread": asdict(Spread.of(self.ratios)),
            "cpu_s": self.cpu,
            "cpu_ratio": self.cpu_ratios("ours", "stock"),
        }
        if self.only_locale:
            figures["only_locale_s"] = self.only_locale
            figures["only_locale_ratio"] = self.only_locale_ratios
            figures["only_locale_ratio_median"] = statistics.median(self.only_locale_ratios)
            figures["only_locale_cpu_ratio"] = self.cpu_ratios("only_locale", "ours")
        return figures


def measure_size(
    size: int,
    pairs: int,
    only_locale: str | None,
    scratch: Path,
    source: Path = ROOT,
    progress: Callable[[str], None] = lambda _: None,
) -> SizeResult:
    """Warm up, then `pairs` rounds of ours, stock (and ours in one language), interleaved."""
    ours = copy_project(source, scratch / f"ours-{size}x")
    make_fixture(ours, size)
    stock = make_stock_project(ours, scratch / f"stock-{size}x")
    result = SizeResult(size, page_count(ours))
    runs: list[tuple[str, Path, str | None]] = [("ours", ours, None), ("stock", stock, None)]
    if only_locale:
        runs.append(("only_locale", ours, only_locale))
    progress(f"{size}x: {result.pages} pages, warming up")
    for _, project, locale in runs:
        timed_build(project, scratch, locale)
    for round_ in range(1, pairs + 1):
        for name, project, locale in runs:
            seconds, cpu = timed_build(project, scratch, locale)
            getattr(result, name).append(seconds)
            result.cpu.setdefault(name, []).append(cpu)
        progress(
            f"{size}x: pair {round_}/{pairs}: ours {result.ours[-1]:.2f} s, "
            f"stock {result.stock[-1]:.2f} s"
            + (f", {only_locale} only {result.only_locale[-1]:.2f} s" if only_locale else "")
        )
    shutil.rmtree(ours, ignore_errors=True)
    shutil.rmtree(stock, ignore_errors=True)
    return result


def report(results: list[SizeResult], pairs: int, only_locale: str | None) -> None:
    print(
        f"build_speed: seconds per `mkdocs build --strict`, {pairs} timed pair(s) after one "
        "warm-up each\n(ours: this project; stock: Material + i18n alone, the same pages and nav)"
    )
    print(f"{'size':<6}{'pages':>6}  {'':<16}{'min':>8}{'median':>8}{'max':>8}")
    for r in results:
        rows = [
            ("ours", Spread.of(r.ours), "{:8.2f}"),
            ("stock", Spread.of(r.stock), "{:8.2f}"),
            ("ours/stock", Spread.of(r.ratios), "{:8.2f}"),
        ]
        if r.cpu_ratios("ours", "stock"):
            rows.append(("ours/stock CPU", Spread.of(r.cpu_ratios("ours", "stock")), "{:8.2f}"))
        for i, (name, spread, fmt) in enumerate(rows):
            head = f"{str(r.size) + 'x':<6}{r.pages:>6}" if i == 0 else " " * 12
            cells = "".join(fmt.format(v) for v in (spread.min, spread.median, spread.max))
            print(f"{head}  {name:<16}{cells}")
        if r.only_locale:
            median = statistics.median(r.only_locale_ratios)
            cpu = r.cpu_ratios("only_locale", "ours")
            print(
                f"{'':12}  BUILD_ONLY_LOCALE={only_locale}: median {median:.2f} of the full build"
                + (f" (CPU {statistics.median(cpu):.2f})" if cpu else "")
                + f", {Spread.of(r.only_locale).median:.2f} s"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1, 10],
        metavar="N",
        help="content sizes to build: 1 is the site, 10 ten times it (default: 1 10)",
    )
    parser.add_argument("--pairs", type=int, default=5, help="timed pairs per size (default 5)")
    parser.add_argument(
        "--max-ratio",
        type=float,
        metavar="R",
        help="exit 1 when the median ratio ours/stock at 1x is over R",
    )
    parser.add_argument(
        "--only-locale",
        default="hi",
        metavar="LOCALE",
        help="BUILD_ONLY_LOCALE timed against the full build ('' to skip)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    parser.add_argument("--project", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(size < 1 for size in args.sizes) or args.pairs < 1:
        parser.error("sizes and --pairs must be at least 1")
    if args.max_ratio is not None and 1 not in args.sizes:
        parser.error("--max-ratio applies to size 1: include 1 in --sizes")

    def progress(line: str) -> None:
        print(f"  {line}", file=sys.stderr, flush=True)

    results = []
    with tempfile.TemporaryDirectory(prefix="build-speed-") as scratch:
        try:
            for size in dict.fromkeys(args.sizes):
                results.append(
                    measure_size(
                        size,
                        args.pairs,
                        args.only_locale or None,
                        Path(scratch),
                        args.project.resolve(),
                        progress,
                    )
                )
        except BuildFailed as error:
            print(f"build_speed: {error}", file=sys.stderr)
            return 2
    report(results, args.pairs, args.only_locale or None)

    ok = True
    if args.max_ratio is not None:
        median = statistics.median(next(r for r in results if r.size == 1).ratios)
        ok = median <= args.max_ratio
        verdict = "within" if ok else "OVER"
        print(
            f"budget: median ours/stock at 1x {median:.2f}, at most {args.max_ratio:.2f}: {verdict}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "pairs": args.pairs,
                    "only_locale": args.only_locale or None,
                    "max_ratio": args.max_ratio,
                    "ok": ok,
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "sizes": [r.figures() for r in results],
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
