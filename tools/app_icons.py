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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is this tool's own need, not the site's
    from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "assets" / "images"
SIZES = [192, 512]
TEAL, WHITE, ORANGE, LINE = "#009688", "#ffffff", "#ff5722", "#b2dfdb"
SCALE = 4
UNIT = 512  # the design's coordinates
ZOOM = 1.3  # the design drawn larger about the centre: its corners stay inside the safe circle


LINE_WIDTH = 7


def design() -> list[tuple[str, str, list[tuple[float, float]]]]:
    """(kind, colour, points in UNIT coordinates, zoomed about the centre) of every shape."""
    shapes = [
        # two pages meeting at the spine, their outer corners a little higher
        ("polygon", WHITE, [(150, 178), (250, 196), (250, 350), (150, 332)]),
        ("polygon", WHITE, [(262, 196), (362, 178), (362, 332), (262, 350)]),
    ]
    for step in range(4):  # lines of text on each page
        y = 222 + step * 28
        shapes.append(("line", LINE, [(168, y - 4), (234, y + 8)]))
        shapes.append(("line", LINE, [(278, y + 8), (326, y - 1)]))
    # the bookmark hanging from the top of the right page
    shapes.append(("polygon", ORANGE, [(330, 172), (350, 168), (350, 246), (340, 234), (330, 246)]))
    centre = UNIT / 2
    return [
        (
            kind,
            colour,
            [(centre + (x - centre) * ZOOM, centre + (y - centre) * ZOOM) for x, y in points],
        )
        for kind, colour, points in shapes
    ]


def draw(size: int) -> Image.Image:
    from PIL import Image, ImageDraw

    big = size * SCALE
    image = Image.new("RGB", (big, big), TEAL)
    pen = ImageDraw.Draw(image)
    for kind, colour, points in design():
        scaled = [(x * big / UNIT, y * big / UNIT) for x, y in points]
        if kind == "polygon":
            pen.polygon(scaled, fill=colour)
        else:
            pen.line(scaled, fill=colour, width=round(big * LINE_WIDTH * ZOOM / UNIT))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    try:
        from PIL import Image
    except ImportError:
        print("tools.app_icons needs Pillow: pip install pillow", file=sys.stderr)
        return 2
    TARGET.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = TARGET / f"icon-{size}.png"
        # 32 colours (the design's four and their smoothed edges): a third of the bytes
        draw(size).quantize(colors=32, dither=Image.Dither.NONE).save(path, optimize=True)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
