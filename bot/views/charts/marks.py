"""Headings, tick marks and tick labels drawn as plain text and one line of marks.

They look like matplotlib's own, but its axis machinery makes a few objects for every tick and
measures them all before drawing; a picture made on a tap cannot spend its time there.
Distances are matplotlib's defaults, in points: marks 3.5 long, labels 3.5 beyond them,
headings 6 above the panel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.markers import TICKDOWN, TICKLEFT, TICKRIGHT
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation, Transform

MARK_PT = 3.5
PAD_PT = 3.5
HEADING_PT = 6.0
LABEL_PAD_PT = 4.0
DIGIT_EM = 0.64  # the width of a digit in DejaVu Sans, in ems
LABEL_FONT_PT = 11.0  # the style's font size, which tick labels of the vertical axis use
MAX_BINS = 9
AXIS_STEPS = [1, 2, 2.5, 5, 10]  # what matplotlib's own axes choose from


def shifted(axes: Axes, base: Transform, dx_pt: float, dy_pt: float) -> Transform:
    """`base` moved by a distance in points (the same at any size of the panel)."""
    return base + ScaledTranslation(dx_pt / 72, dy_pt / 72, axes.figure.dpi_scale_trans)


def heading(axes: Axes, text: str, x: float = 0.0) -> None:
    """A bold heading above the panel, starting at `x` (a fraction of the panel's width)."""
    axes.text(x, 1.0, text, transform=shifted(axes, axes.transAxes, 0, HEADING_PT),
              ha="left", va="baseline", fontsize=13, weight="bold")  # fmt: skip


def y_ticks(
    axes: Axes,
    values: Sequence[float],
    labels: Sequence[str],
    *,
    right: bool = False,
    fontsize: float = LABEL_FONT_PT,
) -> None:
    """Marks and labels left (or right) of the panel at these heights (data units)."""
    base = axes.get_yaxis_transform()
    edge, sign = (1.0, 1) if right else (0.0, -1)
    axes.plot([edge] * len(values), values, linestyle="", markersize=MARK_PT,
              marker=TICKRIGHT if right else TICKLEFT, markeredgewidth=0.8, color="black",
              transform=base, clip_on=False)  # fmt: skip
    place = shifted(axes, base, sign * (MARK_PT + PAD_PT), 0)
    align = "left" if right else "right"
    for value, label in zip(values, labels, strict=True):
        axes.text(edge, value, label, transform=place, ha=align, va="center_baseline",
                  fontsize=fontsize)  # fmt: skip


def x_ticks(
    axes: Axes, values: Sequence[float], labels: Sequence[str], fontsize: float = 9
) -> None:
    """Marks and labels below the panel at these places (data units)."""
    base = axes.get_xaxis_transform()
    axes.plot(values, [0.0] * len(values), linestyle="", marker=TICKDOWN, markersize=MARK_PT,
              markeredgewidth=0.8, color="black", transform=base, clip_on=False)  # fmt: skip
    place = shifted(axes, base, 0, -(MARK_PT + PAD_PT))
    for value, label in zip(values, labels, strict=True):
        axes.text(value, 0.0, label, transform=place, ha="center", va="top", fontsize=fontsize)


def y_label(axes: Axes, text: str, widest_tick: str, colour: str) -> None:
    """The name of the vertical axis, turned, just left of its tick labels."""
    away = MARK_PT + PAD_PT + DIGIT_EM * LABEL_FONT_PT * len(widest_tick) + LABEL_PAD_PT
    axes.text(0.0, 0.5, text, transform=shifted(axes, axes.transAxes, -away, 0), color=colour,
              rotation=90, rotation_mode="anchor", ha="center", va="bottom")  # fmt: skip


def nice_ticks(axes: Axes, top: float, *, integer: bool, most: int = MAX_BINS) -> list[float]:
    """Round values from 0 to `top` at matplotlib's default density for the panel's height."""
    height_pt = axes.bbox.height * 72 / axes.figure.dpi
    bins = max(1, min(most, math.floor(height_pt / (2 * LABEL_FONT_PT))))
    locator = MaxNLocator(nbins=bins, steps=AXIS_STEPS, integer=integer)
    return [float(v) for v in locator.tick_values(0, top) if 0 <= v <= top * (1 + 1e-9)]


def hide_axis_machinery(axes: Axes) -> None:
    """No matplotlib ticks: this module draws them."""
    axes.xaxis.set_visible(False)
    axes.yaxis.set_visible(False)
