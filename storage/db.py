"""The SQLite database: two connections (reader, writer), pragmas, migrations, catalogue rows."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.resources
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from storage.fts import stemmed_text

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous = NORMAL",
)

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)
"""
SELECT_APPLIED = "SELECT name FROM schema_migrations"

UPSERT_REGION = """
INSERT INTO regions (id, iso, country, kind, name_ru, name_kk, name_en)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    iso = excluded.iso, country = excluded.country, kind = excluded.kind,
    name_ru = excluded.name_ru, name_kk = excluded.name_kk, name_en = excluded.name_en
"""
UPSERT_SECTOR = """
INSERT INTO sectors (id, label_ru, label_kk, label_en) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    label_ru = excluded.label_ru, label_kk = excluded.label_kk, label_en = excluded.label_en
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One shipped migration file: its name (e.g. "0001_archive") and SQL text."""

    name: str
    sql: str


def shipped_migrations() -> list[Migration]:
    """Every storage/migrations/NNNN_name.sql file, in order."""
    folder = importlib.resources.files("storage") / "migrations"
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".sql")),
        key=lambda entry: entry.name,
    )
    return [
        Migration(entry.name.removesuffix(".sql"), entry.read_text("utf-8")) for entry in files
    ]


class Database:
    """The archive file with one connection for reads and one for all writes.

    Both connections are in autocommit mode: a write that must be atomic goes through
    `async with db.transaction() as writer:`, which also keeps concurrent writers in line.
    """

    def __init__(self, path: Path, reader: aiosqlite.Connection, writer: aiosqlite.Connection):
        self.path = path
        self.reader = reader
        self.writer = writer
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Database:
        """Create the folder if needed, connect, apply pending migrations, refresh catalogues."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await _connect(path)
        try:
            await apply_migrations(writer)
            await upsert_catalogues(writer)
            reader = await _connect(path)
        except BaseException:
            await writer.close()
            raise
        await reader.execute("PRAGMA query_only = ON")
        return cls(path, reader, writer)

    @property
    def writing(self) -> bool:
        """True while a write transaction holds the writer (e.g. a reload)."""
        return self._write_lock.locked()

    async def close(self) -> None:
        """Close both connections, first folding the write-ahead log into the file."""
        with contextlib.suppress(aiosqlite.Error):  # busy or read-only: it closes all the same
            await self.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await self.reader.close()
        await self.writer.close()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE on the writer; COMMIT on success, ROLLBACK on any exception."""
        async with self._write_lock:
            await self.writer.execute("BEGIN IMMEDIATE")
            try:
                yield self.writer
            except BaseException:
                await self.writer.execute("ROLLBACK")
                raise
            await self.writer.execute("COMMIT")


async def _connect(path: Path) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None)
    try:
        for pragma in _PRAGMAS:
            await connection.execute(pragma)
        # The full-text triggers index word stems through this function (0001_archive.sql).
        await connection.create_function("fts_stems", 2, stemmed_text, deterministic=True)
    except BaseException:
        await connection.close()
        raise
    return connection


async def apply_migrations(connection: aiosqlite.Connection) -> list[str]:
    """Apply every shipped migration not yet recorded, each in its own transaction."""
    await connection.execute(CREATE_MIGRATIONS_TABLE)
    async with connection.execute(SELECT_APPLIED) as cursor:
        applied = {row[0] for row in await cursor.fetchall()}
    names = []
    for migration in shipped_migrations():
        if migration.name not in applied:
            await _apply_one(connection, migration)
            names.append(migration.name)
    return names


async def _apply_one(connection: aiosqlite.Connection, migration: Migration) -> None:
    logger.info("applying migration %s", migration.name)
    name = migration.name.replace("'", "''")
    script = (
        f"BEGIN IMMEDIATE;\n{migration.sql}\n;\n"
        f"INSERT INTO schema_migrations (name) VALUES ('{name}');\nCOMMIT;"
    )
    try:
        await connection.executescript(script)
    except BaseException:
        if connection.in_transaction:
            await connection.execute("ROLLBACK")
        raise


async def upsert_catalogues(connection: aiosqlite.Connection) -> None:
    """Write the region and sector catalogues into their tables, so links to them hold."""
    from storage.regions import all_regions
    from storage.sectors import all_sectors

    regions = [
        (r.id, r.iso, r.country, r.kind, r.name_ru, r.name_kk, r.name_en) for r in all_regions()
    ]
    sectors = [(s.id, s.label_ru, s.label_kk, s.label_en) for s in all_sectors()]
    await connection.execute("BEGIN IMMEDIATE")
    try:
        await connection.executemany(UPSERT_REGION, regions)
        await connection.executemany(UPSERT_SECTOR, sectors)
    except BaseException:
        await connection.execute("ROLLBACK")
        raise
    await connection.execute("COMMIT")
