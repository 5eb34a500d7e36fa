"""The guide's data files (data/*.yml): read strictly, validated, checked, typed.

    reader.py    YAML with every value's line; anchors, tags and duplicate keys refused
    schema.py    JSON Schema validation (data/schema/) with messages that name the fix
    checks.py    what a schema cannot say: ids across records, min <= max, known categories
    records.py   the frozen dataclasses the site renders
    loader.py    load_data / load_data_once: all of the above, one DataError listing every problem

`python -m tools.data` checks the data and prints it as JSON.
"""

from lib.data.chart_records import (
    Client,
    Home,
    OfficeHours,
    PayoutExample,
    PayoutExamples,
    PayoutStep,
    TimeZones,
)
from lib.data.document import DataError, Document, format_path, raise_problems, shown
from lib.data.fee_records import (
    Alternative,
    Charge,
    Country,
    Example,
    Fees,
    Minimum,
    Platform,
    Route,
    Tier,
)
from lib.data.loader import (
    DATA_FILES,
    GuideData,
    digest,
    load_data,
    load_data_once,
    to_json,
    to_jsonable,
)
from lib.data.reader import parse_yaml, read_document
from lib.data.records import (
    ALL_CATEGORIES,
    UNCONFIRMED,
    Beginners,
    Category,
    ChecklistItem,
    ExchangeRate,
    Fact,
    Glossary,
    Labels,
    Localized,
    Payments,
    Portal,
    Portals,
    RateBand,
    Rates,
    RateSurvey,
    Skills,
    Source,
    Specialisation,
    Term,
)
from lib.data.schema import (
    SCHEMA_DIR,
    read_schemas,
    schema_messages,
    schema_registry,
    validate_schema,
    validator_class,
)
from lib.problems import Problem, one_line

__all__ = [
    "ALL_CATEGORIES",
    "DATA_FILES",
    "SCHEMA_DIR",
    "UNCONFIRMED",
    "Alternative",
    "Beginners",
    "Category",
    "Charge",
    "ChecklistItem",
    "Client",
    "Country",
    "DataError",
    "Document",
    "Example",
    "ExchangeRate",
    "Fact",
    "Fees",
    "Glossary",
    "GuideData",
    "Home",
    "Labels",
    "Localized",
    "Minimum",
    "OfficeHours",
    "Payments",
    "PayoutExample",
    "PayoutExamples",
    "PayoutStep",
    "Platform",
    "Portal",
    "Portals",
    "Problem",
    "RateBand",
    "RateSurvey",
    "Rates",
    "Route",
    "Skills",
    "Source",
    "Specialisation",
    "Term",
    "Tier",
    "TimeZones",
    "digest",
    "format_path",
    "load_data",
    "load_data_once",
    "one_line",
    "parse_yaml",
    "raise_problems",
    "read_document",
    "read_schemas",
    "schema_messages",
    "schema_registry",
    "shown",
    "to_json",
    "to_jsonable",
    "validate_schema",
    "validator_class",
]
