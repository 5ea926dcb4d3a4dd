"""The users table: who talked to the bot and which interface language each one chose."""

from __future__ import annotations

import datetime as dt

import aiosqlite

from storage.db import Database, iso
from storage.models import LANGUAGES, Lang

SELECT_LANG = "SELECT lang FROM users WHERE id = ?"
INSERT_SEEN = "INSERT INTO users (id, first_seen) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
UPSERT_LANG = """
INSERT INTO users (id, lang, first_seen, lang_set_at) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, lang_set_at = excluded.lang_set_at
"""
COUNT_USERS = "SELECT count(*) FROM users"


class Users:
    """The users table: reads on the read-only connection, writes in writer transactions.

    Chosen languages are remembered after the first read: the bot keeps one Users, and only
    its `set_lang` changes a language, so every update need not ask the database again.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._langs: dict[int, Lang | None] = {}

    async def get_lang(self, user_id: int) -> Lang | None:
        """The language the user chose with /lang, or None when they never chose."""
        if user_id in self._langs:
            return self._langs[user_id]
        async with self._database.reader.execute(SELECT_LANG, (user_id,)) as cursor:
            row = await cursor.fetchone()
        lang = next((lang for lang in LANGUAGES if row and row[0] == lang), None)
        self._langs[user_id] = lang
        return lang

    async def set_lang(self, user_id: int, lang: Lang, now: dt.datetime) -> None:
        """Remember the user's choice of language (ru, kk or en)."""
        stamp = iso(now)
        async with self._database.transaction() as writer:
            await writer.execute(UPSERT_LANG, (user_id, lang, stamp, stamp))
        self._langs[user_id] = lang

    async def seen(self, user_id: int, now: dt.datetime) -> bool:
        """Record a user the first time they appear; False when it had to wait for later.

        A reload may hold the writer for seconds, and the disk may be full; recording a new
        user is not worth delaying or failing their reply, so it is skipped then and tried on
        a later update.
        """
        return await self._database.write_if_free(INSERT_SEEN, (user_id, iso(now)))

    async def count(self) -> int:
        return await count_users(self._database.reader)


async def count_users(connection: aiosqlite.Connection) -> int:
    """How many people have talked to the bot."""
    async with connection.execute(COUNT_USERS) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0
