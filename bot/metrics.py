"""Prometheus metrics: updates by type and handler, latency, Bot API errors, outbox, archive."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import TelegramObject, Update
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from storage.db import Database
from storage.health import archive_bytes, article_count, outbox_counts
from storage.stats import last_reload

PREFIX = "kzru_"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


@dataclass(slots=True)
class _UpdateScope:
    """Which handler took one update; filled in by the inner middleware, read by the outer."""

    handler: str = "unhandled"


class Metrics:
    """Every metric of one bot process, in its own registry (tests make many)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r, p = self.registry, PREFIX
        self.updates = Counter(
            f"{p}updates", "Updates handled, by type and handler", ["type", "handler"], registry=r
        )
        self.latency = Histogram(
            f"{p}handler_seconds",
            "Time from an update's arrival to its handler's end",
            ["handler"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.api_errors = Counter(
            f"{p}bot_api_errors", "Bot API calls that failed, by code", ["code"], registry=r
        )
        self.api_calls = Counter(f"{p}bot_api_calls", "Bot API calls", ["method"], registry=r)
        self.flood_waits = Counter(f"{p}flood_waits", "429 answers from Telegram", registry=r)
        self.outbox = Gauge(f"{p}outbox_rows", "Outbox rows by status", ["status"], registry=r)
        self.reload_seconds = Gauge(
            f"{p}last_reload_seconds", "Duration of the last reload", registry=r
        )
        self.archive_bytes = Gauge(f"{p}archive_bytes", "Archive file size on disk", registry=r)
        self.articles = Gauge(f"{p}articles", "Articles in the archive", registry=r)
        self.send_rate = Gauge(
            f"{p}digest_send_rate", "Digest messages per second now allowed", registry=r
        )
        self.last_api_success: float | None = None  # time.monotonic() of the last good call

    def seconds_since_api_success(self) -> float | None:
        if self.last_api_success is None:
            return None
        return time.monotonic() - self.last_api_success

    async def exposition(self, database: Database, send_rate: float) -> bytes:
        """The text format, with the database figures read now."""
        self.send_rate.set(send_rate)
        for status, count in (await outbox_counts(database.reader)).items():
            self.outbox.labels(status).set(count)
        reload = await last_reload(database.reader)
        if reload is not None:
            self.reload_seconds.set(reload.seconds)
        self.archive_bytes.set(archive_bytes(database.path))
        self.articles.set(await article_count(database.reader))
        return generate_latest(self.registry)

    def instrument(self, dispatcher: Dispatcher) -> None:
        """Count every update of `dispatcher` and time its handler (after routers are in)."""
        dispatcher.update.outer_middleware(_UpdateMetrics(self))
        naming = _HandlerName()
        for router in dispatcher.chain_tail:
            for name, observer in router.observers.items():
                if name not in {"update", "error"}:
                    observer.middleware(naming)

    def watch_session(self, bot: Bot) -> None:
        """Count this bot's Bot API calls and errors (innermost: each attempt is seen)."""
        bot.session.middleware(_ApiMetrics(self))


class _UpdateMetrics(BaseMiddleware):
    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        scope = data["metrics_scope"] = _UpdateScope()
        kind = event.event_type if isinstance(event, Update) else type(event).__name__
        started = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            self.metrics.updates.labels(kind, scope.handler).inc()
            self.metrics.latency.labels(scope.handler).observe(time.perf_counter() - started)


class _HandlerName(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        scope, chosen = data.get("metrics_scope"), data.get("handler")
        if isinstance(scope, _UpdateScope) and isinstance(chosen, HandlerObject):
            scope.handler = getattr(chosen.callback, "__name__", "handler")
        return await handler(event, data)


class _ApiMetrics(BaseRequestMiddleware):
    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        self.metrics.api_calls.labels(method.__api_method__).inc()
        try:
            response = await make_request(bot, method)
        except TelegramAPIError as error:
            self.metrics.api_errors.labels(_code(error)).inc()
            if isinstance(error, TelegramRetryAfter):
                self.metrics.flood_waits.inc()
            raise
        self.metrics.last_api_success = time.monotonic()
        return response


def _code(error: TelegramAPIError) -> str:
    """The HTTP code Telegram answered (aiogram maps each code to its own exception class)."""
    if isinstance(error, TelegramNetworkError):
        return "network"
    codes = {
        "TelegramBadRequest": "400",
        "TelegramUnauthorizedError": "401",
        "TelegramForbiddenError": "403",
        "TelegramNotFound": "404",
        "TelegramConflictError": "409",
        "TelegramEntityTooLarge": "413",
        "TelegramRetryAfter": "429",
        "TelegramMigrateToChat": "400",
        "TelegramServerError": "5xx",
    }
    return next((codes[k.__name__] for k in type(error).__mro__ if k.__name__ in codes), "other")
