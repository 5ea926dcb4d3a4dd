"""The delivery engine: pacing, 429/403/migrate/5xx handling, and at most once across restarts."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage

from bot.config import Settings
from bot.digest.pacing import Pacer
from bot.digest.scheduler import DigestScheduler
from bot.digest.sender import ATTEMPTS
from storage import outbox, subscriptions
from storage.chats import Chats
from storage.db import Database
from tests.digest_support import (
    ATYRAU,
    TOURISM,
    FakeTime,
    new_article,
    outbox_rows,
    subscriber,
)
from tests.fakes import RecordingSession
from tests.support import FixedClock


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def make_scheduler(
    database: Database, settings: Settings, clock: FixedClock, fake_time: FakeTime
) -> DigestScheduler:
    pacer = Pacer(settings.send_rate, clock=fake_time.clock, sleep=fake_time.sleep)
    return DigestScheduler(
        database, settings, clock=clock, tick=3600, pacer=pacer, sleep=fake_time.sleep
    )


@pytest.fixture
async def digests(
    database: Database, settings: Settings, clock: FixedClock, fake_time: FakeTime, bot: Bot
) -> AsyncIterator[DigestScheduler]:
    scheduler = make_scheduler(database, settings, clock, fake_time)
    await scheduler.start(bot)
    yield scheduler
    await scheduler.stop()


def sent_to(session: RecordingSession) -> list[int]:
    return [int(m.chat_id) for m in session.calls(SendMessage)]


async def test_an_instant_subscriber_gets_one_digest(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)
    await subscriber(database, 502, TOURISM)  # follows something else
    article = await new_article(database)
    await digests.run_once()
    await digests.run_once()
    assert sent_to(session) == [501]
    text = session.texts()[0]
    assert "Атырау и Астрахань подписали соглашение" in text
    assert f'?start=a{article}">/a{article}</a>' in text
    assert await outbox_rows(database) == [(501, article, "sent", 1, None)]


async def test_a_new_subscriber_is_not_sent_the_archive(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)  # the five seeds are older than the subscription
    await digests.run_once()
    assert session.sent("sendMessage") == []


async def test_429_is_waited_out_and_slows_the_whole_sender(
    database: Database,
    digests: DigestScheduler,
    session: RecordingSession,
    fake_time: FakeTime,
) -> None:
    await subscriber(database, 501)
    article = await new_article(database)
    session.add_error(429, "Too Many Requests: retry after 7", retry_after=7, method="sendMessage")
    await digests.run_once()
    assert sent_to(session) == [501, 501]  # refused once, then delivered
    assert any(wait >= 7 - 0.05 for wait in fake_time.sleeps)
    assert digests.pacer.rate < digests.pacer.target_rate  # everybody goes slower now
    assert digests.pacer.paused_until > 1000
    assert await outbox_rows(database) == [(501, article, "sent", 2, None)]


async def test_a_pause_after_429_holds_back_other_chats_too(fake_time: FakeTime) -> None:
    pacer = Pacer(25, clock=fake_time.clock, sleep=fake_time.sleep)
    await pacer.wait_turn(1, group=False)
    pacer.slow_down(5)
    await pacer.wait_turn(2, group=False)  # another chat
    assert fake_time.now >= 1005
    assert pacer.rate == pytest.approx(25 * 0.7)
    for _ in range(200):
        pacer.succeeded()
    assert pacer.rate == 25


async def test_pacing_per_chat_and_per_group(fake_time: FakeTime) -> None:
    pacer = Pacer(25, clock=fake_time.clock, sleep=fake_time.sleep)
    start = fake_time.now
    for _ in range(3):
        await pacer.wait_turn(7, group=False)
    assert fake_time.now - start >= 2.0  # at most one a second to one chat
    start = fake_time.now
    for _ in range(21):
        await pacer.wait_turn(-100, group=True)
    assert fake_time.now - start >= 60.0  # the 21st message to a group waits for the minute


async def test_pacing_spreads_messages_at_the_send_rate(fake_time: FakeTime) -> None:
    pacer = Pacer(25, clock=fake_time.clock, sleep=fake_time.sleep)
    start = fake_time.now
    for chat_id in range(100):
        await pacer.wait_turn(chat_id, group=False)
    assert 100 / (fake_time.now - start) == pytest.approx(25, rel=0.02)


async def test_403_makes_the_chat_inactive_and_keeps_its_subscriptions(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)
    await subscriber(database, 502)
    await new_article(database)
    session.add_error(403, "Forbidden: bot was blocked by the user", method="sendMessage")
    await digests.run_once()
    assert sent_to(session) == [501, 502]  # one chat's failure does not stop the other
    first = await subscriptions.chat(database.reader, 501)
    assert first is not None
    assert not first.active
    assert await subscriptions.subscriptions(database.reader, 501) == [ATYRAU]
    statuses = {row[0]: row[2] for row in await outbox_rows(database)}
    assert statuses == {501: "failed", 502: "sent"}
    await new_article(database, "Ещё одна новость Атырау")
    session.clear()
    await digests.run_once()
    assert sent_to(session) == [502]  # paused, not sent to


async def test_chat_not_found_makes_the_chat_inactive(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)
    await new_article(database)
    session.add_error(400, "Bad Request: chat not found", method="sendMessage")
    await digests.run_once()
    chat = await subscriptions.chat(database.reader, 501)
    assert chat is not None
    assert not chat.active


async def test_a_migrated_group_is_moved_and_still_gets_its_digest(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, -501, chat_type="group")
    article = await new_article(database)
    session.add_error(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-100501,
        method="sendMessage",
    )
    await digests.run_once()
    assert sent_to(session) == [-501, -100501]
    assert await subscriptions.chat(database.reader, -501) is None
    moved = await subscriptions.chat(database.reader, -100501)
    assert moved is not None
    assert moved.type == "supergroup"
    assert await subscriptions.subscriptions(database.reader, -100501) == [ATYRAU]
    assert [(r[0], r[1], r[2]) for r in await outbox_rows(database)] == [
        (-100501, article, "sent")
    ]


async def test_server_errors_are_retried_a_few_times_then_marked_failed(
    database: Database,
    digests: DigestScheduler,
    session: RecordingSession,
    fake_time: FakeTime,
) -> None:
    await subscriber(database, 501)
    await new_article(database)
    for _ in range(ATTEMPTS + 1):
        session.add_error(502, "Bad Gateway", method="sendMessage")
    await digests.run_once()
    assert sent_to(session) == [501] * ATTEMPTS  # bounded: the last queued error is unused
    assert {1.0, 2.0, 4.0} <= set(fake_time.sleeps)  # backoff between attempts
    ((_, _, status, attempts, error),) = await outbox_rows(database)
    assert (status, attempts) == ("failed", ATTEMPTS)
    assert "Bad Gateway" in error
    figures = await outbox.delivery_figures(database.reader, FixedClock().now)
    assert (figures.failed, figures.pending, figures.delivered_24h) == (1, 0, 0)


async def test_a_restart_resumes_without_duplicates(
    database: Database,
    settings: Settings,
    clock: FixedClock,
    fake_time: FakeTime,
    bot: Bot,
    session: RecordingSession,
) -> None:
    """A crash left one chat delivered, one mid-request and one not started."""
    for chat_id in (601, 602, 603):
        await subscriber(database, chat_id)
    article = await new_article(database)
    assert await outbox.plan_instant(database, clock()) == 3
    await outbox.claim(database, 601, [article])
    await outbox.mark_sent(database, 601, [article], clock(), 77)
    await outbox.claim(database, 602, [article])  # the crash came during this request
    for _ in range(2):  # two restarts
        scheduler = make_scheduler(database, settings, clock, fake_time)
        await scheduler.start(bot)
        await scheduler.run_once()
        await scheduler.stop()
    assert sent_to(session) == [603]
    rows = {row[0]: row[2:] for row in await outbox_rows(database)}
    assert rows[601][0] == rows[603][0] == "sent"
    assert rows[602] == ("uncertain", 1, outbox.INTERRUPTED)  # at most once: not sent again


async def test_articles_loaded_by_another_process_are_noticed_on_a_tick(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)
    await new_article(database)  # nobody called wake()
    await digests.run_once()
    assert sent_to(session) == [501]


async def test_a_topic_subscription_is_delivered_to_its_topic(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, -100900, chat_type="supergroup", thread_id=42)
    await new_article(database)
    await digests.run_once()
    (message,) = session.calls(SendMessage)
    assert message.message_thread_id == 42


async def daily(database: Database, chat_id: int, due_at: dt.datetime) -> None:
    chats = Chats(database, default_tz="Asia/Almaty")
    chat = await chats.chat(chat_id)
    assert chat is not None
    daily = replace(chat, mode="daily", hour=9, minute=0, weekday=0, tz="Asia/Almaty")
    await chats.save_settings(daily, due_at)


async def test_a_daily_digest_missed_during_downtime_is_sent_once(
    database: Database, digests: DigestScheduler, session: RecordingSession, clock: FixedClock
) -> None:
    await subscriber(database, 501)
    await daily(database, 501, clock() - dt.timedelta(days=3))  # three slots missed
    await new_article(database)
    await new_article(database, "Вторая новость Атырау")
    for _ in range(3):
        await digests.run_once()
        clock.now += dt.timedelta(seconds=5)
    assert sent_to(session) == [501]
    assert session.texts()[0].count("?start=a") == 2  # both articles, one digest
    chat = await subscriptions.chat(database.reader, 501)
    assert chat is not None
    assert chat.due_at == dt.datetime(2026, 11, 22, 4, 0, tzinfo=dt.UTC)  # 09:00 in Almaty


async def test_a_daily_digest_waits_for_its_time(
    database: Database, digests: DigestScheduler, session: RecordingSession, clock: FixedClock
) -> None:
    await subscriber(database, 501)
    await daily(database, 501, clock() + dt.timedelta(hours=1))
    await new_article(database)
    await digests.run_once()
    assert sent_to(session) == []
    clock.now += dt.timedelta(hours=1)
    await digests.run_once()
    assert sent_to(session) == [501]


async def test_nothing_new_is_said_only_to_chats_that_asked(
    database: Database, digests: DigestScheduler, session: RecordingSession, clock: FixedClock
) -> None:
    await subscriber(database, 501)
    await subscriber(database, 502)
    for chat_id in (501, 502):
        await daily(database, chat_id, clock() - dt.timedelta(minutes=1))
    chats = Chats(database, default_tz="Asia/Almaty")
    chat = await chats.chat(502)
    assert chat is not None
    await chats.save_settings(replace(chat, send_empty=True), chat.due_at)
    await digests.run_once()
    assert sent_to(session) == [502]
    assert session.texts() == ["📭 Нового по вашим подпискам нет."]
