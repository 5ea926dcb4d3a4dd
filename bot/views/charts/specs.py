"""What a picture shows, with every word already in the user's language (no matplotlib here:
it is loaded by the drawing modules on the first picture, not when the bot starts)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.chart_data import Timeline


@dataclass(frozen=True, slots=True)
class SummaryChart:
    """What the chart shows, with every word already in the user's language."""

    title: str
    timeline: Timeline
    sectors: list[tuple[str, int]]
    partners: list[tuple[str, int, str]]  # (name, joint articles, country code)
    turnover: list[tuple[int, float]]  # (year, value), one currency
    words: dict[str, str]  # chart.* texts: per_month, per_year, sectors, partners, turnover...


@dataclass(frozen=True, slots=True)
class CooperationMap:
    """The pairs to draw, with region names already in the user's language."""

    title: str
    pairs: list[tuple[str, str, int]]  # (Kazakhstan's region, Russia's region, joint articles)
    kz_side: str
    ru_side: str
    lines_note: str
    matrix_note: str  # with {shown} and {total}
    matrix_all_note: str  # when every region is shown
