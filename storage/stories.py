"""Grouping near-duplicate articles (one story told by several outlets) into story rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aiosqlite

from storage.queries import DAY
from storage.reading.dedup import SAME_STORY_THRESHOLD, shingles, similarity

WINDOW_DAYS = 7
CANDIDATES = 50

SELECT_ARTICLE = "SELECT sort_key, body FROM articles WHERE id = ?"
# Candidates share a region with the article and are dated within the window (or undated).
SELECT_CANDIDATES = """
SELECT a.id, a.story_id, a.title, a.body FROM articles AS a
WHERE a.id != :id
  AND a.id IN (SELECT article_id FROM article_regions
               WHERE region_id IN (SELECT region_id FROM article_regions WHERE article_id = :id))
  AND (a.sort_key < :day OR :key < :day OR a.sort_key BETWEEN :low AND :high)
ORDER BY a.sort_key DESC LIMIT :limit
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


async def group_stories(db: aiosqlite.Connection, article_ids: Sequence[int]) -> None:
    """Put each of these (new or changed) articles into the story of its nearest twin, if any."""
    for article_id in article_ids:
        await _group_one(db, article_id)
    await db.execute(UNSET_LONE_STORIES)
    await db.execute(DELETE_EMPTY_STORIES)


async def _group_one(db: aiosqlite.Connection, article_id: int) -> None:
    async with db.execute(SELECT_ARTICLE, (article_id,)) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return
    key, body = row
    twin = await _nearest_twin(db, article_id, key, body)
    if twin is None:
        return
    twin_id, story_id, twin_title = twin
    if story_id is None:
        story_id = await _new_story(db, twin_title)
        await db.execute(SET_STORY, (story_id, twin_id))
    await db.execute(SET_STORY, (story_id, article_id))


async def _nearest_twin(
    db: aiosqlite.Connection, article_id: int, key: int, body: str
) -> tuple[int, int | None, str] | None:
    ordinal = key // DAY
    params: dict[str, Any] = {
        "id": article_id,
        "key": key,
        "day": DAY,
        "low": (ordinal - WINDOW_DAYS) * DAY,
        "high": (ordinal + WINDOW_DAYS + 1) * DAY - 1,
        "limit": CANDIDATES,
    }
    async with db.execute(SELECT_CANDIDATES, params) as cursor:
        candidates = await cursor.fetchall()
    mine = shingles(body)
    best: tuple[float, tuple[int, int | None, str] | None] = (SAME_STORY_THRESHOLD, None)
    for other_id, story_id, other_title, other_body in candidates:
        score = similarity(mine, shingles(other_body))
        if score >= best[0]:
            best = (score, (other_id, story_id, other_title))
    return best[1]


async def _new_story(db: aiosqlite.Connection, title: str) -> int:
    cursor = await db.execute(INSERT_STORY, (title,))
    assert cursor.lastrowid is not None
    return cursor.lastrowid
