"""The durable outbox: the articles each chat is due, written before sending, sent at most once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from storage.db import Database, iso

INTERRUPTED = "interrupted while sending: delivery unknown, not repeated"

# New articles matching a chat's subscriptions, read from the new articles outwards (their
# partner regions and main sectors, then who follows those; a venue or a sector named in passing
# does not make an article news for its followers), so that it costs the size of the news, not of
# the archive. A region or a pair followed within a sector also needs that main sector.
# `?1` lowest cursor, `?2` newest article id, `?3` now, `?4` one chat id or NULL.
_WITHIN_SECTOR = """
AND (s.sector = '' OR EXISTS (
    SELECT 1 FROM article_sectors x WHERE x.article_id = {article} AND x.sector_id = s.sector
))
"""
_TARGETS = """
FROM chats c
WHERE c.id = s.chat_id AND c.active = 1 AND c.cursor < {article}
    AND (?4 IS NULL AND c.mode = 'instant' OR c.id = ?4)
"""
PLAN = f"""
INSERT OR IGNORE INTO outbox (chat_id, article_id, created_at)
SELECT s.chat_id, ar.article_id, ?3
FROM article_regions ar JOIN subscriptions s ON s.kind = 'region' AND s.key = ar.region_id
WHERE ar.article_id > ?1 AND ar.article_id <= ?2 AND ar.role = 'partner'
    {_WITHIN_SECTOR.format(article="ar.article_id")}
    AND EXISTS (SELECT 1 {_TARGETS.format(article="ar.article_id")})
UNION
SELECT s.chat_id, asr.article_id, ?3
FROM article_sectors asr JOIN subscriptions s ON s.kind = 'sector' AND s.key = asr.sector_id
WHERE asr.article_id > ?1 AND asr.article_id <= ?2
    AND EXISTS (SELECT 1 {_TARGETS.format(article="asr.article_id")})
UNION
SELECT s.chat_id, a1.article_id, ?3
FROM article_regions a1
JOIN article_regions a2 ON a2.article_id = a1.article_id AND a2.region_id > a1.region_id
    AND a2.role = 'partner'
JOIN subscriptions s ON s.kind = 'pair' AND s.key = a1.region_id || '+' || a2.region_id
WHERE a1.article_id > ?1 AND a1.article_id <= ?2 AND a1.role = 'partner'
    {_WITHIN_SECTOR.format(article="a1.article_id")}
    AND EXISTS (SELECT 1 {_TARGETS.format(article="a1.article_id")})
