"""Overview counts per subject (all, a region, a sector) and per day and month, kept by writes."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import aiosqlite

from storage.models import Selection

Key = tuple[str, str, str]  # (subject, facet, value)
PeriodKey = tuple[str, str, str, str]  # (grain, first day of the period, facet, value)

UPSERT_COUNT = """
INSERT INTO facet_counts (subject, facet, value, count) VALUES (?, ?, ?, ?)
ON CONFLICT (subject, facet, value) DO UPDATE SET count = count + excluded.count
"""
DELETE_ZERO_COUNTS = "DELETE FROM facet_counts WHERE count <= 0"
UPSERT_PERIOD_COUNT = """
INSERT INTO period_counts (grain, start, facet, value, count) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (grain, start, facet, value) DO UPDATE SET count = count + excluded.count
"""
DELETE_ZERO_PERIOD_COUNT = """
DELETE FROM period_counts
WHERE grain = ? AND start = ? AND facet = ? AND value = ? AND count <= 0
"""
SELECT_STORED_LINKS = """
SELECT a.id, a.date, a.national_level,
    (SELECT json_group_array(json_array(r.region_id, r.role))
     FROM article_regions AS r WHERE r.article_id = a.id),
    (SELECT json_group_array(s.sector_id) FROM article_sectors AS s WHERE s.article_id = a.id)
FROM articles AS a WHERE a.id IN (SELECT value FROM json_each(?))
"""
SELECT_COUNT = """
SELECT coalesce((SELECT count FROM facet_counts WHERE subject = ? AND facet = ? AND value = ?), 0)
"""

# Facets counted over a selection; {ids} is the selection's id subquery, then the values to leave
# out (JSON) and the limit are bound. CROSS JOIN keeps the selection as the outer loop: left to
# itself the planner may scan every link instead (1.2 s at 100,000 articles).
LIVE_COUNTS = {
    "partner": """
SELECT r.region_id, count(*)
FROM ({ids}) AS m CROSS JOIN article_regions AS r ON r.article_id = m.id
WHERE r.role = 'partner' AND r.region_id NOT IN (SELECT value FROM json_each(?))
GROUP BY r.region_id ORDER BY 2 DESC, 1 LIMIT ?
""",
    "sector": """
SELECT s.sector_id, count(*)
FROM ({ids}) AS m CROSS JOIN article_sectors AS s ON s.article_id = m.id
WHERE s.sector_id NOT IN (SELECT value FROM json_each(?))
GROUP BY s.sector_id ORDER BY 2 DESC, 1 LIMIT ?
""",
    "national": """
