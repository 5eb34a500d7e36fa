"""Whatever a data file holds, the loader ends in valid records or a clean DataError.

Arbitrary text, arbitrary bytes, arbitrary YAML documents and valid data with one value swapped
for anything at all: no other exception, and every reported line names a data file."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_support import SMALL, load, make_data_dir
from lib.data import DataError, GuideData

PROBLEM_LINE = re.compile(r"^data/(glossary|skills|rates|portals|labels|fees)\.yml(:\d+)?: .+")
COUNT_LINE = re.compile(r"^\d+ problems? in the data files\.$")
FILES = ["skills", "rates", "portals", "glossary", "fees"]

settings.register_profile(
    "data", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SETTINGS = settings.get_profile("data")


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory() as folder:
        yield make_data_dir(Path(folder) / "data")


def outcome(data_dir: Path) -> GuideData | DataError:
    """Load; a DataError is returned (and its shape checked), any other exception escapes."""
    try:
        return load(data_dir)
    except DataError as error:
        lines = str(error).splitlines()
        assert COUNT_LINE.match(lines[-1]), lines[-1]
        for line in lines[:-1]:
            assert PROBLEM_LINE.match(line), line
        return error


def write(data_dir: Path, name: str, content: str | bytes) -> None:
    """Put `content` in one file, the others back as they were."""
    for other in FILES:
        source = SMALL / f"{other}.yml"
        (data_dir / f"{other}.yml").write_bytes(source.read_bytes())
    target = data_dir / f"{name}.yml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", errors="surrogatepass")


@SETTINGS
@given(name=st.sampled_from(FILES), text=st.text())
def test_any_text(workdir, name, text):
    write(workdir, name, text)
    outcome(workdir)


@SETTINGS
@given(name=st.sampled_from(FILES), raw=st.binary())
def test_any_bytes(workdir, name, raw):
    write(workdir, name, raw)
    outcome(workdir)


# YAML-ish text: the characters YAML gives meaning to, so the parser is exercised, not bypassed.
YAML_ALPHABET = st.sampled_from(
    [*list(" \n\t-:?,[]{}#&*!|>'\"%@`~.0123456789abcnxyz<=/\\"), "\xa0", "ক"]
)


@SETTINGS
@given(name=st.sampled_from(FILES), text=st.text(YAML_ALPHABET, max_size=120))
def test_yaml_punctuation(workdir, name, text):
    write(workdir, name, text)
    outcome(workdir)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(name=st.sampled_from(FILES), value=VALUES)
def test_any_yaml_document(workdir, name, value):
    write(workdir, name, yaml.safe_dump(value, allow_unicode=True))
    outcome(workdir)


def _paths(value, path=()):
    """Every path into a loaded YAML value."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


VALID = {
    name: yaml.safe_load((SMALL / f"{name}.yml").read_text(encoding="utf-8")) for name in FILES
}


@SETTINGS
@given(data=st.data())
def test_valid_data_with_one_value_replaced(workdir, data):
    name = data.draw(st.sampled_from(FILES))
    document = yaml.safe_load(yaml.safe_dump(VALID[name]))  # a fresh copy
    paths = [path for path in _paths(document) if path]
    path = data.draw(st.sampled_from(paths))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "delete":
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(VALUES)
    else:
        parent[path[-1]] = data.draw(VALUES)
    write(workdir, name, yaml.safe_dump(document, allow_unicode=True))
    result = outcome(workdir)
    assert isinstance(result, GuideData | DataError)
