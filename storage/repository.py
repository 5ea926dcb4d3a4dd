"""Reading the archive: article pages, overviews, one article in full, counts and coverage."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite

from storage.models import (
    ArticleCard,
    ArticleDetail,
    Coverage,
    Fact,
    Overview,
    Page,
    RegionMention,
    Role,
    Selection,
    StoryVersion,
)
from storage.queries import CARDS_BY_ID_SQL, DAY, Filtered, filtered, key_date

OVERVIEW_FACTS = 5
OVERVIEW_TOP = 10
_FACT_ARTICLES = 20

SELECT_DETAIL = "SELECT file, source, story_id, body FROM articles WHERE id = ?"
SELECT_FACTS = "SELECT kind, text FROM facts WHERE article_id = ? ORDER BY position"
SELECT_SAME_STORY = """
SELECT id, title, source FROM articles WHERE story_id = ? AND id != ? ORDER BY sort_key DESC
"""
SELECT_RECENT_FACTS = """
SELECT article_id, kind, text FROM facts
WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY sort_key DESC, position
LIMIT ?
"""
SELECT_REGION_COUNTS = """
SELECT region_id, count(*) FROM article_regions GROUP BY region_id ORDER BY 2 DESC, 1
"""
SELECT_SECTOR_COUNTS = """
SELECT sector_id, count(*) FROM article_sectors GROUP BY sector_id ORDER BY 2 DESC, 1
"""
SELECT_COVERAGE = f"""
SELECT (SELECT count(*) FROM articles),
       (SELECT count(DISTINCT region_id) FROM article_regions),
       (SELECT min(sort_key) FROM articles WHERE sort_key >= {DAY}),
       (SELECT max(sort_key) FROM articles WHERE sort_key >= {DAY})
