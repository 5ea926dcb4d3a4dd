"""Graceful stop: updates being handled finish (for a bounded time) before anything closes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

logger = logging.getLogger(__name__)

DRAIN_TIMEOUT = 10.0  # seconds handlers may take to finish once a stop is asked for


class InFlight(BaseMiddleware):
    """An outer update middleware that knows how many updates are being handled right now.

    `drain` is the dispatcher's first shutdown hook: polling (or the webhook listener) has
    already stopped taking updates, and the digest scheduler and the database close after it.
    """

    def __init__(self, timeout: float = DRAIN_TIMEOUT) -> None:
        self.timeout = timeout
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self.count += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self.count -= 1
            if self.count == 0:
                self._idle.set()

    async def drain(self) -> None:
        """Wait until no update is being handled, or `timeout` seconds."""
        if self.count:
            logger.info("stopping: waiting for %d updates being handled", self.count)
        try:
            await asyncio.wait_for(self._idle.wait(), self.timeout)
        except TimeoutError:
            logger.warning("stopping: %d updates still being handled, not waited for", self.count)
