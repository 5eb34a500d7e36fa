"""Charts drawn at build time as inline SVG: the geometry, in plain values a template prints.

A chart is a stack of rows on one horizontal scale, sized for a phone: the SVG's viewBox is
WIDTH units wide and the page scales it to the column (1 unit is about 1 px at 320-412 px). Each
row is its label, wrapped onto lines that fit (SVG text does not wrap), then its bars and marks;
the axis and its grid lines come last. Nothing here knows what is charted: lib/blocks.py builds
the rows from the data, in the page's language, and overrides/guide/_chart.html prints them.

Readable without colour: what a bar means is told by its shape (a filled bar, an outlined bar,
a diamond) and by the words beside it, never by its colour alone. Every value printed is
already formatted (the language's digits), so the template only prints.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

WIDTH = 320
LEFT = 6  # the plot area, in viewBox units
RIGHT = WIDTH - 6
FONT = 12  # label text; the axis uses SMALL
SMALL = 10.5
LINE = 16  # one line of label text (Indic scripts need the height)
BAR = 11
GAP = 9  # between rows
HEADING_GAP = 6


def number(value: float) -> str:
    """A coordinate as the SVG writes it: at most one decimal, no trailing .0."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


# Text width. SVG text does not wrap, so labels are wrapped here, by an estimate of how wide
# each character is in Noto Sans (the font Android phones use) in ems. The estimate errs wide,
# and tests/test_browser_phone.py measures every label in Chromium with Noto fonts installed.
# The calculator's script lays its chart out again from the same table (`metrics()`).
_INDIC = [chr(code) for code in range(0x0900, 0x0A00)]  # Devanagari and Bengali


def _category(chars: list[str], category: str) -> str:
    return "".join(char for char in chars if unicodedata.category(char) == category)


# (ems, characters, first, last of a range): the first that holds a character gives its width.
# Text is NFC (lib/data/reader.py), so Latin accents come composed, not as combining marks.
WIDTHS: tuple[tuple[float, str, str, str], ...] = (
    (0.0, _category(_INDIC, "Mn"), "", ""),  # vowel signs above or below, virama, nukta
    (0.38, _category(_INDIC, "Mc"), "", ""),  # spacing vowel signs (ा, ি, ো)
    (0.66, "", "\u0900", "\u09ff"),  # Devanagari and Bengali letters, digits and signs
    (0.3, "fijlrtI.,:;'!|()[] \u00a0", "", ""),
    (0.86, "mwMW%@—–₹৳$", "", ""),
    (0.64, "", "A", "Z"),
    (0.64, "", "0", "9"),
)
OTHER = 0.56


def char_width(char: str) -> float:
    """An estimate of one character's advance, in ems."""
    for ems, chars, first, last in WIDTHS:
        if char in chars or first <= char <= last:
            return ems
    return OTHER


BOLD = 1.15  # bold text (headings) is wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(char_width(char) for char in text) * size * (BOLD if bold else 1)


