"""`mkdocs serve` picks up edits in hi/, bn/ and data/, which live outside docs_dir."""

from __future__ import annotations

from conftest import FixtureSite, wait_for


def test_serve_reloads_translations_and_data(tmp_path):
    site = FixtureSite(tmp_path / "project").pages(
        {
            "docs/index.md": "# Home\n",
            "hi/index.md": "# पहला शीर्षक\n",
            "bn/index.md": "# প্রথম শিরোনাম\n",
        }
    )
    with site.serve() as served:
        log = served.log.read_text
        assert "पहला शीर्षक" in served.fetch("hi/")

        site.write("hi/index.md", "# बदला हुआ शीर्षक\n")
        assert wait_for(lambda: "बदला हुआ शीर्षक" in served.fetch("hi/")), log()

        site.write("bn/index.md", "# নতুন শিরোনাম\n")
        assert wait_for(lambda: "নতুন শিরোনাম" in served.fetch("bn/")), log()

        builds_before = log().count("Building 'en' documentation")
        glossary = site.path / "data" / "glossary.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: log().count("Building 'en' documentation") > builds_before), log()
