"""Load and check the guide's data files (data/*.yml) into typed records.

Every problem in every file is collected and raised at once as one DataError, one line each
naming the file, the line, the field and the fix, then a count:

    data/portals.yml:12: portals[3].url: must start with https:// (got "javascript:…"): write …

YAML is read strictly: anchors and aliases are refused as soon as the parser meets one (so an
alias bomb never expands), duplicate keys are errors, and only plain text, numbers, booleans,
null, lists and mappings are read (no tags that build objects). The shape of each file is its
JSON Schema in data/schema/, which editors use too; the checks a schema cannot express run here:
ids used across files, a minimum above its maximum, a localized field missing a built language.
The checked data becomes frozen dataclasses; `to_json` turns them back into the shape of the
YAML files, so the same schemas describe the JSON that client-side tools read
(`python hooks/datafiles.py > guide-data.json`).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import math
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import jsonschema
import yaml
from babel import Locale
from babel.numbers import is_currency
from mkdocs.exceptions import PluginError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT7
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from money import BASE_CURRENCY, NATIVE_DIGITS, has_latin_digits, parse_when

# Read in this order: the glossary's `avoid` lists and the category ids check the others.
DATA_FILES = ("glossary", "skills", "rates", "portals", "labels")
SCHEMA_DIR = "schema"
ALL_CATEGORIES = "all"
UNCONFIRMED = "unconfirmed"
# How contributors name the languages (Babel says "Bangla").
ENGLISH_NAMES = {"en": "English", "hi": "Hindi", "bn": "Bengali"}

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = SafeConstructor()
YAML_FIX = (
    "check the indentation (spaces, not tabs), and put text that contains ': ' or starts with "
    "a special character (& * ! | > ' \" % @ `) in quotes"
)


class DataError(PluginError):
    """The data files have problems; the message lists every one, then a count."""


# --------------------------------------------------------------------------------------------
# Problems


# Characters str.splitlines() breaks on: a message must stay on its one line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    return _LINE_BREAKS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 0 when there is no line to point at (a missing file)
    path: str  # portals[3].url; empty for the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(text)


def raise_problems(problems: Sequence[Problem]) -> None:
    """Raise one DataError listing every problem, sorted, then a count; nothing if none."""
    if problems:
        lines = [str(problem) for problem in sorted(set(problems))]
        noun = "problem" if len(lines) == 1 else "problems"
        raise DataError("\n".join([*lines, f"{len(lines)} {noun} in the data files."]))


def format_path(path: Sequence[str | int]) -> str:
    """("portals", 3, "url") -> portals[3].url; an odd key is quoted: text["3 days"]"""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z0-9_-]+", part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


def shown(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: short, on one line, text in double quotes."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return json.dumps(value)


@dataclass
class Document:
    """One data file as read: its values, the line of each, and what is wrong with it."""

    name: str
    shown_as: str
    data: Any = None
    parsed: bool = False
    lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    bad_paths: set[tuple] = field(default_factory=set)  # reported while reading

    @property
    def readable(self) -> bool:
        """True when the file was read into a mapping, so its fields can be checked."""
        return isinstance(self.data, dict)

    def line(self, path: tuple) -> int:
        """The line naming the field at path (its key's, or a list item's), else its parent's."""
        while path and path not in self.key_lines and path not in self.lines:
            path = path[:-1]
        return self.key_lines.get(path) or self.lines.get(path, 1)

    def add(self, path: tuple, message: str, *, line: int | None = None) -> None:
        where = line if line is not None else self.line(path)
        self.problems.append(Problem(self.shown_as, where, format_path(path), message))


# --------------------------------------------------------------------------------------------
# Reading YAML: lines kept, anchors refused, duplicate keys found


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
            raise _AnchorFound(event.start_mark, isinstance(event, AliasEvent))


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


