"""The 10x fixture of benchmarks/build_speed.py: ten of every page, links and hashes intact.

File work only: no build runs and nothing is timed.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from benchmarks.build_speed import (
    load_config,
    make_fixture,
    make_stock_project,
    markdown_pages,
    page_count,
)
from lib.translation_status import collect_status, source_hash, with_source_hash
from link_check import find_links

CONFIG = """\
site_name: Small
site_url: !ENV [BUILD_SPEED_TEST_URL, "https://example.org/small/"]
docs_dir: docs
hooks:
  - hooks/data_blocks.py
plugins:
  - i18n:
      docs_structure: folder
      build_only_locale: !ENV [BUILD_ONLY_LOCALE, null]
      languages:
        - locale: en
          default: true
        - locale: hi
        - locale: bn

nav:
  - index.md
  - Money:
      - rates.md
      - Upwork: https://www.upwork.com/

extra_css:
  - assets/site.css
"""

RATES = """---
description: Rates.
---

# Rates

Back to [home](index.md#start) or see the [chart](assets/chart.png).

```
[not a link](assets/chart.png)
```

<!-- guide:rates -->
"""
INDEX = "# Home\n\nRead [rates](rates.md), the [status](translations.md).\n"
STATUS = "# Translations\n\n<!-- guide:translations -->\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    files = {
        "mkdocs.yml": CONFIG,
        "docs/index.md": INDEX,
        "docs/rates.md": RATES,
        "docs/translations.md": STATUS,
        "docs/assets/chart.png": "png",
    }
    for language in ("hi", "bn"):
        files[f"{language}/index.md"] = with_source_hash(INDEX, source_hash(INDEX.encode()))
        files[f"{language}/rates.md"] = with_source_hash(RATES, source_hash(RATES.encode()))
        files[f"{language}/translations.md"] = STATUS
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_every_page_exists_ten_times_in_every_language(project: Path) -> None:
    make_fixture(project, 10)
    pages = ["index.md", "rates.md", "translations.md"]
    copies = [f"copy{k}/" for k in range(2, 11)]
    for folder in ("docs", "hi", "bn"):
        assert markdown_pages(project / folder) == sorted(
            prefix + page for prefix in ["", *copies] for page in pages
        )
    assert page_count(project) == 3 * 3 * 10
    # Pages without links to other files are copied byte for byte.
    for folder in ("docs", "hi", "bn"):
        original = (project / folder / "index.md").read_bytes()
        assert (project / folder / "copy7/index.md").read_bytes() == original


def test_links_in_copies_still_resolve(project: Path) -> None:
    make_fixture(project, 10)
    docs = project / "docs"
    english = set(markdown_pages(docs))
    for folder in ("docs", "hi", "bn"):
        for page in markdown_pages(project / folder):
            text = (project / folder / page).read_text(encoding="utf-8")
            for link in find_links(text):
                path = link.target.split("#", 1)[0]
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
                # Pages resolve as the site's pages (English paths); files live in docs/.
                assert resolved in english or (docs / resolved).is_file(), (page, link)
    copy = (docs / "copy3/rates.md").read_text(encoding="utf-8")
    assert "[home](index.md#start)" in copy  # the copy's own home page
    assert "[chart](../assets/chart.png)" in copy  # the one image, not a copy of it
    assert "[not a link](assets/chart.png)" in copy  # code is left alone
    assert "<!-- guide:rates -->" in copy


def test_translations_of_copies_stay_up_to_date(project: Path) -> None:
    make_fixture(project, 10)
    status = collect_status(project, ["hi", "bn"])
    assert len(status) == 2 * (3 * 10 - 1)  # every page but the top status page, per language
    assert {item.state.value for item in status} == {"up to date"}
    assert not any(item.unstamped for item in status)


def test_copies_are_in_the_nav_and_the_rest_of_the_config_is_kept(project: Path) -> None:
    make_fixture(project, 10)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!ENV [BUILD_ONLY_LOCALE, null]" in text
    assert text.index("nav:") < text.index("extra_css:")  # what followed nav: is still there
    nav = load_config(text)["nav"]
    assert nav[:2] == ["index.md", {"Money": ["rates.md", {"Upwork": "https://www.upwork.com/"}]}]
    assert len(nav) == 2 + 9
    assert nav[-1] == {
        "Copy 10": [
            "copy10/index.md",
            {"Money": ["copy10/rates.md", {"Upwork": "https://www.upwork.com/"}]},
        ]
    }
    assert load_config(text)["extra_css"] == ["assets/site.css"]


def test_size_one_changes_nothing(project: Path) -> None:
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    make_fixture(project, 1)
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_stock_project_has_the_pages_and_none_of_our_code(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BUILD_SPEED_TEST_URL", raising=False)
    make_fixture(project, 10)
    stock = make_stock_project(project, tmp_path / "stock")
    assert markdown_pages(stock / "docs") == sorted(
        [*markdown_pages(project / "docs")]
        + [f"{lang}/{page}" for lang in ("hi", "bn") for page in markdown_pages(project / lang)]
    )
    config = load_config((stock / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert config["site_url"] == "https://example.org/small/"
    assert config["nav"] == load_config((project / "mkdocs.yml").read_text())["nav"]
    i18n = config["plugins"][0]["i18n"]
    assert "build_only_locale" not in i18n
    assert [lang["locale"] for lang in i18n["languages"]] == ["en", "hi", "bn"]
