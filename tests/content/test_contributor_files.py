"""CONTRIBUTING in three languages, pre-commit, PR and issue templates: present and true."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from lib.translation_status import State, Translation
from tools.translations import describe

GUIDES = {"en": "CONTRIBUTING.md", "hi": "CONTRIBUTING.hi.md", "bn": "CONTRIBUTING.bn.md"}
SCRIPT = {"hi": r"[\u0900-\u097f]", "bn": r"[\u0980-\u09ff]"}


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def test_fallback_banner_links_exist_for_every_language():
    labels = yaml.safe_load(read("data/labels.yml"))["labels"]
    names = set(labels["contributing_file"].values())
    assert names == set(GUIDES.values())
    assert all((ROOT / name).is_file() for name in names)


@pytest.mark.parametrize("language", GUIDES)
@pytest.mark.parametrize(
    "needed",
    [
        "python -m tools.translations status",
        "python -m tools.translations stamp",
        "source_hash",
        "pip install -e . && mkdocs serve",
        "BUILD_ONLY_LOCALE",
        "build_only_locale",
        "mkdocs build --strict",
        "python -m pytest",
        "pre-commit install",
        "data/glossary.yml",
        "data/portals.yml",
        "data/rates.yml",
        "data/schema/",
        "https://",
        'data/portals.yml:12: portals[3].url: must start with https:// (got "javascript:…")',
        "hi/rates.md:3: front matter is not valid YAML",
    ],
)
def test_every_guide_covers(language, needed):
    assert needed in read(GUIDES[language])


@pytest.mark.parametrize("language", GUIDES)
def test_guides_show_the_real_status_output(language):
    text = read(GUIDES[language])
    lang = "bn" if language == "bn" else "hi"
    outdated = describe(Translation("rates.md", lang, State.OUTDATED), "docs")
    missing = describe(Translation("faq.md", "bn", State.MISSING), "docs")
    assert outdated in text and missing in text


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_translated_guides_are_written_in_their_language(language):
    prose = re.sub(r"```.*?```|`[^`]*`|\([^)]*\)", " ", read(GUIDES[language]), flags=re.S)
    native = len(re.findall(SCRIPT[language], prose))
    latin = len(re.findall(r"[A-Za-z]", prose))
    assert native > 2 * latin, (native, latin)


@pytest.mark.parametrize("language", GUIDES)
def test_guides_have_the_same_sections(language):
    def shape(text: str) -> list[int]:
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        return [len(m) for m in re.findall(r"^(#{1,6}) ", text, re.M)]

    assert shape(read(GUIDES[language])) == shape(read(GUIDES["en"]))


def test_pre_commit_runs_the_agreed_hooks():
    config = yaml.safe_load(read(".pre-commit-config.yaml"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace", "ruff-format"} <= set(hooks)
    assert {"ruff", "ruff-check"} & set(hooks)
    # mkdocs.yml has !ENV and !!python/ tags: plain check-yaml would reject it
    assert "--unsafe" in hooks["check-yaml"].get("args", [])


@pytest.mark.parametrize("form", [".github/ISSUE_TEMPLATE/translation-request.yml",
                                  ".github/ISSUE_TEMPLATE/data-correction.yml"])  # fmt: skip
def test_issue_forms_are_valid(form):
    data = yaml.safe_load(read(form))
    assert {"name", "description", "body"} <= set(data)
    ids = [item["id"] for item in data["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in data["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert "attributes" in item


def test_data_correction_requires_a_source_and_its_date():
    body = yaml.safe_load(read(".github/ISSUE_TEMPLATE/data-correction.yml"))["body"]
    fields = {item.get("id"): item for item in body}
    for field in ["source", "source-date"]:
        assert fields[field]["validations"]["required"] is True


def test_translation_request_offers_both_languages():
    body = yaml.safe_load(read(".github/ISSUE_TEMPLATE/translation-request.yml"))["body"]
    language = next(item for item in body if item.get("id") == "language")
    options = " ".join(language["attributes"]["options"])
    assert "(hi)" in options and "(bn)" in options


def test_pull_request_template_asks_for_sources_and_stamps():
    text = read(".github/PULL_REQUEST_TEMPLATE.md")
    assert "source" in text and "python -m tools.translations stamp" in text
