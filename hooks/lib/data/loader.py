"""Load every data file: read, validate, check across files, then build the typed records.

Every problem in every file is collected and raised at once as one DataError, one line each
naming the file, the line, the field and the fix, then a count:

    data/portals.yml:12: portals[3].url: must start with https:// (got "javascript:…"): write …

`to_json` turns the records back into the shape of the YAML files, so the same schemas describe
the JSON that client-side tools read (`python -m tools.data > guide-data.json`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib.data.chart_checks import check_payout_examples, check_time_zones
from lib.data.chart_records import (
    PayoutExamples,
    TimeZones,
    build_payout_examples,
    build_time_zones,
)
from lib.data.checks import (
    check_glossary,
    check_hosts,
    check_rates,
    check_skills,
    check_source_links,
    check_unique,
)
from lib.data.document import DataError, raise_problems
from lib.data.fee_checks import check_fees, check_rate_precision
from lib.data.fee_records import Fees, build_fees
from lib.data.reader import read_document
from lib.data.records import (
    Glossary,
    Labels,
    Portals,
    Rates,
    Skills,
    build_glossary,
    build_labels,
    build_portals,
    build_rates,
    build_skills,
)
from lib.data.schema import (
    SCHEMA_DIR,
    read_schemas,
    schema_registry,
    validate_schema,
    validator_class,
)

# Read in this order: the glossary's `avoid` lists and the category ids check the others;
# fees.yml names portals and needs the exchange rates.
DATA_FILES = (
    "glossary",
    "skills",
    "rates",
    "portals",
    "labels",
    "payout_examples",
    "time_zones",
    "fees",
)


@dataclass(frozen=True)
class GuideData:
    """Every data file, checked, as typed records."""

    languages: tuple[str, ...]
    skills: Skills
    rates: Rates
    portals: Portals
    glossary: Glossary
    labels: Labels
    payout_examples: PayoutExamples
    time_zones: TimeZones
    fees: Fees


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
    for doc in docs.values():
        check_hosts(doc)
        check_source_links(doc)
    check_payout_examples(docs["payout_examples"])
    check_time_zones(docs["time_zones"])
    portals = check_unique(docs["portals"], ["portals"]) if docs["portals"].readable else None
    check_fees(docs["fees"], portals, check_rate_precision(docs["rates"]))
    raise_problems([*problems, *(problem for doc in docs.values() for problem in doc.problems)])
    try:
        return GuideData(
            languages=languages,
            skills=build_skills(docs["skills"].data),
            rates=build_rates(docs["rates"].data),
            portals=build_portals(docs["portals"].data),
            glossary=build_glossary(docs["glossary"].data),
            labels=build_labels(docs["labels"].data),
            payout_examples=build_payout_examples(docs["payout_examples"].data),
            time_zones=build_time_zones(docs["time_zones"].data),
            fees=build_fees(docs["fees"].data),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # Only a schema edited to allow less than the records need gets here.
        raise DataError(
            f"data/{SCHEMA_DIR}/: the data passed its schemas but cannot be shown ({error!r}): "
            "a schema allows what the site does not know; restore it with "
            "`git checkout -- data/schema/`"
        ) from None


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
