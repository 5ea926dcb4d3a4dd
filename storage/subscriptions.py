"""Chats, their digest settings and what they follow (regions, sectors, pairs of regions, a
region or a pair within one sector)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import aiosqlite

from storage.db import Database
from storage.models import Lang

Kind = Literal["region", "sector", "pair"]
Mode = Literal["instant", "daily", "weekly"]
MODES: tuple[Mode, ...] = ("instant", "daily", "weekly")

_CHAT_COLUMNS = (
    "id, type, thread_id, lang, active, tz, mode, hour, minute, weekday, send_empty, "
    "cursor, due_at, last_digest_at"
)
SELECT_CHAT = f"SELECT {_CHAT_COLUMNS} FROM chats WHERE id = ?"
INSERT_CHAT = """
INSERT INTO chats (id, type, thread_id, lang, tz, cursor)
VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM articles))
ON CONFLICT (id) DO UPDATE SET
    type = excluded.type, lang = excluded.lang,
    thread_id = coalesce(excluded.thread_id, chats.thread_id)
"""
SELECT_SUBSCRIPTIONS = """
SELECT kind, key, sector FROM subscriptions WHERE chat_id = ? ORDER BY created_at, rowid
"""
INSERT_SUBSCRIPTION = """
INSERT OR IGNORE INTO subscriptions (chat_id, kind, key, sector) VALUES (?, ?, ?, ?)
"""
# Added only while the chat has fewer than `?5` subscriptions (the check and the insert are one
# statement, so two quick taps cannot pass the cap together).
INSERT_SUBSCRIPTION_WITHIN = """
INSERT OR IGNORE INTO subscriptions (chat_id, kind, key, sector)
SELECT ?1, ?2, ?3, ?4 WHERE (SELECT count(*) FROM subscriptions WHERE chat_id = ?1) < ?5
"""
HAS_SUBSCRIPTION = """
SELECT 1 FROM subscriptions WHERE chat_id = ? AND kind = ? AND key = ? AND sector = ?
"""
DELETE_SUBSCRIPTION = """
DELETE FROM subscriptions WHERE chat_id = ? AND kind = ? AND key = ? AND sector = ?
"""
DELETE_ALL_SUBSCRIPTIONS = "DELETE FROM subscriptions WHERE chat_id = ?"
UPDATE_SCHEDULE = """
UPDATE chats SET mode = ?, hour = ?, minute = ?, weekday = ?, tz = ?, due_at = ? WHERE id = ?
"""
UPDATE_SEND_EMPTY = "UPDATE chats SET send_empty = ? WHERE id = ?"
DEACTIVATE = "UPDATE chats SET active = 0, inactive_reason = ? WHERE id = ? AND active = 1"
FAIL_OPEN_DELIVERIES = """
UPDATE outbox SET status = 'failed', last_error = ?
WHERE chat_id = ? AND status IN ('pending', 'sending')
"""
# A chat that comes back starts from what is new now, not from everything it missed.
REACTIVATE = """
UPDATE chats SET active = 1, inactive_reason = NULL,
    cursor = (SELECT coalesce(max(id), 0) FROM articles)
WHERE id = ? AND active = 0
"""
_COPIED = (
    "thread_id, lang, active, inactive_reason, tz, mode, hour, minute, weekday, send_empty, "
    "cursor, due_at, last_digest_at, created_at"
)
COPY_CHAT = f"""
INSERT OR IGNORE INTO chats (id, type, {_COPIED})
SELECT ?, 'supergroup', {_COPIED} FROM chats WHERE id = ?
"""
MOVE_SUBSCRIPTIONS = "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?"
MOVE_OUTBOX = "UPDATE OR IGNORE outbox SET chat_id = ? WHERE chat_id = ?"
DELETE_CHAT = "DELETE FROM chats WHERE id = ?"
TOP_KEYS = """
SELECT s.key, count(*) FROM subscriptions s JOIN chats c ON c.id = s.chat_id
WHERE s.kind = ? GROUP BY s.key ORDER BY count(*) DESC, s.key LIMIT ?
"""


@dataclass(frozen=True, slots=True)
class Subscription:
    """What a chat follows: a region id, a sector id, or a pair "id+id" (ids sorted); a region
    or a pair may be narrowed to one main `sector` ("" for all of its articles)."""

    kind: Kind
    key: str
    sector: str = ""

    @property
    def region_ids(self) -> tuple[str, ...]:
        if self.kind == "region":
            return (self.key,)
        return tuple(self.key.split("+")) if self.kind == "pair" else ()


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """A chat as the digests see it."""

    id: int
    type: str
    thread_id: int | None
    lang: Lang
    active: bool
    tz: str
    mode: Mode
    hour: int
    minute: int
    weekday: int  # 0 is Monday
    send_empty: bool
    cursor: int  # the last article id already planned for this chat
    due_at: dt.datetime | None
    last_digest_at: dt.datetime | None


def pair_key(first: str, second: str) -> str:
    """The key of a pair subscription: both region ids, sorted, joined by "+"."""
    return "+".join(sorted((first, second)))


async def chat(connection: aiosqlite.Connection, chat_id: int) -> ChatSettings | None:
    async with connection.execute(SELECT_CHAT, (chat_id,)) as cursor:
        row = await cursor.fetchone()
    return _chat(row) if row else None


async def subscriptions(connection: aiosqlite.Connection, chat_id: int) -> list[Subscription]:
    """The chat's subscriptions, oldest first."""
    async with connection.execute(SELECT_SUBSCRIPTIONS, (chat_id,)) as cursor:
        return [Subscription(*row) for row in await cursor.fetchall()]


