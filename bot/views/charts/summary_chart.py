"""The chart of a summary: articles over time, main sectors, partners, reported turnover."""

from __future__ import annotations

import datetime as dt

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection

from bot.views.charts.drawing import (
    BAR_COLOUR,
    KZ_COLOUR,
    MUTED,
    RU_COLOUR,
    TURNOVER_COLOUR,
    bars,
    drawing,
    empty_panel,
    png_bytes,
    shortened,
)
from bot.views.charts.marks import (
    heading,
    hide_axis_machinery,
    nice_ticks,
    shifted,
    x_ticks,
    y_label,
    y_ticks,
)
from bot.views.charts.specs import SummaryChart

HEIGHT_PX = 960
MONTHS_ON_AXIS = 36  # a longer span is drawn per year
TICKS = 8
# Bar panels leave room on their left for the names; their headings start at the column's edge.
SECTORS_BOX = (0.2, 0.05, 0.26, 0.38)
PARTNERS_BOX = (0.71, 0.05, 0.23, 0.38)


def draw_summary_chart(chart: SummaryChart) -> bytes:
    """One PNG, 1280 × 960 px: time (and turnover) at the top, sectors and partners below."""
    with drawing(HEIGHT_PX) as figure:
        figure.suptitle(shortened(chart.title, 90), x=0.02, ha="left", fontsize=16)
        if chart.turnover:
            _timeline(figure.add_axes((0.06, 0.57, 0.52, 0.3)), chart)
            _turnover(figure.add_axes((0.68, 0.57, 0.29, 0.3)), chart)
        else:
            _timeline(figure.add_axes((0.06, 0.57, 0.91, 0.3)), chart)
        _sectors(figure.add_axes(SECTORS_BOX), chart)
        _partners(figure.add_axes(PARTNERS_BOX), chart)
        return png_bytes(figure)


def _timeline(axes: Axes, chart: SummaryChart) -> None:
    words, months = chart.words, chart.timeline.months
    if not months:
        empty_panel(axes, words["per_month"], words["no_dates"])
        return
    if len(months) > MONTHS_ON_AXIS:
        years = chart.timeline.by_year()
        labels, counts = [str(year) for year, _ in years], [n for _, n in years]
        title = words["per_year"]
    else:
        labels = [_month(month) for month, _ in months]
        counts = [n for _, n in months]
        title = words["per_month"]
    half = 0.4
    boxes = [[(x - half, 0), (x - half, n), (x + half, n), (x + half, 0)]
             for x, n in enumerate(counts)]  # fmt: skip
    axes.add_collection(PolyCollection(boxes, facecolors=BAR_COLOUR, edgecolors="none"))
    margin = 0.05 * (len(counts) - 1 + 2 * half)  # the limits matplotlib's bar would choose
    axes.set_xlim(-half - margin, len(counts) - 1 + half + margin)
    top = max(max(counts), 1) * 1.05
    axes.set_ylim(0, top)
    step = max(1, -(-len(labels) // TICKS))
    hide_axis_machinery(axes)
    x_ticks(axes, list(range(0, len(labels), step)), labels[::step])
    ticks = nice_ticks(axes, top, integer=True)
    tick_labels = [f"{tick:g}" for tick in ticks]
    y_ticks(axes, ticks, tick_labels)
    heading(axes, title)
    y_label(axes, words["articles"], max(tick_labels, key=len), MUTED)


def _turnover(axes: Axes, chart: SummaryChart) -> None:
    years = [year for year, _ in chart.turnover]
    values = [value for _, value in chart.turnover]
    scale, unit = _scale(max(values), chart.words)
    decimal = chart.words["decimal"]
    axes.plot(years, [v / scale for v in values], marker="o", color=TURNOVER_COLOUR, lw=2)
    above = shifted(axes, axes.transData, 0, 6)
    for year, value in chart.turnover:
        label = f"{value / scale:.3g}".replace(".", decimal)
        axes.text(year, value / scale, label, transform=above, ha="center", fontsize=9)
    span = max(years) - min(years)
    axes.set_xlim(min(years) - 0.15 * span, max(years) + 0.15 * span)
    top = max(values) / scale * 1.25
    axes.set_ylim(0, top)
    hide_axis_machinery(axes)
    x_ticks(axes, years, [str(year) for year in years])
    ticks = nice_ticks(axes, top, integer=False)
    tick_labels = [f"{tick:g}".replace(".", decimal) for tick in ticks]
    y_ticks(axes, ticks, tick_labels)
    box = axes.get_position()
    heading(axes, chart.words["turnover"], (0.62 - box.x0) / box.width)
    y_label(axes, unit, max(tick_labels, key=len), MUTED)


def _sectors(axes: Axes, chart: SummaryChart) -> None:
    if not chart.sectors:
        empty_panel(axes, chart.words["sectors"], chart.words["none"])
        return
    bars(axes, chart.sectors[:8], chart.words["sectors"], BAR_COLOUR, heading_at=0.02)


def _partners(axes: Axes, chart: SummaryChart) -> None:
    title = chart.words["partners"]
    if not chart.partners:
        empty_panel(axes, title, chart.words["none"])
        return
    shown = chart.partners[:8]
    colours = [KZ_COLOUR if country == "KZ" else RU_COLOUR for _, _, country in shown]
    bars(axes, [(n, count) for n, count, _ in shown], title, colours, heading_at=0.52)


def _month(month: dt.date) -> str:
    return f"{month.month:02d}.{month.year}"


def _scale(largest: float, words: dict[str, str]) -> tuple[float, str]:
    for factor, key in ((1e9, "scale_bn"), (1e6, "scale_m"), (1e3, "scale_k")):
        if largest >= factor:
            return factor, words[key]
    return 1.0, ""
