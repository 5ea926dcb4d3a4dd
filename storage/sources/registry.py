"""The sources an admin follows: their check state, back-off, pause and counters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from storage.db import Database
from storage.sources import items
from storage.sources.items import ForceKept, RejectedItem, SeenItem

SourceKind = Literal["feed", "sitemap", "links"]

_SOURCE_COLUMNS = """
id, url, name, kind, interval_seconds, paused, etag, last_modified, last_check, next_check,
failures, last_error, items_seen, items_kept, items_rejected
"""
SELECT_SOURCES = f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY id"
SELECT_SOURCE = f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?"
SELECT_DUE = f"""
SELECT {_SOURCE_COLUMNS} FROM sources WHERE paused = 0 AND next_check <= ? ORDER BY next_check
"""
COUNT_SOURCES = "SELECT count(*) FROM sources"
INSERT_SOURCE = """
INSERT INTO sources (url, name, kind, interval_seconds, added_at, next_check)
VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING id
"""
DELETE_SOURCE = "DELETE FROM sources WHERE id = ?"
SET_PAUSED = """
UPDATE sources SET paused = ?, failures = CASE WHEN ? THEN failures ELSE 0 END,
    pause_notified = 0, next_check = ? WHERE id = ?
"""
RECORD_SUCCESS = """
UPDATE sources SET etag = ?, last_modified = ?, last_check = ?, next_check = ?, failures = 0,
    last_error = NULL, items_seen = items_seen + ?, items_kept = items_kept + ?,
    items_rejected = items_rejected + ? WHERE id = ?
"""
RECORD_FAILURE = """
UPDATE sources SET last_check = ?, next_check = ?, failures = failures + 1, last_error = ?,
    paused = CASE WHEN failures + 1 >= ? THEN 1 ELSE paused END WHERE id = ?
RETURNING failures, paused
"""
MARK_PAUSE_NOTIFIED = """
UPDATE sources SET pause_notified = 1 WHERE id = ? AND pause_notified = 0 RETURNING id
"""


class SourceLimitReached(Exception):
    """No more sources can be stored (MAX_SOURCES)."""


class SourceExists(Exception):
    """A source with this URL is already followed."""


@dataclass(frozen=True, slots=True)
class Source:
    """A followed source and where its checking stands."""

    id: int
    url: str
    name: str
    kind: SourceKind
    interval_seconds: int
    paused: bool
    etag: str | None
    last_modified: str | None
    last_check: dt.datetime | None
    next_check: dt.datetime
    failures: int
    last_error: str | None
    items_seen: int
    items_kept: int
    items_rejected: int


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


_iso = items.iso


def _source(row: Any) -> Source:
    return Source(
        id=row[0],
        url=row[1],
        name=row[2],
        kind=row[3],
        interval_seconds=row[4],
        paused=bool(row[5]),
        etag=row[6],
        last_modified=row[7],
        last_check=_when(row[8]),
        next_check=dt.datetime.fromisoformat(row[9]),
        failures=row[10],
        last_error=row[11],
        items_seen=row[12],
        items_kept=row[13],
        items_rejected=row[14],
    )


class SourceRegistry:
    """Reads on the reader connection, writes in writer transactions; times are passed in."""

    def __init__(self, database: Database) -> None:
        self.database = database

    async def all(self) -> list[Source]:
        async with self.database.reader.execute(SELECT_SOURCES) as cursor:
            return [_source(row) for row in await cursor.fetchall()]

    async def get(self, source_id: int) -> Source | None:
        async with self.database.reader.execute(SELECT_SOURCE, (source_id,)) as cursor:
            row = await cursor.fetchone()
        return _source(row) if row else None

    async def due(self, now: dt.datetime) -> list[Source]:
        async with self.database.reader.execute(SELECT_DUE, (_iso(now),)) as cursor:
            return [_source(row) for row in await cursor.fetchall()]

    async def add(
        self, url: str, name: str, kind: SourceKind, *, interval: int, now: dt.datetime, limit: int
    ) -> int:
        """The new source's id; SourceLimitReached or SourceExists when it cannot be added."""
        async with self.database.transaction() as writer:
            async with writer.execute(COUNT_SOURCES) as cursor:
                row = await cursor.fetchone()
            if row is not None and row[0] >= limit:
                raise SourceLimitReached
            async with writer.execute(
                INSERT_SOURCE, (url, name, kind, interval, _iso(now), _iso(now))
            ) as cursor:
                inserted = await cursor.fetchone()
        if inserted is None:
            raise SourceExists
        return int(inserted[0])

    async def remove(self, source_id: int) -> bool:
        async with self.database.transaction() as writer:
            cursor = await writer.execute(DELETE_SOURCE, (source_id,))
            return cursor.rowcount > 0

    async def set_paused(self, source_id: int, paused: bool, now: dt.datetime) -> None:
        """Pause, or resume (which forgets past failures and makes the source due now)."""
        async with self.database.transaction() as writer:
            await writer.execute(SET_PAUSED, (int(paused), int(paused), _iso(now), source_id))

    async def record_success(
        self,
        source: Source,
        validators: tuple[str | None, str | None],
        seen: list[SeenItem],
        checked_at: dt.datetime,
    ) -> None:
        """A check that read the listing: new items, counters, validators, the next check."""
        kept = sum(item.kept for item in seen)
        next_check = checked_at + dt.timedelta(seconds=source.interval_seconds)
        async with self.database.transaction() as writer:
            await items.insert_items(writer, source.id, seen, checked_at)
            await writer.execute(
                RECORD_SUCCESS,
                (*validators, _iso(checked_at), _iso(next_check), len(seen), kept,
                 len(seen) - kept, source.id),
            )  # fmt: skip

    async def record_failure(
        self, source: Source, error: str, checked_at: dt.datetime, *, pause_after: int
    ) -> bool:
        """Count a failed check and back off; True when this failure paused the source."""
        delay = backoff_seconds(source.interval_seconds, source.failures + 1)
        next_check = checked_at + dt.timedelta(seconds=delay)
        async with (
            self.database.transaction() as writer,
            writer.execute(
                RECORD_FAILURE,
                (_iso(checked_at), _iso(next_check), error[:300], pause_after, source.id),
            ) as cursor,
        ):
            row = await cursor.fetchone()
        return row is not None and bool(row[1]) and not source.paused

    async def claim_pause_notice(self, source_id: int) -> bool:
        """True once per pause: whoever gets True tells the admins."""
        async with (
            self.database.transaction() as writer,
            writer.execute(MARK_PAUSE_NOTIFIED, (source_id,)) as cursor,
        ):
            return await cursor.fetchone() is not None

    async def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` already seen (kept or rejected) from any source."""
        return await items.known_urls(self.database.reader, urls)

    async def rejected(self, source_id: int, limit: int = 10) -> list[RejectedItem]:
        return await items.rejected(self.database.reader, source_id, limit)

    async def rejected_text(self, item_id: int) -> ForceKept | None:
        return await items.rejected_text(self.database.reader, item_id)

    async def mark_force_kept(self, item_id: int, source_id: int | None, file: str) -> None:
        async with self.database.transaction() as writer:
            await items.mark_force_kept(writer, item_id, source_id, file)


def backoff_seconds(interval: int, failures: int, cap: int = 86_400) -> int:
    """The wait after `failures` failures in a row: the interval doubled each time, ≤ a day."""
    return int(min(interval * 2 ** min(failures, 20), cap))
