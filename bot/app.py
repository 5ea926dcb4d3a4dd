"""The app factory: builds the Bot and a Dispatcher with every router and its dependencies."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Sequence
from typing import Any

import aiogram.methods
from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.methods.base import Response, TelegramMethod

from bot.charts.service import Charts
from bot.config import Settings
from bot.digest.scheduler import DigestScheduler
from bot.exporting import Exports
from bot.handlers import admin, make_routers
from bot.handlers.errors import ErrorNotifier
from bot.menu import set_command_menu
from bot.metrics import Metrics
from bot.middlewares import LanguageMiddleware
from bot.reloader import Reloader
from bot.retry import RetryAfterMiddleware
from bot.selections import LastSelections, RecordSelections
from bot.shutdown import InFlight
from bot.sources.notices import ChatLanguages
from bot.sources.poller import SourcePoller
from storage.chats import Chats
from storage.db import Database
from storage.figures_store import Figures
from storage.latest_seen import LatestSeen
from storage.repository import Archive
from storage.sources.registry import SourceRegistry
from storage.stats import Statistics
from storage.users import Users
from storage.workers import WorkerProcess

Clock = Callable[[], dt.datetime]


_RESPONSE_TYPES: list[type] = []  # see settle_heap


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def settle_heap() -> None:
    """Build what replies would otherwise build again and again, then take what start-up built
    out of the garbage collector's generations (`bench.handlers`: p99 and updates/s).

    aiogram reads every Bot API answer with `Response[<the method's result type>]`, a pydantic
    class that pydantic keeps only while something else refers to it: a collection drops it
    and the next answer builds it again, 10-15 ms each time. Kept here, they are built once
    (about 40 types, 90 ms). After the freeze a full collection walks only what updates create.
    """
    if not _RESPONSE_TYPES:
        _RESPONSE_TYPES.extend(
            _response_type(method)
            for name in aiogram.methods.__all__
            if isinstance(method := getattr(aiogram.methods, name), type)
            and issubclass(method, TelegramMethod)
            and method is not TelegramMethod  # its __returning__ is only declared
            and hasattr(method, "__returning__")
        )
    gc.collect()
    gc.freeze()


def _response_type(method: type[TelegramMethod[Any]]) -> type:
    return Response[method.__returning__]  # type: ignore[name-defined]  # a runtime parameter


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


def make_dispatcher(
    settings: Settings,
    database: Database,
    *,
    clock: Clock = utc_now,
    extra_routers: Sequence[Router] = (),
    deliver_digests: bool = True,
) -> Dispatcher:
    """A fresh Dispatcher with fresh routers; dependencies arrive in handlers by name.

    `extra_routers` (tests) see updates before every feature router. `deliver_digests=False`
    (console mode) never starts the digest scheduler nor the source poller: no delivery is
    sent, recovered or planned.
    """
    # Handlers see storage only through these repositories and services, never the Database.
    digests = DigestScheduler(database, settings, clock=clock, delivers=deliver_digests)
    # Loads run in a worker process of their own, so a reload never stalls replies.
    loading = WorkerProcess("loading")
    reloader = Reloader(
        database,
        settings.seeds_dir,
        clock,
        digests.wake,
        worker=loading,
        token=settings.bot_token,  # kept out of the reload log's error texts
    )
    users = Users(database)
    chats = Chats(
        database,
        default_tz=settings.default_timezone,
        max_subscriptions=settings.max_subscriptions_per_chat,
    )
    source_registry = SourceRegistry(database)
    languages = ChatLanguages(chats, users)
    source_poller = SourcePoller(source_registry, settings, reloader, clock, languages=languages)
    archive = Archive(database.reader)
    figures = Figures(database.reader)
    selections = LastSelections()
    metrics = Metrics()
    dispatcher = Dispatcher(
        settings=settings,
        clock=clock,
        archive=archive,
        users=users,
        chats=chats,
        statistics=Statistics(database),
        digests=digests,
        reloader=reloader,
        error_notifier=ErrorNotifier(settings.admin_chat_id, clock),
        source_registry=source_registry,
        source_poller=source_poller,
        figures=figures,
        charts=Charts(database, archive, figures),
        exports=Exports(database),
        selections=selections,
        metrics=metrics,
        latest_seen=LatestSeen(database),
    )
    # Operations: updates in flight finish before anything stops (the first shutdown hook).
    in_flight = InFlight()
    dispatcher.update.outer_middleware(in_flight)
    dispatcher.shutdown.register(in_flight.drain)
    dispatcher.update.outer_middleware(RecordSelections(selections))  # for /export
    dispatcher.update.outer_middleware(LanguageMiddleware(users, clock))
    dispatcher.startup.register(admin.set_admin_menu)
    dispatcher.startup.register(set_command_menu)
    dispatcher.startup.register(reloader.load_when_empty)
    if deliver_digests:
        dispatcher.startup.register(digests.start)  # after the seeds: they are not news
        dispatcher.startup.register(source_poller.start)  # after the digests: it wakes them
    # Always: a console's "check now" or /source_add opens the fetcher, which this closes.
    dispatcher.shutdown.register(source_poller.stop)
    if deliver_digests:
        dispatcher.shutdown.register(digests.stop)
    dispatcher.shutdown.register(loading.close)
    dispatcher.include_routers(*extra_routers, *make_routers())
    # After the routers: it names the handler of each update, and counts every update.
    metrics.instrument(dispatcher)
    return dispatcher
