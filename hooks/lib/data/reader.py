"""Reading a data file strictly: lines kept, anchors refused, duplicate keys found.

Anchors and aliases are refused as soon as the parser meets one (so an alias bomb never
expands), duplicate keys are errors, and only plain text, numbers, booleans, null, lists and
mappings are read (no tags that build objects). Every value's line is kept for the messages.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lib.data.document import Document, KeyPath, shown
from lib.page_sources import NOT_TEXT
from lib.problems import Problem

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = SafeConstructor()
# Numbers as people write them: no leading zeros (YAML reads 07000 as octal 3584), no `2026.0`
# for a whole number, no exponent, `_` or `+`.
PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9][0-9]*)?")
YAML_FIX = (
    "check the indentation (spaces, not tabs), and put text that contains ': ' or starts with "
    "a special character (& * ! | > ' \" % @ `) in quotes"
)


class _AnchorFound(Exception):
    def __init__(self, mark: yaml.Mark, alias: bool) -> None:
        super().__init__()
        self.mark = mark
        self.alias = alias


# libyaml when it is there (ten times faster); both give the same events, nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_anchors(text: str) -> None:
    """Read the event stream (nothing is built or expanded) and stop at the first anchor."""
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise _AnchorFound(event.start_mark, isinstance(event, AliasEvent))  # type: ignore[arg-type]


def _is_empty(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def parse_yaml(text: str, doc: Document) -> None:
    """Read YAML text into doc.data, noting the line of every value; problems go on doc."""
    empty = f"the file is empty: write its data (its shape is data/schema/{doc.name}.schema.json)"
    if _is_empty(text):
        doc.add((), empty, line=1)
        return
    try:
        _refuse_anchors(text)
        node = yaml.compose(text, Loader=_LOADER)
    except _AnchorFound as found:
        sign = "an alias (*name)" if found.alias else "an anchor (&name)"
        doc.add(
            (),
            f"YAML anchors and aliases are not allowed in data files, and this line has {sign}: "
            "write the value out in full where it is used",
            line=found.mark.line + 1,
        )
        return
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "unreadable"
        if error.context and error.context_mark and mark and error.context_mark.line != mark.line:
            problem += f", {error.context} that starts on line {error.context_mark.line + 1}"
        doc.add((), f"not valid YAML ({problem}): {YAML_FIX}", line=mark.line + 1 if mark else 1)
        return
    except yaml.reader.ReaderError as error:
        doc.add(
            (),
            f"not valid YAML (the character {error.character!r} is not allowed): remove it",
            line=text.count("\n", 0, max(error.position, 0)) + 1,
        )
        return
    except yaml.YAMLError as error:
        doc.add((), f"not valid YAML ({error}): {YAML_FIX}", line=1)
        return
    except RecursionError:
        doc.add((), "nested too deeply to read: flatten the structure", line=1)
        return
    if node is None:
        doc.add((), empty, line=1)
        return
    try:
        doc.data = _value(node, (), doc)
    except RecursionError:
        doc.data = None
        doc.add((), "nested too deeply to read: flatten the structure", line=1)
        return
    if doc.data is None and not doc.problems:  # a lone `~` or `null`
        doc.add((), empty, line=1)
        return
    doc.parsed = True


def _normal(text: str) -> str:
    # NFC, as pages are read (page_sources.py): one spelling for each letter in every comparison.
    return unicodedata.normalize("NFC", text)


def _value(node: Node, path: KeyPath, doc: Document) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        if node.tag != f"{_TAG}map":
            return _bad_tag(node, path, doc)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, path, doc)
            if key is None:
                continue
            line = key_node.start_mark.line + 1
            if key in mapping:
                first = doc.key_lines[(*path, key)]
                doc.add(
                    (*path, key),
                    f"duplicate key {shown(key)} (first at line {first}): keep one of them",
                    line=line,
                )
                continue
            doc.key_lines[(*path, key)] = line
            mapping[key] = _value(value_node, (*path, key), doc)
        return mapping
    if isinstance(node, SequenceNode):
        if node.tag != f"{_TAG}seq":
            return _bad_tag(node, path, doc)
        return [_value(item, (*path, index), doc) for index, item in enumerate(node.value)]
    if node.tag not in _SCALAR_TAGS:
        return _bad_tag(node, path, doc)
    if node.tag in (f"{_TAG}str", f"{_TAG}timestamp"):
        # Dates stay text (2026-01-15): the schemas check them, and JSON has no date type.
        return _text(node.value, path, doc)
    try:
        value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        doc.bad_paths.add(path)
        doc.add(
            path,
            f"cannot read {shown(node.value)} as {node.tag.removeprefix(_TAG)}: "
            "write a plain number, or put text in quotes",
        )
        return None
    if isinstance(value, float) and not math.isfinite(value):
        doc.bad_paths.add(path)
        doc.add(path, f"must be a finite number (got {node.value}): write an ordinary number")
        return None
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and not PLAIN_NUMBER.fullmatch(node.value):
        doc.bad_paths.add(path)
        doc.add(path, f"{shown(node.value)} is not a plain number: {_number_fix(node.value)}")
        return None
    return value


def _text(value: str, path: KeyPath, doc: Document) -> str | None:
    """A text value, unless it holds what no reader should get: control or bidi characters, or
    a line break at its end (a `|` block), which also hides from `…$` patterns."""
    if found := NOT_TEXT.search(value):
        doc.bad_paths.add(path)
        doc.add(
            path,
            f"holds the character U+{ord(found[0]):04X} "
            f"({unicodedata.name(found[0], 'a control character')}), which is not text: delete it",
        )
        return None
    if value.endswith("\n"):
        doc.bad_paths.add(path)
        doc.add(
            path,
            "ends with a line break: write the text on the same line as its key, or use `>-` "
            "instead of `|` or `>`",
        )
        return None
    return _normal(value)


def _number_fix(raw: str) -> str:
    whole = raw.lstrip("+-").replace("_", "")
    if re.fullmatch(r"0[0-9]+", whole):
        return f"write {int(whole)}: YAML reads a number with a leading 0 as octal"
    if re.fullmatch(r"[0-9]+\.0*", whole):
        return f"write {whole.split('.')[0]}: a whole number needs no decimal point"
    return "write digits with at most one decimal point, such as 7000 or 91.5 (no exponent, _ or +)"


def _key(node: Node, path: KeyPath, doc: Document) -> str | None:
    if isinstance(node, ScalarNode) and node.tag in (f"{_TAG}str", f"{_TAG}merge"):
        return _normal(node.value)
    raw = shown(node.value) if isinstance(node, ScalarNode) else "a list or mapping"
    doc.bad_paths.add(path)
    doc.add(
        path,
        f"the key {raw} is not text: write keys as plain words, and quote one that YAML would "
        "read as a number, true/false, yes/no or null",
        line=node.start_mark.line + 1,
    )
    return None


def _bad_tag(node: Node, path: KeyPath, doc: Document) -> None:
    doc.bad_paths.add(path)
    doc.add(
        path,
        f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed in data files: remove it "
        "and write plain text, numbers, lists and mappings",
    )
    return None


def read_document(path: Path, name: str, shown_as: str) -> Document:
    """One data file, read but not yet validated; its problems are on the Document."""
    doc = Document(name=name, shown_as=shown_as)
    try:
        raw = path.read_bytes()
    except OSError:
        doc.problems.append(
            Problem(
                shown_as,
                0,
                "",
                f"the file is missing: create it (its shape is data/schema/{name}.schema.json)",
            )
        )
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        doc.add(
            (),
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}): save it again with "
            "the encoding UTF-8",
            line=raw[: error.start].count(b"\n") + 1,
        )
        return doc
    parse_yaml(text, doc)
    return doc