"""


class Archive:
    """Queries over the archive; give it the database's reader connection."""

    def __init__(self, connection: aiosqlite.Connection):
        self._db = connection

    async def articles(self, selection: Selection, *, limit: int = 10, offset: int = 0) -> Page:
        """One page of a selection, newest first (undated articles last)."""
        parts = filtered(selection)
        if parts is None:
            return Page((), 0, offset, limit)
        params = [*parts.params, limit, offset, *parts.params]
        rows = list(await self._all(parts.cards_sql(), *params))
        if rows:
            total = rows[0][-1]
        elif offset:  # past the end: count on its own
            total = (await self._one(parts.count_sql(), *parts.params))[0]
        else:
            total = 0
        return Page(_cards(rows), total, offset, limit)

    async def overview(self, selection: Selection) -> Overview:
        """How many articles, their date span, partner regions, top sectors, recent facts.

        Partners exclude the regions the selection is about.
        """
        parts = filtered(selection)
        if parts is None:
            return Overview(0, 0, None, None, (), (), ())
        count, dated, first, last = await self._one(parts.span_sql(), *parts.params)
        return Overview(
            count=count,
            dated_count=dated,
            first_date=key_date(first),
            last_date=key_date(last),
            partners=await self._partners(parts, selection.region_ids),
            sectors=await self._counts(parts, _SECTOR_COUNTS),
            facts=await self._recent_facts(parts),
            national_level=await self._counts(parts, _NATIONAL_COUNTS),
        )

    async def article(self, article_id: int) -> ArticleDetail | None:
        """One article in full, with the other outlets' versions of the same story."""
        cards = await self.cards([article_id])
        row = await self._one(SELECT_DETAIL, article_id) if cards else None
        if row is None:
            return None
        file, source, story_id, body = row
        facts = tuple(Fact(kind, text) for kind, text in await self._all(SELECT_FACTS, article_id))
        same_story: tuple[StoryVersion, ...] = ()
        if story_id is not None:
            rows = await self._all(SELECT_SAME_STORY, story_id, article_id)
            same_story = tuple(StoryVersion(*version) for version in rows)
        return ArticleDetail(cards[0], file, source, facts, body, same_story)

    async def region_counts(self) -> list[tuple[str, int]]:
        """(region id, article count) for every region with articles, most first."""
        return [(region, count) for region, count in await self._all(SELECT_REGION_COUNTS)]

    async def sector_counts(self) -> list[tuple[str, int]]:
        """(sector id, article count) for every sector with articles, most first."""
        return [(sector, count) for sector, count in await self._all(SELECT_SECTOR_COUNTS)]

    async def coverage(self) -> Coverage:
        articles, regions, first, last = await self._one(SELECT_COVERAGE)
        return Coverage(articles, regions, key_date(first), key_date(last))

    # --- named shortcuts -------------------------------------------------------------------

    async def by_region(
        self,
        region_id: str,
        *,
        role: Role | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> Page:
        selection = Selection(region_ids=(region_id,), role=role, since=since, until=until)
        return await self.articles(selection, limit=limit, offset=offset)

    async def by_sector(
        self,
        sector_id: str,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> Page:
        selection = Selection(sector=sector_id, since=since, until=until)
        return await self.articles(selection, limit=limit, offset=offset)

    async def by_date(
        self, since: dt.date | None, until: dt.date | None, *, limit: int = 10, offset: int = 0
    ) -> Page:
        """Articles dated within [since, until]; undated articles never match a date range."""
        selection = Selection(since=since, until=until)
        return await self.articles(selection, limit=limit, offset=offset)

    async def by_pair(
        self,
        first: str,
        second: str,
        *,
        role: Role | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> Page:
        """Articles that involve both regions (e.g. one Kazakh and one Russian)."""
        selection = Selection(region_ids=(first, second), role=role)
        return await self.articles(selection, limit=limit, offset=offset)

    async def latest(self, *, limit: int = 10, offset: int = 0) -> Page:
        return await self.articles(Selection(), limit=limit, offset=offset)

    async def search(
        self,
        text: str,
        *,
        region_ids: Sequence[str] = (),
        limit: int = 10,
        offset: int = 0,
    ) -> Page:
        """Full-text search in any word form; any text is safe (it is never FTS syntax)."""
        selection = Selection(region_ids=tuple(region_ids), query=text)
        return await self.articles(selection, limit=limit, offset=offset)

    # --- helpers -----------------------------------------------------------------------------

    async def cards(self, ids: Sequence[int]) -> list[ArticleCard]:
        """Cards for these ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        return _cards(await self._all(CARDS_BY_ID_SQL, json.dumps(list(ids))))

    async def _partners(
        self, parts: Filtered, exclude: Sequence[str]
    ) -> tuple[tuple[str, int], ...]:
        counts = await self._counts(parts, _PARTNER_COUNTS, json.dumps(list(exclude)))
        return counts

    async def _counts(
        self, parts: Filtered, template: str, *extra: Any
    ) -> tuple[tuple[str, int], ...]:
        sql = template.format(ids=parts.ids_sql())
        rows = await self._all(sql, *parts.params, *extra, OVERVIEW_TOP)
        return tuple((key, count) for key, count in rows)

    async def _recent_facts(self, parts: Filtered) -> tuple[tuple[int, Fact], ...]:
        ids = [
            row[0] for row in await self._all(parts.page_sql(), *parts.params, _FACT_ARTICLES, 0)
        ]
        rows = await self._all(SELECT_RECENT_FACTS, json.dumps(ids), OVERVIEW_FACTS)
        return tuple((article_id, Fact(kind, text)) for article_id, kind, text in rows)

    async def _all(self, sql: str, *params: Any) -> Iterable[Any]:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchall()

    async def _one(self, sql: str, *params: Any) -> Any:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()


# Aggregates over a selection; {ids} is the selection's id subquery.
_PARTNER_COUNTS = """
SELECT r.region_id, count(*) FROM ({ids}) AS m JOIN article_regions AS r ON r.article_id = m.id
WHERE r.role = 'partner' AND r.region_id NOT IN (SELECT value FROM json_each(?))
GROUP BY r.region_id ORDER BY 2 DESC, 1 LIMIT ?
"""
_SECTOR_COUNTS = """
SELECT s.sector_id, count(*) FROM ({ids}) AS m JOIN article_sectors AS s ON s.article_id = m.id
GROUP BY s.sector_id ORDER BY 2 DESC, 1 LIMIT ?
"""
_NATIONAL_COUNTS = """
SELECT c.value, count(*) FROM ({ids}) AS m JOIN articles AS a ON a.id = m.id
JOIN json_each('["' || replace(a.national_level, ',', '","') || '"]') AS c
WHERE a.national_level != '' GROUP BY c.value ORDER BY 2 DESC, 1 LIMIT ?
"""


def _cards(rows: Iterable[Any]) -> list[ArticleCard]:
    """Card rows (key first) to cards, newest first."""
    return [_card(row[1:]) for row in sorted(rows, key=lambda row: row[0], reverse=True)]


def _card(row: Sequence[Any]) -> ArticleCard:
    article_id, title, date, lang, national, summary, regions, sectors, _total = row
    return ArticleCard(
        id=article_id,
        title=title,
        date=dt.date.fromisoformat(date) if date else None,
        lang=lang,
        summary=summary,
        sectors=tuple(sector for _, sector in sorted(json.loads(sectors))),
        regions=tuple(
            RegionMention(region, role, score)
            for _, region, role, score in sorted(json.loads(regions))
        ),
        national_level=tuple(national.split(",")) if national else (),
    )
