"""The files a newcomer and CI rely on say what the project really does."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.lock_diff import differences, pins


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
    # phone layouts are measured with the fonts Android uses for Hindi and Bengali
    assert "apt-get install -y -qq chromium fonts-noto-core" in script


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


def declared_requirements() -> list[Requirement]:
    """pyproject.toml's dependencies and its test extra."""
    project = tomllib.loads(read("pyproject.toml"))["project"]
    return [
        Requirement(dep)
        for dep in project["dependencies"] + project["optional-dependencies"]["test"]
    ]


def locked_versions() -> dict[str, Version]:
    locked = {}
    for line in read("requirements/lock.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        # Options such as --find-links or --index-url would tie the lock to one machine.
        assert not line.startswith("-"), f"requirements/lock.txt: {line}"
        requirement = Requirement(line)
        (pin,) = requirement.specifier
        assert pin.operator == "==", f"requirements/lock.txt: {line} is not an exact pin"
        locked[canonicalize_name(requirement.name)] = Version(pin.version)
    return locked


def test_lock_pins_every_dependency_inside_its_range():
    locked = locked_versions()
    for requirement in declared_requirements():
        version = locked.get(canonicalize_name(requirement.name))
        assert version is not None, (
            f"requirements/lock.txt has no {requirement.name}: run requirements/refresh"
        )
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements/lock.txt pins {requirement.name}=={version}, outside pyproject.toml's"
            f" {requirement}: run requirements/refresh"
        )


def test_lock_is_written_by_the_refresh_script():
    assert "#    requirements/refresh\n" in read("requirements/lock.txt")
    script = read("requirements/refresh")
    for part in ["compile", "--extra test", "--output-file requirements/lock.txt", "pyproject"]:
        assert part in script
    assert (ROOT / "requirements/refresh").stat().st_mode & 0o111, "requirements/refresh: chmod +x"


def test_lock_diff_names_each_changed_package():
    locked = pins("# header\nBabel==2.19.0\n    # via mkdocs\npip==26.3\nruff==0.17.6 \\\n")
    installed = pins("babel==2.20.0\npip==26.3\nrequests==2.34.2\n-e file:///src/site\n")
    assert differences(locked, installed) == [
        "babel 2.19.0 → 2.20.0",
        "requests 2.34.2 (not in the lock)",
        "ruff 0.17.6 (locked, not installed)",
    ]
    lock = pins(read("requirements/lock.txt"))
    assert differences(lock, lock) == [] and len(lock) == len(locked_versions())


def test_ci_tests_the_lock_and_the_newest_versions_in_fresh_venvs():
    script = read(".ci/run")
    lines = script.splitlines()
    assert 'python3 -m venv "$venvs/$1"' in script
    lock_install = next(line for line in lines if line.startswith("in_venv lock python -m pip"))
    assert "-r requirements/lock.txt" in lock_install
    newest_install = next(line for line in lines if "in_venv newest python -m pip install" in line
                          and ".[test]" in line)  # fmt: skip
    assert "--upgrade" in newest_install and "lock" not in newest_install
    steps = [
        "new_venv lock",
        "in_venv lock python -m mkdocs build --strict",
        "in_venv lock python benchmarks/page_weight.py",
        "in_venv lock python -m mypy",
        "run_tests lock",
        "new_venv newest",
        "if ! run_tests newest",
    ]
    positions = [script.index(step) for step in steps]
    assert positions == sorted(positions), "CI steps out of order"
    assert '"$status" -eq 5' in script  # pytest ran no test: a failure
    assert "set -euo pipefail" in script
    assert "in_venv newest python -m tools.lock_diff" in script


def test_workflows_install_the_lock_and_watch_the_newest_versions():
    ci = yaml.safe_load(read(".github/workflows/ci.yml"))
    runs = " ".join(step.get("run", "") for job in ci["jobs"].values() for step in job["steps"])
    assert "pip install -c requirements/lock.txt -e '.[test]'" in runs

    newest = yaml.safe_load(read(".github/workflows/newest-deps.yml"))
    assert "cron" in newest[True]["schedule"][0] and "workflow_dispatch" in newest[True]
    steps = [step for job in newest["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    install = next(run for run in runs if ".[test]" in run)
    assert "--upgrade" in install and "lock" not in install
    assert any("pip freeze" in run for run in runs)
    assert any("python -m pytest" in run for run in runs)
    on_failure = [step for step in steps if step.get("if") == "failure()"]
    assert on_failure and "python -m tools.lock_diff" in on_failure[0]["run"]
    assert "exit 1" in on_failure[0]["run"]


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
