"""Pictures on demand: gathers a chart's numbers, draws it in a worker thread, and remembers it
by (what it shows, language, archive version) so a second tap costs nothing."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from bot.charts.quota import UserQuota
from bot.html import Html, plain
from bot.texts import label
from bot.views.charts.specs import CooperationMap, SummaryChart
from storage.chart_data import cooperation_web, timeline
from storage.db import Database
from storage.figures_store import Figures, StoredFigure
from storage.models import Lang, Overview, Selection
from storage.regions import get_region
from storage.repository import Archive
from storage.sectors import get_sector

CACHED_PICTURES = 200
PICTURES_PER_MINUTE = 10  # drawn for one user; a picture already drawn is free
T = TypeVar("T")
CHART_WORDS = ("per_month", "per_year", "articles", "no_dates", "sectors", "none")
SCALE_WORDS = ("bn", "m", "k")


@dataclass(slots=True)
class Picture:
    """A PNG and how many things it shows (a map's partner pairs); `file_id` is Telegram's id
    for it once sent, so it is uploaded only once."""

    png: bytes
    count: int = 0
    file_id: str | None = None


class Charts:
    """Draws and caches the pictures: counts from the archive and its figures, the timeline and
    the cooperation web read on the database's reader."""

    def __init__(
        self,
        database: Database,
        archive: Archive,
        figures: Figures,
        quota: UserQuota | None = None,
    ) -> None:
        self._db = database.reader
        self._archive = archive
        self._figures = figures
        self._cache: OrderedDict[Hashable, Picture] = OrderedDict()
        self._quota = quota or UserQuota(PICTURES_PER_MINUTE)

    async def summary_chart(
        self,
        selection: Selection,
        title: Html,
        home: tuple[str, ...],
        lang: Lang,
        user_id: int | None = None,
    ) -> Picture | None:
        """The chart of a summary; None when the selection has no articles.

        Drawing it for `user_id` counts against the user's quota: TooManyRequests when spent.
        """
        version = await self._figures.version()
        key = ("summary", selection, title, lang, version)

        async def gather() -> SummaryChart | None:
            overview = await self._archive.overview(selection)
            if overview.count == 0:
                return None
            turnover, currency = await self._turnover(selection)
            return SummaryChart(
                title=plain(title),
                timeline=await timeline(self._db, selection),
                sectors=_sectors(overview, lang),
                partners=_partners(overview, home, lang),
                turnover=turnover,
                words=_words(lang, currency, _one_side(home)),
            )

        return await self._picture(key, gather, _draw_summary, user_id=user_id)

    async def cooperation_map(
        self,
        since: dt.date | None,
        until: dt.date | None,
        period: str,
        lang: Lang,
        user_id: int | None = None,
    ) -> Picture | None:
        """The map of the archive or of a period (`period` as plain words); None when it has
        no partner pairs. Drawing it for `user_id` counts as summary_chart says."""
        version = await self._figures.version()
        key = ("map", since, until, lang, version)

        async def gather() -> CooperationMap | None:
            web = await cooperation_web(self._db, since, until)
            if not web.pairs:
                return None
            return CooperationMap(
                title=label(lang, "map.title", period=period),
                pairs=[(_name(kz, lang), _name(ru, lang), n) for kz, ru, n in web.pairs],
                kz_side=label(lang, "country.KZ"),
                ru_side=label(lang, "country.RU"),
                lines_note=label(lang, "map.lines_note"),
                matrix_note=label(lang, "map.matrix_note", shown="{shown}", total="{total}"),
                matrix_all_note=label(lang, "map.matrix_all"),
            )

        return await self._picture(key, gather, _draw_map, _pairs, user_id=user_id)

    async def _picture(
        self,
        key: Hashable,
        gather: Callable[[], Awaitable[T | None]],
        draw: Callable[[T], bytes],
        count: Callable[[T], int] = lambda _data: 0,
        *,
        user_id: int | None,
    ) -> Picture | None:
        picture = self._cache.get(key)
        if picture is not None:
            self._cache.move_to_end(key)
            return picture
        with self._quota.take(user_id) if user_id is not None else _UNCOUNTED:
            data = await gather()
            if data is None:
                return None
            picture = Picture(await asyncio.to_thread(draw, data), count(data))
        self._cache[key] = picture
        while len(self._cache) > CACHED_PICTURES:
            self._cache.popitem(last=False)
        return picture

    async def _turnover(self, selection: Selection) -> tuple[list[tuple[int, float]], str]:
        """Reported turnover by year in one currency (the largest figure of a year), when two
        or more years are reported; else nothing."""
        figures = await self._turnover_figures(selection)
        currency = _main_currency(figures)
        by_year: dict[int, float] = {}
        for stored in figures:
            figure = stored.figure
            if figure.currency == currency and figure.year is not None:
                by_year[figure.year] = max(by_year.get(figure.year, 0.0), figure.value)
        return (sorted(by_year.items()), currency or "") if len(by_year) >= 2 else ([], "")

    async def _turnover_figures(self, selection: Selection) -> list[StoredFigure]:
        """Reported turnover with a year, for a region or a pair as a whole (no other filter)."""
        if not selection.region_ids or selection != Selection(region_ids=selection.region_ids):
            return []
        figures = await self._figures.about(selection.region_ids)
        return [f for f in figures if f.figure.measure == "turnover" and f.figure.year]


_UNCOUNTED = contextlib.nullcontext()  # a picture made for no user in particular (benchmarks)


# matplotlib is imported on the first picture (in the worker thread), not when the bot starts.
def _draw_summary(chart: SummaryChart) -> bytes:
    from bot.views.charts.drawing import drawn
    from bot.views.charts.summary_chart import draw_summary_chart

    return drawn(draw_summary_chart, chart)


def _draw_map(chart: CooperationMap) -> bytes:
    from bot.views.charts.drawing import drawn
    from bot.views.charts.map_chart import draw_cooperation_map

    return drawn(draw_cooperation_map, chart)


def _pairs(chart: CooperationMap) -> int:
    return len(chart.pairs)


def _main_currency(figures: list[StoredFigure]) -> str | None:
    """The currency with the most years reported: one axis never mixes currencies."""
    years: defaultdict[str, set[int]] = defaultdict(set)
    for stored in figures:
        if stored.figure.year is not None:
            years[stored.figure.currency].add(stored.figure.year)
    return max(years, key=lambda currency: (len(years[currency]), currency)) if years else None


def _name(region_id: str, lang: Lang) -> str:
    region = get_region(region_id)
    return region.name(lang) if region else region_id


def _sectors(overview: Overview, lang: Lang) -> list[tuple[str, int]]:
    sectors = ((get_sector(sector_id), count) for sector_id, count in overview.sectors)
    return [(sector.label(lang), count) for sector, count in sectors if sector]


def _partners(overview: Overview, home: tuple[str, ...], lang: Lang) -> list[tuple[str, int, str]]:
    """Partner regions with their joint articles; across the border when the summary is about
    regions of one country."""
    side = _one_side(home)
    found = ((get_region(region_id), count) for region_id, count in overview.partners)
    return [
        (region.name(lang), count, region.country)
        for region, count in found
        if region and region.country != side
    ]


def _one_side(home: tuple[str, ...]) -> str | None:
    """The country of the summary's regions when they are all of one country."""
    countries = {region.country for region in map(get_region, home) if region}
    return countries.pop() if len(countries) == 1 else None


def _words(lang: Lang, currency: str, side: str | None) -> dict[str, str]:
    words = {word: label(lang, f"chart.{word}") for word in CHART_WORDS}
    words["partners"] = label(lang, "chart.partners_across" if side else "chart.partners")
    words["turnover"] = label(lang, "chart.turnover", currency=currency)
    words |= {f"scale_{scale}": label(lang, f"figures.scale.{scale}") for scale in SCALE_WORDS}
    words["decimal"] = "." if lang == "en" else ","
    return words