async def subscribe(database: Database, chat_id: int, subscription: Subscription) -> bool:
    """Add a subscription (the chat must exist); False when it was already there."""
    return await _write(database, INSERT_SUBSCRIPTION, chat_id, *_fields(subscription)) > 0


async def unsubscribe(database: Database, chat_id: int, subscription: Subscription) -> bool:
    """Remove a subscription; False when the chat did not have it."""
    return await _write(database, DELETE_SUBSCRIPTION, chat_id, *_fields(subscription)) > 0


async def unsubscribe_all(database: Database, chat_id: int) -> int:
    """Remove every subscription of the chat; how many there were."""
    return await _write(database, DELETE_ALL_SUBSCRIPTIONS, chat_id)


async def deactivate(database: Database, chat_id: int, reason: str) -> bool:
    """Pause a chat that blocked or removed the bot: subscriptions kept, open deliveries failed."""
    async with database.transaction() as writer:
        changed = (await writer.execute(DEACTIVATE, (reason, chat_id))).rowcount
        await writer.execute(FAIL_OPEN_DELIVERIES, (f"chat inactive: {reason}", chat_id))
    return changed > 0


async def reactivate(database: Database, chat_id: int) -> bool:
    """Resume a paused chat from the newest article; False when it was not paused.

    Every /start asks, so the answer is read first: only a paused chat waits for the writer.
    """
    found = await chat(database.reader, chat_id)
    if found is None or found.active:
        return False
    return await _write(database, REACTIVATE, chat_id) > 0


async def move_chat(database: Database, old_id: int, new_id: int) -> None:
    """A group became a supergroup: its settings, subscriptions and deliveries move to `new_id`.

    When the new id already has its own row, that row and its subscriptions win and the old
    chat's are merged in (a delivery already recorded for the new id is never duplicated).
    """
    async with database.transaction() as writer:
        await writer.execute(COPY_CHAT, (new_id, old_id))
        await writer.execute(MOVE_SUBSCRIPTIONS, (new_id, old_id))
        await writer.execute(MOVE_OUTBOX, (new_id, old_id))
        await writer.execute(DELETE_CHAT, (old_id,))


async def top_keys(
    connection: aiosqlite.Connection, kind: Kind, limit: int = 10
) -> list[tuple[str, int]]:
    """The most followed region ids or sector ids (or pairs), with how many chats follow each."""
    async with connection.execute(TOP_KEYS, (kind, limit)) as cursor:
        return [(str(key), int(count)) for key, count in await cursor.fetchall()]


def parse_time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _fields(subscription: Subscription) -> tuple[str, str, str]:
    return subscription.kind, subscription.key, subscription.sector


def _chat(row: Any) -> ChatSettings:
    chat_id, chat_type, thread_id, lang, active, tz, mode, hour, minute, weekday = row[:10]
    send_empty, cursor, due_at, last_digest_at = row[10:]
    return ChatSettings(
        chat_id,
        chat_type,
        thread_id,
        lang,
        bool(active),
        tz,
        mode,
        hour,
        minute,
        weekday,
        bool(send_empty),
        cursor,
        parse_time(due_at),
        parse_time(last_digest_at),
    )


async def _write(database: Database, sql: str, *params: Any) -> int:
    async with database.transaction() as writer:
        cursor = await writer.execute(sql, params)
        return cursor.rowcount
