"""The translation status page and the banner on outdated translations.

translations.md (in docs/, hi/ and bn/) holds the marker line `<!-- guide:translations -->`,
replaced here by a table of every page x language and its state in the page's language. A
translated page whose English page changed since it was stamped gets `outdated_source` in its
template context; overrides/main.html then shows partials/outdated-banner.html. The states come
from translation_status.py, the same functions `python -m tools.translations status` uses.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mount_translations import project_root, real_source_path
from site_languages import I18N_PLUGIN, current_language, source_language, translation_languages
from translation_status import (
    STAMP_COMMAND,
    STATUS_PAGE,
    State,
    Translation,
    collect_status,
    translation_state,
)

MARKER = re.compile(r"^[ \t]*<!-- guide:translations -->[ \t]*$", re.MULTILINE)
UNSTAMPED_SIGN = "\\*"

# Words of the table. The English ones are fixed: contributors and tests search for them.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "page": "Page",
        State.UP_TO_DATE: "up to date",
        State.OUTDATED: "outdated",
        State.MISSING: "missing",
        "unstamped": (
            "No `source_hash`, so nobody knows which English text the translation follows. "
            "Check it against the English page, then stamp it:"
        ),
    },
    "hi": {
        "page": "पेज",
        State.UP_TO_DATE: "अप-टू-डेट",
        State.OUTDATED: "पुराना",
        State.MISSING: "अनुवाद नहीं हुआ",
        "unstamped": (
            "इसमें `source_hash` नहीं है, इसलिए पता नहीं कि अनुवाद अंग्रेजी पेज के किस रूप से "
            "किया गया था। इसे अंग्रेजी पेज से मिलाकर देखिए, फिर यह कमांड चलाइए:"
        ),
    },
    "bn": {
        "page": "পেজ",
        State.UP_TO_DATE: "আপ-টু-ডেট",
        State.OUTDATED: "পুরোনো",
        State.MISSING: "অনুবাদ হয়নি",
        "unstamped": (
            "এতে `source_hash` নেই, তাই জানা নেই অনুবাদটি ইংরেজি পেজের কোন সংস্করণ থেকে করা। "
            "ইংরেজি পেজের সঙ্গে মিলিয়ে দেখুন, তারপর এই কমান্ডটি চালান:"
        ),
    },
}


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Locale -> the name mkdocs.yml gives it (हिन्दी, বাংলা)."""
    languages = config.plugins[I18N_PLUGIN].config.languages
    return {lang.locale: lang.name or lang.locale for lang in languages}


def status_table(
    items: list[Translation], languages: list[str], names: dict[str, str], words: dict, here: str
) -> str:
    """The Markdown table of pages x languages; `here` is the folder links are relative to."""
    pages = sorted({item.page for item in items})
    state = {(item.page, item.language): item for item in items}
    header = [words["page"], *(names.get(lang, lang) for lang in languages)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for page in pages:
        link = posixpath.relpath(page, here or ".")
        cells = [f"[`{page}`]({link})"]
        for lang in languages:
            item = state[(page, lang)]
            cells.append(words[item.state] + (f" {UNSTAMPED_SIGN}" if item.unstamped else ""))
        lines.append("| " + " | ".join(cells) + " |")
    unstamped = [item for item in items if item.unstamped]
    if unstamped:
        commands = "\n".join(f"{STAMP_COMMAND} {item.path}" for item in unstamped)
        lines += ["", f"{UNSTAMPED_SIGN} {words['unstamped']}", "", "```", commands, "```"]
    return "\n".join(lines)


@event_priority(10)  # before data_blocks (0), which rejects guide: markers it does not own
def on_page_markdown(
    markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    if not MARKER.search(markdown):
        return None
    languages = translation_languages(config)
    items = collect_status(project_root(config), languages, config.docs_dir)
    # The table speaks the language of the text around it (English on a fallback page).
    language = getattr(page.file, "locale", None) or current_language(config)
    words = WORDS.get(language, WORDS["en"])
    here = posixpath.dirname(getattr(page.file, "norm_src_uri", page.file.src_uri))
    table = status_table(items, languages, language_names(config), words, here)
    return MARKER.sub(lambda _: table, markdown)


def outdated_source(page: Page, config: MkDocsConfig) -> dict[str, str | None] | None:
    """For a translation whose English page changed since: that page's URL and language."""
    real = real_source_path(page.file)  # hi/rates.md, or None for an English page
    if not real:
        return None
    language, _, rel = real.partition("/")
    if language not in translation_languages(config) or rel == STATUS_PAGE:
        return None
    english = Path(config.docs_dir) / rel
    if not english.is_file():
        return None
    if translation_state(english.read_bytes(), page.meta) is not State.OUTDATED:
        return None
    source = source_language(config)
    alternate = getattr(page.file, "alternates", {}).get(source)
    # The English build is absent from a BUILD_ONLY_LOCALE preview: no link then.
    return {"url": alternate.url if alternate else None, "language": source}


def on_page_context(context, /, *, page: Page, config: MkDocsConfig, nav):
    context["outdated_source"] = outdated_source(page, config)
    return context
