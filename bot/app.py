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
from storage.db import Database

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def make_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    """The Bot, talking to `TELEGRAM_API_URL` unless a session is given (tests, console)."""
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def _routers() -> list[Router]:
    """Every feature's router, in the order that decides which handler sees an update first."""
    # Order is behaviour: admin first (its filter hides it from everybody else), the feature
    # routers next, and the catch-all (plain text as a search, unknown commands) last.
    routers: list[Router] = []
    # --- routers: add new feature routers above the catch-all, keep this list in order ---
    return routers


def make_dispatcher(settings: Settings, database: Database, *, clock: Clock = utc_now) -> Dispatcher:
    """A fresh Dispatcher with fresh routers; dependencies arrive in handlers by name."""
    dispatcher = Dispatcher(settings=settings, database=database, clock=clock)
    # --- dependencies: repositories and services are added to the dispatcher here ---
    # --- lifecycle: startup/shutdown hooks (command menu, digest scheduler...) go here ---
    dispatcher.include_routers(*_routers())
    return dispatcher
