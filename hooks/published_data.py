"""The guide's checked data as JSON at stable addresses, for anyone to reuse.

    site/data/portals.json, fees.json, skills.json, rates.json, glossary.json, labels.json
    site/data/schema/*.schema.json        the JSON Schemas that describe them

Written once, after the last language is built, from the same checked records the pages and the
reader tools show (lib.data.to_json), so nothing that failed a check is ever published. The
JSON has the shape of the YAML files, so the schemas of data/schema/ describe it as they
describe the YAML (other validators ignore the schemas' own x- keywords), and the schemas keep
their relative references to common.schema.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from lib.data import SCHEMA_DIR, GuideData, load_data_once, to_json
from lib.pages import project_root
from lib.site_languages import build_languages, is_final_build

FOLDER = "data"  # site/data/, beside the language folders


def publish(site: Path, data: GuideData, schema_dir: Path) -> list[Path]:
    """Write every data file as JSON and copy its schema; returns the files written."""
    target = site / FOLDER
    (target / SCHEMA_DIR).mkdir(parents=True, exist_ok=True)
    written = []
    for name, records in to_json(data).items():
        path = target / f"{name}.json"
        text = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    for schema in sorted(schema_dir.glob("*.schema.json")):
        written.append(Path(shutil.copyfile(schema, target / SCHEMA_DIR / schema.name)))
    return written


@event_priority(-150)  # after i18n has built every language (-100), before offline_reading (-250)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_final_build(config):
        return
    data_dir = project_root(config) / "data"
    publish(
        Path(config.site_dir),
        load_data_once(data_dir, build_languages(config)),
        data_dir / SCHEMA_DIR,
    )
