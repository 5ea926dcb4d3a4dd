"""Backups of the archive (a consistent copy while the bot runs), checking and compacting a file.

These use `storage.db.plain_connection` rather than `Database`: a check must look at a file as
it is (never migrate it), and a backup only reads, in one snapshot; both are blocking calls of
the command line. That connection still has the archive's SQL functions (the full-text triggers
and the article text need them). Compacting needs the archive to itself.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from storage.article_text import unpack_body
from storage.db import PAGE_SIZE, plain_connection

INSERT_BACKUP = "INSERT INTO backup_log (finished_at, path, bytes) VALUES (?, ?, ?)"
SELECT_LAST_BACKUP = "SELECT finished_at, path, bytes FROM backup_log ORDER BY id DESC LIMIT 1"
SELECT_ARTICLE_COLUMNS = "SELECT name FROM pragma_table_info('articles')"
SELECT_PACKED_TEXTS = "SELECT id, body_zlib FROM articles"
SELECT_FTS_TABLES = """
SELECT name FROM sqlite_schema
WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name
"""


class BackupError(Exception):
    """A backup that was not made; the message is one sentence saying why."""


class CompactError(Exception):
    """An archive that was not compacted; the message is one sentence saying why."""


class CheckFailed(Exception):
    """An archive file that is damaged or not an archive; the message is one sentence."""


@dataclass(frozen=True, slots=True)
class BackupEntry:
    """One backup made: when, where to, and the size of the copy."""

    finished_at: dt.datetime
    path: str
    size: int


def backup_path(destination: Path, now: dt.datetime) -> Path:
    """The file to write: `destination` itself, or a dated name inside it when it is a folder."""
    if destination.is_dir():
        return destination / f"archive-{now.astimezone(dt.UTC):%Y%m%d-%H%M%S}.sqlite3"
    return destination


def make_backup(source: Path, destination: Path, now: dt.datetime) -> BackupEntry:
    """Copy the archive at `source` into a new compact file, consistent while others write.

    `VACUUM INTO` reads one snapshot of the database (writers go on meanwhile in WAL mode), and
    the copy appears under its name only once complete, in pages of PAGE_SIZE whatever the
    archive's. The backup is logged in the archive.
    """
    if not source.is_file():
        raise BackupError(f"there is no archive at {source}.")
    target = backup_path(destination, now)
    if target.exists():
        raise BackupError(f"{target} already exists; give a new file name or a folder.")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with plain_connection(source) as connection:
            connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            connection.execute("VACUUM INTO ?", (str(partial),))
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup to {target} failed: {error}.") from error
    entry = BackupEntry(now, str(target), target.stat().st_size)
    _log(source, entry)
    return entry


def _log(source: Path, entry: BackupEntry) -> None:
    finished = entry.finished_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with plain_connection(source) as connection:
        connection.execute(INSERT_BACKUP, (finished, entry.path, entry.size))


def compact_archive(path: Path) -> tuple[int, int]:
    """Rewrite the archive in place with no free pages, in pages of PAGE_SIZE; (bytes before,
    bytes after). Gives back the space of removed articles and of older migrations.

    It needs the archive to itself (the bot stopped): leaving WAL mode, which VACUUM needs to
    change the page size, fails while another connection is open. It needs free disk space
    about the size of the archive meanwhile.
    """
    if not path.is_file():
        raise CompactError(f"there is no archive at {path}.")
    before = _size_with_log(path)
    try:
        with plain_connection(path) as connection:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if mode != "delete":
                raise CompactError(f"{path} is in use; stop the bot, then compact it.")
            connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            connection.execute("VACUUM")
            connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY:
            raise CompactError(f"{path} is in use; stop the bot, then compact it.") from error
        raise CompactError(f"compacting {path} failed: {error}.") from error
    except sqlite3.DatabaseError as error:
        raise CompactError(f"{path} is damaged or not an SQLite archive ({error}).") from error
    return before, _size_with_log(path)


def _size_with_log(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def check_archive(path: Path) -> list[str]:
    """What was checked, when the file is a sound archive; `CheckFailed` saying what is wrong.

    Checks SQLite's page structure and indexes (integrity_check), links between tables
    (foreign_key_check), that every article's compressed text reads back (its checksum: a
    damaged byte inside a row passes the structural checks) and every full-text index against
    itself.
    """
    if not path.is_file():
        raise CheckFailed(f"{path} is not a file.")
    try:
        with plain_connection(path) as connection:
            return _checks(connection, path)
    except sqlite3.DatabaseError as error:
        raise CheckFailed(f"{path} is damaged or not an SQLite archive ({error}).") from error


def _checks(connection: sqlite3.Connection, path: Path) -> list[str]:
    report = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if report != ["ok"]:
        # One row may hold several lines, under a "*** in database main ***" heading.
        problems = [line for row in report for line in row.splitlines() if "***" not in line]
        raise CheckFailed(
            f"{path} failed the integrity check with {len(problems)} problems, "
            f"the first: {problems[0] if problems else report[0]}."
        )
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise CheckFailed(
            f"{path} has {len(broken)} broken links, the first in {table} row {rowid} "
            f"(to {parent})."
        )
    texts = _check_texts(connection, path)
    fts_tables = [row[0] for row in connection.execute(SELECT_FTS_TABLES)]
    for table in fts_tables:
        _check_full_text(connection, path, table)
    checked = ["integrity", "foreign keys", *(["article texts"] if texts else [])]
    return [*checked, *(f"full-text index {name}" for name in fts_tables)]


def _check_texts(connection: sqlite3.Connection, path: Path) -> bool:
    """False when the file has no compressed texts to check (not an archive, or older)."""
    if "body_zlib" not in {row[0] for row in connection.execute(SELECT_ARTICLE_COLUMNS)}:
        return False
    for article_id, packed in connection.execute(SELECT_PACKED_TEXTS):
        try:
            unpack_body(packed)
        except (zlib.error, UnicodeDecodeError) as error:
            raise CheckFailed(
                f"{path}: the text of article {article_id} is damaged ({error})."
            ) from error
    return True


def _check_full_text(connection: sqlite3.Connection, path: Path, table: str) -> None:
    # A special insert that only checks, but it is a write: it waits for the writer like any
    # other write, and is rolled back all the same.
    connection.execute("BEGIN")
    try:
        connection.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        raise CheckFailed(f"{path}: the full-text index {table} is damaged ({error}).") from error
    finally:
        connection.execute("ROLLBACK")


async def last_backup(connection: aiosqlite.Connection) -> BackupEntry | None:
    """The latest backup logged, for /stats."""
    async with connection.execute(SELECT_LAST_BACKUP) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    finished_at, path, size = row
    return BackupEntry(dt.datetime.fromisoformat(finished_at), path, size)
