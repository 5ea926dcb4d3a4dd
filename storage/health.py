"""Figures for the health check and the metrics: a write probe, outbox counts, archive size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import aiosqlite

from storage.db import Database

UPSERT_PROBE = """
INSERT INTO health_probe (id, checked_at) VALUES (1, ?)
ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at
"""
COUNT_OUTBOX = "SELECT status, count(*) FROM outbox GROUP BY status"
COUNT_ARTICLES = "SELECT count(*) FROM articles"
OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "uncertain")


async def probe_write(database: Database, now: dt.datetime) -> None:
    """One small real write in a transaction; raises what the database raises."""
    async with database.transaction() as writer:
        await writer.execute(UPSERT_PROBE, (now.astimezone(dt.UTC).isoformat(),))


async def outbox_counts(connection: aiosqlite.Connection) -> dict[str, int]:
    """Rows of the outbox by status, every status present (0 when none)."""
    counts = dict.fromkeys(OUTBOX_STATUSES, 0)
    async with connection.execute(COUNT_OUTBOX) as cursor:
        for status, count in await cursor.fetchall():
            counts[str(status)] = int(count)
    return counts


async def article_count(connection: aiosqlite.Connection) -> int:
    async with connection.execute(COUNT_ARTICLES) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def archive_bytes(path: Path) -> int:
    """Bytes of the archive on disk: the file and its write-ahead log."""
    files = (path, path.with_name(path.name + "-wal"))
    return sum(file.stat().st_size for file in files if file.exists())
