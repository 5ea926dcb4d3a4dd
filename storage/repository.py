"""Reading the archive: article pages, overviews, one article in full, counts and coverage."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import aiosqlite

from storage.facets import (
    LIVE_COUNTS,
    SELECT_COUNT,
    Facets,
    period_facets,
    period_of,
    subject_facets,
    subject_of,
    top,
    total_key,
)
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
from storage.search_syntax import parse_search
from storage.snippets import find_snippet

OVERVIEW_FACTS = 5
SEARCH_TOTAL_CAP = 1000  # a text search counts its matches up to here
# An "exact phrase" is checked in each candidate's text (the index keeps no positions), so its
# count stops sooner: reading a thousand article texts would take a user-visible while.
PHRASE_TOTAL_CAP = 100
OVERVIEW_TOP = 10
_FACT_ARTICLES = 20

SELECT_DETAIL = "SELECT file, source, story_id, body FROM articles WHERE id = ?"
SELECT_FACTS = "SELECT kind, text FROM facts WHERE article_id = ? ORDER BY position"
SELECT_SAME_STORY = """
SELECT id, title, source FROM articles WHERE story_id = ? AND id != ? ORDER BY sort_key DESC
"""
# {page} is a selection's page of (id, key): bind its params, limit, offset, then the limit.
SELECT_RECENT_FACTS = """
SELECT article_id, kind, text FROM facts
WHERE article_id IN (SELECT id FROM ({page})) ORDER BY sort_key DESC, position
LIMIT ?
"""
SELECT_TOTALS = """
SELECT value, count FROM facet_counts WHERE subject = '*' AND facet = ? ORDER BY 2 DESC, 1
"""
SELECT_RECENT_MONTHS = """
SELECT start, count FROM period_counts
WHERE grain = 'month' AND facet = 'articles' AND count > 0 ORDER BY start DESC LIMIT ?
"""
SELECT_SEARCHED_TEXT = (
    "SELECT id, body, summary FROM articles WHERE id IN (SELECT value FROM json_each(?))"
)
SELECT_DATA_VERSION = "PRAGMA data_version"
CACHED_OVERVIEWS = 1000  # overviews kept per archive version
SELECT_COVERAGE = f"""
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM facet_counts WHERE subject = '*' AND facet = 'region'),
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
        (version,) = await self._one(SELECT_DATA_VERSION)
        if version != self._version:  # another connection has written since
            self._overviews.clear()
            self._version = version
        overview = self._overviews.get(selection)
        if overview is None:
            overview = await self._overview(selection)
            # Kept only if no change was seen meanwhile (it may predate the change).
            if self._version == version and len(self._overviews) < CACHED_OVERVIEWS:
                self._overviews[selection] = overview
        return overview

    async def _overview(self, selection: Selection) -> Overview:
        parts = filtered(selection)
        if parts is None:
            return Overview(0, 0, None, None, (), (), ())
        facets = await self._stored_facets(selection)
        count, dated, first, last = await self._span(selection, parts, facets)
        exclude = selection.region_ids
        return Overview(
            count=count,
            dated_count=dated,
            first_date=key_date(first),
            last_date=key_date(last),
            partners=await self._facet(facets, parts, "partner", exclude),
            sectors=await self._facet(facets, parts, "sector"),
            facts=await self._recent_facts(parts),
            national_level=await self._facet(facets, parts, "national"),
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
        return [(region, count) for region, count in await self._all(SELECT_TOTALS, "region")]

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

    async def _stored_facets(self, selection: Selection) -> Facets | None:
        """Every facet's counts, when stored counts answer the selection exactly."""
        period = period_of(selection)
        if period is not None:
            return await period_facets(self._db, *period, OVERVIEW_TOP)
        subject = subject_of(selection)
        if subject is None:
            return None
        return await subject_facets(self._db, subject, selection.region_ids, OVERVIEW_TOP)

    async def _span(
        self, selection: Selection, parts: Filtered, facets: Facets | None
    ) -> tuple[int, int, Any, Any]:
        """count, dated count, oldest dated key, newest key."""
        key = total_key(selection)
        if facets is not None:
            count = sum(n for _, n in facets.get("articles", []))
        elif key is None:
            count, dated, first, last = await self._one(parts.span_sql(), *parts.params)
            return count, dated, first, last
        else:
            (count,) = await self._one(SELECT_COUNT, *key)
        sql, params = parts.undated_and_span_sql(), parts.params * 3
        undated, first, last = await self._one(sql, *params)
        return count, count - undated, first, last

    async def _facet(
        self, facets: Facets | None, parts: Filtered, facet: str, exclude: Sequence[str] = ()
    ) -> tuple[tuple[str, int], ...]:
        """Top values of a facet: from the stored counts if they answer it, else counted live."""
        if facets is not None:
            return top(facets, facet, exclude, OVERVIEW_TOP)
        sql = LIVE_COUNTS[facet].format(ids=parts.ids_sql())
        rows = await self._all(sql, *parts.params, json.dumps(list(exclude)), OVERVIEW_TOP)
        return tuple((value, count) for value, count in rows)

    async def _recent_facts(self, parts: Filtered) -> tuple[tuple[int, Fact], ...]:
        sql = SELECT_RECENT_FACTS.format(page=parts.page_sql())
        rows = await self._all(sql, *parts.params, _FACT_ARTICLES, 0, OVERVIEW_FACTS)
        return tuple((article_id, Fact(kind, text)) for article_id, kind, text in rows)

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
