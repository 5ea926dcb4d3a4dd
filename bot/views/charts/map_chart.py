"""The map of cooperation: Kazakhstan's regions facing Russia's, a line per partner pair
(its width the joint articles), or a heat-map matrix when lines would be too many to read."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from bot.views.charts.drawing import KZ_COLOUR, MUTED, RU_COLOUR, drawing, png_bytes, shortened
from bot.views.charts.marks import PAD_PT, hide_axis_machinery, nice_ticks, shifted, y_ticks
from bot.views.charts.specs import CooperationMap

MAX_LINES = 45  # more pairs than this are drawn as a matrix
LINES_PER_ROW = 2.0  # ...and so are pairs that would cross in a tangle over few regions
MAX_MATRIX_COLUMNS = 30  # Russia's regions with the most joint articles
ROW_PX = 34
MAX_LINE_WIDTH = 9.0
MAX_NUMBERS = 30  # the strongest pairs of a matrix carry their count; the colour tells the rest
TOP_PX = 110
CELL_COLOURS = "Purples"
SCALE_BINS = 6  # a colour scale needs fewer numbers than an axis
SCALE_STEPS = 255  # shades from white to the darkest


def draw_cooperation_map(chart: CooperationMap) -> bytes:
    """One PNG: the web of lines, or the matrix when lines would be too many to follow."""
    rows = max(len(_totals(chart.pairs, 0)), len(_totals(chart.pairs, 1)))
    if len(chart.pairs) > min(MAX_LINES, LINES_PER_ROW * rows):
        return _matrix(chart)
    return _web(chart)


def _totals(pairs: list[tuple[str, str, int]], side: int) -> list[str]:
    counts: dict[str, int] = {}
    for pair in pairs:
        counts[str(pair[side])] = counts.get(str(pair[side]), 0) + pair[2]
    return sorted(counts, key=lambda name: (-counts[name], name))


def _web(chart: CooperationMap) -> bytes:
    kz, ru = _totals(chart.pairs, 0), _totals(chart.pairs, 1)
    rows = max(len(kz), len(ru))
    height = rows * ROW_PX + TOP_PX + 30
    with drawing(height) as figure:
        axes = figure.add_axes((0.27, 20 / height, 0.46, 1 - (TOP_PX + 20) / height))
        kz_y = {name: _row(i, len(kz), rows) for i, name in enumerate(kz)}
        ru_y = {name: _row(i, len(ru), rows) for i, name in enumerate(ru)}
        most = max(count for _, _, count in chart.pairs)
        segments = [[(0.0, kz_y[a]), (1.0, ru_y[b])] for a, b, _ in chart.pairs]
        widths = [0.8 + MAX_LINE_WIDTH * count / most for _, _, count in chart.pairs]
        axes.add_collection(
            LineCollection(segments, linewidths=widths, colors="#7a5195", alpha=0.55)
        )
        for name, y in kz_y.items():
            axes.text(-0.03, y, shortened(name, 32), ha="right", va="center", color=KZ_COLOUR)
        for name, y in ru_y.items():
            axes.text(1.03, y, shortened(name, 32), ha="left", va="center", color=RU_COLOUR)
        axes.scatter([0.0] * len(kz_y), list(kz_y.values()), color=KZ_COLOUR, zorder=3)
        axes.scatter([1.0] * len(ru_y), list(ru_y.values()), color=RU_COLOUR, zorder=3)
        axes.set_xlim(-0.02, 1.02)
        axes.set_ylim(-0.5, rows - 0.5)
        axes.axis("off")
        _headings(figure, chart, chart.lines_note)
        top = 1 - (TOP_PX - 20) / height
        figure.text(0.26, top, chart.kz_side, ha="right", weight="bold", color=KZ_COLOUR)
        figure.text(0.74, top, chart.ru_side, ha="left", weight="bold", color=RU_COLOUR)
        return png_bytes(figure)


def _row(index: int, count: int, rows: int) -> float:
    """Rows from the top; the shorter side is centred against the longer one."""
    offset = (rows - count) / 2
    return rows - 1 - (index + offset)


def _matrix(chart: CooperationMap) -> bytes:
    kz = _totals(chart.pairs, 0)
    ru_all = _totals(chart.pairs, 1)
    ru = ru_all[:MAX_MATRIX_COLUMNS]
    cells = [[0] * len(ru) for _ in kz]
    for a, b, count in chart.pairs:
        if b in ru:
            cells[kz.index(a)][ru.index(b)] = count
    with drawing(len(kz) * ROW_PX + 420) as figure:
        axes = figure.add_axes((0.22, 0.04, 0.66, 1 - 330 / (len(kz) * ROW_PX + 420)))
        axes.imshow(cells, cmap=CELL_COLOURS, aspect="auto", vmin=0)
        _scale(figure.add_axes((0.95, 0.04, 0.012, 0.4)), max(max(row) for row in cells))
        hide_axis_machinery(axes)
        row_at = shifted(axes, axes.get_yaxis_transform(), -PAD_PT, 0)
        for i, name in enumerate(kz):
            axes.text(0, i, shortened(name, 30), transform=row_at, ha="right",
                      va="center_baseline", fontsize=9, color=KZ_COLOUR)  # fmt: skip
        column_at = shifted(axes, axes.get_xaxis_transform(), 0, PAD_PT)
        for j, name in enumerate(ru):
            axes.text(j, 1, shortened(name, 26), transform=column_at, rotation=60,
                      rotation_mode="anchor", ha="left", va="bottom", fontsize=9,
                      color=RU_COLOUR)  # fmt: skip
        strongest = sorted((count for row in cells for count in row), reverse=True)
        floor = max(1, strongest[min(MAX_NUMBERS, len(strongest)) - 1])
        for i, row in enumerate(cells):
            for j, count in enumerate(row):
                if count >= floor:
                    colour = "white" if count > strongest[0] / 2 else "black"
                    axes.text(j, i, str(count), ha="center", va="center", fontsize=8, color=colour)
        axes.spines[:].set_visible(False)
        note = chart.matrix_note.format(shown=len(ru), total=len(ru_all))
        if len(ru) == len(ru_all):
            note = chart.matrix_all_note
        _headings(figure, chart, note)
        return png_bytes(figure)


def _scale(axes: Axes, top: int) -> None:
    """The colour scale of the matrix: light for few joint articles, dark for many."""
    steps = [[top * step / SCALE_STEPS] for step in range(SCALE_STEPS + 1)]
    axes.imshow(steps, cmap=CELL_COLOURS, aspect="auto",
                origin="lower", extent=(0, 1, 0, top), vmin=0)  # fmt: skip
    hide_axis_machinery(axes)
    axes.spines[:].set_visible(True)
    ticks = nice_ticks(axes, top, integer=True, most=SCALE_BINS)
    y_ticks(axes, ticks, [f"{tick:g}" for tick in ticks], right=True, fontsize=8)


def _headings(figure: Figure, chart: CooperationMap, note: str) -> None:
    figure.suptitle(shortened(chart.title, 90), x=0.02, y=0.995, ha="left", va="top", fontsize=16)
    figure.text(0.02, 1 - 45 / figure.bbox.height, note, color=MUTED, va="top")
