"""The chats repository: a chat's digest settings and subscriptions, one transaction an action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import aiosqlite

from storage import subscriptions
from storage.db import Database, iso
from storage.models import Lang
from storage.subscriptions import (
    HAS_SUBSCRIPTION,
    INSERT_CHAT,
    INSERT_SUBSCRIPTION_WITHIN,
    UPDATE_SCHEDULE,
    UPDATE_SEND_EMPTY,
    ChatSettings,
    Subscription,
)


@dataclass(frozen=True, slots=True)
class ChatPlace:
    """The chat a command came from, as a new chat row needs it: id, type, the user's language,
    and the forum topic (None keeps the one already stored)."""

    id: int
    type: str
    lang: Lang
    thread_id: int | None = None


class Chats:
    """Reads on the read-only connection; each change one writer transaction, the chat's row
    created on first use (its cursor at the newest article, so a new subscriber is not sent
    the whole archive) in the same transaction as the change itself."""

    def __init__(
        self, database: Database, *, default_tz: str, max_subscriptions: int = 50
    ) -> None:
        self._database = database
        self._default_tz = default_tz
        self.max_subscriptions = max_subscriptions

    async def chat(self, chat_id: int) -> ChatSettings | None:
        return await subscriptions.chat(self._database.reader, chat_id)

    async def subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions, oldest first."""
        return await subscriptions.subscriptions(self._database.reader, chat_id)

    async def ensure(self, place: ChatPlace) -> ChatSettings:
        """The chat's settings; its row is created (or its type, language, topic kept current)."""
        async with self._database.transaction() as writer:
            return await self._ensure(writer, place)

    async def subscribe(
        self, place: ChatPlace, subscription: Subscription
    ) -> tuple[ChatSettings, Literal["added", "exists", "full"]]:
        """The chat's settings, and whether the subscription was added, was already there, or
        did not fit under `max_subscriptions`."""
        fields = (place.id, subscription.kind, subscription.key, subscription.sector)
        async with self._database.transaction() as writer:
            chat = await self._ensure(writer, place)
            cursor = await writer.execute(
                INSERT_SUBSCRIPTION_WITHIN, (*fields, self.max_subscriptions)
            )
            if cursor.rowcount > 0:
                return chat, "added"
            async with writer.execute(HAS_SUBSCRIPTION, fields) as found:
                return chat, "exists" if await found.fetchone() else "full"

    async def unsubscribe(self, chat_id: int, subscription: Subscription) -> bool:
        """Remove a subscription; False when the chat did not have it."""
        return await subscriptions.unsubscribe(self._database, chat_id, subscription)

    async def unsubscribe_all(self, chat_id: int) -> int:
        """Remove every subscription of the chat; how many there were."""
        return await subscriptions.unsubscribe_all(self._database, chat_id)

    async def save_settings(self, chat: ChatSettings, due_at: dt.datetime | None) -> None:
        """Store the digest schedule with its next slot (None for instant) and the empty notice."""
        async with self._database.transaction() as writer:
            await _save_settings(writer, chat, due_at)

    async def change_settings(
        self,
        place: ChatPlace,
        change: Callable[[ChatSettings], ChatSettings | None],
        due_at: Callable[[ChatSettings], dt.datetime | None],
    ) -> tuple[ChatSettings, ChatSettings | None]:
        """One transaction: the chat's settings (its row made on first use) and what `change`
        makes of them (None: not a setting), saved with their next slot when they differ."""
        async with self._database.transaction() as writer:
            chat = await self._ensure(writer, place)
            updated = change(chat)
            if updated is not None and updated != chat:
                await _save_settings(writer, updated, due_at(updated))
        return chat, updated

    async def reactivate(self, chat_id: int) -> bool:
        """Resume a paused chat from the newest article; False when it was not paused."""
        return await subscriptions.reactivate(self._database, chat_id)

    async def move(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: everything of the chat follows it to `new_id`."""
        await subscriptions.move_chat(self._database, old_id, new_id)

    async def _ensure(self, writer: aiosqlite.Connection, place: ChatPlace) -> ChatSettings:
        row = (place.id, place.type, place.thread_id, place.lang, self._default_tz)
        await writer.execute(INSERT_CHAT, row)
        found = await subscriptions.chat(writer, place.id)
        assert found is not None  # written just above, in this transaction
        return found


async def _save_settings(
    writer: aiosqlite.Connection, chat: ChatSettings, due_at: dt.datetime | None
) -> None:
    schedule = (chat.mode, chat.hour, chat.minute, chat.weekday, chat.tz)
    due = iso(due_at) if due_at else None
    await writer.execute(UPDATE_SCHEDULE, (*schedule, due, chat.id))
    await writer.execute(UPDATE_SEND_EMPTY, (int(chat.send_empty), chat.id))
