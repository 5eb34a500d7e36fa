"""Which translations need work, and the stamp a translator sets when one is done.

    python -m tools.translations status             outdated and missing translations
    python -m tools.translations status --check     the same, exit 1 if there are any
    python -m tools.translations status -l hi       only Hindi
    python -m tools.translations stamp hi/rates.md  record the English text it now follows

The logic lives in hooks/lib/translation_status.py, shared with the site's status page.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
if str(HOOKS) not in sys.path:
    # Hooks import their siblings by absolute name (MkDocs puts hooks/ on sys.path for them).
    sys.path.insert(0, str(HOOKS))

from lib.page_sources import PageSourceError, decode_page  # noqa: E402
from lib.site_languages import SiteLanguages, site_languages  # noqa: E402
from lib.translation_status import (  # noqa: E402
    STAMP_COMMAND,
    State,
    Translation,
    collect_status,
    orphaned_translations,
    source_hash,
    with_source_hash,
)

CONFIG = "mkdocs.yml"


class UsageError(Exception):
    """A problem the contributor can fix; printed without a traceback."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return folder
    raise UsageError(f"no {CONFIG} here or above {start}: run this from the repository")


def load_languages(root: Path) -> SiteLanguages:
    try:
        return site_languages((root / CONFIG).read_text(encoding="utf-8"))
    except ValueError as error:
        raise UsageError(str(error)) from None


def describe(item: Translation, docs_dir: str) -> str:
    """One line of `status` output for a translation that needs work."""
    english = f"{docs_dir}/{item.page}"
    if item.state is State.MISSING:
        return f"{item.path}: missing (copy {english} to {item.path} and translate it)"
    if item.unstamped:
        return (
            f"{item.path}: outdated (never stamped: no source_hash in its front matter; "
            f"check it against {english}, then run {STAMP_COMMAND} {item.path})"
        )
    return f"{item.path}: outdated (English changed since it was translated)"


def status(root: Path, languages: SiteLanguages, only: list[str] | None, check: bool) -> int:
    wanted = [lang for lang in languages.translations if not only or lang in only]
    unknown = sorted(set(only or []) - set(languages.translations))
    if unknown:
        raise UsageError(
            f"unknown language {', '.join(unknown)}: choose from "
            f"{', '.join(languages.translations)}"
        )
    items = collect_status(root, wanted, languages.docs_dir)
    orphans = orphaned_translations(root, wanted, languages.docs_dir)
    for item in items:
        if item.state is not State.UP_TO_DATE:
            print(describe(item, languages.docs_dir))
    for orphan in orphans:
        english = f"{languages.docs_dir}/{orphan.split('/', 1)[1]}"
        print(f"{orphan}: no English page {english} (moved or deleted? move or delete it too)")
    counts = Counter(item.state for item in items)
    pages = len({item.page for item in items})
    if counts[State.OUTDATED] or counts[State.MISSING] or orphans:
        summary = (
            f"{counts[State.OUTDATED]} outdated, {counts[State.MISSING]} missing, "
            f"{counts[State.UP_TO_DATE]} up to date"
        )
        if orphans:
            summary += f", {len(orphans)} without an English page"
        print(f"{summary} ({pages} pages x {', '.join(wanted)}).")
        return 1 if check else 0
    print(f"All {len(items)} translations are up to date ({pages} pages x {', '.join(wanted)}).")
    return 0


def stamp(root: Path, languages: SiteLanguages, paths: list[str]) -> int:
    """Set source_hash in each translation to the hash of its English page."""
    failed = 0
    for given in paths:
        try:
            print(stamp_one(root, languages, given))
        except (UsageError, PageSourceError) as error:
            print(error, file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def stamp_one(root: Path, languages: SiteLanguages, given: str) -> str:
    target = Path(given).resolve()
    try:
        rel = target.relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{given}: not inside the repository {root}") from None
    language, _, page = rel.partition("/")
    example = f"{languages.translations[0]}/rates.md" if languages.translations else "hi/rates.md"
    if language not in languages.translations or not page.endswith(".md"):
        raise UsageError(
            f"{rel}: not a translated page: give a page in "
            f"{', '.join(f'{lang}/' for lang in languages.translations)} (e.g. {example})"
        )
    english = root / languages.docs_dir / page
    english_rel = f"{languages.docs_dir}/{page}"
    if not target.is_file():
        raise UsageError(f"{rel}: no such file: copy {english_rel} to {rel} and translate it first")
    if not english.is_file():
        raise UsageError(f"{rel}: no English page {english_rel} to stamp it against")
    raw = target.read_bytes()
    decode_page(raw, rel)  # fails with the line of a bad byte
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    # Rewrite the text exactly as it was (no NFC, same line ends) apart from the one line.
    text = raw.decode("utf-8-sig")
    digest = source_hash(english.read_bytes())
    updated = with_source_hash(text, digest)
    if updated == text:
        return f"{rel}: already stamped with {digest}, the hash of {english_rel}"
    target.write_bytes((bom + updated).encode("utf-8"))
    return f"{rel}: source_hash: {digest} (the hash of {english_rel})"


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m tools.translations",
        description="List outdated and missing translations, or stamp a finished one.",
    )
    commands = cli.add_subparsers(dest="command", required=True)
    show = commands.add_parser("status", help="list outdated and missing translations")
    show.add_argument("--check", action="store_true", help="exit with status 1 if any need work")
    show.add_argument(
        "-l", "--language", action="append", help="only this language (repeatable), e.g. hi"
    )
    mark = commands.add_parser(
        "stamp",
        help="record that a translation follows the current English page",
        description="Set source_hash in each translation's front matter to the hash of its "
        "English page. Do it after checking the translation against that page, not before.",
    )
    mark.add_argument(
        "paths", nargs="+", metavar="PATH", help="a translated page, e.g. hi/rates.md"
    )
    return cli


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        root = find_root(Path.cwd().resolve())
        languages = load_languages(root)
        if args.command == "status":
            return status(root, languages, args.language, args.check)
        return stamp(root, languages, args.paths)
    except (UsageError, PageSourceError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
