"""The files a newcomer and CI rely on say what the project really does."""

from __future__ import annotations

import re
import subprocess
import tomllib

import yaml

from conftest import ROOT


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def code_blocks(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"^```\w*\n(.*?)^```", markdown, re.S | re.M)]


def test_readme_has_exactly_two_setup_commands():
    blocks = code_blocks(read("README.md"))
    assert blocks == [
        "pip install -e . && mkdocs serve",
        "pip install -e '.[test]' && python -m pytest",
    ]


def test_ci_runs_the_readme_test_command():
    script = read(".ci/run")
    extract = re.search(r"test_command=\$\((awk .*?README\.md)\)", script, re.S)[1]
    command = subprocess.run(
        ["bash", "-c", extract], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert command == code_blocks(read("README.md"))[1]
    assert "REQUIRE_BROWSER=1" in script and "apt-get install -y -qq chromium" in script


def test_dependencies_have_tested_ranges():
    project = tomllib.loads(read("pyproject.toml"))["project"]
    pins = {re.split(r"[<>=]", dep, maxsplit=1)[0]: dep for dep in project["dependencies"]}
    assert pins["mkdocs"] == "mkdocs>=1.6.1,<1.7"
    assert pins["mkdocs-material"].startswith("mkdocs-material>=9")
    assert pins["mkdocs-static-i18n"] == "mkdocs-static-i18n>=1.3.1,<1.4"
    assert {"jinja2", "pyyaml"} <= set(pins)
    test_extra = {
        re.split(r"[<>=]", dep, maxsplit=1)[0] for dep in project["optional-dependencies"]["test"]
    }
    assert {"pytest", "playwright"} <= test_extra


def test_pages_workflow_builds_strictly_and_deploys():
    workflow = yaml.safe_load(read(".github/workflows/pages.yml"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key `on` as True
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build["run"] and "SITE_URL" in build["env"]


def test_pr_workflow_runs_tests_and_strict_build():
    workflow = yaml.safe_load(read(".github/workflows/ci.yml"))
    assert "pull_request" in workflow[True]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "python -m pytest" in runs and "mkdocs build --strict" in runs


def test_system_fonts_cover_devanagari_and_bengali():
    css = read("docs/assets/stylesheets/guide.css")
    stack = re.search(r"--md-text-font:([^;]+);", css)[1]
    for font in ["Noto Sans Devanagari", "Noto Sans Bengali", "Nirmala UI", "system-ui"]:
        assert font in stack
    assert "@import" not in css and "url(" not in css
    assert "font: false" in read("mkdocs.yml")
