"""The database: migrations applied once and recorded, pragmas, catalogue rows, transactions."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from storage import db as db_module
from storage.db import Database, Migration, shipped_migrations
from storage.regions import all_regions
from storage.sectors import all_sectors


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _schema(path: Path) -> list[tuple[object, ...]]:
    return _query(
        path, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 2"
    )


async def _scalar(connection: aiosqlite.Connection, sql: str) -> object:
    async with connection.execute(sql) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return row[0]


def test_migration_files_are_numbered_and_unique() -> None:
    names = [migration.name for migration in shipped_migrations()]
    assert names[0] == "0001_archive"
    numbers = [name.split("_", 1)[0] for name in names]  # "0010", or "0010b" for a second
    assert all(re.fullmatch(r"\d{4}b?", number) for number in numbers)
    assert len(set(numbers)) == len(numbers)


async def test_open_creates_the_file_and_records_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "archive.sqlite3"
    database = await Database.open(path)
    try:
        async with database.reader.execute("SELECT name FROM schema_migrations") as cursor:
            recorded = [row[0] for row in await cursor.fetchall()]
    finally:
        await database.close()
    assert path.is_file()
    assert recorded == [migration.name for migration in shipped_migrations()]


async def test_reopening_applies_nothing_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    await (await Database.open(path)).close()
    before = _schema(path)
    applied = _query(path, "SELECT * FROM schema_migrations")
    await (await Database.open(path)).close()
    assert _query(path, "SELECT * FROM schema_migrations") == applied
    assert _schema(path) == before


async def test_upgraded_database_equals_a_fresh_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = shipped_migrations()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything[:1])
    await (await Database.open(tmp_path / "upgraded.sqlite3")).close()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything)
    await (await Database.open(tmp_path / "upgraded.sqlite3")).close()
    await (await Database.open(tmp_path / "fresh.sqlite3")).close()
    assert _schema(tmp_path / "upgraded.sqlite3") == _schema(tmp_path / "fresh.sqlite3")


async def test_both_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        for connection in (database.reader, database.writer):
            assert await _scalar(connection, "PRAGMA journal_mode") == "wal"
            assert await _scalar(connection, "PRAGMA foreign_keys") == 1
            assert await _scalar(connection, "PRAGMA busy_timeout") == db_module.BUSY_TIMEOUT_MS
            assert await _scalar(connection, "PRAGMA synchronous") == 1  # NORMAL
    finally:
        await database.close()


async def test_catalogues_are_in_their_tables(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        assert await _scalar(database.reader, "SELECT count(*) FROM regions") == len(all_regions())
        assert await _scalar(database.reader, "SELECT count(*) FROM sectors") == len(all_sectors())
    finally:
        await database.close()


async def test_a_failing_migration_is_rolled_back_and_not_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Migration(
        "9999_broken", "CREATE TABLE half_done (x INTEGER);\nSELECT * FROM nowhere;"
    )
    everything = shipped_migrations()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: [*everything, broken])
    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        await Database.open(tmp_path / "archive.sqlite3")
    names = [row[1] for row in _schema(tmp_path / "archive.sqlite3")]
    assert "half_done" not in names
    recorded = {
        row[0]
        for row in _query(tmp_path / "archive.sqlite3", "SELECT name FROM schema_migrations")
    }
    assert "9999_broken" not in recorded
    assert {migration.name for migration in everything} <= recorded


async def _delete_sectors_then_fail(database: Database) -> None:
    async with database.transaction() as writer:
        await writer.execute("DELETE FROM sectors")
        raise RuntimeError("boom")


async def test_transaction_rolls_back_on_error_and_reader_is_read_only(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        with pytest.raises(RuntimeError, match="boom"):
            await _delete_sectors_then_fail(database)
        assert await _scalar(database.reader, "SELECT count(*) FROM sectors") == len(all_sectors())
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await database.reader.execute("DELETE FROM sectors")
    finally:
        await database.close()