def _value(node: Node, path: tuple, doc: Document) -> Any:
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
                first = doc.key_lines[path + (key,)]
                doc.add(
                    path + (key,),
                    f"duplicate key {shown(key)} (first at line {first}): keep one of them",
                    line=line,
                )
                continue
            doc.key_lines[path + (key,)] = line
            mapping[key] = _value(value_node, path + (key,), doc)
        return mapping
    if isinstance(node, SequenceNode):
        if node.tag != f"{_TAG}seq":
            return _bad_tag(node, path, doc)
        return [_value(item, path + (index,), doc) for index, item in enumerate(node.value)]
    if node.tag not in _SCALAR_TAGS:
        return _bad_tag(node, path, doc)
    if node.tag in (f"{_TAG}str", f"{_TAG}timestamp"):
        # Dates stay text (2026-01-15): the schemas check them, and JSON has no date type.
        return _normal(node.value)
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
    return value


def _key(node: Node, path: tuple, doc: Document) -> str | None:
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


def _bad_tag(node: Node, path: tuple, doc: Document) -> None:
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


# --------------------------------------------------------------------------------------------
# JSON Schema validation, with messages a contributor can act on

GlossaryAvoid = Mapping[str, Sequence[tuple[str, str]]]  # language -> [(avoid, write instead)]


Schemas = Mapping[str, Any]  # file name -> its JSON, or None when it could not be read


SCHEMA_FIX = "fix it, or restore it with `git checkout -- data/schema/`"


def _schema_file(name: str) -> str:
    return f"data/{SCHEMA_DIR}/{name}"


def read_schemas(schema_dir: Path) -> tuple[Schemas, list[Problem]]:
    """Every *.schema.json in schema_dir, read once per load; a file that cannot be read is
    None, with a problem naming it (not the data file that happens to use it)."""
    schemas: dict[str, Any] = {}
    problems = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        try:
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
            continue
        except json.JSONDecodeError as error:
            line, message = error.lineno, f"not valid JSON ({error.msg})"
        except (OSError, ValueError) as error:
            line, message = 0, f"cannot read it ({error})"
        schemas[path.name] = None
        problems.append(Problem(_schema_file(path.name), line, "", f"{message}: {SCHEMA_FIX}"))
    return schemas, problems


def schema_registry(schemas: Schemas) -> Registry:
    """Resolves `common.schema.json#/…` (relative, as editors resolve it) among the schemas."""
    return Registry().with_resources(
        (name, Resource.from_contents(contents, default_specification=DRAFT7))
        for name, contents in schemas.items()
        if contents is not None
    )


def validator_class(languages: Sequence[str], avoid: GlossaryAvoid) -> Any:
    """Draft 7 plus the schemas' own keywords: x-localized, x-date, x-currency."""
    names = {lang: ENGLISH_NAMES.get(lang) or Locale.parse(lang).english_name for lang in languages}

    def localized(validator, enabled, instance, schema):
        if not enabled or not isinstance(instance, dict):
            return
        for lang in languages:
            value = instance.get(lang)
            if value is None:
                yield jsonschema.ValidationError(
                    f"no {lang} text: add `{lang}:` with the {names[lang]} text"
                )
                continue
            if not isinstance(value, str):
                continue  # the type check reports it
            if has_latin_digits(value, lang):
                digits = NATIVE_DIGITS[lang]
                yield jsonschema.ValidationError(
                    f"{names[lang]} text uses Latin digits ({shown(value)}): write the digits "
                    f"as {digits[0]}-{digits[-1]}",
                    path=[lang],
                )
            for wrong, right in avoid.get(lang, ()):
                if wrong in value:
                    yield jsonschema.ValidationError(
                        f"uses {shown(wrong)}, a spelling data/glossary.yml avoids: write "
                        f"{shown(right)}",
                        path=[lang],
                    )

    def date(validator, enabled, instance, schema):
        if enabled and isinstance(instance, str) and re.fullmatch(r"\d{4}(-\d\d){0,2}", instance):
            try:
                parse_when(instance)
            except ValueError:
                yield jsonschema.ValidationError(
                    f"is not a real date (got {shown(instance)}): check the month and the day"
                )

    def currency(validator, enabled, instance, schema):
        if enabled and isinstance(instance, str) and re.fullmatch("[A-Z]{3}", instance):
            if not is_currency(instance):
                yield jsonschema.ValidationError(
                    f"unknown currency {shown(instance)}: use an ISO code such as INR, BDT or USD"
                )

    return jsonschema.validators.extend(
        jsonschema.Draft7Validator,
        {"x-localized": localized, "x-date": date, "x-currency": currency},
    )


