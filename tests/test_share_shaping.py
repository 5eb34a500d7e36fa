"""The preview images' text is shaped right: each word drawn by lib/share_image.py (Pillow, raqm)
matches the same word rendered by Chromium from the same Noto font files.

Why a rendering, and why Chromium. The error to catch is text drawn unshaped or half shaped
(Pillow's basic layout, a missing raqm, the wrong font for a run, a cluster cut between two runs):
letters in logical order, no conjuncts, the i-sign after its consonant, reph on the line. Chromium
is the reference our readers see: its own HarfBuzz, its own font fallback, its own rasterizer
(Skia, not FreeType). Comparing glyph ids with another HarfBuzz binding would compare HarfBuzz
with itself and miss our run splitting and drawing; a rendering checks what the reader gets.

How. Each word is rendered by Chromium in a page whose @font-face rules load the very font files
the cards use (served to the page from memory, no network), and by the card's own Writer in
black on white at the same size. The two ink boxes must be the same size (±2 px), the advance
widths equal (±1 px), and the blurred images must correlate at 0.98 or more. Measured with
Chromium 156 and Pillow 13 (raqm 0.11, HarfBuzz 14): every word 0.996–0.999, ink boxes within
1 px, advances within 0.1 px; the same words drawn unshaped (Pillow's basic layout) score
-0.02–0.83, which the last test checks so the measure is known to tell the two apart.
"""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from browser_support import chromium, require_chromium
from lib.share_cards import find_fonts
from lib.share_image import Writer, runs

SIZE = 64
# Words that need the shaper: conjuncts, reph, vowel signs drawn before their consonant or on
# both sides, nasal marks, ya- and ra-phala; and Latin brand names, alone and next to Indic text.
WORDS = {
    "hi": [
        "प्रपोजल",  # ra below
        "कर्म",  # reph above
        "स्त्री",  # three-consonant conjunct
        "हिन्दी",  # i-sign drawn before its consonant
        "क्लाइंट",
        "ढूँढें",  # chandrabindu, e-sign with bindu
        "अंग्रेज़ी",  # nukta
        "Upwork पर",
    ],
    "bn": [
        "পোর্টফোলিও",  # o-sign around its consonant, reph
        "প্রোফাইল",
        "ক্ষমা",
        "ক্যারিয়ার",  # ya-phala
        "স্ক্রিন",
        "কৌশল",  # au-sign around its consonant
        "বাংলাদেশ",
        "bKash-এ",
    ],
    "en": ["Payoneer", "Fiverr"],
}
FACES = {"latin": "CardLatin", "devanagari": "CardDevanagari", "bengali": "CardBengali"}


def page_html(words: list[str], language: str) -> str:
    faces = "".join(
        f"@font-face{{font-family:{family};src:url(/{script}.ttf)}}"
        for script, family in FACES.items()
    )
    spans = "".join(f'<div><span id="w{i}">{word}</span></div>' for i, word in enumerate(words))
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><style>{faces}'
        "body{margin:0;background:#fff}"
        "span{display:inline-block;padding:24px;white-space:nowrap;color:#000;line-height:1.6;"
        f"font:{SIZE}px {','.join(FACES.values())}}}</style></head><body>{spans}</body></html>"
    )


def ink(image: Image.Image) -> Image.Image:
    """The ink (white on black) cropped to where there is any."""
    inverted = ImageChops.invert(image.convert("L"))
    return inverted.crop(inverted.point(lambda v: 255 if v > 40 else 0).getbbox())


def correlation(a: Image.Image, b: Image.Image) -> float:
    """Pearson correlation of two ink images, blurred a little: rasterizers differ in
    anti-aliasing, shaping errors move whole glyphs."""
    size = (max(a.width, b.width), max(a.height, b.height))
    planes = []
    for image in (a, b):
        canvas = Image.new("L", size, 0)
        canvas.paste(image)
        planes.append(canvas.filter(ImageFilter.GaussianBlur(2)).tobytes())
    x, y = planes
    mean_x, mean_y = sum(x) / len(x), sum(y) / len(y)
    covariance = sum((p - mean_x) * (q - mean_y) for p, q in zip(x, y, strict=True))
    spread = math.sqrt(sum((p - mean_x) ** 2 for p in x) * sum((q - mean_y) ** 2 for q in y))
    return covariance / spread


def card_rendering(word: str, layout=ImageFont.Layout.RAQM) -> tuple[Image.Image, float]:
    """The word as the cards draw it (Writer), or with another layout engine for the control."""
    fonts = find_fonts().bold
    image = Image.new("L", (SIZE * len(word) + 200, SIZE * 3), 255)
    draw = ImageDraw.Draw(image)
    if layout == ImageFont.Layout.RAQM:
        writer = Writer(fonts, SIZE)
        writer.draw(draw, 24, SIZE * 2, word, "#000")
        return ink(image), writer.width(word)
    x = 24.0
    for script, chunk in runs(word):
        font = ImageFont.truetype(str(fonts[script]), SIZE, layout_engine=layout)
        draw.text((x, SIZE * 2), chunk, font=font, fill=0, anchor="ls")
        x += font.getlength(chunk)
    return ink(image), x - 24


@pytest.fixture(scope="module")
def chromium_words():
    """{word: (ink, advance width)} as Chromium renders them with the cards' font files."""
    require_chromium()
    fonts = find_fonts().bold
    rendered = {}
    markup = {}

    def serve(route):
        name = route.request.url.rsplit("/", 1)[1]
        if name.endswith(".ttf"):
            route.fulfill(body=fonts[name[:-4]].read_bytes(), content_type="font/ttf")
        else:
            route.fulfill(body=markup[name], content_type="text/html; charset=utf-8")

    with chromium() as browser:
        page = browser.new_page(device_scale_factor=1)
        page.route("http://fonts.test/**", serve)
        for language, words in WORDS.items():
            markup[f"{language}.html"] = page_html(words, language)
            page.goto(f"http://fonts.test/{language}.html")
            # every face loads (a font file the browser rejected would fall back to a system font)
            statuses = page.evaluate(
                "Promise.all([...document.fonts].map(f => f.load()))"
                ".then(faces => faces.map(f => f.status))"
            )
            assert statuses == ["loaded"] * len(FACES)
            page.evaluate("document.fonts.ready")
            for i, word in enumerate(words):
                span = page.locator(f"#w{i}")
                width = span.evaluate(
                    "s => { const r = document.createRange(); r.selectNodeContents(s);"
                    " return r.getBoundingClientRect().width; }"
                )
                rendered[word] = (ink(Image.open(io.BytesIO(span.screenshot()))), width)
    return rendered


@pytest.mark.browser
@pytest.mark.parametrize("word", [word for words in WORDS.values() for word in words])
def test_card_text_is_shaped_like_chromium(chromium_words, word):
    reference, reference_width = chromium_words[word]
    ours, width = card_rendering(word)
    assert abs(ours.width - reference.width) <= 2 and abs(ours.height - reference.height) <= 2, (
        f"ink box {ours.size} in the card, {reference.size} in Chromium"
    )
    assert abs(width - reference_width) <= 1
    assert correlation(ours, reference) >= 0.98


@pytest.mark.browser
@pytest.mark.parametrize("word", ["हिन्दी", "कर्म", "পোর্টফোলিও", "কৌশল"])
def test_the_measure_tells_unshaped_text_apart(chromium_words, word):
    """Control: the same word drawn unshaped (Pillow's basic layout) fails the comparison."""
    reference, _ = chromium_words[word]
    unshaped, _ = card_rendering(word, ImageFont.Layout.BASIC)
    assert correlation(unshaped, reference) < 0.8
