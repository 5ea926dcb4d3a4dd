"""Shared fixtures: settings on a throwaway folder, the seeded archive, a bot on a recording
session, the real dispatcher, and `feed` to push one update through it."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import CallbackQuery, Message, Update

from bot.app import make_bot, make_dispatcher
from bot.config import Settings
from storage.db import Database
from storage.loader import load_directory
from tests.fakes import RecordingSession, make_message, make_update, make_user

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)

Feed = Callable[..., Awaitable[list[TelegramMethod[Any]]]]


class FixedClock:
    """A clock that says what a test sets; `clock.now = ...` moves time."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds loaded once per run into a database file that tests copy."""
    path = tmp_path_factory.mktemp("template") / "archive.sqlite3"

    async def build() -> None:
        database = await Database.open(path)
        try:
            report = await load_directory(database, SEEDS)
            assert len(report.added) == len(list(SEEDS.glob("*.txt"))), report.rejected
        finally:
            await database.close()

    asyncio.run(build())
    return path


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def settings(tmp_path: Path, seeds_dir: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token="123456:test",
        database_path=tmp_path / "data" / "archive.sqlite3",
        seeds_dir=seeds_dir,
    )


@pytest.fixture
async def database(settings: Settings, seeded_template: Path) -> AsyncIterator[Database]:
    """The archive with the five seeds, on its own file."""
    settings.database_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded_template, settings.database_path)
    database = await Database.open(settings.database_path)
    yield database
    await database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def session() -> RecordingSession:
    return RecordingSession()


@pytest.fixture
async def bot(settings: Settings, session: RecordingSession) -> AsyncIterator[Bot]:
    bot = make_bot(settings, session)
    yield bot
    await bot.session.close()


@pytest.fixture
def dispatcher(settings: Settings, database: Database, clock: FixedClock) -> Dispatcher:
    return make_dispatcher(settings, database, clock=clock)


@pytest.fixture
def feed(dispatcher: Dispatcher, bot: Bot, session: RecordingSession) -> Feed:
    """`await feed("/region Астрахань", lang="en")`: the Bot API calls that one update caused.

    Give text (a message from user 111 in a private chat) or a ready Message, CallbackQuery or
    Update; `lang` is the user's Telegram language_code, `user_id` and `chat` are optional.
    """

    async def feed(
        event: str | Message | CallbackQuery | Update,
        *,
        lang: str | None = "ru",
        user_id: int = 111,
        **message_fields: Any,
    ) -> list[TelegramMethod[Any]]:
        if isinstance(event, str):
            user = make_user(user_id, lang)
            event = make_message(event, user=user, **message_fields)
        update = event if isinstance(event, Update) else make_update(event)
        before = len(session.requests)
        await dispatcher.feed_update(bot, update)
        return session.requests[before:]

    return feed


def texts(calls: list[TelegramMethod[Any]]) -> list[str]:
    """The text of every sendMessage / editMessageText among `calls`."""
    names = {"sendMessage", "editMessageText"}
    return [str(getattr(c, "text", "")) for c in calls if c.__api_method__ in names]
