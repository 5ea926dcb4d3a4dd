"""The users table: first sighting and the chosen language, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

from storage.db import Database
from storage.users import Users

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


async def test_language_is_none_until_chosen_and_survives_a_new_instance(
    database: Database,
) -> None:
    users = Users(database)
    await users.seen(7, NOW)
    await users.seen(7, NOW + dt.timedelta(days=1))  # a second sighting changes nothing
    assert await users.get_lang(7) is None
    await users.set_lang(7, "kk", NOW)
    assert await users.get_lang(7) == "kk"
    assert await Users(database).get_lang(7) == "kk"
    assert await users.count() == 1
    async with database.reader.execute("SELECT first_seen FROM users WHERE id = 7") as cursor:
        assert await cursor.fetchone() == ("2026-11-21T09:00:00Z",)


async def test_a_new_user_is_not_held_up_by_a_running_reload(database: Database) -> None:
    users = Users(database)
    async with database.transaction():  # a reload holding the writer
        assert await users.seen(8, NOW) is False
    assert await users.seen(8, NOW) is True
    async with database.reader.execute("SELECT count(*) FROM users WHERE id = 8") as cursor:
        assert await cursor.fetchone() == (1,)
