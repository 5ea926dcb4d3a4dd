"""Who an overview names as partners and what it ranks first: partners counted only where the
regions are partners (never a forum venue or a consulate seat), the regions merely mentioned
apart, and top sectors ranked by count, then by the newest article, then by strength."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

import aiosqlite

from storage.models import Selection
from storage.queries import Filtered, filtered

Counted = tuple[tuple[str, int], ...]  # (value, count), most first

# Regions of a stored subject in any role but partner: each article counts a region once in
# 'region' and, when it is a partner there, once in 'partner'. Bind the subject, the regions to
# leave out (JSON), the limit.
SELECT_SUBJECT_MENTIONED = """
SELECT value, sum(CASE facet WHEN 'region' THEN count ELSE -count END) AS n
FROM facet_counts
WHERE subject = ? AND facet IN ('region', 'partner')
    AND value NOT IN (SELECT value FROM json_each(?))
GROUP BY value HAVING n > 0 ORDER BY n DESC, value LIMIT ?
"""
# {ids} is the selection's id subquery; then the regions to leave out (JSON) and the limit.
LIVE_MENTIONED = """
SELECT r.region_id, count(*)
FROM ({ids}) AS m CROSS JOIN article_regions AS r ON r.article_id = m.id
WHERE r.role = 'mentioned' AND r.region_id NOT IN (SELECT value FROM json_each(?))
GROUP BY r.region_id ORDER BY 2 DESC, 1 LIMIT ?
"""
SELECT_PARTNER_COUNT = """
SELECT coalesce((SELECT count FROM facet_counts
    WHERE subject = '*' AND facet = 'partner' AND value = ?), 0)
"""
# The newest article of the selection with one sector, and the sector's rank there: the query
# walks the selection newest first and stops at the first article that has it.
NEWEST_WITH_SECTOR = """
SELECT {key}, (SELECT s.rank FROM article_sectors AS s
    WHERE s.article_id = {id} AND s.sector_id = ?) AS sector_rank
{clause} AND sector_rank IS NOT NULL ORDER BY {key} DESC LIMIT 1
"""


def as_partners(selection: Selection) -> Selection:
    """The part of a selection where its regions are partners (itself when it has none)."""
    if not selection.region_ids or selection.role is not None:
        return selection
    return dataclasses.replace(selection, role="partner")


async def home_partner_count(db: aiosqlite.Connection, selection: Selection) -> int:
    """How many articles of a one-region selection have that region as a partner."""
    plain = Selection(region_ids=selection.region_ids)
    if selection == plain:
        return int((await _rows(db, SELECT_PARTNER_COUNT, selection.region_ids[0]))[0][0])
    parts = filtered(as_partners(selection))
    if parts is None:
        return 0
    return int((await _rows(db, parts.count_sql(), *parts.params))[0][0])


async def mentioned_regions(
    db: aiosqlite.Connection,
    subject: str | None,
    parts: Filtered,
    exclude: Sequence[str],
    limit: int,
) -> Counted:
    """Regions the selection's articles name without making them partners, most first."""
    if subject is not None:
        rows = await _rows(db, SELECT_SUBJECT_MENTIONED, subject, json.dumps(list(exclude)), limit)
    else:
        sql = LIVE_MENTIONED.format(ids=parts.ids_sql())
        rows = await _rows(db, sql, *parts.params, json.dumps(list(exclude)), limit)
    return tuple((str(region), int(count)) for region, count in rows)


async def rank_sectors(db: aiosqlite.Connection, parts: Filtered, counted: Counted) -> Counted:
    """Sectors most first; a tie goes to the sector of the newer article, then to the sector
    that article puts first: what the latest news is about, never the alphabet."""
    counts = [count for _, count in counted]
    tied = [sector for sector, count in counted if counts.count(count) > 1]
    newest: dict[str, tuple[int, int]] = {}
    for sector in tied:
        sql = NEWEST_WITH_SECTOR.format(key=parts.key, id=parts.id, clause=parts.clause)
        rows = await _rows(db, sql, sector, *parts.params)
        newest[sector] = (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)

    def order(item: tuple[str, int]) -> tuple[int, int, int]:
        key, rank = newest.get(item[0], (0, 0))
        return (-item[1], -key, rank)

    return tuple(sorted(counted, key=order))


async def _rows(db: aiosqlite.Connection, sql: str, *params: Any) -> list[Any]:
    return list(await db.execute_fetchall(sql, params))
