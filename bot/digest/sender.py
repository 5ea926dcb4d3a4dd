"""The one function that sends digest messages: paced, retried, and recorded in the outbox."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from aiogram import Bot
from aiogram.exceptions import (
    AiogramError,
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiohttp import ClientConnectorError

from bot.digest.pacing import Pacer, Sleep
from bot.retry import no_retry
from storage import outbox, subscriptions
from storage.db import Database

logger = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]

ATTEMPTS = 4  # requests per message when Telegram refuses it (5xx) or cannot be reached
BACKOFF = 1.0  # seconds before the second attempt; doubled each time
SEND_TIMEOUT = 30  # seconds a request may take before its outcome counts as unknown
_TROUBLE = (TelegramNetworkError, TelegramServerError, ClientDecodeError)
_GONE = ("chat not found", "user is deactivated", "bot was kicked", "peer_id_invalid")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a digest goes: a chat, and the forum topic it subscribed from."""

    chat_id: int
    thread_id: int | None = None
    group: bool = False


@dataclass(frozen=True, slots=True)
class Delivery:
    """What became of one message; `chat_id` is the new id when the group had migrated."""

    status: Literal["sent", "failed", "inactive", "uncertain"]
    chat_id: int
    message_id: int | None = None
    error: str | None = None


def refused(error: AiogramError) -> bool:
    """True when nothing was delivered: Telegram answered with a 5xx, or no connection was made.

    Otherwise (the connection dropped after the request went out, no answer in time, an
    answer that cannot be read) the message may have arrived and must not be sent again.
    """
    return isinstance(error, TelegramServerError) or isinstance(
        error.__cause__, ClientConnectorError
    )


class Sender:
    """Sends digest messages on its own Bot (its own connections), never the replies' lane.

    Each message carries outbox article ids: they are claimed just before each request and
    marked sent, put back, or failed according to Telegram's answer, so a crash leaves them
    pending unless a request was actually in flight.

    The rule for network trouble is "at most once": a request Telegram refused (429, a 5xx
    with an answer, a connection never made) is sent again; a request whose outcome cannot be
    known (the connection dropped after it was sent, no answer in time, an unreadable answer)
    is never repeated and its deliveries are recorded as uncertain.
    """

    def __init__(
        self,
        bot: Bot,
        database: Database,
        pacer: Pacer,
        *,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
        timeout: int = SEND_TIMEOUT,
    ) -> None:
        self.bot = bot
        self.pacer = pacer
        self._database = database
        self._clock = clock
        self._sleep = sleep
        self._timeout = timeout

    async def send(self, target: Target, text: str, article_ids: Sequence[int] = ()) -> Delivery:
        """Send one message, waiting out 429s in a loop; trouble is returned, never raised."""
        failures = 0
        while True:
            await self.pacer.wait_turn(target.chat_id, group=target.group)
            await outbox.claim(self._database, target.chat_id, article_ids)
            try:
                with no_retry():  # 429s are handled here, by slowing every sender down
                    message = await self.bot.send_message(
                        target.chat_id,
                        text,
                        message_thread_id=target.thread_id,
                        request_timeout=self._timeout,
                    )
            except TelegramRetryAfter as error:
                await self._refused(target, article_ids, f"429: retry after {error.retry_after}s")
                self.pacer.slow_down(error.retry_after)
            except TelegramMigrateToChat as error:
                target = await self._migrate(target, error.migrate_to_chat_id)
            except TelegramForbiddenError as error:
                return await self._inactive(target, error.message)
            except TelegramBadRequest as error:
                retry = await self._bad_request(target, article_ids, error.message)
                if isinstance(retry, Delivery):
                    return retry
                target = retry
            except _TROUBLE as error:
                if not refused(error):
                    return await self._uncertain(target, article_ids, str(error))
                failures += 1
                if failures >= ATTEMPTS:
                    return await self._failed(target, article_ids, str(error))
                await self._refused(target, article_ids, str(error))
                await self._sleep(BACKOFF * 2 ** (failures - 1))
            except AiogramError as error:
                return await self._failed(target, article_ids, str(error))
            else:
                self.pacer.succeeded()
                await outbox.mark_sent(
                    self._database, target.chat_id, article_ids, self._clock(), message.message_id
                )
                return Delivery("sent", target.chat_id, message.message_id)

    async def _bad_request(
        self, target: Target, article_ids: Sequence[int], error: str
    ) -> Delivery | Target:
        """A 400: the chat is gone, its topic is gone (send to the chat itself), or it failed."""
        if any(sign in error.lower() for sign in _GONE):
            return await self._inactive(target, error)
        if target.thread_id is not None and "thread not found" in error.lower():
            await self._refused(target, article_ids, error)
            return replace(target, thread_id=None)
        return await self._failed(target, article_ids, error)

    async def _refused(self, target: Target, article_ids: Sequence[int], error: str) -> None:
        logger.warning("digest to chat %s refused, will retry: %s", target.chat_id, error)
        await outbox.release(self._database, target.chat_id, article_ids, error)

    async def _migrate(self, target: Target, new_id: int) -> Target:
        logger.info(
            "chat %s became supergroup %s: moving its subscriptions", target.chat_id, new_id
        )
        await subscriptions.move_chat(self._database, target.chat_id, new_id)
        return replace(target, chat_id=new_id, group=True)

    async def _inactive(self, target: Target, reason: str) -> Delivery:
        logger.info("chat %s is gone (%s): pausing its digests", target.chat_id, reason)
        await subscriptions.deactivate(self._database, target.chat_id, reason)
        return Delivery("inactive", target.chat_id, error=reason)

    async def _uncertain(self, target: Target, article_ids: Sequence[int], error: str) -> Delivery:
        logger.warning("digest to chat %s may or may not have arrived: %s", target.chat_id, error)
        await outbox.mark_uncertain(self._database, target.chat_id, article_ids, error)
        return Delivery("uncertain", target.chat_id, error=error)

    async def _failed(self, target: Target, article_ids: Sequence[int], error: str) -> Delivery:
        logger.error("digest to chat %s failed: %s", target.chat_id, error)
        await outbox.mark_failed(self._database, target.chat_id, article_ids, error)
        return Delivery("failed", target.chat_id, error=error)
