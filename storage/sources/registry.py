"""The sources an admin follows, their check state and counters, and the items they offered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from storage.db import Database

SourceKind = Literal["feed", "sitemap", "links"]
KEEP_REJECTED_TEXTS = 20  # per source: older rejected items keep their title and reason only

_SOURCE_COLUMNS = """
id, url, name, kind, interval_seconds, paused, etag, last_modified, last_check, next_check,
failures, last_error, pause_notified, items_seen, items_kept, items_rejected
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
SET_NEXT_CHECK = "UPDATE sources SET next_check = ? WHERE id = ?"
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
SELECT_KNOWN_URLS = "SELECT url FROM source_items WHERE url IN ({marks})"
INSERT_ITEM = """
INSERT INTO source_items (url, source_id, seen_at, status, title, reason, file, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING
"""
# Only the newest rejected texts are kept, so a chatty source cannot fill the database.
FORGET_OLD_TEXTS = """
UPDATE source_items SET text = NULL WHERE source_id = ? AND status = 'rejected'
    AND text IS NOT NULL AND id NOT IN (
        SELECT id FROM source_items WHERE source_id = ? AND status = 'rejected'
        ORDER BY id DESC LIMIT ?)
"""
SELECT_REJECTED = """
SELECT id, url, title, reason, text IS NOT NULL FROM source_items
WHERE source_id = ? AND status = 'rejected' ORDER BY id DESC LIMIT ?
"""
SELECT_REJECTED_TEXT = """
SELECT source_id, url, text FROM source_items WHERE id = ? AND status = 'rejected'
"""
MARK_FORCE_KEPT = """
UPDATE source_items SET status = 'kept', reason = 'forced', file = ?, text = NULL
WHERE id = ? AND status = 'rejected'
"""
MOVE_COUNTS = """
UPDATE sources SET items_kept = items_kept + 1, items_rejected = max(items_rejected - 1, 0)
WHERE id = ?
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
    pause_notified: bool
    items_seen: int
    items_kept: int
    items_rejected: int


@dataclass(frozen=True, slots=True)
class SeenItem:
    """One item of a check: kept (with its seeds file) or rejected (with reason and text)."""

    url: str
    title: str
    kept: bool
    reason: str | None = None
    file: str | None = None
    text: str | None = None
    aliases: tuple[str, ...] = ()  # other addresses that led to it (a redirect's origin)


@dataclass(frozen=True, slots=True)
class RejectedItem:
    """A rejected item as /sources shows it; `keepable` while its text is still stored."""

    id: int
    url: str
    title: str
    reason: str
    keepable: bool


@dataclass(frozen=True, slots=True)
class ForceKept:
    """What force-keeping an item needs: its source, address and text."""

    source_id: int | None
    url: str
    text: str


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


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
        pause_notified=bool(row[12]),
        items_seen=row[13],
        items_kept=row[14],
        items_rejected=row[15],
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
        items: list[SeenItem],
        checked_at: dt.datetime,
    ) -> None:
        """A check that read the listing: new items, counters, validators, the next check."""
        kept = sum(item.kept for item in items)
        next_check = checked_at + dt.timedelta(seconds=source.interval_seconds)
        async with self.database.transaction() as writer:
            rows = [row for item in items for row in _item_rows(source.id, item, checked_at)]
            await writer.executemany(INSERT_ITEM, rows)
            await writer.execute(FORGET_OLD_TEXTS, (source.id, source.id, KEEP_REJECTED_TEXTS))
            await writer.execute(
                RECORD_SUCCESS,
                (*validators, _iso(checked_at), _iso(next_check), len(items), kept,
                 len(items) - kept, source.id),
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

    async def make_due(self, source_id: int, now: dt.datetime) -> None:
        async with self.database.transaction() as writer:
            await writer.execute(SET_NEXT_CHECK, (_iso(now), source_id))

    async def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` already seen (kept or rejected) from any source."""
        wanted = list(dict.fromkeys(urls))
        known: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = SELECT_KNOWN_URLS.format(marks=",".join("?" * len(chunk)))
            async with self.database.reader.execute(query, chunk) as cursor:
                known.update(row[0] for row in await cursor.fetchall())
        return known

    async def rejected(self, source_id: int, limit: int = 10) -> list[RejectedItem]:
        async with self.database.reader.execute(SELECT_REJECTED, (source_id, limit)) as cursor:
            rows = await cursor.fetchall()
        return [RejectedItem(r[0], r[1], r[2], r[3] or "", bool(r[4])) for r in rows]

    async def rejected_text(self, item_id: int) -> ForceKept | None:
        async with self.database.reader.execute(SELECT_REJECTED_TEXT, (item_id,)) as cursor:
            row = await cursor.fetchone()
        if row is None or row[2] is None:
            return None
        return ForceKept(row[0], row[1], row[2])

    async def mark_force_kept(self, item_id: int, source_id: int | None, file: str) -> None:
        async with self.database.transaction() as writer:
            cursor = await writer.execute(MARK_FORCE_KEPT, (file, item_id))
            if cursor.rowcount and source_id is not None:
                await writer.execute(MOVE_COUNTS, (source_id,))


def backoff_seconds(interval: int, failures: int, cap: int = 86_400) -> int:
    """The wait after `failures` failures in a row: the interval doubled each time, ≤ a day."""
    return int(min(interval * 2 ** min(failures, 20), cap))


def _item_rows(source_id: int, item: SeenItem, seen_at: dt.datetime) -> list[tuple[object, ...]]:
    status = "kept" if item.kept else "rejected"
    title = item.title[:300]
    first: tuple[object, ...] = (
        item.url,
        source_id,
        _iso(seen_at),
        status,
        title,
        item.reason,
        item.file,
        item.text,
    )
    # An alias only blocks its address: no text, so it is never offered for force-keeping.
    return [first] + [(url, *first[1:6], item.file, None) for url in item.aliases]