def wrap(text: str, width: float, size: float = FONT, bold: bool = False) -> list[str]:
    """The text broken at spaces into lines no wider than `width` (a longer word keeps a
    line to itself). Only a plain space breaks: a no-break space keeps "≈ ₹1,922" together."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size, bold) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines or [""]


def nice_axis(maximum: float, ticks: int = 4) -> tuple[float, float]:
    """(top of the axis, step between ticks): round steps (1, 2, 2.5 or 5 times a power of
    ten), at most `ticks` steps, the top at or above `maximum`."""
    if maximum <= 0:
        return 1.0, 1.0
    # the power of ten at or below maximum / ticks, by steps rather than a logarithm, whose last
    # digit differs between libraries: the calculator's script finds the same axis
    magnitude, least = 1.0, maximum / ticks
    while magnitude * 10 <= least:
        magnitude *= 10
    while magnitude > least:
        magnitude /= 10
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if math.ceil(maximum / step - 1e-9) <= ticks:
            return math.ceil(maximum / step - 1e-9) * step, step
    return maximum, maximum  # not reached: factor 10 always fits


@dataclass(frozen=True)
class Text:
    x: str
    y: str
    text: str
    anchor: str = "start"  # start, middle or end
    kind: str = "label"  # label, heading, value or axis: a CSS class guide-chart__KIND


@dataclass(frozen=True)
class Box:
    x: str
    y: str
    width: str
    height: str
    kind: str = "bar"  # bar (filled) or taken (outlined)


@dataclass(frozen=True)
class Shape:
    d: str  # an SVG path
    kind: str = "mark"  # mark (a filled diamond) or arrow


@dataclass(frozen=True)
class Line:
    x1: str
    y1: str
    x2: str
    y2: str
    kind: str = "grid"


@dataclass(frozen=True)
class Row:
    record: str | None  # the data-record id, when the row draws one record
    texts: tuple[Text, ...] = ()
    boxes: tuple[Box, ...] = ()
    shapes: tuple[Shape, ...] = ()


@dataclass
class Chart:
    """One chart: rows from the top, then the grid and the axis, in a WIDTH x height box."""

    id: str  # unique on the page: the figure's id and the prefix of its parts' ids
    title: str
    rows: list[Row] = field(default_factory=list)
    grid: list[Line] = field(default_factory=list)
    axis: list[Text] = field(default_factory=list)
    height: str = "0"
    width: str = number(WIDTH)
    text: list[str] = field(default_factory=list)  # the text equivalent, one line per item
    notes: list[str] = field(default_factory=list)  # printed under the chart, for everyone
    # the sources of every value charted, as Localizer.sources gives them: {name, url, year, weak}
    sources: list[dict[str, str | None]] = field(default_factory=list)


class Scale:
    """Values from 0 to `top` across the plot area."""

    def __init__(self, top: float) -> None:
        self.top = top

    def x(self, value: float) -> float:
        value = min(max(value, 0.0), self.top)
        return LEFT + (RIGHT - LEFT) * value / self.top


class Layout:
    """Rows added top to bottom; `finish` adds the grid and the axis labels."""

    def __init__(self, chart: Chart, scale: Scale) -> None:
        self.chart = chart
        self.scale = scale
        self.y = 2.0

    def _label(self, text: str, kind: str = "label") -> list[Text]:
        texts = []
        for line in wrap(text, RIGHT - LEFT, bold=kind == "heading"):
            self.y += LINE
            texts.append(Text(number(LEFT), number(self.y - 4), line, kind=kind))
        return texts

    def heading(self, text: str) -> None:
        self.y += HEADING_GAP
        self.chart.rows.append(Row(None, tuple(self._label(text, "heading"))))

    def row(
        self,
        record: str | None,
        label: str,
        spans: Iterable[tuple[float, float, str]] = (),
        marks: Iterable[float] = (),
        arrow: bool = False,
    ) -> None:
        """A label, then on one line: bars (start, end, kind) and diamond marks at values; an
        arrow after the last bar when its top is open (₹7,000+)."""
        texts = self._label(label)
        top = self.y + 3
        boxes = []
        end_x = None
        for start, end, kind in spans:
            x1, x2 = self.scale.x(start), self.scale.x(end)
            width = max(x2 - x1, 1.5)  # a tiny amount stays visible; its label gives the value
            boxes.append(Box(number(x1), number(top), number(width), number(BAR), kind))
            end_x = x1 + width
        shapes = []
        middle = top + BAR / 2
        for value in marks:
            x = self.scale.x(value)
            half = BAR / 2 + 1
            shapes.append(
                Shape(
                    f"M{number(x)} {number(middle - half)}l{number(half)} {number(half)}"
                    f"l-{number(half)} {number(half)}l-{number(half)}-{number(half)}z"
                )
            )
        if arrow and end_x is not None:
            tip = min(end_x + 7, RIGHT)
            shapes.append(
                Shape(
                    f"M{number(tip - 6)} {number(top - 1)}L{number(tip)} {number(middle)}"
                    f"L{number(tip - 6)} {number(top + BAR + 1)}z",
                    "arrow",
                )
            )
        self.y = top + BAR + GAP
        self.chart.rows.append(Row(record, tuple(texts), tuple(boxes), tuple(shapes)))

    def finish(self, ticks: Sequence[tuple[float, str]]) -> Chart:
        """Grid lines at each tick over the whole chart, the tick labels under it."""
        bottom = self.y
        for index, (value, label) in enumerate(ticks):
            x = self.scale.x(value)
            self.chart.grid.append(Line(number(x), "0", number(x), number(bottom)))
            anchor = "start" if index == 0 else "end" if index == len(ticks) - 1 else "middle"
            self.chart.axis.append(
                Text(number(x), number(bottom + SMALL + 3), label, anchor, kind="axis")
            )
        self.chart.height = number(bottom + SMALL + 8)
        return self.chart


def metrics() -> dict[str, object]:
    """The layout's figures, for the calculator's script, which lays its chart out again in
    the browser as the reader changes the numbers (guide-calculator.js, `waterfall`): one set
    of figures, so that its chart is the build's chart to the tenth of a unit."""
    return {
        "width": WIDTH,
        "left": LEFT,
        "right": RIGHT,
        "font": FONT,
        "small": SMALL,
        "line": LINE,
        "bar": BAR,
        "gap": GAP,
        "widths": WIDTHS,
        "other": OTHER,
    }


@dataclass(frozen=True)
class Step:
    """One row of a waterfall: its label (already formatted) and its amount on the chart's
    scale; `record` is the data-record id of what it draws, if any."""

    record: str | None
    label: str
    amount: float


def waterfall(
    chart: Chart, paid: Step, taken: Iterable[Step], left: Step, tick: Callable[[float], str]
) -> Chart:
    """A payment and what is taken from it on the way (the fee breakdown): the amount paid as
    a filled bar, each amount taken as an outlined bar cut from the end of what is left, and
    what is left at the end as a filled bar; on an axis from 0 to the payment, ticks written
    by `tick`. Used by the getting-paid pages' worked examples (lib/chart_views.py) and by the
    calculator (lib/calculator_view.py), whose script draws the same rows the same way."""
    top, step = nice_axis(paid.amount)
    layout = Layout(chart, Scale(top))
    layout.row(paid.record, paid.label, [(0, paid.amount, "bar")])
    chart.text.append(paid.label)
    running = paid.amount
    for item in taken:
        layout.row(item.record, item.label, [(running - item.amount, running, "taken")])
        chart.text.append(item.label)
        running -= item.amount
    layout.row(left.record, left.label, [(0, left.amount, "bar")])
    chart.text.append(left.label)
    ticks = round(top / step)
    return layout.finish([(i * step, tick(i * step)) for i in range(ticks + 1)])
