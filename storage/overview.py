"""An overview of a selection, planned in one place: stored counts where they answer it exactly,
else counted live over the selection."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite

from storage.models import Fact, Overview, Selection
from storage.overview_roles import (
    as_partners,
    home_partner_count,
    mentioned_regions,
    rank_sectors,
)
from storage.queries import Filtered, filtered, key_date

Key = tuple[str, str, str]  # (subject, facet, value) of a stored count
Counted = tuple[tuple[str, int], ...]  # (value, count), most first

OVERVIEW_FACTS = 5
OVERVIEW_TOP = 10
STORED_TOP = 25  # stored counts read per facet: every sector (21), so ties are ranked here
FACT_ARTICLES = 20  # the newest articles whose facts an overview shows
# {page} is a selection's page of (id, key): bind its params, limit, offset, then the limit.
SELECT_RECENT_FACTS = """
SELECT article_id, kind, text FROM facts
WHERE article_id IN (SELECT id FROM ({page})) ORDER BY sort_key DESC, position
LIMIT ?
"""


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """How many articles a selection has, how many are dated, and the sort keys of its oldest
    dated and its newest article (None when there are none)."""

    count: int
    dated: int
    first_key: Any
    last_key: Any


async def plan_overview(db: aiosqlite.Connection, selection: Selection) -> Overview:
    """How many articles, their date span, partner regions, top sectors, recent facts, and the
    regions named only in passing.

    Partners are counted where the selection's regions are partners themselves (a region that
    only hosts a forum or a consulate has none there), and exclude those regions.
    """
    parts = filtered(selection)
    if parts is None:
        return Overview(0, 0, None, None, (), (), ())
    facets = await stored_facets(db, selection)
    span = await _span(db, selection, parts, facets)
    exclude = selection.region_ids
    partners, national = await _partners(db, selection, facets, parts)
    return Overview(
        count=span.count,
        dated_count=span.dated,
        first_date=key_date(span.first_key),
        last_date=key_date(span.last_key),
        partners=partners,
        sectors=await rank_sectors(db, parts, await _facet(db, facets, parts, "sector")),
        facts=await _recent_facts(db, parts),
        national_level=national,
        mentioned=await _mentioned(db, selection, parts, exclude),
        home_mentioned=await _home_mentioned(db, selection, span.count),
    )


async def _partners(
    db: aiosqlite.Connection, selection: Selection, facets: Facets | None, parts: Filtered
) -> tuple[Counted, Counted]:
    """Partner regions and national sides, of the articles where the selection's regions are
    partners: stored for one whole region, else counted live."""
    regions = selection.region_ids
    if not regions:
        partners = await _facet(db, facets, parts, "partner")
        return partners, await _facet(db, facets, parts, "national")
    if len(regions) == 1 and selection == Selection(region_ids=regions):
        stored = await subject_facets(db, f"p:{regions[0]}", regions, STORED_TOP)
        return top(stored, "partner", regions, STORED_TOP), top(stored, "national", (), STORED_TOP)
    partner_parts = filtered(as_partners(selection))
    if partner_parts is None:
        return (), ()
    partners = await _facet(db, None, partner_parts, "partner", regions)
    return partners, await _facet(db, None, partner_parts, "national")


async def _mentioned(
    db: aiosqlite.Connection, selection: Selection, parts: Filtered, exclude: Sequence[str]
) -> Counted:
    if not selection.region_ids and selection.sector is None and selection.query is None:
        return ()  # of a period or everything: no stored counts of regions by period
    subject = subject_of(selection)
    return await mentioned_regions(db, subject, parts, exclude, OVERVIEW_TOP)


async def _home_mentioned(db: aiosqlite.Connection, selection: Selection, count: int) -> int:
    """How many articles of a one-region selection name that region only in passing."""
    if len(selection.region_ids) != 1 or selection.role is not None:
        return 0
    return count - await home_partner_count(db, selection)


async def stored_facets(db: aiosqlite.Connection, selection: Selection) -> Facets | None:
    """Every facet's counts, when stored counts answer the selection exactly."""
    period = period_of(selection)
    if period is not None:
        return await period_facets(db, *period, STORED_TOP)
    subject = subject_of(selection)
    if subject is None:
        return None
    return await subject_facets(db, subject, selection.region_ids, STORED_TOP)


async def _span(
    db: aiosqlite.Connection, selection: Selection, parts: Filtered, facets: Facets | None
) -> Span:
    key = total_key(selection)
    if facets is not None:
        count = sum(n for _, n in facets.get("articles", []))
    elif key is None:
        return Span(*await _one(db, parts.span_sql(), *parts.params))
    else:
        (count,) = await _one(db, SELECT_COUNT, *key)
    sql, params = parts.undated_and_span_sql(), parts.params * 3
    undated, first, last = await _one(db, sql, *params)
    return Span(count, count - undated, first, last)


async def _facet(
    db: aiosqlite.Connection,
    facets: Facets | None,
    parts: Filtered,
    facet: str,
    exclude: Sequence[str] = (),
) -> Counted:
    """Top values of a facet: from the stored counts if they answer it, else counted live."""
    if facets is not None:
        return top(facets, facet, exclude, STORED_TOP)
    sql = LIVE_COUNTS[facet].format(ids=parts.ids_sql())
    params = (*parts.params, json.dumps(list(exclude)), STORED_TOP)
    return tuple((value, count) for value, count in await db.execute_fetchall(sql, params))


async def _recent_facts(db: aiosqlite.Connection, parts: Filtered) -> tuple[tuple[int, Fact], ...]:
    sql = SELECT_RECENT_FACTS.format(page=parts.page_sql())
    params = (*parts.params, FACT_ARTICLES, 0, OVERVIEW_FACTS)
    rows = await db.execute_fetchall(sql, params)
    return tuple((article_id, Fact(kind, text)) for article_id, kind, text in rows)


async def _one(db: aiosqlite.Connection, sql: str, *params: Any) -> Any:
    # One call: every aiosqlite call is a hop to the connection's thread and back.
    rows = list(await db.execute_fetchall(sql, params))
    return rows[0] if rows else None


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
    if selection.loaded_after is not None:
        return None
    if not selection.region_ids:
        return "*" if selection.sector is None else f"s:{selection.sector}"
    if len(selection.region_ids) == 1 and selection.sector is None:
        return f"r:{selection.region_ids[0]}"
    return None


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
    if selection.loaded_after is not None:
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


def top(facets: Facets, facet: str, exclude: Sequence[str], limit: int) -> Counted:
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
