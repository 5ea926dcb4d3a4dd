"""A busy or full database: replies keep coming, user writes wait their turn, and the real
cause of a failed write is what gets reported."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from storage import subscriptions
from storage.db import Database
from storage.users import count_users
from tests.conftest import Feed, texts

APOLOGY = "Извините, что-то пошло не так"


@pytest.fixture
def other_process(database: Database) -> Iterator[sqlite3.Connection]:
    """Another process's connection to the archive (e.g. `python -m storage load`)."""
    connection = sqlite3.connect(database.path, isolation_level=None, check_same_thread=False)
    yield connection
    if connection.in_transaction:
        connection.execute("ROLLBACK")
    connection.close()


def disk_full_on_insert(connection: aiosqlite.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every INSERT on this connection fails as SQLite fails when the disk is full."""
    execute = connection.execute

    def failing(sql: str, parameters: Any = None) -> Any:
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")
        return execute(sql, parameters)

    monkeypatch.setattr(connection, "execute", failing)


async def test_help_and_region_answer_while_another_process_holds_the_writer(
    feed: Feed, database: Database, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    help_text = texts(await feed("/help", user_id=501))
    region_text = texts(await feed("/region Астрахань", user_id=501))
    [help_reply], [region_reply] = help_text, region_text
    assert "/region" in help_reply
    assert "Астраханская область" in region_reply
    assert not any(APOLOGY in text for text in help_text + region_text)
    other_process.execute("COMMIT")
    # Not recorded while the database was held; recorded on the next update instead.
    before = await count_users(database.reader)
    await feed("/help", user_id=501)
    assert await count_users(database.reader) == before + 1


async def test_start_answers_at_once_while_another_process_holds_the_writer(
    feed: Feed, other_process: sqlite3.Connection
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    # /start resumes paused chats; a chat that is not paused must not wait for the writer.
    [welcome] = texts(await asyncio.wait_for(feed("/start", user_id=503), 2))
    assert welcome.startswith("Здравствуйте!")


async def test_help_and_region_answer_when_the_disk_is_full(
    feed: Feed, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk_full_on_insert(database.writer, monkeypatch)
    help_text = texts(await feed("/help", user_id=502, lang="en"))
    region_text = texts(await feed("/region Astrakhan", user_id=502, lang="en"))
    [help_reply], [region_reply] = help_text, region_text
    assert "/region" in help_reply
    assert "Astrakhan Oblast" in region_reply


async def test_unsubscribe_waits_for_another_process_load_and_succeeds(
    feed: Feed, database: Database, other_process: sqlite3.Connection
) -> None:
    await feed("/subscribe Астрахань")
    other_process.execute("BEGIN IMMEDIATE")  # a long load in another process
    # SQLite's own wait is shorter than the load: the write must keep waiting its turn.
    await database.writer.execute("PRAGMA busy_timeout = 100")
    unsubscribing = asyncio.create_task(feed("/unsubscribe Астрахань"))
    await asyncio.sleep(0.6)
    assert not unsubscribing.done()
    other_process.execute("COMMIT")
    [answer] = texts(await asyncio.wait_for(unsubscribing, 10))
    assert answer.startswith("🔕")
    assert await subscriptions.subscriptions(database.reader, 111) == []


async def test_unsubscribe_waits_for_a_reload_in_the_same_process(
    feed: Feed, database: Database
) -> None:
    await feed("/subscribe Астрахань")
    async with database.transaction():  # a reload holding the writer
        unsubscribing = asyncio.create_task(feed("/unsubscribe Астрахань"))
        await asyncio.sleep(0.3)
        assert not unsubscribing.done()
    [answer] = texts(await asyncio.wait_for(unsubscribing, 10))
    assert answer.startswith("🔕")


async def test_a_full_disk_is_reported_as_such_not_as_a_failed_rollback(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        async with database.transaction() as writer:
            await writer.execute("CREATE TABLE filler (text TEXT)")
        async with database.writer.execute("PRAGMA page_count") as cursor:
            row = await cursor.fetchone()
        assert row is not None
        await database.writer.execute(f"PRAGMA max_page_count = {row[0] + 2}")
        with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
            async with database.transaction() as writer:
                await writer.executemany("INSERT INTO filler VALUES (?)", [("x" * 3000,)] * 50)
        assert not database.writer.in_transaction
        async with database.transaction() as writer:  # the writer is usable again
            await writer.execute("DELETE FROM filler")
    finally:
        await database.close()
