"""The items sources offered: kept or rejected, each address remembered once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import aiosqlite

KEEP_REJECTED_TEXTS = 20  # per source: older rejected items keep their title and reason only

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


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


async def insert_items(
    writer: aiosqlite.Connection, source_id: int, items: list[SeenItem], seen_at: dt.datetime
) -> None:
    """Record a check's items (in the caller's transaction); forget old rejected texts."""
    rows = [row for item in items for row in _item_rows(source_id, item, seen_at)]
    await writer.executemany(INSERT_ITEM, rows)
    await writer.execute(FORGET_OLD_TEXTS, (source_id, source_id, KEEP_REJECTED_TEXTS))


async def known_urls(reader: aiosqlite.Connection, urls: Iterable[str]) -> set[str]:
    """Those of `urls` already seen (kept or rejected) from any source."""
    wanted = list(dict.fromkeys(urls))
    known: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = SELECT_KNOWN_URLS.format(marks=",".join("?" * len(chunk)))
        async with reader.execute(query, chunk) as cursor:
            known.update(row[0] for row in await cursor.fetchall())
    return known


async def rejected(reader: aiosqlite.Connection, source_id: int, limit: int) -> list[RejectedItem]:
    async with reader.execute(SELECT_REJECTED, (source_id, limit)) as cursor:
        rows = await cursor.fetchall()
    return [RejectedItem(r[0], r[1], r[2], r[3] or "", bool(r[4])) for r in rows]


async def rejected_text(reader: aiosqlite.Connection, item_id: int) -> ForceKept | None:
    async with reader.execute(SELECT_REJECTED_TEXT, (item_id,)) as cursor:
        row = await cursor.fetchone()
    if row is None or row[2] is None:
        return None
    return ForceKept(row[0], row[1], row[2])


async def mark_force_kept(
    writer: aiosqlite.Connection, item_id: int, source_id: int | None, file: str
) -> None:
    """The item is kept now (in the caller's transaction); its source's counts move with it."""
    cursor = await writer.execute(MARK_FORCE_KEPT, (file, item_id))
    if cursor.rowcount and source_id is not None:
        await writer.execute(MOVE_COUNTS, (source_id,))


def _item_rows(source_id: int, item: SeenItem, seen_at: dt.datetime) -> list[tuple[object, ...]]:
    status = "kept" if item.kept else "rejected"
    title = item.title[:300]
    first: tuple[object, ...] = (
        item.url,
        source_id,
        iso(seen_at),
        status,
        title,
        item.reason,
        item.file,
        item.text,
    )
    # An alias only blocks its address: no text, so it is never offered for force-keeping.
    return [first] + [(url, *first[1:6], item.file, None) for url in item.aliases]
