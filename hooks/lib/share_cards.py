"""The preview cards a build needs, by digest, in a folder kept between builds.

A card is named by a digest of its text (title, site name) and of everything else that decides
its look: the font files, the drawing code (lib/share_image.py, this module) and Pillow's version.
A build finds every unchanged card in .cache/share-images/ and only copies it; Pillow is imported
(and raqm checked) the first time a card has to be drawn.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
# Noto (OFL) in the repository (fonts/noto/README.md), so every machine draws the same cards
# with nothing to install; NOTO_FONT_DIR may point at other copies of the same files.
FONT_DIR = Path(__file__).resolve().parents[2] / "fonts" / "noto"
FONT_DIR_VARIABLE = "NOTO_FONT_DIR"
# Pillow's wheels bring raqm and HarfBuzz and load FriBiDi from the system.
SHAPER_PACKAGE = "libfribidi0"
# script -> (bold, regular) file names in FONT_DIR
FONT_FILES = {
    "latin": ("NotoSans-Bold.ttf", "NotoSans-Regular.ttf"),
    "devanagari": ("NotoSansDevanagari-Bold.ttf", "NotoSansDevanagari-Regular.ttf"),
    "bengali": ("NotoSansBengali-Bold.ttf", "NotoSansBengali-Regular.ttf"),
}


class ShareImageError(Exception):
    """The machine cannot make the images: a font or the shaping library is missing."""


@dataclass(frozen=True)
class Card:
    """What one preview image shows."""

    title: str
    site_name: str  # in the page's language


@dataclass(frozen=True)
class FontSet:
    """The font files, by script, bold (titles) and regular (the site name)."""

    bold: dict[str, Path]
    regular: dict[str, Path]

    def files(self) -> list[Path]:
        return sorted({*self.bold.values(), *self.regular.values()})


def find_fonts(font_dir: Path | None = None) -> FontSet:
    """The Noto fonts the cards need, or ShareImageError naming the package to install."""
    font_dir = font_dir or Path(os.environ.get(FONT_DIR_VARIABLE) or FONT_DIR)
    missing = [
        name for pair in FONT_FILES.values() for name in pair if not (font_dir / name).is_file()
    ]
    if missing:
        raise ShareImageError(
            f"link preview images: {', '.join(missing)} not found in {font_dir}: restore the "
            f"repository's fonts (git checkout -- fonts/), or set {FONT_DIR_VARIABLE} to a "
            "folder that has these Noto files"
        )
    return FontSet(
        bold={script: font_dir / pair[0] for script, pair in FONT_FILES.items()},
        regular={script: font_dir / pair[1] for script, pair in FONT_FILES.items()},
    )


@cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pillow_version_file() -> Path:
    """PIL/_version.py, found without importing Pillow: its wheels bring raqm and HarfBuzz, so
    a new Pillow may shape or draw differently."""
    spec = find_spec("PIL")
    if spec is None or not spec.submodule_search_locations:
        raise ShareImageError("link preview images: Pillow is not installed: pip install -e .")
    return Path(next(iter(spec.submodule_search_locations))) / "_version.py"


def inputs_digest(fonts: FontSet, code: Iterable[Path]) -> str:
    """A fingerprint of everything but the text that decides how a card looks: the font files,
    the code named, Pillow's version."""
    hasher = hashlib.sha256()
    for path in [*fonts.files(), *code, pillow_version_file()]:
        stat = path.stat()
        hasher.update(
            path.name.encode() + _file_digest(path, stat.st_size, stat.st_mtime_ns).encode()
        )
    return hasher.hexdigest()


def card_digest(card: Card, inputs: str) -> str:
    """The name of a card's image: equal text and equal inputs give the same image."""
    text = "\0".join((card.title, card.site_name, inputs))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


class CardCache:
    """Images by digest in a folder (kept between builds and across `mkdocs serve` rebuilds)."""

    def __init__(self, folder: Path, fonts: FontSet, code: Iterable[Path] = ()) -> None:
        self.folder = folder
        self.fonts = fonts
        drawing = [Path(__file__), Path(__file__).with_name("share_image.py")]
        self.inputs = inputs_digest(fonts, [*drawing, *code])

    def image(self, card: Card) -> tuple[str, Path]:
        """(digest, cached JPEG file) of a card, drawn only when the cache has no copy."""
        digest = card_digest(card, self.inputs)
        path = self.folder / f"{digest}.jpg"
        if path.is_file():
            return digest, path
        from lib.share_image import check_shaping, render  # Pillow, only to draw

        check_shaping()
        data = render(card, self.fonts)
        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_bytes(data)
        scratch.replace(path)  # a reader never sees half a file
        return digest, path


def place(cached: Path, target: Path) -> None:
    """Put a cached image into the site: a hard link where the two folders share a file system
    (nothing copied), a copy elsewhere."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
