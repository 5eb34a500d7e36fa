"""Contributor mistakes in pages fail the build with the file, the line and the fix."""

from __future__ import annotations

import pytest

BASE = {
    "docs/index.md": "# Home\n\nSee [rates](rates.md).\n",
    "docs/rates.md": "# Rates\n\nText.\n",
    "hi/index.md": "# होम\n\n[रेट](rates.md) देखें।\n",
    "hi/rates.md": "# रेट\n",
    "bn/index.md": "# হোম\n\n[রেট](rates.md) দেখুন।\n",
    "bn/rates.md": "# রেট\n",
}


def build_with(fixture_site, changes: dict[str, str | bytes]):
    site = fixture_site(BASE)
    for path, text in changes.items():
        site.write(path, text)
    return site.build()


def assert_clean_failure(build, *expected: str) -> None:
    assert not build.ok, build.output
    assert "Traceback" not in build.output, build.output
    for text in expected:
        assert text in build.output, build.output


@pytest.mark.parametrize("path", ["docs/rates.md", "hi/rates.md", "bn/rates.md"])
def test_page_that_is_not_utf8(fixture_site, path):
    raw = b"# Rates\n\nline two\n" + "caf\u00e9 costs".encode("latin-1") + b"\n"
    build = build_with(fixture_site, {path: raw})
    assert_clean_failure(
        build,
        f"{path}:4: the file is not valid UTF-8 (byte 0xe9): "
        "save it again with the encoding UTF-8 in your editor.",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ndescription: ok\ntitle: [unclosed\n---\n\n# Rates\n",
            "hi/rates.md:4: front matter is not valid YAML",
        ),
        (
            "---\ndescription: one: two\n---\n\n# Rates\n",
            "hi/rates.md:2: front matter is not valid YAML (mapping values are not allowed here): "
            "write each entry as `key: value`; quote values that contain a colon.",
        ),
        (
            "---\ndescription: never closed\n\n# Rates\n",
            "hi/rates.md:1: front matter starts with --- but is never closed: "
            "add a line with only --- after its last key.",
        ),
        (
            "---\n- a list\n---\n\n# Rates\n",
            "hi/rates.md:2: front matter must be `key: value` lines, got list",
        ),
    ],
)
def test_broken_front_matter(fixture_site, text, message):
    assert_clean_failure(build_with(fixture_site, {"hi/rates.md": text}), message)


@pytest.mark.parametrize("language", ["docs", "hi", "bn"])
def test_broken_internal_link_in_any_language(fixture_site, language):
    page = "---\ndescription: x\n---\n\n# Rates\n\nFirst line.\n\nSee [fees](fees.md#top).\n"
    build = build_with(fixture_site, {f"{language}/rates.md": page})
    assert_clean_failure(
        build,
        f"{language}/rates.md:9: link 'fees.md#top' leads to no page or file: check the file name",
    )


def test_every_link_problem_is_listed_at_once(fixture_site):
    page = (
        "# Rates\n\n[a](http://example.com/x)\n\n[b](javascript:alert(1))\n\n"
        '<a href="//cdn.example.com/x.js">c</a>\n\n[d](/rates.md)\n\n'
        "`[not a link](nowhere.md)` and [ok](https://example.com)\n"
    )
    build = build_with(fixture_site, {"bn/rates.md": page})
    assert_clean_failure(
        build,
        "bn/rates.md:3: link 'http://example.com/x' is not https: use 'https://example.com/x'",
        "bn/rates.md:5: link 'javascript:alert(1' uses javascript: which is not allowed",
        "bn/rates.md:7: link '//cdn.example.com/x.js' has no scheme: "
        "write it as https://cdn.example.com/x.js",
        "bn/rates.md:9: link '/rates.md' is absolute: link to the .md file relative to this page",
        "4 link problems in pages.",
    )
    assert "nowhere.md" not in build.output


def test_two_letter_folder_inside_docs_is_not_lost_silently(fixture_site):
    build = build_with(fixture_site, {"docs/js/notes.md": "# Notes\n"})
    assert_clean_failure(
        build,
        "docs/js/notes.md: no page was built at site/js/notes/index.html: folders with "
        "two-letter names inside docs/ are taken for languages; rename it",
    )


def test_unlisted_language_folder_is_reported(fixture_site):
    build = build_with(fixture_site, {"ta/index.md": "# முகப்பு\n"})
    assert_clean_failure(
        build,
        "ta/: looks like a language folder, but 'ta' is not in the i18n languages of mkdocs.yml",
    )


def test_file_the_i18n_plugin_would_drop_fails_the_strict_build(fixture_site):
    site = fixture_site(BASE)
    # A plugin adding a page from outside docs_dir is what makes i18n drop it.
    site.write("outside/extra.md", "# Extra\n")
    site.write(
        "hooks/add_outside_page.py",
        "from mkdocs.structure.files import File\n"
        "def on_files(files, config):\n"
        "    files.append(File('extra.md', config.config_file_path.rsplit('/', 1)[0]"
        " + '/outside', config.site_dir, True))\n"
        "    return files\n",
    )
    config = site.path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "hooks:\n", "hooks:\n  - hooks/add_outside_page.py\n"
        ),
        encoding="utf-8",
    )
    build = site.build()
    assert_clean_failure(build, "Unhandled file case - extra.md")


def test_a_script_written_into_a_page_fails_the_build(fixture_site):
    pages = {**BASE, "docs/rates.md": "# Rates\n\n<script>alert('from a page')</script>\n"}
    build = fixture_site(pages).build()
    assert_clean_failure(
        build,
        "docs/rates.md:3: <script> is not allowed in pages: scripts come only from the site's own "
        "files (overrides/assets/javascripts/)",
    )
