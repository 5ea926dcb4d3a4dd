"""Figures for the admins' /stats, and the log of archive reloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import aiosqlite

from storage.backup import BackupEntry, last_backup
from storage.db import Database, iso
from storage.outbox import DeliveryFigures, delivery_figures
from storage.subscriptions import top_keys
from storage.users import count_users

TOP = 10

COUNT_ARTICLES = """
SELECT count(*), count(date) FROM articles
"""
ARTICLES_BY_LANGUAGE = """
SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY count(*) DESC, lang
"""
# One index probe per catalogue row (109 regions, 17 sectors) instead of a scan of every link.
REGIONS_COVERED = """
SELECT count(*) FROM regions r
WHERE EXISTS (SELECT 1 FROM article_regions ar WHERE ar.region_id = r.id)
"""
SECTORS_COVERED = """
SELECT count(*) FROM sectors s
WHERE EXISTS (SELECT 1 FROM article_sectors ars WHERE ars.sector_id = s.id)
"""

INSERT_RELOAD = """
INSERT INTO reload_log
    (finished_at, trigger, ok, added, updated, unchanged, removed, rejected, seconds, error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
SELECT_LAST_RELOAD = """
SELECT finished_at, trigger, ok, added, updated, unchanged, removed, rejected, seconds, error
FROM reload_log ORDER BY id DESC LIMIT 1
"""


@dataclass(frozen=True, slots=True)
class ReloadEntry:
    """One reload of the archive: when it finished, what started it, and what it changed."""

    finished_at: dt.datetime
    trigger: str  # "reload", "upload" or "source" (articles a news source brought)
    ok: bool
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    rejected: int = 0
    seconds: float = 0.0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ArchiveFigures:
    """What the archive holds."""

    articles: int
    dated: int
    by_language: tuple[tuple[str, int], ...]  # (lang, count), most first
    regions_covered: int
    sectors_covered: int

    @property
    def undated(self) -> int:
        return self.articles - self.dated


@dataclass(frozen=True, slots=True)
class UsageFigures:
    """Who uses the bot, what they follow, and how digests are delivered."""

    users: int
    top_regions: tuple[tuple[str, int], ...]  # (region id, chats following it), most first
    top_sectors: tuple[tuple[str, int], ...]
    deliveries: DeliveryFigures


@dataclass(frozen=True, slots=True)
class AdminStats:
    """Everything /stats shows."""

    archive: ArchiveFigures
    usage: UsageFigures
    last_reload: ReloadEntry | None
    last_backup: BackupEntry | None = None


class Statistics:
    """The figures of /stats on the read-only connection, and the reload log."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def figures(self, now: dt.datetime) -> AdminStats:
        return await admin_stats(self._database.reader, now)

    async def record_reload(self, entry: ReloadEntry) -> None:
        await record_reload(self._database, entry)


async def admin_stats(connection: aiosqlite.Connection, now: dt.datetime) -> AdminStats:
    """All figures of /stats, read on one connection (the reader)."""
    return AdminStats(
        await archive_figures(connection),
        await usage_figures(connection, now),
        await last_reload(connection),
        await last_backup(connection),
    )


async def archive_figures(connection: aiosqlite.Connection) -> ArchiveFigures:
    total, dated = await _row(connection, COUNT_ARTICLES)
    async with connection.execute(ARTICLES_BY_LANGUAGE) as cursor:
        by_language = tuple((str(lang), int(count)) for lang, count in await cursor.fetchall())
    (regions,) = await _row(connection, REGIONS_COVERED)
    (sectors,) = await _row(connection, SECTORS_COVERED)
    return ArchiveFigures(total, dated, by_language, regions, sectors)


async def usage_figures(connection: aiosqlite.Connection, now: dt.datetime) -> UsageFigures:
    return UsageFigures(
        users=await count_users(connection),
        top_regions=tuple(await top_keys(connection, "region", TOP)),
        top_sectors=tuple(await top_keys(connection, "sector", TOP)),
        deliveries=await delivery_figures(connection, now),
    )


async def record_reload(database: Database, entry: ReloadEntry) -> None:
    async with database.transaction() as writer:
        await writer.execute(
            INSERT_RELOAD,
            (
                iso(entry.finished_at),
                entry.trigger,
                int(entry.ok),
                entry.added,
                entry.updated,
                entry.unchanged,
                entry.removed,
                entry.rejected,
                entry.seconds,
                entry.error,
            ),
        )


async def last_reload(connection: aiosqlite.Connection) -> ReloadEntry | None:
    async with connection.execute(SELECT_LAST_RELOAD) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    finished_at, trigger, ok, added, updated, unchanged, removed, rejected, seconds, error = row
    return ReloadEntry(
        finished_at=dt.datetime.fromisoformat(finished_at),
        trigger=trigger,
        ok=bool(ok),
        added=added,
        updated=updated,
        unchanged=unchanged,
        removed=removed,
        rejected=rejected,
        seconds=seconds,
        error=error,
    )


async def _row(connection: aiosqlite.Connection, sql: str, *params: Any) -> tuple[int, ...]:
    async with connection.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    assert row is not None  # aggregate queries always return one row
    return tuple(int(value or 0) for value in row)
