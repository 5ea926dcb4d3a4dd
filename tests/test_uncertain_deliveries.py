"""Network trouble: an ambiguous send is recorded `uncertain` and never repeated; a refused one
(a 5xx with an answer, no connection at all) is sent again."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp.client_reqrep import ConnectionKey

from bot.config import Settings
from bot.digest.pacing import Pacer
from bot.digest.scheduler import DigestScheduler
from bot.texts import t
from bot.views import admin as admin_view
from storage import db as db_module
from storage import outbox
from storage.db import Database
from storage.models import Lang
from storage.stats import Statistics
from tests.digest_support import FakeTime, new_article, outbox_rows, subscriber
from tests.fakes import RecordingSession
from tests.support import FixedClock


def dropped() -> Exception:
    return aiohttp.ServerDisconnectedError()  # the request went out, the answer never came


def timed_out() -> Exception:
    return TimeoutError()


def not_connected() -> Exception:
    key = ConnectionKey("127.0.0.1", 9, False, True, None, None, None, None)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused"))


class FlakySession(RecordingSession):
    """Raises the network errors aiogram's aiohttp session raises, in the same shape."""

    def __init__(self) -> None:
        super().__init__()
        self.troubles: list[Exception] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        if method.__api_method__ == "sendMessage" and self.troubles:
            self.requests.append(method)
            cause = self.troubles.pop(0)
            message = "Request timeout error" if isinstance(cause, TimeoutError) else str(cause)
            raise TelegramNetworkError(method=method, message=message) from cause
        return await super().make_request(bot, method, timeout)


@pytest.fixture
def session() -> FlakySession:
    return FlakySession()


@pytest.fixture
async def digests(
    database: Database, settings: Settings, clock: FixedClock, bot: Bot
) -> AsyncIterator[DigestScheduler]:
    fake_time = FakeTime()
    pacer = Pacer(settings.send_rate, clock=fake_time.clock, sleep=fake_time.sleep)
    scheduler = DigestScheduler(
        database, settings, clock=clock, tick=3600, pacer=pacer, sleep=fake_time.sleep
    )
    await scheduler.start(bot)
    yield scheduler
    await scheduler.stop()


def requests_to(session: RecordingSession, chat_id: int) -> int:
    return sum(1 for m in session.calls(SendMessage) if m.chat_id == chat_id)


@pytest.mark.parametrize("trouble", [dropped, timed_out], ids=["dropped", "timeout"])
async def test_an_ambiguous_send_is_recorded_uncertain_and_not_repeated(
    database: Database,
    digests: DigestScheduler,
    session: FlakySession,
    trouble: Any,
) -> None:
    await subscriber(database, 501)
    await subscriber(database, 502)
    await new_article(database)
    session.troubles.append(trouble())  # the first digest (to 501) meets the trouble
    for _ in range(3):
        await digests.run_once()
    assert requests_to(session, 501) == 1  # never sent a second time
    assert requests_to(session, 502) == 1  # the other chat is not held up
    rows = {row[0]: row[2:4] for row in await outbox_rows(database)}
    assert rows == {501: ("uncertain", 1), 502: ("sent", 1)}
    figures = await outbox.delivery_figures(database.reader, FixedClock().now)
    assert (figures.uncertain, figures.failed, figures.pending) == (1, 0, 0)


async def test_a_connection_never_made_is_retried(
    database: Database, digests: DigestScheduler, session: FlakySession
) -> None:
    await subscriber(database, 501)
    await new_article(database)
    session.troubles += [not_connected(), not_connected()]
    await digests.run_once()
    assert requests_to(session, 501) == 3  # two refused, the third delivered
    ((_, _, status, attempts, _),) = await outbox_rows(database)
    assert (status, attempts) == ("sent", 3)


async def test_an_unreadable_answer_is_uncertain(
    database: Database, digests: DigestScheduler, session: FlakySession
) -> None:
    await subscriber(database, 501)
    await new_article(database)
    session.add_result("<html>502 Bad Gateway</html>", method="sendMessage")
    await digests.run_once()
    await digests.run_once()
    assert requests_to(session, 501) == 1
    ((_, _, status, _, _),) = await outbox_rows(database)
    assert status == "uncertain"


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
async def test_stats_show_uncertain_deliveries(
    database: Database, digests: DigestScheduler, session: FlakySession, lang: Lang
) -> None:
    await subscriber(database, 501)
    await new_article(database)
    session.troubles.append(dropped())
    await digests.run_once()
    text = admin_view.stats(await Statistics(database).figures(FixedClock().now), lang)
    line = t(lang, "admin.stats_deliveries", failed=0, uncertain=1, pending=0)
    assert line in text
    assert "{" not in line


async def test_the_migration_keeps_old_deliveries_and_accepts_uncertain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "archive.sqlite3"
    everything = db_module.shipped_migrations()
    before = [m for m in everything if m.name < "0007"]
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: before)
    old = await Database.open(path)
    async with old.transaction() as writer:  # the schema of then: no sector in subscriptions
        await writer.execute("INSERT INTO chats (id) VALUES (501)")
        await writer.execute(
            "INSERT INTO subscriptions (chat_id, kind, key) VALUES (501, 'region', 'kz-atyrau')"
        )
        await writer.execute(
            "INSERT INTO outbox (chat_id, article_id, status, created_at)"
            " VALUES (501, 7, 'failed', '2026-11-01T00:00:00Z')"
        )
    await old.close()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything)
    upgraded = await Database.open(path)
    try:
        await outbox.mark_uncertain(upgraded, 501, [7], "still failed: not pending")
        assert await outbox_rows(upgraded) == [(501, 7, "failed", 0, None)]
        async with upgraded.transaction() as writer:
            await writer.execute("UPDATE outbox SET status = 'uncertain'")
        assert (await outbox_rows(upgraded))[0][2] == "uncertain"
        with pytest.raises(sqlite3.IntegrityError):
            async with upgraded.transaction() as writer:
                await writer.execute("UPDATE outbox SET status = 'lost'")
    finally:
        await upgraded.close()
