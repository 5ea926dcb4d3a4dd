"""Shared drawing parts: a Figure on the Agg canvas, the style, the PNG, bars, empty panels."""

from __future__ import annotations

import gc
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import matplotlib

matplotlib.use("Agg")  # no display: pictures are only ever written to PNG

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from PIL import Image

from bot.views.charts.canvas import StampingCanvas
from bot.views.charts.marks import PAD_PT, heading, hide_axis_machinery, shifted

T = TypeVar("T")
DPI = 100
WIDTH_PX = 1280
MAX_SIDE_PX = 2560
KZ_COLOUR = "#00a3c4"
RU_COLOUR = "#d52b1e"
BAR_COLOUR = "#4c72b0"
TURNOVER_COLOUR = "#2a9d59"
MUTED = "#666666"
PNG_OPTIONS = {"compress_level": 1}
BAR_HALF = 0.4  # half the thickness of a bar, in rows
# matplotlib ships DejaVu Sans, which has every Kazakh letter (ә ғ қ ң ө ұ ү һ і).
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "text.parse_math": False,  # a "$" in a title is a dollar, not mathematics
    "text.hinting": "no_hinting",  # a fifth less drawing time; no visible loss at 1280 px
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}
# matplotlib's global state (rcParams, font cache) is not made for threads drawing at once.
_DRAWING = threading.RLock()


@contextmanager
def drawing(height_px: int, width_px: int = WIDTH_PX) -> Iterator[Figure]:
    """A blank Figure of this size in pixels (sides capped at MAX_SIDE_PX), one at a time."""
    width = min(width_px, MAX_SIDE_PX) / DPI
    height = min(max(height_px, 200), MAX_SIDE_PX) / DPI
    with _DRAWING, matplotlib.rc_context(STYLE):  # type: ignore[arg-type]
        figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
        StampingCanvas(figure)
        yield figure


def drawn(draw: Callable[[T], bytes], spec: T) -> bytes:
    """`draw(spec)`, one picture at a time, the cyclic collector paused meanwhile.

    A figure is tens of thousands of objects in reference cycles. Left to the collector, they
    would be promoted to the oldest generation while the figure is alive, and bring on full
    collections over the whole process (the bot's caches too): a picture in five took 3-5 times
    as long. Paused, they all stay in the youngest generation, collected (cheaply) as soon as
    the figure is gone.
    """
    with _DRAWING:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return draw(spec)
        finally:
            gc.collect(1)
            if enabled:
                gc.enable()


def png_bytes(figure: Figure) -> bytes:
    """The figure drawn and written as an RGB PNG (the background is opaque white)."""
    canvas = figure.canvas
    assert isinstance(canvas, StampingCanvas)  # every picture is drawn on one (drawing())
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.drawn_rgba())
    buffer = io.BytesIO()
    # Fast compression: a picture is made on a tap, and a larger file is still far from 10 MB.
    image.convert("RGB").save(buffer, format="png", **PNG_OPTIONS)
    return buffer.getvalue()


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def empty_panel(axes: Axes, title: str, note: str) -> None:
    """A panel with nothing to show says so in words instead of drawing empty axes."""
    heading(axes, title)
    axes.axis("off")
    axes.text(0.5, 0.5, note, ha="center", va="center", color=MUTED, transform=axes.transAxes)


def bars(
    axes: Axes,
    items: list[tuple[str, int]],
    title: str,
    colours: list[str] | str,
    heading_at: float,
) -> None:
    """Horizontal bars, the largest on top, each labelled with its count; the heading starts
    at `heading_at` (a fraction of the figure's width), left of the names."""
    rows = len(items)
    tops = [rows - 1 - index for index in range(rows)]  # the first item on top
    counts = [count for _, count in items]
    boxes = [
        [(0, y - BAR_HALF), (0, y + BAR_HALF), (count, y + BAR_HALF), (count, y - BAR_HALF)]
        for y, count in zip(tops, counts, strict=True)
    ]
    axes.add_collection(PolyCollection(boxes, facecolors=colours, edgecolors="none"))
    # The limits matplotlib's barh would choose: room for the counts right of the bars.
    margin = 0.05 * (rows - 1 + 2 * BAR_HALF)
    axes.set_xlim(0, max(counts) * 1.15)
    axes.set_ylim(-BAR_HALF - margin, rows - 1 + BAR_HALF + margin)
    name_at = shifted(axes, axes.get_yaxis_transform(), -PAD_PT, 0)
    count_at = shifted(axes, axes.transData, 3, 0)
    for y, (name, count) in zip(tops, items, strict=True):
        axes.text(0, y, shortened(name, 34), transform=name_at, ha="right", va="center_baseline")
        axes.text(count, y, str(count), transform=count_at, ha="left", va="center", fontsize=9)
    left, width = axes.get_position().x0, axes.get_position().width
    heading(axes, title, (heading_at - left) / width)
    hide_axis_machinery(axes)
    axes.spines["bottom"].set_visible(False)
