"""Grouping near-duplicate articles (one story told by several outlets) into story rows."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import aiosqlite

from storage.queries import DAY
from storage.reading.dedup import SAME_STORY_THRESHOLD, Shingles, shingles, similarity

WINDOW_DAYS = 3
CANDIDATES = 20

SELECT_ARTICLE = "SELECT sort_key, article_body(body_zlib) FROM articles WHERE id = ?"
# Candidates share a region with the article and lie in its date window (undated articles are
# compared with undated ones); each region's links are read as a range of its index.
SELECT_CANDIDATES = """
SELECT a.id, a.story_id, a.title, article_body(a.body_zlib) FROM articles AS a WHERE a.id IN (
    SELECT r.article_id FROM article_regions AS r
    WHERE r.region_id IN (SELECT region_id FROM article_regions WHERE article_id = :id)
      AND r.sort_key BETWEEN :low AND :high AND r.article_id != :id
    ORDER BY r.sort_key DESC LIMIT :limit
)
"""
INSERT_STORY = "INSERT INTO stories (title) VALUES (?)"
SET_STORY = "UPDATE articles SET story_id = ? WHERE id = ?"
# A story needs two articles; a lone member (its twin was changed or removed) leaves it.
UNSET_LONE_STORIES = """
UPDATE articles SET story_id = NULL WHERE story_id IN (
    SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(*) < 2
)
"""
DELETE_EMPTY_STORIES = """
DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL)
"""

Candidate = tuple[int, int | None, str, str]  # id, story id, title, body


async def group_stories(db: aiosqlite.Connection, article_ids: Sequence[int]) -> None:
    """Put each of these (new or changed) articles into the story of its nearest twin, if any."""
    cache: dict[int, Shingles] = {}
    for article_id in article_ids:
        await _group_one(db, article_id, cache)
    await db.execute(UNSET_LONE_STORIES)
    await db.execute(DELETE_EMPTY_STORIES)


async def _group_one(
    db: aiosqlite.Connection, article_id: int, cache: dict[int, Shingles]
) -> None:
    async with db.execute(SELECT_ARTICLE, (article_id,)) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return
    key, body = row
    candidates = await _candidates(db, article_id, key)
    if not candidates:
        return
    # Shingling is CPU work: keep it off the event loop.
    twin = await asyncio.to_thread(_nearest, (article_id, body), candidates, cache)
    if twin is None:
        return
    twin_id, story_id, twin_title, _ = twin
    if story_id is None:
        story_id = await _new_story(db, twin_title)
        await db.execute(SET_STORY, (story_id, twin_id))
    await db.execute(SET_STORY, (story_id, article_id))


async def _candidates(db: aiosqlite.Connection, article_id: int, key: int) -> list[Candidate]:
    ordinal = key // DAY
    if ordinal:
        low, high = (ordinal - WINDOW_DAYS) * DAY, (ordinal + WINDOW_DAYS + 1) * DAY - 1
    else:
        low, high = 0, DAY - 1
    params = {"id": article_id, "low": low, "high": high, "limit": CANDIDATES}
    async with db.execute(SELECT_CANDIDATES, params) as cursor:
        return [(row[0], row[1], row[2], row[3]) for row in await cursor.fetchall()]


def _nearest(
    article: tuple[int, str], candidates: list[Candidate], cache: dict[int, Shingles]
) -> Candidate | None:
    mine = _shingles_of(*article, cache)
    scored = [(similarity(mine, _shingles_of(c[0], c[3], cache)), c) for c in candidates]
    best = max(scored, key=lambda pair: pair[0])
    return best[1] if best[0] >= SAME_STORY_THRESHOLD else None


def _shingles_of(article_id: int, body: str, cache: dict[int, Shingles]) -> Shingles:
    if article_id not in cache:
        cache[article_id] = shingles(body)
    return cache[article_id]


async def _new_story(db: aiosqlite.Connection, title: str) -> int:
    cursor = await db.execute(INSERT_STORY, (title,))
    assert cursor.lastrowid is not None
    return cursor.lastrowid