"""
NEWEST_ARTICLE = "SELECT coalesce(max(id), 0) FROM articles"
LOWEST_INSTANT_CURSOR = "SELECT min(cursor) FROM chats WHERE active = 1 AND mode = 'instant'"
ADVANCE_INSTANT = """
UPDATE chats SET cursor = ?1, last_digest_at = ?2
WHERE active = 1 AND mode = 'instant' AND cursor < ?1
"""
CHAT_CURSOR = "SELECT cursor FROM chats WHERE id = ? AND active = 1"
ADVANCE_CHAT = "UPDATE chats SET cursor = max(cursor, ?), last_digest_at = ? WHERE id = ?"
SET_DUE = "UPDATE chats SET due_at = ? WHERE id = ?"
DUE_CHATS = """
SELECT id FROM chats WHERE active = 1 AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at
"""
CHATS_WITH_PENDING = """
SELECT DISTINCT o.chat_id FROM outbox o JOIN chats c ON c.id = o.chat_id
WHERE o.status = 'pending' AND c.active = 1
"""
PENDING = """
SELECT article_id FROM outbox WHERE chat_id = ? AND status = 'pending' ORDER BY article_id
"""
_CHOSEN = "chat_id = ? AND article_id IN ({marks})"
CLAIM = f"""
UPDATE outbox SET status = 'sending', attempts = attempts + 1
WHERE status = 'pending' AND {_CHOSEN}
"""
MARK_SENT = f"""
UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, last_error = NULL
WHERE status IN ('pending', 'sending') AND {_CHOSEN}
"""
RELEASE = f"""
UPDATE outbox SET status = 'pending', last_error = ? WHERE status = 'sending' AND {_CHOSEN}
"""
MARK_UNCERTAIN = f"""
UPDATE outbox SET status = 'uncertain', last_error = ?
WHERE status IN ('pending', 'sending') AND {_CHOSEN}
"""
MARK_FAILED = f"""
UPDATE outbox SET status = 'failed', last_error = ?
WHERE status IN ('pending', 'sending') AND {_CHOSEN}
"""
RECOVER = "UPDATE outbox SET status = 'uncertain', last_error = ? WHERE status = 'sending'"
FIGURES = """
SELECT
    (SELECT count(*) FROM outbox WHERE status = 'sent' AND sent_at >= ?1),
    (SELECT count(*) FROM outbox WHERE status = 'sent' AND sent_at >= ?2),
    (SELECT count(*) FROM (SELECT DISTINCT chat_id, message_id FROM outbox
        WHERE status = 'sent' AND sent_at >= ?1)),
    (SELECT count(*) FROM (SELECT DISTINCT chat_id, message_id FROM outbox
        WHERE status = 'sent' AND sent_at >= ?2)),
    (SELECT count(*) FROM outbox WHERE status = 'failed'),
    (SELECT count(*) FROM outbox WHERE status = 'uncertain'),
    (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')),
    (SELECT count(*) FROM chats WHERE active = 1),
    (SELECT count(*) FROM chats WHERE active = 0),
    (SELECT count(*) FROM subscriptions)
"""


@dataclass(frozen=True, slots=True)
class DeliveryFigures:
    """Digest deliveries for the admins' /stats; a delivery is one article to one chat."""

    delivered_24h: int
    delivered_7d: int
    messages_24h: int  # digest messages sent (a digest may take several)
    messages_7d: int
    failed: int
    uncertain: int  # sent, but whether it arrived cannot be known; never repeated
    pending: int
    active_chats: int
    inactive_chats: int
    subscriptions: int


async def plan_instant(database: Database, now: dt.datetime) -> int:
    """Write into the outbox every new article due to instant chats; how many rows were added.

    Cheap when nothing is new, so the scheduler calls it on every tick: this is how articles
    loaded by another process (`python -m storage load`) are noticed.
    """
    async with database.transaction() as writer:
        newest = await _value(writer, NEWEST_ARTICLE) or 0
        lowest = await _value(writer, LOWEST_INSTANT_CURSOR)
        if lowest is None or lowest >= newest:
            return 0
        added = (await writer.execute(PLAN, (lowest, newest, iso(now), None))).rowcount
        await writer.execute(ADVANCE_INSTANT, (newest, iso(now)))
    return added


async def plan_chat(
    database: Database, chat_id: int, now: dt.datetime, *, next_due: dt.datetime | None = None
) -> int:
    """Write into the outbox what is new for one chat (a scheduled digest or /digest).

    With `next_due`, the chat's next slot is stored in the same transaction, so however many
    slots passed while the bot was down, this digest goes out once.
    """
    async with database.transaction() as writer:
        if next_due is not None:
            await writer.execute(SET_DUE, (iso(next_due), chat_id))
        cursor = await _value(writer, CHAT_CURSOR, chat_id)
        newest = await _value(writer, NEWEST_ARTICLE) or 0
        if cursor is None or cursor >= newest:
            return 0
        added = (await writer.execute(PLAN, (cursor, newest, iso(now), chat_id))).rowcount
        await writer.execute(ADVANCE_CHAT, (newest, iso(now), chat_id))
    return added


async def due_chats(connection: aiosqlite.Connection, now: dt.datetime) -> list[int]:
    """Active chats whose scheduled digest time has come."""
    return await _ids(connection, DUE_CHATS, iso(now))


async def chats_with_pending(connection: aiosqlite.Connection) -> list[int]:
    return await _ids(connection, CHATS_WITH_PENDING)


async def pending(connection: aiosqlite.Connection, chat_id: int) -> list[int]:
    """The article ids waiting to be sent to a chat, oldest first."""
    return await _ids(connection, PENDING, chat_id)


async def claim(database: Database, chat_id: int, article_ids: Sequence[int]) -> None:
    """Mark deliveries as being sent, just before the request (one more attempt each)."""
    await _update(database, CLAIM, (), chat_id, article_ids)


async def mark_sent(
    database: Database,
    chat_id: int,
    article_ids: Sequence[int],
    now: dt.datetime,
    message_id: int | None,
) -> None:
    await _update(database, MARK_SENT, (iso(now), message_id), chat_id, article_ids)


async def release(
    database: Database, chat_id: int, article_ids: Sequence[int], error: str
) -> None:
    """Put deliveries back to pending: the request was refused, so nothing reached the chat."""
    await _update(database, RELEASE, (error,), chat_id, article_ids)


async def mark_uncertain(
    database: Database, chat_id: int, article_ids: Sequence[int], error: str
) -> None:
    """The request went out but its outcome is unknown (connection dropped, timeout): the
    deliveries are not repeated, since a second copy is worse than an uncertain first."""
    await _update(database, MARK_UNCERTAIN, (error[:500],), chat_id, article_ids)


async def mark_failed(
    database: Database, chat_id: int, article_ids: Sequence[int], error: str
) -> None:
    await _update(database, MARK_FAILED, (error[:500],), chat_id, article_ids)


async def recover(database: Database) -> int:
    """After a crash: a delivery caught mid-request may or may not have arrived; it is marked
    uncertain (counted in /stats) rather than sent again, because a pair goes out at most once."""
    async with database.transaction() as writer:
        return (await writer.execute(RECOVER, (INTERRUPTED,))).rowcount


async def delivery_figures(connection: aiosqlite.Connection, now: dt.datetime) -> DeliveryFigures:
    day, week = iso(now - dt.timedelta(days=1)), iso(now - dt.timedelta(days=7))
    async with connection.execute(FIGURES, (day, week)) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return DeliveryFigures(*(int(value) for value in row))


async def _update(
    database: Database,
    sql: str,
    params: tuple[object, ...],
    chat_id: int,
    article_ids: Sequence[int],
) -> None:
    if not article_ids:
        return
    query = sql.format(marks=", ".join("?" * len(article_ids)))
    async with database.transaction() as writer:
        await writer.execute(query, (*params, chat_id, *article_ids))


async def _value(connection: aiosqlite.Connection, sql: str, *params: object) -> int | None:
    async with connection.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return None if row is None or row[0] is None else int(row[0])


async def _ids(connection: aiosqlite.Connection, sql: str, *params: object) -> list[int]:
    async with connection.execute(sql, params) as cursor:
        return [int(row[0]) for row in await cursor.fetchall()]
