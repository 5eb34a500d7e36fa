"""Heading ids keep the vowel signs of Hindi and Bengali words, so a shared section link reads."""

from __future__ import annotations

import re

import pytest

from heading_ids import slugify


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("रेट कार्ड कैसे पढ़ें", "रेट-कार्ड-कैसे-पढ़ें"),  # matras, anusvara, nukta
        ("রেটের কার্ড কীভাবে পড়বেন", "রেটের-কার্ড-কীভাবে-পড়বেন"),  # kar signs, hasanta
        ("क्\u200dष और क्ष", "क्ष-और-क्ष"),  # a joiner does not change the id
        ("How to read the <code>rate</code> cards!", "how-to-read-the-rate-cards"),
        ("GST & LUT: 2025–26", "gst-lut-2025-26"),  # an en dash separates like a hyphen
        ("  What is a VA?  ", "what-is-a-va"),
        ("२०२६ के टैक्स नियम", "२०२६-के-टैक्स-नियम"),  # Devanagari digits stay
    ],
)
def test_slugify_keeps_words_of_every_script_whole(heading, expected):
    assert slugify(heading, "-") == expected


def test_built_pages_use_these_ids(fixture_site):
    site = fixture_site(
        {
            "docs/index.md": "# Home\n\n## How to read the cards\n",
            "hi/index.md": "# होम\n\n## कार्ड कैसे पढ़ें\n",
            "bn/index.md": "# হোম\n\n## কার্ড কীভাবে পড়বেন\n",
        }
    )
    build = site.build()
    assert build.ok, build.output
    ids = {
        path: re.findall(r'<h2 id="([^"]+)"', build.page(path))
        for path in ("index.html", "hi/index.html", "bn/index.html")
    }
    assert ids == {
        "index.html": ["how-to-read-the-cards"],
        "hi/index.html": ["कार्ड-कैसे-पढ़ें"],
        "bn/index.html": ["কার্ড-কীভাবে-পড়বেন"],
    }
