"""Shared drawing parts: a Figure on the Agg canvas, the style, the PNG, bars, empty panels."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: pictures are only ever written to PNG

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DPI = 100
WIDTH_PX = 1280
MAX_SIDE_PX = 2560
KZ_COLOUR = "#00a3c4"
RU_COLOUR = "#d52b1e"
BAR_COLOUR = "#4c72b0"
TURNOVER_COLOUR = "#2a9d59"
MUTED = "#666666"
PNG_OPTIONS = {"compress_level": 1}
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
_DRAWING = threading.Lock()


@contextmanager
def drawing(height_px: int, width_px: int = WIDTH_PX) -> Iterator[Figure]:
    """A blank Figure of this size in pixels (sides capped at MAX_SIDE_PX), one at a time."""
    width = min(width_px, MAX_SIDE_PX) / DPI
    height = min(max(height_px, 200), MAX_SIDE_PX) / DPI
    with _DRAWING, matplotlib.rc_context(STYLE):  # type: ignore[arg-type]
        figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        yield figure


def png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # Fast compression: a picture is made on a tap, and a larger file is still far from 10 MB.
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", pil_kwargs=PNG_OPTIONS)
    return buffer.getvalue()


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def empty_panel(axes: Axes, title: str, note: str) -> None:
    """A panel with nothing to show says so in words instead of drawing empty axes."""
    axes.set_title(title, x=0.0, ha="left")
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
    names = [shortened(name, 34) for name, _ in items][::-1]
    counts = [count for _, count in items][::-1]
    colour = colours[::-1] if isinstance(colours, list) else colours
    drawn = axes.barh(range(len(items)), counts, color=colour)
    axes.set_yticks(range(len(items)), names)
    axes.bar_label(drawn, padding=3, fontsize=9)
    left, width = axes.get_position().x0, axes.get_position().width
    axes.set_title(title, x=(heading_at - left) / width, ha="left")
    axes.margins(x=0.15)
    axes.tick_params(axis="y", length=0)
    axes.xaxis.set_visible(False)
    axes.spines["bottom"].set_visible(False)
