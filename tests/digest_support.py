"""Helpers for digest tests: fake monotonic time, subscribers, new articles, outbox rows."""

from __future__ import annotations

import asyncio
from typing import Any

from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.models import Lang, Role
from storage.subscriptions import Subscription
from tests.archive_fixtures import record, store_records

ATYRAU = Subscription("region", "kz-atyrau")
TOURISM = Subscription("sector", "tourism")


class FakeTime:
    """Monotonic seconds that only move when someone sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)  # let other tasks run, as a real sleep would


async def subscriber(
    database: Database,
    chat_id: int,
    *follows: Subscription,
    chat_type: str = "private",
    thread_id: int | None = None,
    lang: Lang = "ru",
) -> None:
    """A chat following `follows` (Atyrau Region by default), instant digests."""
    chats = Chats(database, default_tz="Asia/Almaty")
    place = ChatPlace(chat_id, chat_type, lang, thread_id)
    await chats.ensure(place)
    for follow in follows or (ATYRAU,):
        await chats.subscribe(place, follow)


async def new_article(
    database: Database,
    title: str = "Атырау и Астрахань подписали соглашение",
    regions: tuple[tuple[str, Role], ...] = (
        ("kz-atyrau", "partner"),
        ("ru-astrakhan", "partner"),
    ),
    sectors: tuple[str, ...] = ("trade",),
) -> int:
    """Store one article as a load would; its id."""
    body = f"{title}. Стороны договорились о сотрудничестве и торговле."
    (article_id,) = await store_records(
        database, [record(title, body, regions=regions, sectors=sectors)]
    )
    return article_id


async def outbox_rows(database: Database) -> list[tuple[Any, ...]]:
    """(chat_id, article_id, status, attempts, last_error) of every outbox row."""
    sql = "SELECT chat_id, article_id, status, attempts, last_error FROM outbox ORDER BY id"
    async with database.reader.execute(sql) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]