_OWN_KEYWORDS = ("x-localized", "x-date", "x-currency")
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}
_TYPE_FIXES = {
    "string": "write the text after the colon",
    "number": "write a plain number such as 1000, without quotes or currency signs",
    "integer": "write a whole number such as 2026, without quotes",
    "boolean": "write true or false",
    "array": "write one item per line, each starting with `- `",
    "object": "write `key: value` lines indented under it",
}


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    if close:
        return f"did you mean {shown(close[0])}?"
    if len(choices) > 8:
        return "the schema in data/schema/ lists the allowed ones"
    return "use one of " + ", ".join(choices)


def schema_messages(error: jsonschema.ValidationError, name: str) -> list[tuple[tuple, str]]:
    """(path, message with its fix) for each problem one schema error stands for."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    fix = schema.get("x-fix")
    got = f" (got {shown(error.instance)})"
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        return [
            (path + (key,), f"unknown key {shown(key)}: {_suggest(key, allowed)}")
            for key in error.instance
            if key not in allowed and not any(re.search(p, key) for p in patterns)
        ]
    if kind == "required":
        missing = error.message.split(" is a required property")[0].strip("'\"")
        return [
            (path, f"missing `{missing}`: add `{missing}:` (see data/schema/{name}.schema.json)")
        ]
    if kind in _OWN_KEYWORDS:
        return [(path, error.message)]
    if "errorMessage" in schema:
        return [(path, f"{schema['errorMessage']}{got}: {fix or 'see the schema'}")]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(kind_name, kind_name) for kind_name in expected)
        message = f"must be {words}{got}: {fix or _TYPE_FIXES.get(expected[0], 'see the schema')}"
    elif kind == "pattern":
        wanted = schema.get("patternErrorMessage") or f"must match {error.validator_value}"
        message = f"{wanted}{got}: {fix or 'see the schema'}"
    elif kind == "enum":
        choices = [str(choice) for choice in error.validator_value]
        message = (
            f"must be one of {', '.join(choices)}{got}: {_suggest(str(error.instance), choices)}"
        )
    elif kind == "const":
        message = f"must be {shown(error.validator_value)}{got}: {fix or 'see the schema'}"
    elif kind == "minimum" and error.validator_value == 0:
        message = f"must not be negative{got}: {fix or 'correct the number'}"
    elif kind in ("minimum", "exclusiveMinimum"):
        word = "at least" if kind == "minimum" else "more than"
        message = f"must be {word} {error.validator_value}{got}: {fix or 'correct the number'}"
    elif kind in ("maximum", "exclusiveMaximum"):
        word = "at most" if kind == "maximum" else "less than"
        message = f"must be {word} {error.validator_value}{got}: {fix or 'correct the number'}"
    elif kind == "minItems":
        count = error.validator_value
        message = (
            f"needs at least {count} item{'' if count == 1 else 's'} (got "
            f"{len(error.instance)}): {fix or 'add the missing items'}"
        )
    else:
        message = f"{error.message}: {fix or 'see the schema'}"
    return [(path, message)]


def validate_schema(doc: Document, schemas: Schemas, registry: Registry, validator: Any) -> None:
    """Check doc.data against its schema; every error becomes a problem."""
    name = f"{doc.name}.schema.json"
    if name not in schemas:
        doc.problems.append(
            Problem(_schema_file(name), 0, "", f"the schema is missing: {SCHEMA_FIX}")
        )
        return
    if schemas[name] is None:
        return  # read_schemas reported it
    try:
        errors = list(validator(schemas[name], registry=registry).iter_errors(doc.data))
    except Unresolvable as error:  # a $ref to a file or definition that is not there
        message = f"its $ref {error.ref} leads nowhere"
    except Exception as error:  # noqa: BLE001 - any other fault of a hand-edited schema
        message = getattr(error, "message", None) or str(error)
    else:
        for error in errors:
            error_path = tuple(error.absolute_path)
            if any(error_path[: len(bad)] == bad for bad in doc.bad_paths):
                continue  # reported while reading
            for path, message in schema_messages(error, doc.name):
                doc.add(path, message)
        return
    doc.problems.append(
        Problem(_schema_file(name), 0, "", f"cannot use the schema ({message}): {SCHEMA_FIX}")
    )


# --------------------------------------------------------------------------------------------
# Checks across records and files (robust to data the schema has already rejected)


def _items(doc: Document, key: str) -> list[tuple[int, dict]]:
    """(index, record) for each mapping in the top-level list `key`."""
    if not doc.readable or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


def _check_unique(doc: Document, keys: Sequence[str], field_name: str = "id") -> set[str]:
    """Report a value of field_name used twice across the lists `keys`; return those seen."""
    seen: dict[str, tuple] = {}
    for key in keys:
        for index, item in _items(doc, key):
            value = item.get(field_name)
            if not isinstance(value, str):
                continue
            path = (key, index, field_name)
            if value in seen:
                doc.add(
                    path,
                    f"{field_name} {shown(value)} is used twice (also {format_path(seen[value])}"
                    f" at line {doc.line(seen[value])}): give each record its own",
                )
            else:
                seen[value] = path
    return set(seen)


def _check_reference(doc: Document, path: tuple, value: Any, known: set[str]) -> None:
    if isinstance(value, str) and value not in known:
        doc.add(path, f"unknown category {shown(value)}: {_suggest(value, sorted(known))}")


def check_skills(doc: Document) -> set[str] | None:
    """Ids unique in the file; every specialisation names a category. The category ids, or
    None when the file has no list of categories to check references against."""
    _check_unique(doc, ["categories", "specialisations"])
    if not doc.readable or not isinstance(doc.data.get("categories"), list):
        return None
    categories = {
        item["id"] for _, item in _items(doc, "categories") if isinstance(item.get("id"), str)
    }
    for index, item in _items(doc, "specialisations"):
        _check_reference(
            doc, ("specialisations", index, "category"), item.get("category"), categories
        )
    return categories


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_rates(doc: Document, categories: set[str] | None) -> None:
    """Ids unique, min <= max, an exchange rate for every currency, categories that exist."""
    _check_unique(doc, ["bands"])
    _check_unique(doc, ["exchange_rates"], "currency")
    rated = {BASE_CURRENCY}
    for index, item in _items(doc, "exchange_rates"):
        currency = item.get("currency")
        if currency == BASE_CURRENCY:
            doc.add(
                ("exchange_rates", index, "currency"),
                f"{BASE_CURRENCY} is the currency every rate is quoted against: remove this entry",
            )
        elif isinstance(currency, str):
            rated.add(currency)
        start, end = item.get("date"), item.get("date_end")
        if isinstance(start, str) and isinstance(end, str) and end < start:
            doc.add(
                ("exchange_rates", index, "date_end"),
                f"ends ({shown(end)}) before it starts ({shown(start)}): swap date and date_end",
            )
    for index, item in _items(doc, "bands"):
        low, high = item.get("min"), item.get("max")
        if _is_number(low) and _is_number(high) and low > high:
            doc.add(
                ("bands", index, "min"),
                f"minimum {low} is above the maximum {high}: swap them, or correct one",
            )
        currency = item.get("currency")
        if isinstance(currency, str) and is_currency(currency) and currency not in rated:
            doc.add(
                ("bands", index, "currency"),
                f"no exchange rate for {currency}: add one under exchange_rates, or use "
                + ", ".join(sorted(rated)),
            )
        if categories is not None:
            _check_reference(
                doc,
                ("bands", index, "category"),
                item.get("category"),
                categories | {ALL_CATEGORIES},
            )


def check_glossary(doc: Document) -> dict[str, list[tuple[str, str]]]:
    """Ids unique; returns language -> [(spelling to avoid, the term to write instead)]."""
    _check_unique(doc, ["terms"])
    avoid: dict[str, list[tuple[str, str]]] = {}
    for _, term in _items(doc, "terms"):
        forms = term.get("avoid")
        if not isinstance(forms, dict):
            continue
        for lang, wrongs in forms.items():
            right = term.get(lang)
            if isinstance(wrongs, list) and isinstance(right, str):
                avoid.setdefault(lang, []).extend(
                    (wrong, right) for wrong in wrongs if isinstance(wrong, str) and wrong.strip()
                )
    return avoid


# --------------------------------------------------------------------------------------------
# Typed records

Localized = Mapping[str, str]  # language -> text
Unconfirmed = Literal["unconfirmed"]


def _localized(value: Mapping[str, str]) -> Localized:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class Source:
    year: int | None  # None: the source is undated
    site: str | None = None
    article: str | None = None  # "hindi" or "bengali": the articles the guide grew from


@dataclass(frozen=True)
class Fact:
    text: Localized
    sources: tuple[Source, ...]
    since: str | None = None  # when it took effect, if the source says


@dataclass(frozen=True)
class Category:
    id: str
    name: Localized
    description: Localized
    tasks: tuple[Localized, ...]
    skills: tuple[Localized, ...]
    tools: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Specialisation:
    id: str
    category: str
    name: Localized
    description: Localized
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Skills:
    categories: tuple[Category, ...]
    specialisations: tuple[Specialisation, ...]

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def specialisations_of(self, category_id: str) -> tuple[Specialisation, ...]:
        return tuple(s for s in self.specialisations if s.category == category_id)


@dataclass(frozen=True)
class ExchangeRate:
    currency: str
    per_usd: float
    date: str
    sources: tuple[str, ...]
    date_end: str | None = None
    note: Localized | None = None


@dataclass(frozen=True)
class RateBand:
    id: str
    category: str  # a category id, or "all"
    level: str
    work: Localized
    scope: Localized
    unit: str
    currency: str
    min: float
    max: float
    sources: tuple[Source, ...]
    open_ended: bool = False  # the top is "or more": ₹7,000+


@dataclass(frozen=True)
class Rates:
    exchange_rates: tuple[ExchangeRate, ...]
    bands: tuple[RateBand, ...]

    @property
    def per_usd(self) -> Mapping[str, float]:
        return {rate.currency: rate.per_usd for rate in self.exchange_rates}

    def rate(self, currency: str) -> ExchangeRate | None:
        return next((r for r in self.exchange_rates if r.currency == currency), None)


@dataclass(frozen=True)
class Beginners:
    suits: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Payments:
    india: Fact | Unconfirmed
    bangladesh: Fact | Unconfirmed


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    url: str
    kind: str
    beginners: Beginners | Unconfirmed
    fee: Fact | Unconfirmed
    payments: Payments
    notes: Fact | None = None

    @property
    def as_of(self) -> int | None:
        """The year of the newest source behind the record; None if every source is undated."""
        facts = (
            self.fee,
            self.payments.india,
            self.payments.bangladesh,
            self.notes,
            self.beginners,
        )
        years = [
            source.year
            for fact in facts
            if isinstance(fact, Fact | Beginners)
            for source in fact.sources
            if source.year is not None
        ]
        return max(years, default=None)


@dataclass(frozen=True)
class Portals:
    portals: tuple[Portal, ...]


@dataclass(frozen=True)
class Term:
    id: str
    names: Localized = field(metadata={"flatten": True})  # the en/hi/bn keys of the term
    definition: Localized
    avoid: Mapping[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Labels:
    labels: Mapping[str, Localized]


@dataclass(frozen=True)
class GuideData:
    """Every data file, checked, as typed records."""

    languages: tuple[str, ...]
    skills: Skills
    rates: Rates
    portals: Portals
    glossary: Glossary
    labels: Labels


def _sources(raw: list[dict]) -> tuple[Source, ...]:
    return tuple(Source(year=s["year"], site=s.get("site"), article=s.get("article")) for s in raw)


def _fact(raw: Any) -> Fact | Unconfirmed:
    if raw == UNCONFIRMED:
        return UNCONFIRMED
    return Fact(
        text=_localized(raw["text"]), sources=_sources(raw["sources"]), since=raw.get("since")
    )


def build_skills(raw: dict) -> Skills:
    return Skills(
        categories=tuple(
            Category(
                id=c["id"],
                name=_localized(c["name"]),
                description=_localized(c["description"]),
                tasks=tuple(_localized(t) for t in c["tasks"]),
                skills=tuple(_localized(s) for s in c["skills"]),
                tools=tuple(c["tools"]),
                sources=_sources(c["sources"]),
            )
            for c in raw["categories"]
        ),
        specialisations=tuple(
            Specialisation(
                id=s["id"],
                category=s["category"],
                name=_localized(s["name"]),
                description=_localized(s["description"]),
                sources=_sources(s["sources"]),
            )
            for s in raw["specialisations"]
        ),
    )


def build_rates(raw: dict) -> Rates:
    return Rates(
        exchange_rates=tuple(
            ExchangeRate(
                currency=r["currency"],
                per_usd=r["per_usd"],
                date=r["date"],
                date_end=r.get("date_end"),
                note=_localized(r["note"]) if "note" in r else None,
                sources=tuple(r["sources"]),
            )
            for r in raw["exchange_rates"]
        ),
        bands=tuple(
            RateBand(
                id=b["id"],
                category=b["category"],
                level=b["level"],
                work=_localized(b["work"]),
                scope=_localized(b["scope"]),
                unit=b["unit"],
                currency=b["currency"],
                min=b["min"],
                max=b["max"],
                open_ended=b.get("open_ended", False),
                sources=_sources(b["sources"]),
            )
            for b in raw["bands"]
        ),
    )


def _beginners(raw: Any) -> Beginners | Unconfirmed:
    if raw == UNCONFIRMED:
        return UNCONFIRMED
    return Beginners(suits=raw["suits"], sources=_sources(raw["sources"]))


def build_portals(raw: dict) -> Portals:
    return Portals(
        portals=tuple(
            Portal(
                id=p["id"],
                name=p["name"],
                url=p["url"],
                kind=p["kind"],
                beginners=_beginners(p["beginners"]),
                fee=_fact(p["fee"]),
                payments=Payments(
                    india=_fact(p["payments"]["india"]),
                    bangladesh=_fact(p["payments"]["bangladesh"]),
                ),
                notes=_fact(p["notes"]) if "notes" in p else None,  # type: ignore[arg-type]
            )
            for p in raw["portals"]
        )
    )


def build_glossary(raw: dict) -> Glossary:
    own_keys = ("id", "avoid", "definition")
    return Glossary(
        terms=tuple(
            Term(
                id=t["id"],
                names=_localized({k: v for k, v in t.items() if k not in own_keys}),
                definition=_localized(t["definition"]),
                avoid=MappingProxyType({k: tuple(v) for k, v in t["avoid"].items()})
                if "avoid" in t
                else None,
            )
            for t in raw["terms"]
        )
    )


def build_labels(raw: dict) -> Labels:
    return Labels(labels=MappingProxyType({k: _localized(v) for k, v in raw["labels"].items()}))


# --------------------------------------------------------------------------------------------
# Loading everything


def digest(data_dir: Path, languages: Sequence[str], schema_dir: Path | None = None) -> str:
    """A fingerprint of the data and schema files and the languages: equal means unchanged."""
    hasher = hashlib.sha256("\0".join(languages).encode())
    for folder in (data_dir, schema_dir or data_dir / SCHEMA_DIR):
        for path in sorted(folder.glob("*.*")):
            if path.is_file():
                hasher.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def load_data(
    data_dir: Path,
    languages: Sequence[str],
    *,
    schema_dir: Path | None = None,
    shown_dir: str = "data",
) -> GuideData:
    """Read, check and type every data file; raise one DataError listing all their problems.

    Every localized field needs each of `languages`; schemas come from schema_dir (default
    data_dir/schema); messages name the files as `shown_dir`/skills.yml."""
    languages = tuple(languages)
    docs = {
        name: read_document(data_dir / f"{name}.yml", name, f"{shown_dir}/{name}.yml")
        for name in DATA_FILES
    }
    avoid = check_glossary(docs["glossary"])
    validator = validator_class(languages, avoid)
    schemas, problems = read_schemas(schema_dir or data_dir / SCHEMA_DIR)
    registry = schema_registry(schemas)
    for doc in docs.values():
        if doc.parsed:
            validate_schema(doc, schemas, registry, validator)
    categories = check_skills(docs["skills"])
    check_rates(docs["rates"], categories)
    _check_unique(docs["portals"], ["portals"])
    raise_problems([*problems, *(problem for doc in docs.values() for problem in doc.problems)])
    return GuideData(
        languages=languages,
        skills=build_skills(docs["skills"].data),
        rates=build_rates(docs["rates"].data),
        portals=build_portals(docs["portals"].data),
        glossary=build_glossary(docs["glossary"].data),
        labels=build_labels(docs["labels"].data),
    )


_loaded: dict[str, GuideData] = {}  # digest -> records, kept across builds


def load_data_once(data_dir: Path, languages: Sequence[str]) -> GuideData:
    """load_data, read again only when a data or schema file (or the languages) changed.

    The i18n plugin builds the site once per language and `mkdocs serve` rebuilds on every
    edit; all of them, and every hook that needs the data, share one checked copy."""
    key = digest(data_dir, languages)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load_data(data_dir, languages)
    return _loaded[key]


# --------------------------------------------------------------------------------------------
# JSON export


def to_jsonable(value: Any) -> Any:
    """Records -> plain JSON values in the shape of the YAML files (defaults left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result: dict[str, Any] = {}
        for item in dataclasses.fields(value):
            content = getattr(value, item.name)
            if item.default is not dataclasses.MISSING and content == item.default:
                continue  # an optional key the YAML left out stays out of the JSON
            if item.metadata.get("flatten"):
                result.update(to_jsonable(content))
            else:
                result[item.name] = to_jsonable(content)
        return result
    if isinstance(value, Mapping):
        return {key: to_jsonable(content) for key, content in value.items()}
    if isinstance(value, tuple | list):
        return [to_jsonable(content) for content in value]
    return value


def to_json(data: GuideData) -> dict[str, Any]:
    """Every data file as JSON-ready values, {"skills": {...}, "rates": {...}, ...}; each part
    validates against its schema in data/schema/."""
    return {name: to_jsonable(getattr(data, name)) for name in DATA_FILES}


def main(argv: Sequence[str]) -> int:
    """python hooks/datafiles.py [DATA_DIR [LANGUAGE…]]: check the data, print it as JSON."""
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        data = load_data(data_dir, list(argv[1:]) or ["en", "hi", "bn"])
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(to_json(data), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
