"""Retrying Bot API calls that Telegram's flood control refused (429) after `retry_after`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

_retrying: ContextVar[bool] = ContextVar("retrying_after_flood_control", default=True)


@contextlib.contextmanager
def no_retry() -> Iterator[None]:
    """Calls made inside see `TelegramRetryAfter` at once (a sender that paces itself)."""
    token = _retrying.set(False)
    try:
        yield
    finally:
        _retrying.reset(token)


class RetryAfterMiddleware(BaseRequestMiddleware):
    """On 429, wait `retry_after` seconds and send the same call again, a bounded number of times.

    A reply to a user is delayed by flood control but not lost. A wait longer than `max_wait`
    is not worth holding a handler for: the error is raised instead, as after the last attempt.
    Long polling is left alone (the dispatcher has its own backoff).
    """

    def __init__(
        self, *, max_attempts: int = 4, max_wait: float = 60.0, sleep: Sleep = asyncio.sleep
    ) -> None:
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if not self._should_retry(method, error, attempt):
                    raise
                logger.warning(
                    "Flood control on %s: retrying in %s s (attempt %s of %s)",
                    method.__api_method__,
                    error.retry_after,
                    attempt + 1,
                    self.max_attempts,
                )
                await self.sleep(error.retry_after)
                attempt += 1

    def _should_retry(
        self, method: TelegramMethod[TelegramType], error: TelegramRetryAfter, attempt: int
    ) -> bool:
        return (
            _retrying.get()
            and not isinstance(method, GetUpdates)
            and attempt < self.max_attempts
            and error.retry_after <= self.max_wait
        )
