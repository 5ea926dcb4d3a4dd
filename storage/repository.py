"""Reading the archive: article pages, overviews, one article in full, counts and coverage."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
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
    Selection,
    StoryVersion,
)
from storage.overview import SELECT_COUNT, plan_overview, total_key
from storage.queries import CARDS_BY_ID_SQL, DAY, Filtered, filtered, key_date
from storage.search_syntax import parse_search
from storage.snippets import find_snippet

SEARCH_TOTAL_CAP = 1000  # a text search counts its matches up to here
# An "exact phrase" is checked in each candidate's text (the index keeps no positions), so its
# count stops sooner: reading a thousand article texts would take a user-visible while.
PHRASE_TOTAL_CAP = 100

SELECT_DETAIL = (
    "SELECT file, source, story_id, article_body(body_zlib), url FROM articles WHERE id = ?"
)
SELECT_MENTIONED_SECTORS = """
SELECT sector_id FROM article_sectors_mentioned WHERE article_id = ? ORDER BY rank
"""
SELECT_FACTS = "SELECT kind, text FROM facts WHERE article_id = ? ORDER BY position"
SELECT_SAME_STORY = """
SELECT id, title, source FROM articles WHERE story_id = ? AND id != ? ORDER BY sort_key DESC
"""
# The other articles of the stories of these articles: one probe of the story index each.
SELECT_STORY_MEMBERS = """
SELECT a.id, o.id FROM articles AS a JOIN articles AS o ON o.story_id = a.story_id AND o.id != a.id
WHERE a.id IN (SELECT value FROM json_each(?)) AND a.story_id IS NOT NULL
ORDER BY o.sort_key DESC
"""
SELECT_TOTALS = """
SELECT value, count FROM facet_counts WHERE subject = '*' AND facet = ? ORDER BY 2 DESC, 1
"""
SELECT_RECENT_MONTHS = """
SELECT start, count FROM period_counts
WHERE grain = 'month' AND facet = 'articles' AND count > 0 ORDER BY start DESC LIMIT ?
"""
SELECT_SEARCHED_TEXT = (
    "SELECT id, article_body(body_zlib), summary FROM articles"
    " WHERE id IN (SELECT value FROM json_each(?))"
)
# The archive's own version (migration 0009: every change of an article raises it), not SQLite's
# data_version: that one moves with any write, a user's settings or a /latest look included,
# and would empty the cache of overviews at nearly every update.
SELECT_ARCHIVE_VERSION = "SELECT version FROM archive_version WHERE id = 1"
CACHED_OVERVIEWS = 1000  # overviews kept per archive version
SELECT_COVERAGE = f"""
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM facet_counts WHERE subject = '*' AND facet = 'partner'),
       (SELECT min(sort_key) FROM articles WHERE sort_key >= {DAY}),
       (SELECT max(sort_key) FROM articles WHERE sort_key >= {DAY})