SELECT c.value, count(*) FROM ({ids}) AS m CROSS JOIN articles AS a ON a.id = m.id
JOIN json_each('["' || replace(a.national_level, ',', '","') || '"]') AS c
WHERE a.national_level != '' AND c.value NOT IN (SELECT value FROM json_each(?))
GROUP BY c.value ORDER BY 2 DESC, 1 LIMIT ?
""",
}


def total_key(selection: Selection) -> Key | None:
    """The stored count that is exactly the number of articles of a selection, if there is one."""
    subject = subject_of(selection)
    if subject is not None:
        return (subject, "articles", "")
    plain = subject_of(dataclasses.replace(selection, region_ids=selection.region_ids[:1]))
    if len(selection.region_ids) == 2 and plain is not None and plain.startswith("r:"):
        return (plain, "region", selection.region_ids[1])
    return None


def subject_of(selection: Selection) -> str | None:
    """The stored subject that answers a selection exactly, if there is one."""
    if selection.role or selection.since or selection.until or selection.query is not None:
        return None
    if not selection.region_ids:
        return "*" if selection.sector is None else f"s:{selection.sector}"
    if len(selection.region_ids) == 1 and selection.sector is None:
        return f"r:{selection.region_ids[0]}"
    return None


def article_keys(
    regions: Iterable[tuple[str, str]], sectors: Sequence[str], national: Sequence[str]
) -> Iterator[Key]:
    """What one article adds (one each): for each of its subjects (everything, each of its
    regions, each of its sectors) one article, one per region, partner, sector and side."""
    regions = list(regions)
    subjects = ["*", *(f"r:{region}" for region, _ in regions), *(f"s:{s}" for s in sectors)]
    facets = _facets(regions, sectors, national)
    return ((subject, facet, value) for subject in subjects for facet, value in facets)


def _facets(
    regions: Sequence[tuple[str, str]], sectors: Sequence[str], national: Sequence[str]
) -> list[tuple[str, str]]:
    """(facet, value) of one article: one article, each region, partner, sector and side."""
    facets = [("articles", ""), *(("region", region) for region, _ in regions)]
    facets += [("partner", region) for region, role in regions if role == "partner"]
    facets += [("sector", sector) for sector in sectors]
    facets += [("national", country) for country in national]
    return facets


def period_keys(
    date: dt.date | None,
    regions: Iterable[tuple[str, str]],
    sectors: Sequence[str],
    national: Sequence[str],
) -> Iterator[PeriodKey]:
    """What one article adds to its day and its month: the facets of subject '*' but 'region'
    (nothing when it is undated)."""
    if date is None:
        return iter(())
    periods = [("day", date.isoformat()), ("month", date.replace(day=1).isoformat())]
    facets = [item for item in _facets(list(regions), sectors, national) if item[0] != "region"]
    return ((grain, start, facet, value) for grain, start in periods for facet, value in facets)


@dataclasses.dataclass(slots=True)
class Counts:
    """What some articles contribute: to the subjects' counts and to their periods' counts."""

    subjects: Counter[Key] = dataclasses.field(default_factory=Counter)
    periods: Counter[PeriodKey] = dataclasses.field(default_factory=Counter)

    def add_article(
        self,
        date: dt.date | None,
        regions: Sequence[tuple[str, str]],
        sectors: Sequence[str],
        national: Sequence[str],
    ) -> None:
        self.subjects.update(article_keys(regions, sectors, national))
        self.periods.update(period_keys(date, regions, sectors, national))


async def add_counts(db: aiosqlite.Connection, counts: Counts, sign: int = 1) -> None:
    """Add (sign 1) or take away (sign -1) article counts."""
    await db.executemany(UPSERT_COUNT, [(*k, sign * n) for k, n in counts.subjects.items()])
    await db.executemany(UPSERT_PERIOD_COUNT, [(*k, sign * n) for k, n in counts.periods.items()])
    if sign < 0:
        await db.execute(DELETE_ZERO_COUNTS)
        # only the keys touched: the day and month counts are many
        await db.executemany(DELETE_ZERO_PERIOD_COUNT, list(counts.periods))


async def stored_counts(db: aiosqlite.Connection, article_ids: Sequence[int]) -> Counts:
    """What these stored articles contribute, read from their current links."""
    total = Counts()
    async with db.execute(SELECT_STORED_LINKS, (json.dumps(list(article_ids)),)) as cursor:
        for _, date, national, regions, sectors in await cursor.fetchall():
            countries = national.split(",") if national else []
            links = [(region, role) for region, role in json.loads(regions)]
            day = dt.date.fromisoformat(date) if date else None
            total.add_article(day, links, json.loads(sectors), countries)
    return total


# The top values of each facet (ties by value), at most {limit} each, from stored counts. Of a
# date range: the counts of its whole months and of the days at its edges (three ranges of
# (grain, start); an unused one is empty), summed. Ranking in SQL keeps the rows few.
SELECT_PERIOD_FACETS = """
SELECT facet, value, count FROM (
    SELECT facet, value, sum(count) AS count,
        row_number() OVER (PARTITION BY facet ORDER BY sum(count) DESC, value) AS n
    FROM period_counts
    WHERE (grain = ? AND start BETWEEN ? AND ?) OR (grain = ? AND start BETWEEN ? AND ?)
        OR (grain = ? AND start BETWEEN ? AND ?)
    GROUP BY facet, value
) WHERE n <= ?
"""
_NO_RANGE = ("day", "1", "0")
# Of a subject: bind the subject, the partners to leave out (JSON), the limit.
SELECT_SUBJECT_FACETS = """
SELECT facet, value, count FROM (
    SELECT facet, value, count,
        row_number() OVER (PARTITION BY facet ORDER BY count DESC, value) AS n
    FROM facet_counts
    WHERE subject = ? AND facet IN ('articles', 'partner', 'sector', 'national')
        AND (facet != 'partner' OR value NOT IN (SELECT value FROM json_each(?)))
) WHERE n <= ?
"""

Facets = dict[str, list[tuple[str, int]]]  # facet -> its top (value, count), in any order


def period_of(selection: Selection) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a selection that is only a date range (open ends filled)."""
    if selection.region_ids or selection.sector or selection.role or selection.query is not None:
        return None
    if selection.since is None and selection.until is None:
        return None
    return selection.since or dt.date.min, selection.until or dt.date.max


def period_ranges(since: dt.date, until: dt.date) -> list[tuple[str, str, str]]:
    """(grain, first start, last start) whose stored counts add up to the days [since, until]:
    the whole months inside, and the days before and after them."""
    first = since if since.day == 1 else _month_after(since)
    last = until.replace(day=1) if _is_month_end(until) else _month_before(until)
    if first is None or last is None or first > last:
        return [("day", since.isoformat(), until.isoformat())]
    ranges = [("month", first.isoformat(), last.isoformat())]
    if since < first:
        ranges.append(("day", since.isoformat(), (first - dt.timedelta(days=1)).isoformat()))
    end = _month_end(last)
    if end < until:
        ranges.append(("day", (end + dt.timedelta(days=1)).isoformat(), until.isoformat()))
    return ranges


async def period_facets(
    db: aiosqlite.Connection, since: dt.date, until: dt.date, limit: int
) -> Facets:
    """The top values of each facet over the dated articles of [since, until]."""
    ranges = period_ranges(since, until)
    params = [part for span in [*ranges, _NO_RANGE, _NO_RANGE][:3] for part in span]
    return _grouped(await db.execute_fetchall(SELECT_PERIOD_FACETS, [*params, limit]))


async def subject_facets(
    db: aiosqlite.Connection, subject: str, exclude: Sequence[str], limit: int
) -> Facets:
    """The top values of each facet of a subject, partners in `exclude` left out."""
    params = (subject, json.dumps(list(exclude)), limit)
    return _grouped(await db.execute_fetchall(SELECT_SUBJECT_FACETS, params))


def top(
    facets: Facets, facet: str, exclude: Sequence[str], limit: int
) -> tuple[tuple[str, int], ...]:
    """The most frequent values of a facet (ties by value), without `exclude`."""
    values = [(value, count) for value, count in facets.get(facet, []) if value not in exclude]
    return tuple(sorted(values, key=lambda item: (-item[1], item[0]))[:limit])


def _grouped(rows: Iterable[Any]) -> Facets:
    facets: Facets = {}
    for facet, value, count in rows:
        facets.setdefault(facet, []).append((value, count))
    return facets


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _is_month_end(day: dt.date) -> bool:
    return day == _month_end(day)


def _month_after(day: dt.date) -> dt.date | None:
    if day.year == dt.MAXYEAR and day.month == 12:
        return None
    return _month_end(day) + dt.timedelta(days=1)


def _month_before(day: dt.date) -> dt.date | None:
    if day.year == dt.MINYEAR and day.month == 1:
        return None
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
