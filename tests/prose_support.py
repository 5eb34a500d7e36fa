"""A Markdown page as a reader reads it, for the prose checks in tests/content/: what is not
prose blanked out, every remaining character on its own line and column, so a problem found in
the result is reported at the line and column of the page as written."""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(```|~~~)")
QUOTE = re.compile(r"^\s*>")
DESCRIPTION = re.compile(r"^(description:)(.*)$")


def blank(match: re.Match[str]) -> str:
    """The match as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", match[0])


def reader_text(text: str, *, keep_description: bool = False) -> str:
    """`text` without front matter (but its description's value, when asked), fenced code,
    quotes (English a client reads), HTML comments and inline code."""
    lines = text.split("\n")
    if lines and lines[0] == "---":
        for i in range(lines.index("---", 1) + 1):
            description = DESCRIPTION.match(lines[i]) if keep_description else None
            lines[i] = " " * len(description[1]) + description[2] if description else ""
    fenced = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
            lines[i] = ""
        elif fenced or QUOTE.match(line):
            lines[i] = ""
    prose = "\n".join(lines)
    prose = re.sub(r"<!--.*?-->", blank, prose, flags=re.S)
    return re.sub(r"`[^`\n]*`", blank, prose)