"""


class Archive:
    """Queries over the archive; give it the database's reader connection.

    Overviews are remembered until the archive changes: many users ask for the same region or
    period, and each overview is several queries, while a change is one check of the version.
    """

    def __init__(self, connection: aiosqlite.Connection):
        self._db = connection
        self._version: int | None = None
        self._overviews: dict[Selection, Overview] = {}

    async def articles(self, selection: Selection, *, limit: int = 10, offset: int = 0) -> Page:
        """One page of a selection, newest first (undated articles last).

        The total is exact, except for a text search, where counting stops at SEARCH_TOTAL_CAP
        (or at the end of this page, if that is further).
        """
        parts = filtered(selection)
        if parts is None:
            return Page((), 0, offset, limit)
        count_sql, count_params = self._total_query(selection, parts)
        sql = parts.cards_sql(f"({count_sql})")
        rows = list(await self._all(sql, *parts.params, limit, offset, *count_params))
        if rows:
            total = rows[0][-1]
        elif offset:  # past the end: count on its own
            total = (await self._one(count_sql, *count_params))[0]
        else:
            total = 0
        cards = tuple(_cards(rows))
        if selection.query is not None and cards:
            cards = await self._with_snippets(cards, parse_search(selection.query).marked)
        return Page(cards, max(total, offset + len(cards)), offset, limit)

    async def _with_snippets(
        self, cards: tuple[ArticleCard, ...], wanted: tuple[str, ...]
    ) -> tuple[ArticleCard, ...]:
        """The cards of a search page, each with the passage where the words were found."""
        ids = json.dumps([card.id for card in cards])
        texts = {row[0]: row[1:] for row in await self._all(SELECT_SEARCHED_TEXT, ids)}
        found = []
        for card in cards:
            body, summary = texts.get(card.id, ("", ""))
            snippet = find_snippet(body, set(wanted)) or find_snippet(summary, set(wanted))
            found.append(replace(card, snippet=snippet))
        return tuple(found)

    @staticmethod
    def _total_query(selection: Selection, parts: Filtered) -> tuple[str, list[Any]]:
        key = total_key(selection)
        if key is not None:
            return SELECT_COUNT, list(key)
        if selection.query is not None:
            phrases = parse_search(selection.query).phrases
            cap = PHRASE_TOTAL_CAP if phrases else SEARCH_TOTAL_CAP
            return parts.capped_count_sql(cap), parts.params
        return parts.count_sql(), parts.params

    async def overview(self, selection: Selection) -> Overview:
        """How many articles, their date span, partner regions, top sectors, recent facts.

        Partners exclude the regions the selection is about.
        """
        (version,) = await self._one(SELECT_ARCHIVE_VERSION)
        if version != self._version:  # articles were added, changed or removed since
            self._overviews.clear()
            self._version = version
        overview = self._overviews.get(selection)
        if overview is None:
            overview = await plan_overview(self._db, selection)
            # Kept only if no change was seen meanwhile (it may predate the change).
            if self._version == version and len(self._overviews) < CACHED_OVERVIEWS:
                self._overviews[selection] = overview
        return overview

    async def article(self, article_id: int) -> ArticleDetail | None:
        """One article in full, with the other outlets' versions of the same story."""
        cards = await self.cards([article_id])
        row = await self._one(SELECT_DETAIL, article_id) if cards else None
        if row is None:
            return None
        file, source, story_id, body, url = row
        facts = tuple(Fact(kind, text) for kind, text in await self._all(SELECT_FACTS, article_id))
        mentioned = await self._all(SELECT_MENTIONED_SECTORS, article_id)
        same_story: tuple[StoryVersion, ...] = ()
        if story_id is not None:
            rows = await self._all(SELECT_SAME_STORY, story_id, article_id)
            same_story = tuple(StoryVersion(*version) for version in rows)
        return ArticleDetail(
            cards[0],
            file,
            source,
            facts,
            body,
            same_story,
            url=url,
            mentioned_sectors=tuple(sector for (sector,) in mentioned),
        )

    async def story_members(self, ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        """For each of these articles that belongs to a story told by several outlets, the ids
        of the story's other articles, newest first."""
        members: dict[int, list[int]] = {}
        for article_id, other in await self._all(SELECT_STORY_MEMBERS, json.dumps(list(ids))):
            members.setdefault(article_id, []).append(other)
        return {article_id: tuple(others) for article_id, others in members.items()}

    async def region_counts(self) -> list[tuple[str, int]]:
        """(region id, count of articles where it is a partner) for every such region, most
        first: a venue or a region named in passing does not count."""
        return [(region, count) for region, count in await self._all(SELECT_TOTALS, "partner")]

    async def sector_counts(self) -> list[tuple[str, int]]:
        """(sector id, article count) for every sector with articles, most first."""
        return [(sector, count) for sector, count in await self._all(SELECT_TOTALS, "sector")]

    async def recent_months(self, limit: int) -> list[tuple[dt.date, int]]:
        """(first day of the month, dated article count) of the newest months with articles."""
        rows = await self._all(SELECT_RECENT_MONTHS, limit)
        return [(dt.date.fromisoformat(start), count) for start, count in rows]

    async def coverage(self) -> Coverage:
        articles, regions, first, last = await self._one(SELECT_COVERAGE)
        return Coverage(articles, regions, key_date(first), key_date(last))

    async def cards(self, ids: Sequence[int]) -> list[ArticleCard]:
        """Cards for these ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        return _cards(await self._all(CARDS_BY_ID_SQL, json.dumps(list(ids))))

    # One call each: every aiosqlite call is a hop to the connection's thread and back, and a
    # cursor's execute, fetch and close would be three.
    async def _all(self, sql: str, *params: Any) -> Iterable[Any]:
        return await self._db.execute_fetchall(sql, params)

    async def _one(self, sql: str, *params: Any) -> Any:
        rows = list(await self._db.execute_fetchall(sql, params))
        return rows[0] if rows else None


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
