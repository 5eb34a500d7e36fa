"""Draw the guide's home-screen icons (the web app manifests list them).

    python -m tools.app_icons        # rewrites docs/assets/images/icon-192.png and icon-512.png

A simple design made here, no artwork from elsewhere: an open book in white on the site's teal,
with a deep-orange bookmark (the theme's primary and accent colours). Everything sits inside
the circle of 80% of the square's width, so Android's round and squircle masks never cut it
("maskable"); tests/test_offline_build.py checks that.
Drawn four times larger and scaled down for smooth edges. Needs Pillow, which only this tool
uses (the build reads the PNG files); the output is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "assets" / "images"
SIZES = [192, 512]
TEAL, WHITE, ORANGE, LINE = "#009688", "#ffffff", "#ff5722", "#b2dfdb"
SCALE = 4
UNIT = 512  # the design's coordinates
ZOOM = 1.3  # the design drawn larger about the centre: its corners stay inside the safe circle


def draw(size: int):
    from PIL import Image, ImageDraw

    big = size * SCALE
    image = Image.new("RGB", (big, big), TEAL)
    pen = ImageDraw.Draw(image)

    def at(points):
        def zoom(value: float) -> float:
            return (UNIT / 2 + (value - UNIT / 2) * ZOOM) * big / UNIT

        return [(zoom(x), zoom(y)) for x, y in points]

    # two pages meeting at the spine, their outer corners a little higher
    pen.polygon(at([(150, 178), (250, 196), (250, 350), (150, 332)]), fill=WHITE)
    pen.polygon(at([(262, 196), (362, 178), (362, 332), (262, 350)]), fill=WHITE)
    # lines of text on each page
    for step in range(4):
        y = 222 + step * 28
        pen.line(at([(168, y - 4), (234, y + 8)]), fill=LINE, width=round(big * 7 * ZOOM / UNIT))
        pen.line(at([(278, y + 8), (326, y - 1)]), fill=LINE, width=round(big * 7 * ZOOM / UNIT))
    # the bookmark hanging from the top of the right page
    pen.polygon(at([(330, 172), (350, 168), (350, 246), (340, 234), (330, 246)]), fill=ORANGE)
    return image.resize((size, size), Image.LANCZOS)


def main() -> int:
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("tools.app_icons needs Pillow: pip install pillow", file=sys.stderr)
        return 2
    TARGET.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = TARGET / f"icon-{size}.png"
        # 32 colours (the design's four and their smoothed edges): a third of the bytes
        draw(size).quantize(colors=32, dither=0).save(path, optimize=True)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
