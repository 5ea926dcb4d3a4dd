"""Which of a set of articles tell the same story, and through which outlet (digests show one
entry per story with the other outlets beside it)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

SELECT_OUTLETS = """
SELECT a.id, a.story_id, a.source FROM articles AS a
WHERE a.id IN (SELECT value FROM json_each(?))
"""


@dataclass(frozen=True, slots=True)
class Outlet:
    """One article's story (None: told by this outlet alone) and its outlet's name, if known."""

    article_id: int
    story_id: int | None
    source: str | None


async def outlets(connection: aiosqlite.Connection, article_ids: Sequence[int]) -> list[Outlet]:
    """The story and outlet of each of these articles (missing ids are skipped)."""
    if not article_ids:
        return []
    rows = await connection.execute_fetchall(SELECT_OUTLETS, (json.dumps(list(article_ids)),))
    return [Outlet(int(row[0]), row[1], row[2] or None) for row in rows]
