"""The numbers behind the pictures: articles per month of a selection, the cooperation web."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import aiosqlite

from storage.models import Selection
from storage.queries import DAY, filtered

# {keys} is a selection's SELECT of sort keys; dated keys are day ordinals * DAY + id.
SELECT_DAYS = f"""
SELECT key / {DAY}, count(*) FROM ({{keys}}) WHERE key >= {DAY} GROUP BY 1
"""
# The pairs are counted as a region's overview counts its partners across the border: the
# articles in which both regions are partners (a forum's venue or a consulate's seat is not a
# partner, so it draws no line). The whole
# archive reads the stored counts (storage/facets.py); a period counts its articles, each
# Kazakhstan region's links a key range of its index (CROSS JOIN keeps regions outermost).
SELECT_STORED_PAIRS = """
SELECT k.id, f.value, f.count FROM regions AS k
JOIN facet_counts AS f ON f.subject = 'p:' || k.id AND f.facet = 'partner'
JOIN regions AS r ON r.id = f.value AND r.country = 'RU'
WHERE k.country = 'KZ'
"""
SELECT_PERIOD_PAIRS = """
SELECT p.kz, p.ru, p.n FROM (
    SELECT k.region_id AS kz, r.region_id AS ru, count(*) AS n
    FROM regions AS g
    CROSS JOIN article_regions AS k ON k.region_id = g.id AND k.sort_key BETWEEN ? AND ?
        AND k.role = 'partner'
    JOIN article_regions AS r ON r.article_id = k.article_id AND r.role = 'partner'
    WHERE g.country = 'KZ'
    GROUP BY 1, 2
) AS p JOIN regions AS h ON h.id = p.ru AND h.country = 'RU'
"""
_LAST_KEY = (dt.date.max.toordinal() + 1) * DAY - 1


@dataclass(frozen=True, slots=True)
class Timeline:
    """Dated articles of a selection counted per month, oldest first, with no gaps."""

    months: tuple[tuple[dt.date, int], ...]  # (first day of the month, count)

    def by_year(self) -> tuple[tuple[int, int], ...]:
        """The same counts per year, oldest first, with no gaps."""
        years: Counter[int] = Counter()
        for month, count in self.months:
            years[month.year] += count
        if not years:
            return ()
        return tuple((year, years[year]) for year in range(min(years), max(years) + 1))


@dataclass(frozen=True, slots=True)
class CooperationWeb:
    """Partner pairs across the border: (Kazakhstan's region, Russia's region, joint articles)."""

    pairs: tuple[tuple[str, str, int], ...]  # most joint articles first


async def timeline(db: aiosqlite.Connection, selection: Selection) -> Timeline:
    """Articles per month of a selection (undated articles are not on a time axis)."""
    parts = filtered(selection)
    if parts is None:
        return Timeline(())
    keys = f"SELECT {parts.key} AS key {parts.clause}"
    months: Counter[dt.date] = Counter()
    for ordinal, count in await db.execute_fetchall(SELECT_DAYS.format(keys=keys), parts.params):
        months[dt.date.fromordinal(ordinal).replace(day=1)] += count
    return Timeline(_without_gaps(months))


async def cooperation_web(
    db: aiosqlite.Connection, since: dt.date | None = None, until: dt.date | None = None
) -> CooperationWeb:
    """Every pair of regions across the border with their joint articles (the articles in which
    both are partners, as a region's overview counts its partners).

    A period counts only the articles dated within it; the whole archive counts all.
    """
    if since is None and until is None:
        rows = await db.execute_fetchall(SELECT_STORED_PAIRS)
    else:
        low = since.toordinal() * DAY if since else DAY  # undated: outside every period
        high = (until.toordinal() + 1) * DAY - 1 if until else _LAST_KEY
        rows = await db.execute_fetchall(SELECT_PERIOD_PAIRS, (low, high))
    pairs = sorted(((kz, ru, n) for kz, ru, n in rows), key=lambda p: (-p[2], p[0], p[1]))
    return CooperationWeb(tuple(pairs))


def _without_gaps(months: Counter[dt.date]) -> tuple[tuple[dt.date, int], ...]:
    if not months:
        return ()
    month, last = min(months), max(months)
    filled = []
    while month <= last:
        filled.append((month, months[month]))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(filled)
