"""Link preview images (Open Graph `og:image`): 1200×630 JPEG cards with a page's title in its
own script, shaped by HarfBuzz through Pillow's raqm layout.

WhatsApp drops preview images on slow links when they are large, so a card is a flat colour with
text (it compresses well) and is saved at the best JPEG quality that stays within MAX_BYTES.

Shaping. Devanagari and Bengali need a shaper for conjuncts, vowel signs and reph; Pillow's basic
layout draws the code points one after the other (wrong), raqm hands them to HarfBuzz. raqm shapes
one font at a time, so a title is cut into runs by script first (`runs`): Devanagari in Noto Sans
Devanagari, Bengali in Noto Sans Bengali, everything else (Latin brand names such as Upwork or
bKash, digits, punctuation, ₹) in Noto Sans. Spaces, joiners and combining marks stay in the run
they are in, so a cluster is never cut.

Fonts are Noto (OFL), kept in the repository's fonts/noto/: nothing is downloaded. Only a
card the cache (lib/share_cards.py) does not have yet is drawn, so a build with every card cached
never imports Pillow.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from lib.share_cards import HEIGHT, SHAPER_PACKAGE, WIDTH, Card, FontSet, ShareImageError

MAX_BYTES = 80_000  # WhatsApp's previews stay reliable on slow links below about 80 KB
QUALITIES = (85, 80, 75, 70, 65, 60, 50)

# The language raqm is told for a run: it picks language-specific forms (Bengali is not Assamese).
RUN_LANGUAGE = {"latin": "en", "devanagari": "hi", "bengali": "bn"}

# The look: the site's header colour (docs/assets/stylesheets/guide.css), white title.
BACKGROUND = "#00796b"
TITLE_COLOUR = "#ffffff"
SMALL_COLOUR = "#d4ebe8"
BAND_COLOUR = "#ff6e42"
MARGIN = 72
TITLE_SIZES = (76, 68, 60, 54, 48)
MAX_LINES = 3
SMALL_SIZE = 34
ELLIPSIS = "…"


def check_shaping() -> None:
    """Fail unless Pillow can shape text with raqm (HarfBuzz): without it Indic titles would be
    drawn unshaped, letters in the wrong order and without conjuncts."""
    if not features.check("raqm"):
        raise ShareImageError(
            "link preview images: Pillow cannot shape Devanagari and Bengali text (its raqm "
            f"layout is unavailable): install FriBiDi, which Pillow's raqm loads (Debian and "
            f"Ubuntu: apt-get install {SHAPER_PACKAGE}; macOS: brew install fribidi)"
        )


def script_of(char: str) -> str | None:
    """The script a character is drawn in; None for characters that go with their neighbours
    (spaces, joiners, combining marks, the danda both Indic scripts use)."""
    code = ord(char)
    if char in "\u0964\u0965" or char in "\u200c\u200d" or char.isspace():
        return None
    if unicodedata.category(char).startswith("M"):
        return None
    if 0x0900 <= code <= 0x097F or 0xA8E0 <= code <= 0xA8FF or 0x1CD0 <= code <= 0x1CFF:
        return "devanagari"
    if 0x0980 <= code <= 0x09FF:
        return "bengali"
    return "latin"


def runs(text: str) -> list[tuple[str, str]]:
    """The text cut into (script, text) runs, each shaped with one font."""
    pieces: list[list[str]] = []  # [script, text]
    pending = ""  # leading characters with no script of their own
    for char in text:
        script = script_of(char)
        if script is None:
            if pieces:
                pieces[-1][1] += char
            else:
                pending += char
        elif pieces and pieces[-1][0] == script:
            pieces[-1][1] += char
        else:
            pieces.append([script, pending + char if not pieces else char])
            pending = ""
    if pending:  # nothing but spaces and marks
        pieces.append(["latin", pending])
    return [(script, chunk) for script, chunk in pieces]


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


class Writer:
    """Measures and draws text in one weight and size, font by script."""

    def __init__(self, fonts: dict[str, Path], size: int) -> None:
        self.fonts = fonts
        self.size = size

    def width(self, text: str) -> float:
        return sum(
            _font(self.fonts[script], self.size).getlength(chunk, language=RUN_LANGUAGE[script])
            for script, chunk in runs(text)
        )

    def draw(
        self, draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str, fill: str
    ) -> None:
        for script, chunk in runs(text):
            font = _font(self.fonts[script], self.size)
            language = RUN_LANGUAGE[script]
            draw.text((x, baseline), chunk, font=font, fill=fill, anchor="ls", language=language)
            x += font.getlength(chunk, language=language)


def wrap(words: Sequence[str], width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line gets a line of its own."""
    lines: list[str] = []
    for word in words:
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def fit_title(title: str, fonts: dict[str, Path], width: float) -> tuple[Writer, list[str]]:
    """The largest size at which the title fits in MAX_LINES lines; at the smallest size a title
    still too long is cut after the last whole word that fits, with an ellipsis."""
    words = title.split()
    for size in TITLE_SIZES:
        writer = Writer(fonts, size)
        lines = wrap(words, width, writer.width)
        if len(lines) <= MAX_LINES and all(writer.width(line) <= width for line in lines):
            return writer, lines
    lines = lines[:MAX_LINES]
    last = lines[-1].split()
    while len(last) > 1 and writer.width(" ".join(last) + ELLIPSIS) > width:
        last.pop()
    lines[-1] = " ".join(last) + ELLIPSIS
    return writer, lines


def draw_card(card: Card, fonts: FontSet) -> Image.Image:
    """The card as an image: the site name at the top, the title below it. No address: the
    messenger shows the link's own under the card, and a card that does not depend on site_url
    is the same for `mkdocs serve`, a fork and production, so the cache serves them all."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    small = Writer(fonts.regular, SMALL_SIZE)
    small.draw(draw, MARGIN, MARGIN + SMALL_SIZE, card.site_name, SMALL_COLOUR)

    writer, lines = fit_title(card.title, fonts.bold, WIDTH - 2 * MARGIN)
    # Indic vowel signs reach far above and below the line: 1.45 line height keeps them apart.
    line_height = round(writer.size * 1.45)
    block = line_height * (len(lines) - 1) + writer.size
    top, bottom = MARGIN + SMALL_SIZE * 2, HEIGHT - MARGIN
    baseline = top + (bottom - top - block) / 2 + writer.size
    for line in lines:
        writer.draw(draw, MARGIN, baseline, line, TITLE_COLOUR)
        baseline += line_height

    draw.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=BAND_COLOUR)
    return image


def encode(image: Image.Image, max_bytes: int = MAX_BYTES) -> bytes:
    """JPEG at the best quality in QUALITIES that fits max_bytes (the lowest one otherwise)."""
    for quality in QUALITIES:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= max_bytes:
            break
    return buffer.getvalue()


def render(card: Card, fonts: FontSet) -> bytes:
    return encode(draw_card(card, fonts))
