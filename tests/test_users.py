"""The users table: first sighting and the chosen language, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

from storage.db import Database
from storage.users import Users

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


async def test_language_is_none_until_chosen_and_survives_a_new_instance(
    database: Database,
) -> None:
    users = Users(database.writer)
    await users.seen(7, NOW)
    await users.seen(7, NOW + dt.timedelta(days=1))  # a second sighting changes nothing
    assert await users.get_lang(7) is None
    await users.set_lang(7, "kk", NOW)
    assert await users.get_lang(7) == "kk"
    assert await Users(database.reader).get_lang(7) == "kk"
    assert await users.count() == 1
    async with database.reader.execute("SELECT first_seen FROM users WHERE id = 7") as cursor:
        assert await cursor.fetchone() == ("2026-11-21T09:00:00Z",)
