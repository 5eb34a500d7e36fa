"""JSON Schema validation of the data files, with messages a contributor can act on.

The shape of each file is its JSON Schema in data/schema/, which editors use too (through the
yaml-language-server line at the top of each file). Three keywords of our own cover what Draft 7
cannot say: x-localized (a text in every built language), x-date, x-currency and
x-not-future (a year no later than next year). Keywords that only word messages: x-fix (the fix
for a field's value), x-fix-missing (the fix for each key a `required` names), errorMessage and
patternErrorMessage (what is wrong, as editors show it too).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jsonschema
from babel import Locale
from babel.numbers import is_currency
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT7

from lib.data.document import Document, KeyPath, shown
from lib.formats import NATIVE_DIGITS, has_latin_digits, parse_when
from lib.problems import Problem

SCHEMA_DIR = "schema"
# How contributors name the languages (Babel says "Bangla").
ENGLISH_NAMES = {"en": "English", "hi": "Hindi", "bn": "Bengali"}
GlossaryAvoid = Mapping[str, Sequence[tuple[str, str]]]  # language -> [(avoid, write instead)]


Errors = Iterator[jsonschema.ValidationError]
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

    def localized(validator: Any, enabled: bool, instance: Any, schema: Any) -> Errors:
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

    def date(validator: Any, enabled: bool, instance: Any, schema: Any) -> Errors:
        if enabled and isinstance(instance, str) and re.fullmatch(r"\d{4}(-\d\d){0,2}", instance):
            try:
                parse_when(instance)
            except ValueError:
                yield jsonschema.ValidationError(
                    f"is not a real date (got {shown(instance)}): check the month and the day"
                )

    def not_future(validator: Any, enabled: bool, instance: Any, schema: Any) -> Errors:
        next_year = dt.date.today().year + 1
        if enabled and isinstance(instance, int) and instance > next_year:
            yield jsonschema.ValidationError(
                f"is after next year (got {instance}): write the year the source gives"
            )

    def currency(validator: Any, enabled: bool, instance: Any, schema: Any) -> Errors:
        if not (enabled and isinstance(instance, str) and re.fullmatch("[A-Z]{3}", instance)):
            return
        if not is_currency(instance):
            yield jsonschema.ValidationError(
                f"unknown currency {shown(instance)}: use an ISO code such as INR, BDT or USD"
            )

    return jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft7Validator,
        {
            "x-localized": localized,
            "x-date": date,
            "x-currency": currency,
            "x-not-future": not_future,
        },
    )


_OWN_KEYWORDS = ("x-localized", "x-date", "x-currency", "x-not-future")
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


def suggest(word: str, choices: Sequence[str]) -> str:
    """The fix for an unknown word: the closest allowed one, or the allowed ones."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    if close:
        return f"did you mean {shown(close[0])}?"
    if len(choices) > 8:
        return "the schema in data/schema/ lists the allowed ones"
    return "use one of " + ", ".join(choices)


def schema_messages(error: jsonschema.ValidationError, name: str) -> list[tuple[KeyPath, str]]:
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
            ((*path, key), f"unknown key {shown(key)}: {suggest(key, allowed)}")
            for key in error.instance
            if key not in allowed and not any(re.search(p, key) for p in patterns)
        ]
    if kind == "required":
        missing = error.message.split(" is a required property")[0].strip("'\"")
        # x-fix-missing: a schema's own fix for a key it requires (what to write, not just where)
        own_fix = schema.get("x-fix-missing", {}).get(missing)
        return [
            (
                path,
                f"missing `{missing}`: "
                + (own_fix or f"add `{missing}:` (see data/schema/{name}.schema.json)"),
            )
        ]
    if kind in _OWN_KEYWORDS:
        return [(path, error.message)]
    if "errorMessage" in schema:
        return [(path, f"{schema['errorMessage']}{got}: {fix or 'see the schema'}")]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(str(name), str(name)) for name in expected)
        message = f"must be {words}{got}: {fix or _TYPE_FIXES.get(expected[0], 'see the schema')}"
    elif kind == "pattern":
        wanted = schema.get("patternErrorMessage") or f"must match {error.validator_value}"
        message = f"{wanted}{got}: {fix or 'see the schema'}"
    elif kind == "enum":
        choices = [str(choice) for choice in error.validator_value]  # type: ignore[union-attr]
        message = (
            f"must be one of {', '.join(choices)}{got}: {suggest(str(error.instance), choices)}"
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
            f"{len(error.instance)}): {fix or 'add the missing items'}"  # type: ignore[arg-type]
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
    except Unresolvable as unresolvable:  # a $ref to a file or definition that is not there
        message = f"its $ref {unresolvable.ref} leads nowhere"
    except Exception as fault:
        message = getattr(fault, "message", None) or str(fault)
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
