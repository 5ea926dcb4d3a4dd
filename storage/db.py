"""The SQLite database: two connections (reader, writer), pragmas, migrations, catalogue rows."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import errno
import importlib.resources
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from storage.article_text import pack_body, unpack_body
from storage.fts import stemmed_text
from storage.identity import article_url, content_key
from storage.search_syntax import phrase_found

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# A user's write (subscribe, unsubscribe, settings) waits this long in all for another process's
# load to commit before it gives up: a big load holds the database for several seconds, and a
# user's change is worth waiting for. Each attempt still waits BUSY_TIMEOUT_MS inside SQLite.
WRITE_WAIT_SECONDS = 60.0
# Bookkeeping (recording a user) waits this long at most: it is skipped rather than delaying a
# reply, and tried again on the user's next update.
BOOKKEEPING_WAIT_MS = 50
READ_ONLY = "PRAGMA query_only = ON"

# The size of a page of a new archive file (fixed once its first table exists; `python -m storage
# compact` changes it for an existing one). An article's row with its compressed text is about
# 3 KB: a 4 KB page holds one and leaves a quarter empty, a 16 KB page holds five.
PAGE_SIZE = 16384

_PRAGMAS = (
    f"PRAGMA page_size = {PAGE_SIZE}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous = NORMAL",
    # Pages read straight from the file's mapping instead of a system call each: a large read
    # (an export of 100,000 articles) spends a fifth less time. SQLite's cap, about 2 GB.
    "PRAGMA mmap_size = 2147418112",
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

# The functions every connection registers: (SQL name, number of arguments, Python function).
_FUNCTIONS: tuple[tuple[str, int, Callable[..., str | bytes | bool | None]], ...] = (
    # The full-text triggers index word stems through this function (0001_archive.sql).
    ("fts_stems", 2, stemmed_text),
    # Every reader of an article's text, and the triggers, unpack it with this (0014).
    ("article_body", 1, unpack_body),
    ("packed_body", 1, pack_body),
    # Migration 0010 gives old rows their identity before dropping their raw text.
    ("article_content_key", 1, content_key),
    ("article_url", 1, article_url),
    ("phrase_found", 2, phrase_found),
)


# SQLite's primary result codes that say the file itself cannot be used.
_UNUSABLE_FILE_CODES = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_NOTADB,
        sqlite3.SQLITE_AUTH,
    }
)


class DatabaseUnavailable(RuntimeError):
    """The archive file cannot be used: corrupt, read-only, or in a folder that cannot be made."""

    def __init__(self, path: Path, error: sqlite3.Error | OSError) -> None:
        reason = str(error)
        if isinstance(error, FileExistsError):  # what mkdir says when a file is in the way
            reason = f"not a folder: {error.filename}"
        elif isinstance(error, OSError) and error.strerror:
            reason = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
        super().__init__(
            f"Database error: {path} cannot be used ({reason}); check DATABASE_PATH and its"
            " permissions."
        )


def iso(moment: dt.datetime) -> str:
    """The storage form of a time: UTC, seconds, "Z" (sorts as text)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        """Create the folder if needed, connect, apply pending migrations, refresh catalogues.

        A file that is not a database, or one that cannot be written, raises
        DatabaseUnavailable saying so in one sentence. `migrate=False` (a worker process of a
        running bot, whose archive is already up to date) only connects.
        """
        path = Path(path)
        try:
            return await cls._open(path, migrate)
        except OSError as error:
            raise DatabaseUnavailable(path, error) from error
        except sqlite3.Error as error:
            if error.sqlite_errorcode & 0xFF not in _UNUSABLE_FILE_CODES:
                raise  # a fault of the program (a migration), not of the file
            raise DatabaseUnavailable(path, error) from error

    @classmethod
    async def _open(cls, path: Path, migrate: bool) -> Database:
        if path.parent.exists() and not path.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path.parent))
        path.parent.mkdir(parents=True, exist_ok=True)
        # A path SQLite cannot open at all fails here, on a plain connection: aiosqlite would
        # leave its worker thread behind when its own connect fails.
        await asyncio.to_thread(_check_openable, path)
        writer = await _connect(path)
        try:
            if migrate:
                applied = await apply_migrations(writer)
                if applied:
                    await _advise_compacting(writer, path, applied)
                await upsert_catalogues(writer)
            reader = await _connect(path)
        except BaseException:
            await writer.close()
            raise
        await reader.execute(READ_ONLY)
        return cls(path, reader, writer)

    async def open_reader(self) -> aiosqlite.Connection:
        """Another read-only connection, for a background task whose reads must not queue in
        front of the users' queries on `reader` (the digest delivery); the caller closes it."""
        connection = await _connect(self.path)
        await connection.execute(READ_ONLY)
        return connection

    async def close(self, *, checkpoint: bool = True) -> None:
        """Close both connections, first folding the write-ahead log into the file (unless
        `checkpoint=False`: a worker leaves that to the bot, rather than wait for its readers)."""
        with contextlib.suppress(aiosqlite.Error):  # busy or read-only: it closes all the same
            if checkpoint:
                await self.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await self.reader.close()
        await self.writer.close()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE on the writer; COMMIT on success, ROLLBACK on any exception.

        While another process holds the database (a load from the command line), BEGIN is
        tried again for up to WRITE_WAIT_SECONDS, so a user's write waits its turn.
        """
        async with self._write_lock:
            await self._begin()
            try:
                yield self.writer
                await self.writer.execute("COMMIT")
            except BaseException:
                await rollback_quietly(self.writer)
                raise

    async def write_if_free(self, sql: str, parameters: tuple[object, ...]) -> bool:
        """Run one bookkeeping statement unless the writer is busy; True when it was written.

        Bookkeeping never fails a reply: while a reload holds the writer, another process holds
        the database, or the disk is full, the write is skipped (and logged), and False returned.
        """
        if self._write_lock.locked():
            return False
        async with self._write_lock:
            try:
                await self.writer.execute(f"PRAGMA busy_timeout = {BOOKKEEPING_WAIT_MS}")
                try:
                    await self.writer.execute(sql, parameters)
                finally:
                    await self.writer.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as error:
                logger.warning("bookkeeping write skipped: %s", error)
                return False
        return True

    async def _begin(self) -> None:
        deadline = time.monotonic() + WRITE_WAIT_SECONDS
        while True:
            try:
                await self.writer.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                busy = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() > deadline:
                    raise
                logger.info("the database is busy (another process writes); waiting")


async def _advise_compacting(
    connection: aiosqlite.Connection, path: Path, applied: list[str]
) -> None:
    # A migration that rewrites the articles (0010, 0014) leaves the old space in the file,
    # free or scattered over half-empty pages; only a VACUUM gives it back.
    async with connection.execute("SELECT EXISTS (SELECT 1 FROM articles)") as cursor:
        row = await cursor.fetchone()
    if row is not None and row[0]:
        logger.warning(
            "%s: migrations %s applied; `python -m storage compact`, with the bot stopped,"
            " gives back the space they freed",
            path,
            ", ".join(applied),
        )


def _check_openable(path: Path) -> None:
    sqlite3.connect(path).close()


async def rollback_quietly(connection: aiosqlite.Connection) -> None:
    """Undo the open transaction without hiding the error that caused the undo.

    On "database or disk is full" SQLite may already have rolled back by itself; a second
    ROLLBACK would then raise "no transaction is active" in place of the real cause.
    """
    if not connection.in_transaction:
        return
    try:
        await connection.execute("ROLLBACK")
    except sqlite3.Error:
        logger.warning("rollback after a failed write failed too", exc_info=True)


async def _connect(path: Path) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None)
    try:
        for pragma in _PRAGMAS:
            await connection.execute(pragma)
        for name, arguments, function in _FUNCTIONS:
            await connection.create_function(name, arguments, function, deterministic=True)
    except BaseException:
        await connection.close()
        raise
    return connection


@contextlib.contextmanager
def plain_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A blocking connection to the file as it is (never migrated), with the archive's SQL
    functions and busy timeout, for the command line's `backup`, `check` and `compact`."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for name, arguments, function in _FUNCTIONS:
            connection.create_function(name, arguments, function, deterministic=True)
        yield connection
    finally:
        connection.close()


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
        await rollback_quietly(connection)
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
        await connection.execute("COMMIT")
    except BaseException:
        await rollback_quietly(connection)
        raise
