"""When each chat last looked at /latest: the newest article it was shown (migration 0012)."""

from __future__ import annotations

import datetime as dt

from storage.db import Database, iso

SELECT_SEEN = "SELECT article_id FROM latest_seen WHERE chat_id = ?"
UPSERT_SEEN = """
INSERT INTO latest_seen (chat_id, article_id, seen_at) VALUES (?, ?, ?)
ON CONFLICT (chat_id) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at
"""
SELECT_NEWEST_ID = "SELECT max(id) FROM articles"


class LatestSeen:
    """Reads on the read-only connection; a look is written in one short transaction."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def newest_article(self) -> int | None:
        """The id of the article loaded last (ids only grow), None for an empty archive."""
        rows = list(await self._database.reader.execute_fetchall(SELECT_NEWEST_ID))
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    async def last_seen(self, chat_id: int) -> int | None:
        """The newest article id the chat was shown by /latest, None when it never looked."""
        rows = list(await self._database.reader.execute_fetchall(SELECT_SEEN, (chat_id,)))
        return int(rows[0][0]) if rows else None

    async def mark_seen(self, chat_id: int, article_id: int, now: dt.datetime) -> None:
        async with self._database.transaction() as writer:
            await writer.execute(UPSERT_SEEN, (chat_id, article_id, iso(now)))
