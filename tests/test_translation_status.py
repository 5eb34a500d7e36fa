"""Translation status: the hash, the state of each page x language, stamping and the CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from lib.page_sources import PageSourceError, front_matter
from lib.site_languages import site_languages
from lib.translation_status import (
    State,
    Translation,
    collect_status,
    is_unstamped,
    orphaned_translations,
    recorded_hash,
    source_hash,
    translation_state,
    with_source_hash,
)

ENGLISH = b"# Rates\n\nA beginner charges $5 an hour.\n"
EDITED = b"# Rates\n\nA beginner charges $6 an hour.\n"


def stamped(english: bytes, body: str = "# \u0926\u0930\u0947\u0902\n") -> str:
    """A translation stamped against `english`."""
    return with_source_hash(body, source_hash(english))


# --- the hash -------------------------------------------------------------------------------


def test_hash_is_12_hex_of_sha256():
    digest = source_hash(ENGLISH)
    assert len(digest) == 12
    assert int(digest, 16) >= 0
    assert digest == hashlib.sha256(ENGLISH).hexdigest()[:12]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(ENGLISH.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(ENGLISH.replace(b"\n", b"\r"), id="cr"),
        pytest.param(b"\xef\xbb\xbf" + ENGLISH, id="bom"),
    ],
)
def test_hash_ignores_line_ends_and_bom(variant):
    assert source_hash(variant) == source_hash(ENGLISH)


def test_hash_is_taken_after_nfc():
    composed = "# \u09af\u09bc\u09be\n".encode()  # য় written as য + nukta (its NFC form)
    decomposed = unicodedata.normalize("NFD", "# \u09df\u09be\n").encode()
    precomposed = "# \u09df\u09be\n".encode()  # U+09DF, which NFC decomposes
    assert source_hash(composed) == source_hash(decomposed) == source_hash(precomposed)


def test_hash_changes_with_the_text():
    assert source_hash(EDITED) != source_hash(ENGLISH)


# --- the state of one translation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "meta", "state", "unstamped"),
    [
        pytest.param(ENGLISH, None, State.MISSING, False, id="no-translation"),
        pytest.param(
            ENGLISH, {"source_hash": source_hash(ENGLISH)}, State.UP_TO_DATE, False, id="current"
        ),
        pytest.param(
            EDITED,
            {"source_hash": source_hash(ENGLISH)},
            State.OUTDATED,
            False,
            id="english-edited-after-stamp",
        ),
        pytest.param(
            ENGLISH.replace(b"\n", b"\r\n"),
            {"source_hash": source_hash(ENGLISH)},
            State.UP_TO_DATE,
            False,
            id="english-resaved-with-crlf",
        ),
        pytest.param(ENGLISH, {}, State.OUTDATED, True, id="no-front-matter"),
        pytest.param(ENGLISH, {"description": "x"}, State.OUTDATED, True, id="no-source-hash"),
        pytest.param(ENGLISH, {"source_hash": None}, State.OUTDATED, True, id="empty-hash"),
        pytest.param(ENGLISH, {"source_hash": 123456789012}, State.OUTDATED, True, id="number"),
        pytest.param(ENGLISH, {"source_hash": "abc"}, State.OUTDATED, True, id="too-short"),
        pytest.param(
            ENGLISH,
            {"source_hash": source_hash(ENGLISH).upper()},
            State.OUTDATED,
            True,
            id="upper-case",
        ),
    ],
)
def test_translation_state(english, meta, state, unstamped):
    assert translation_state(english, meta) is state
    assert is_unstamped(meta) is unstamped


def test_state_words_are_the_ones_the_english_status_page_shows():
    assert [str(s) for s in State] == ["up to date", "outdated", "missing"]


def test_a_page_edited_in_english_after_its_translation_becomes_outdated(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "hi").mkdir()
    english = tmp_path / "docs" / "rates.md"
    english.write_bytes(ENGLISH)
    (tmp_path / "hi" / "rates.md").write_text(stamped(ENGLISH), encoding="utf-8")
    assert collect_status(tmp_path, ["hi"]) == [Translation("rates.md", "hi", State.UP_TO_DATE)]

    english.write_bytes(EDITED)
    assert collect_status(tmp_path, ["hi"]) == [Translation("rates.md", "hi", State.OUTDATED)]

    # the translator updates the page and stamps it again
    translation = tmp_path / "hi" / "rates.md"
    translation.write_text(
        with_source_hash(translation.read_text(encoding="utf-8"), source_hash(EDITED)),
        encoding="utf-8",
    )
    assert collect_status(tmp_path, ["hi"]) == [Translation("rates.md", "hi", State.UP_TO_DATE)]


# --- every page x language --------------------------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    """docs/ with four pages and the status page; hi/ and bn/ in every state."""
    pages = {
        "docs/index.md": b"# Home\n",
        "docs/rates.md": EDITED,
        "docs/faq.md": b"# FAQ\n",
        "docs/guides/proposals.md": b"# Proposals\n",
        "docs/translations.md": b"# Translation status\n\n<!-- guide:translations -->\n",
        "docs/.hidden/draft.md": b"# Draft\n",
        "hi/index.md": stamped(b"# Home\n").encode(),
        "hi/rates.md": stamped(ENGLISH).encode(),  # stamped, then English was edited
        "hi/faq.md": "# \u0938\u0935\u093e\u0932\n".encode(),  # never stamped
        "hi/translations.md": "# \u0905\u0928\u0941\u0935\u093e\u0926\n".encode(),
        "bn/index.md": stamped(b"# Home\n").encode(),
        "bn/guides/proposals.md": stamped(b"# Proposals\n").encode(),
        "bn/old-page.md": b"# Old\n",
    }
    for relative, data in pages.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return tmp_path


def test_collect_status_covers_every_page_and_language(project):
    states = {
        (item.path, item.state, item.unstamped) for item in collect_status(project, ["hi", "bn"])
    }
    assert states == {
        ("hi/faq.md", State.OUTDATED, True),
        ("hi/guides/proposals.md", State.MISSING, False),
        ("hi/index.md", State.UP_TO_DATE, False),
        ("hi/rates.md", State.OUTDATED, False),
        ("bn/faq.md", State.MISSING, False),
        ("bn/guides/proposals.md", State.UP_TO_DATE, False),
        ("bn/index.md", State.UP_TO_DATE, False),
        ("bn/rates.md", State.MISSING, False),
    }


def test_collect_status_order_is_language_then_page(project):
    paths = [item.path for item in collect_status(project, ["hi", "bn"])]
    assert paths == [
        "hi/faq.md",
        "hi/guides/proposals.md",
        "hi/index.md",
        "hi/rates.md",
        "bn/faq.md",
        "bn/guides/proposals.md",
        "bn/index.md",
        "bn/rates.md",
    ]


def test_orphaned_translations(project):
    assert orphaned_translations(project, ["hi", "bn"]) == ["bn/old-page.md"]


def test_bad_front_matter_names_file_and_line(project):
    (project / "hi" / "rates.md").write_text(
        "---\ndescription: ok\ntitle: [unclosed\n---\n# x\n", encoding="utf-8"
    )
    with pytest.raises(PageSourceError, match=r"^hi/rates\.md:\d+: front matter is not valid YAML"):
        collect_status(project, ["hi"])


# --- front matter and stamping ----------------------------------------------------------------

DIGEST = "0123456789ab"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("# Page\n", f"---\nsource_hash: {DIGEST}\n---\n\n# Page\n", id="none"),
        pytest.param(
            "---\ndescription: A page.\n---\n# Page\n",
            f"---\ndescription: A page.\nsource_hash: {DIGEST}\n---\n# Page\n",
            id="appended",
        ),
        pytest.param(
            "---\nsource_hash: 111111111111\ndescription: A page.\n---\n# Page\n",
            f"---\nsource_hash: {DIGEST}\ndescription: A page.\n---\n# Page\n",
            id="replaced",
        ),
        pytest.param(
            "---\r\ndescription: A page.\r\n---\r\n# Page\r\n",
            f"---\r\ndescription: A page.\r\nsource_hash: {DIGEST}\r\n---\r\n# Page\r\n",
            id="crlf-kept",
        ),
        pytest.param(
            "---\n---\n# Page\n", f"---\nsource_hash: {DIGEST}\n---\n# Page\n", id="empty-block"
        ),
    ],
)
def test_with_source_hash(before, after):
    assert with_source_hash(before, DIGEST) == after
    assert with_source_hash(after, DIGEST) == after  # stamping twice changes nothing
    assert front_matter(after, "hi/x.md")["source_hash"] == DIGEST


def test_an_all_digit_hash_is_quoted_so_it_stays_a_string():
    text = with_source_hash("# Page\n", "012345670123")
    assert front_matter(text, "hi/x.md")["source_hash"] == "012345670123"
    assert recorded_hash(front_matter(text, "hi/x.md")) == "012345670123"


def test_front_matter_of_a_page_without_one_is_empty():
    assert front_matter("# Page\n", "hi/x.md") == {}


def test_site_languages_of_the_real_config():
    languages = site_languages((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert (languages.docs_dir, languages.source, languages.translations) == (
        "docs",
        "en",
        ["hi", "bn"],
    )


def test_site_languages_skips_languages_not_built():
    config = yaml.safe_dump(
        {
            "plugins": [
                "search",
                {
                    "i18n": {
                        "languages": [
                            {"locale": "en", "default": True},
                            {"locale": "hi"},
                            {"locale": "bn", "build": False},
                        ]
                    }
                },
            ]
        }
    )
    assert site_languages(config).translations == ["hi"]


# --- the command line -------------------------------------------------------------------------


def run(project: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.translations", *args],
        cwd=cwd or project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


@pytest.fixture
def cli_project(project) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "bn" / "old-page.md").unlink()
    return project


def test_status_lists_outdated_and_missing_and_exits_0(cli_project):
    result = run(cli_project, "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:-1] == [
        "hi/faq.md: outdated (never stamped: no source_hash in its front matter; check it "
        "against docs/faq.md, then run python -m tools.translations stamp hi/faq.md)",
        "hi/guides/proposals.md: missing (copy docs/guides/proposals.md to "
        "hi/guides/proposals.md and translate it)",
        "hi/rates.md: outdated (English changed since it was translated)",
        "bn/faq.md: missing (copy docs/faq.md to bn/faq.md and translate it)",
        "bn/rates.md: missing (copy docs/rates.md to bn/rates.md and translate it)",
    ]
    assert lines[-1] == "2 outdated, 3 missing, 3 up to date (4 pages x hi, bn)."


def test_status_check_exits_1_when_work_remains(cli_project):
    result = run(cli_project, "status", "--check")
    assert result.returncode == 1
    assert "hi/rates.md: outdated (English changed since it was translated)" in result.stdout


def test_status_for_one_language(cli_project):
    result = run(cli_project, "status", "--language", "bn")
    assert result.returncode == 0
    assert all(line.startswith("bn/") for line in result.stdout.splitlines()[:-1])


def test_status_rejects_an_unknown_language(cli_project):
    result = run(cli_project, "status", "-l", "fr")
    assert result.returncode == 1
    assert "unknown language fr: choose from hi, bn" in result.stderr


def test_status_reports_a_translation_without_english_page(project):
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run(project, "status", "--check")
    assert result.returncode == 1
    assert "bn/old-page.md: no English page docs/old-page.md" in result.stdout


def test_stamp_then_status_is_up_to_date(cli_project):
    before = (cli_project / "hi" / "rates.md").read_text(encoding="utf-8")
    result = run(cli_project, "stamp", "hi/rates.md", "hi/faq.md")
    assert result.returncode == 0, result.stderr
    digest = source_hash(EDITED)
    assert f"hi/rates.md: source_hash: {digest} (the hash of docs/rates.md)" in result.stdout
    after = (cli_project / "hi" / "rates.md").read_text(encoding="utf-8")
    assert after == before.replace(source_hash(ENGLISH), digest)

    for page in ["faq.md", "guides/proposals.md", "rates.md"]:
        (cli_project / "bn" / page).parent.mkdir(parents=True, exist_ok=True)
        (cli_project / "bn" / page).write_text("# x\n", encoding="utf-8")
    (cli_project / "hi" / "guides").mkdir()
    (cli_project / "hi" / "guides" / "proposals.md").write_text("# x\n", encoding="utf-8")
    stamp_all = run(
        cli_project, "stamp", "bn/faq.md", "bn/guides/proposals.md", "bn/rates.md",
        "hi/guides/proposals.md",
    )  # fmt: skip
    assert stamp_all.returncode == 0, stamp_all.stderr

    result = run(cli_project, "status", "--check")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "All 8 translations are up to date (4 pages x hi, bn).\n"


def test_stamping_again_changes_nothing(cli_project):
    run(cli_project, "stamp", "hi/rates.md")
    again = run(cli_project, "stamp", "hi/rates.md")
    assert again.returncode == 0
    assert "hi/rates.md: already stamped with" in again.stdout


def test_stamp_works_from_a_subfolder(cli_project):
    result = run(cli_project, "stamp", "rates.md", cwd=cli_project / "hi")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("hi/rates.md: source_hash: ")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("docs/rates.md", "docs/rates.md: not a translated page: give a page in hi/, bn/"),
        ("hi/guides/proposals.md", "hi/guides/proposals.md: no such file: copy"),
        ("bn/nowhere.md", "bn/nowhere.md: no such file"),
    ],
)
def test_stamp_refuses(cli_project, path, message):
    result = run(cli_project, "stamp", path)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_stamp_refuses_a_translation_without_english_page(cli_project):
    (cli_project / "hi" / "gone.md").write_text("# x\n", encoding="utf-8")
    result = run(cli_project, "stamp", "hi/gone.md")
    assert result.returncode == 1
    assert "hi/gone.md: no English page docs/gone.md to stamp it against" in result.stderr
    assert (cli_project / "hi" / "gone.md").read_text(encoding="utf-8") == "# x\n"


def test_status_names_the_line_of_bad_front_matter(cli_project):
    (cli_project / "hi" / "rates.md").write_text("---\ntitle: a: b\n---\n# x\n", encoding="utf-8")
    result = run(cli_project, "status")
    assert result.returncode == 1
    assert result.stderr.startswith("hi/rates.md:2: front matter is not valid YAML")


def test_outside_a_project(tmp_path):
    result = run(tmp_path, "status")
    assert result.returncode == 1
    assert "no mkdocs.yml here or above" in result.stderr
