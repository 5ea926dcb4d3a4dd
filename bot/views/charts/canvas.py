"""The Agg canvas of every picture, made for drawing the same words again and again: a renderer
kept per picture size, and each label rasterised once, then stamped like a rubber stamp.

Most of a picture's drawing time is text: FreeType loads every glyph of every label to measure
it and again to draw it. The labels recur (region and sector names, years, counts), so a label
is rasterised once per process and its bitmap stamped at a whole-pixel origin afterwards, as
matplotlib's Agg drew text up to 3.10. matplotlib remembers measurements per renderer, which is
why renderers are kept too. Everything here is used under the drawing lock, one picture at a
time (`drawing.py`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties
from numpy.typing import NDArray

MAX_LABELS = 4_096  # a label's bitmap is a few kilobytes: ~10 MB at most
MAX_RENDERERS = 4  # picture sizes kept (a summary chart, maps of a few heights)


@dataclass(frozen=True, slots=True)
class Label:
    """A label rasterised at the origin: its coverage bitmap and where it sits (pixels)."""

    bitmap: NDArray[np.uint8]
    left: float
    top: float
    descent: float


class StampingRenderer(RendererAgg):
    """Agg that stamps remembered label bitmaps instead of laying each label out again."""

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        if ismath or not gc.get_antialiased():
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        label = self._label(s, prop)
        # The descent is turned with the text (y grows downwards here).
        x += label.left + label.descent * math.sin(math.radians(angle))
        y += label.top + label.descent * math.cos(math.radians(angle))
        self._renderer.draw_text_image(label.bitmap, round(x), round(y) + 1, angle, gc)

    def _label(self, text: str, prop: FontProperties) -> Label:
        key = (text, prop.copy(), self.dpi)  # a copy: FontProperties can change after use
        label = _LABELS.get(key)
        if label is not None:
            _LABELS.move_to_end(key)
            return label
        font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
        font.set_text(text, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
        font.draw_glyphs_to_bitmap(antialiased=True)
        left, top = font.get_bitmap_offset()
        bitmap = np.array(font.get_image(), dtype=np.uint8)  # a copy: the font reuses its own
        label = Label(bitmap, left / 64, top / 64, font.get_descent() / 64)
        _LABELS[key] = label
        while len(_LABELS) > MAX_LABELS:
            _LABELS.popitem(last=False)
        return label


class StampingCanvas(FigureCanvasAgg):
    """A canvas that draws with the kept renderer of its size."""

    def get_renderer(self) -> StampingRenderer:
        width, height = self.get_width_height(physical=True)
        key = (width, height, self.figure.dpi)
        renderer = _RENDERERS.pop(key, None) or StampingRenderer(width, height, self.figure.dpi)  # type: ignore[no-untyped-call]
        _RENDERERS[key] = renderer
        while len(_RENDERERS) > MAX_RENDERERS:
            _RENDERERS.popitem(last=False)
        self.renderer, self._lastKey = renderer, key
        return renderer

    def drawn_rgba(self) -> bytes:
        """The figure drawn: its RGBA pixels, row by row."""
        self.draw()  # type: ignore[no-untyped-call]
        return bytes(self.buffer_rgba())  # type: ignore[no-untyped-call]


# Process-wide like matplotlib's own font caches; only touched under the drawing lock.
_LABELS: OrderedDict[tuple[str, FontProperties, float], Label] = OrderedDict()
_RENDERERS: OrderedDict[tuple[int, int, float], StampingRenderer] = OrderedDict()
