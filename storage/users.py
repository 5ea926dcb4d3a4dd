"""The users table: who talked to the bot and which interface language each one chose."""

from __future__ import annotations

import datetime as dt

import aiosqlite

SELECT_LANG = "SELECT lang FROM users WHERE id = ?"
INSERT_SEEN = "INSERT INTO users (id, first_seen) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
UPSERT_LANG = """
INSERT INTO users (id, lang, first_seen, lang_set_at) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, lang_set_at = excluded.lang_set_at
"""
COUNT_USERS = "SELECT count(*) FROM users"


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Users:
    """Reads and writes of the users table over one connection (the writer, for writes).

    Chosen languages are remembered after the first read: the bot keeps one Users, and only
    its `set_lang` changes a language, so every update need not ask the database again.
    """

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._langs: dict[int, str | None] = {}

    async def get_lang(self, user_id: int) -> str | None:
        """The language the user chose with /lang, or None when they never chose."""
        if user_id in self._langs:
            return self._langs[user_id]
        async with self._connection.execute(SELECT_LANG, (user_id,)) as cursor:
            row = await cursor.fetchone()
        lang = str(row[0]) if row and row[0] else None
        self._langs[user_id] = lang
        return lang

    async def set_lang(self, user_id: int, lang: str, now: dt.datetime) -> None:
        """Remember the user's choice of language (ru, kk or en)."""
        stamp = _iso(now)
        await self._connection.execute(UPSERT_LANG, (user_id, lang, stamp, stamp))
        self._langs[user_id] = lang

    async def seen(self, user_id: int, now: dt.datetime) -> None:
        """Record a user the first time they appear; later calls change nothing."""
        await self._connection.execute(INSERT_SEEN, (user_id, _iso(now)))

    async def count(self) -> int:
        async with self._connection.execute(COUNT_USERS) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0
