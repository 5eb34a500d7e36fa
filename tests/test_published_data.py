"""The checked records published as JSON at stable addresses (hooks/published_data.py): one file
per data file, each valid against its JSON Schema, published beside them."""

from __future__ import annotations

import json

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from conftest import ROOT
from lib.data import DATA_FILES, load_data, to_json
from published_data import publish


def test_every_data_file_is_published_with_its_schema(tmp_path):
    data = load_data(ROOT / "data", ("en", "hi", "bn"))
    written = publish(tmp_path, data, ROOT / "data" / "schema")
    names = sorted(path.relative_to(tmp_path).as_posix() for path in written)
    assert [n for n in names if not n.startswith("data/schema/")] == sorted(
        f"data/{name}.json" for name in DATA_FILES
    )
    schemas = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in (tmp_path / "data" / "schema").glob("*.schema.json")
    }
    assert set(schemas) == {path.name for path in (ROOT / "data" / "schema").glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, DRAFT7)) for name, schema in schemas.items()
    )
    for name, records in to_json(data).items():
        published = json.loads((tmp_path / "data" / f"{name}.json").read_text(encoding="utf-8"))
        assert published == json.loads(json.dumps(records)), name
        validator = jsonschema.Draft7Validator(schemas[f"{name}.schema.json"], registry=registry)
        assert list(validator.iter_errors(published)) == [], name


def test_the_fee_records_carry_sources_years_and_unconfirmed_marks(tmp_path):
    publish(tmp_path, load_data(ROOT / "data", ("en", "hi", "bn")), ROOT / "data" / "schema")
    fees = json.loads((tmp_path / "data" / "fees.json").read_text(encoding="utf-8"))
    for charge in fees["charges"]:
        assert charge["sources"] and all(s["url"].startswith("https://") for s in charge["sources"])
        assert all("year" in source for source in charge["sources"])
        known = any(key in charge for key in ("percent", "amount", "tiers"))
        assert known or charge["unconfirmed"] is True, charge["id"]
