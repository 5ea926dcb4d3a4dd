"""The flood-control retry: a 429 delays a reply by `retry_after` but does not lose it."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import GetUpdates, SendMessage

from bot.app import make_bot
from bot.config import Settings
from bot.retry import RetryAfterMiddleware, no_retry
from tests.fakes import RecordingSession

TOKEN = "42:retry-test-token"


class Sleeps:
    """A stand-in for asyncio.sleep that records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def session() -> RecordingSession:
    return RecordingSession()


@pytest.fixture
def bot(session: RecordingSession, sleeps: Sleeps) -> Bot:
    session.middleware(RetryAfterMiddleware(max_attempts=3, max_wait=30, sleep=sleeps))
    return Bot(TOKEN, session=session)


def flood(session: RecordingSession, retry_after: int = 7) -> None:
    session.add_error(429, "Too Many Requests: retry after 7", retry_after=retry_after)


async def test_a_429_waits_retry_after_then_sends_again(
    bot: Bot, session: RecordingSession, sleeps: Sleeps
) -> None:
    flood(session, retry_after=7)
    flood(session, retry_after=3)

    message = await bot.send_message(chat_id=1, text="Сводка по региону")

    assert message.text == "Сводка по региону"
    assert [r.text for r in session.calls(SendMessage)] == ["Сводка по региону"] * 3
    assert sleeps.waits == [7, 3]


async def test_gives_up_after_the_last_attempt(
    bot: Bot, session: RecordingSession, sleeps: Sleeps
) -> None:
    for _ in range(3):
        flood(session)

    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(chat_id=1, text="hello")

    assert len(session.sent("sendMessage")) == 3
    assert sleeps.waits == [7, 7]


async def test_a_wait_longer_than_max_wait_is_raised_at_once(
    bot: Bot, session: RecordingSession, sleeps: Sleeps
) -> None:
    flood(session, retry_after=3600)

    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(chat_id=1, text="hello")

    assert raised.value.retry_after == 3600
    assert len(session.sent("sendMessage")) == 1
    assert sleeps.waits == []


async def test_no_retry_lets_a_pacing_sender_see_the_429(
    bot: Bot, session: RecordingSession, sleeps: Sleeps
) -> None:
    flood(session)

    with no_retry(), pytest.raises(TelegramRetryAfter):
        await bot.send_message(chat_id=1, text="digest")
    message = await bot.send_message(chat_id=1, text="after")

    assert message.text == "after"
    assert sleeps.waits == []


async def test_other_errors_and_long_polling_are_not_retried(
    bot: Bot, session: RecordingSession, sleeps: Sleeps
) -> None:
    session.add_error(403, "Forbidden: bot was blocked by the user")
    flood(session)

    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(chat_id=1, text="hello")
    with pytest.raises(TelegramRetryAfter):
        await bot(GetUpdates(timeout=0))

    assert len(session.requests) == 2
    assert sleeps.waits == []


async def test_make_bot_installs_the_retry_once(session: RecordingSession, sleeps: Sleeps) -> None:
    settings = Settings(bot_token=TOKEN)

    bot = make_bot(settings, session)
    make_bot(settings, session)
    installed = [m for m in session.middleware if isinstance(m, RetryAfterMiddleware)]
    installed[0].sleep = sleeps
    flood(session, retry_after=2)
    message = await bot(SendMessage(chat_id=1, text="retried"))

    assert len(installed) == 1
    assert message.text == "retried"
    assert sleeps.waits == [2]
    assert len(session.sent("sendMessage")) == 2
