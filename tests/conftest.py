"""Shared fixtures: settings on a throwaway folder, the seeded archive, a bot on a recording
session, the real dispatcher, and `feed` to push one update through it."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher

from bot.app import make_bot, make_dispatcher
from bot.config import Settings
from storage.db import Database
from storage.loader import load_directory
from tests.fakes import RecordingSession
from tests.support import BotClient, Feed, FixedClock

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
def client(dispatcher: Dispatcher, bot: Bot, session: RecordingSession) -> BotClient:
    return BotClient(dispatcher, bot, session)


@pytest.fixture
def feed(client: BotClient) -> Feed:
    """`await feed("/region Астрахань", lang="en")`: the Bot API calls that one update caused.

    Give text (a message from user 111 in a private chat) or a ready Message, CallbackQuery or
    Update; `lang` is the user's Telegram language_code, `user_id` and `chat` are optional.
    """
    return client.send
