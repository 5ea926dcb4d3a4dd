"""The app factory: builds the Bot and a Dispatcher with every router and its dependencies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.config import Settings
from bot.digest.scheduler import DigestScheduler
from bot.handlers import (
    admin,
    article,
    dates,
    errors,
    fallback,
    help,
    inline,
    lang,
    regions,
    search,
    sectors,
    start,
    subscriptions,
    summary,
)
from bot.handlers import settings as digest_settings
from bot.handlers.errors import ErrorNotifier
from bot.menu import set_command_menu
from bot.metrics import Metrics
from bot.middlewares import LanguageMiddleware
from bot.reloader import Reloader
from bot.retry import RetryAfterMiddleware
from bot.shutdown import InFlight
from storage.db import Database
from storage.loader import load_directory
from storage.repository import Archive
from storage.users import Users
from storage.workers import ReadingWorkers

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def make_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    """The Bot, talking to `TELEGRAM_API_URL` unless a session is given (tests, console)."""
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    # A reply refused by flood control (429) is sent again after `retry_after`, not lost.
    if not any(isinstance(m, RetryAfterMiddleware) for m in session.middleware):
        session.middleware(RetryAfterMiddleware())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


async def load_seeds_when_empty(database: Database, settings: Settings) -> None:
    """A fresh archive starts with the articles of `SEEDS_DIR`, so the bot has news to show."""
    if (await Archive(database.reader).coverage()).articles == 0 and settings.seeds_dir.is_dir():
        await load_directory(database, settings.seeds_dir)


def _routers() -> list[Router]:
    """Every feature's router, in the order that decides which handler sees an update first."""
    # Order is behaviour: admin first (its filter hides it from everybody else), the feature
    # routers next, and the catch-all (plain text as a search, unknown commands) last.
    # Each call makes a new router: a router belongs to one dispatcher, and tests make many.
    routers: list[Router] = [admin.make_router()]  # first: its IsAdmin filter lets only admins in
    # --- routers: add new feature routers above the catch-all, keep this list in order ---
    # Before start: it resumes paused chats on /start and owns the sub-... deep links.
    routers += [subscriptions.make_router(), digest_settings.make_router()]
    routers += [start.make_router(), help.make_router(), regions.make_router()]
    routers += [sectors.make_router(), dates.make_router(), search.make_router()]
    routers += [article.make_router(), lang.make_router(), inline.make_router()]
    routers.append(summary.make_router())
    routers.append(fallback.make_router())  # the catch-all: text, unknown commands and buttons
    return routers


def make_dispatcher(
    settings: Settings, database: Database, *, clock: Clock = utc_now
) -> Dispatcher:
    """A fresh Dispatcher with fresh routers; dependencies arrive in handlers by name."""
    dispatcher = Dispatcher(settings=settings, database=database, clock=clock)
    # --- dependencies: repositories and services are added to the dispatcher here ---
    digests = DigestScheduler(database, settings, clock=clock)
    dispatcher["digests"] = digests
    dispatcher["error_notifier"] = ErrorNotifier(settings.admin_chat_id, clock)
    # Reading runs in worker processes, so a reload never stalls replies.
    workers = ReadingWorkers()
    dispatcher["reloader"] = Reloader(
        database, settings.seeds_dir, clock, digests.wake, workers=workers
    )
    users = Users(database)
    dispatcher["archive"] = Archive(database.reader)
    dispatcher["users"] = users
    dispatcher.update.outer_middleware(LanguageMiddleware(users, clock))
    # Operations: updates in flight finish before anything stops; every update is counted.
    in_flight = InFlight()
    dispatcher.update.outer_middleware(in_flight)
    metrics = dispatcher["metrics"] = Metrics()
    # --- lifecycle: startup/shutdown hooks (command menu, digest scheduler...) go here ---
    dispatcher.errors.register(errors.on_error)
    dispatcher.startup.register(admin.set_admin_menu)
    dispatcher.startup.register(set_command_menu)
    dispatcher.startup.register(load_seeds_when_empty)
    dispatcher.startup.register(digests.start)  # after the seeds: they are not news
    dispatcher.shutdown.register(in_flight.drain)  # first: handlers finish, then the rest stops
    dispatcher.shutdown.register(digests.stop)
    dispatcher.shutdown.register(workers.close)
    dispatcher.include_routers(*_routers())
    metrics.instrument(dispatcher)  # after the routers: it names the handler of each update
    return dispatcher
