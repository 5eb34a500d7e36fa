"""Every table's cells carry their column's name, so a phone can show each row as a card.

A table of three or four columns does not fit a 360 px screen: it scrolled sideways inside its
box. docs/assets/stylesheets/guide.css stacks the rows on narrow screens instead (each row a
card, each cell on its own line under its column's name), and the column names come from here:
every `<td>` of a Markdown table gets `data-label` with the text of its column's `<th>`, once,
at build time, in every language (the status table that translation_status_page.py writes as
Markdown included). CSS prints the label; no script is involved.

The rows also get the ARIA table roles: a table whose parts CSS turns into blocks loses its
table semantics in some browsers, and the roles keep screen readers announcing rows and columns
(the printed labels are marked decorative in the CSS, so they are not read twice).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, cast

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX
from mkdocs.config.defaults import MkDocsConfig

# What a cell's text may still hold: Python-Markdown's placeholders for stashed raw HTML
# (\x02wzxhzdk:0\x03) and its escaped characters (\x0242\x03 for "*").
PLACEHOLDER = re.compile(f"{STX}([^{ETX}]*){ETX}")
ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row"}
CELL_ROLES = {"th": "columnheader", "td": "cell"}


def cell_text(cell: etree.Element) -> str:
    """A header cell's text as the reader sees it, on one line."""
    text = "".join(cell.itertext())
    text = PLACEHOLDER.sub(lambda m: chr(int(m[1])) if m[1].isdigit() else "", text)
    return " ".join(text.split())


def label_table(table: etree.Element) -> None:
    """Give each body cell its column's header text as data-label, and every part its role."""
    header = table.find("thead/tr")
    labels = [cell_text(th) for th in header.findall("th")] if header is not None else []
    for element in table.iter():
        if element.tag in ROLES:
            element.set("role", ROLES[element.tag])
        elif element.tag in CELL_ROLES:
            element.set("role", CELL_ROLES[element.tag])
    for row in table.iterfind("tbody/tr"):
        for label, cell in zip(labels, row.findall("td"), strict=False):
            if label:
                cell.set("data-label", label)


class TableLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            label_table(table)


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) and the unescaping (0): header text is final.
        md.treeprocessors.register(TableLabels(md), "guide_table_labels", -5)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # An extension object (not a name): mkdocs.yml cannot name a class in a hook module. The
    # i18n plugin runs on_config once per language on the same config: add it once.
    # MkDocs types the list as names, but hands it to Python-Markdown, which takes objects too.
    extensions = cast(list[Any], config.markdown_extensions)
    if not any(isinstance(ext, TableLabelsExtension) for ext in extensions):
        extensions.append(TableLabelsExtension())
    return config
