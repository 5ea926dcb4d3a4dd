"""The digest scheduler: a background task that plans due digests and delivers the outbox."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from dataclasses import replace

import aiosqlite
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession

from bot.config import Settings
from bot.digest.pacing import Pacer, Sleep
from bot.digest.schedule import next_due, schedule_of
from bot.digest.sender import Clock, Sender, Target
from bot.texts import t
from bot.views.digest import compose_digest
from storage import outbox, story_outlets, subscriptions
from storage.db import Database
from storage.models import ArticleCard
from storage.repository import Archive
from storage.story_outlets import Outlet

logger = logging.getLogger(__name__)

TICK = 5.0  # seconds between two looks at the database when nobody calls wake()
STOP_GRACE = 5.0  # seconds a message being sent at shutdown may take to finish


def sender_lane(bot: Bot) -> Bot:
    """A Bot like `bot` with its own HTTP connections, so a fan-out never delays replies.

    A test session (not aiohttp) is shared as it is: it has no connections to starve.
    """
    if not isinstance(bot.session, AiohttpSession):
        return bot
    session = AiohttpSession(api=bot.session.api)
    for middleware in bot.session.middleware:  # the same retries and metrics as replies
        session.middleware(middleware)
    return Bot(token=bot.token, session=session, default=bot.default)


class DigestScheduler:
    """Owned by the dispatcher: `start` on startup, `stop` on shutdown, `wake` after a load.

    Each round plans what is due (new articles for instant chats, scheduled digests whose time
    has come) into the outbox, then workers deliver every chat with pending rows, one chat per
    worker at a time, all sharing one `Pacer`. Articles loaded by another process are noticed
    on the next tick, since planning compares article ids with each chat's cursor.
    """

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        clock: Clock,
        tick: float = TICK,
        pacer: Pacer | None = None,
        sleep: Sleep = asyncio.sleep,
        delivers: bool = True,
    ) -> None:
        self.database = database
        self.delivers = delivers  # False: console mode, never started, never plans
        self.pacer = pacer or Pacer(settings.send_rate, sleep=sleep)
        self._send_timeout = settings.send_timeout
        self._sleep = sleep
        self.tick = tick
        self.sender: Sender | None = None
        self._clock = clock
        self._workers = max(4, math.ceil(settings.send_rate))
        self._wakeup = asyncio.Event()
        self._queue: asyncio.Queue[int | None] = asyncio.Queue()
        self._queued: set[int] = set()
        self._notices: set[int] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False
        self._card_cache: dict[int, ArticleCard] = {}
        self._outlet_cache: dict[int, Outlet] = {}
        self._reader: aiosqlite.Connection | None = None

    @property
    def reader(self) -> aiosqlite.Connection:
        """The engine's own read connection once started (the shared reader before)."""
        return self._reader or self.database.reader

    @property
    def alive(self) -> bool:
        """Started and none of its tasks has ended (the health check asks)."""
        return bool(self._tasks) and not any(task.done() for task in self._tasks)

    def wake(self) -> None:
        """Look for new articles now instead of at the next tick."""
        self._wakeup.set()

    async def start(self, bot: Bot) -> None:
        """Startup hook: finish what a crash interrupted, then run in the background."""
        interrupted = await outbox.recover(self.database)
        if interrupted:
            logger.warning(
                "%d deliveries were in flight at the last stop: marked uncertain", interrupted
            )
        lane = sender_lane(bot)
        if lane is not bot:  # a real lane reads on its own connection too; a test shares all
            self._reader = await self.database.open_reader()
        self.sender = Sender(
            lane,
            self.database,
            self.pacer,
            clock=self._clock,
            sleep=self._sleep,
            timeout=self._send_timeout,
        )
        self._stopping = False
        self._queue = asyncio.Queue()  # no stop signals left over from an earlier run
        self._queued.clear()
        self._tasks = [asyncio.create_task(self._worker()) for _ in range(self._workers)]
        self._tasks.append(asyncio.create_task(self._loop()))

    async def stop(self) -> None:
        """Shutdown hook: let messages in flight finish (briefly), then cancel everything."""
        self._stopping = True
        for _ in range(self._workers):
            self._queue.put_nowait(None)
        if self._tasks:
            _, late = await asyncio.wait(self._tasks[:-1], timeout=STOP_GRACE)
            for task in [*late, self._tasks[-1]]:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        if self.sender is not None and isinstance(self.sender.bot.session, AiohttpSession):
            await self.sender.bot.session.close()
        if self._reader is not None:
            await self._reader.close()
            self._reader = None

    def sending(self, chat_id: int) -> bool:
        """True while a digest of the chat is queued or on its way."""
        return chat_id in self._queued

    async def send_now(self, chat_id: int) -> int | None:
        """/digest: plan the chat's pending digest now and queue it; how many articles it has.

        None while one is already queued or on its way (nothing planned: the next one brings
        anything newer); 0 in console mode (`delivers=False`): nothing is planned then.
        """
        if self.sending(chat_id):
            return None
        if not self.delivers:
            return 0
        await outbox.plan_chat(self.database, chat_id, self._clock())
        count = len(await outbox.pending(self.reader, chat_id))
        if count:
            self._enqueue(chat_id)
        return count

    async def run_once(self) -> None:
        """Plan everything due and wait until the workers have delivered it (tests, benches)."""
        await self._plan()
        await self._queue.join()

    async def _loop(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                await self._plan()
            except Exception:
                logger.exception("planning digests failed; trying again at the next tick")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), self.tick)

    async def _plan(self) -> None:
        self._card_cache = {}  # a reload may have changed an article: read it afresh
        self._outlet_cache = {}
        now = self._clock()
        added = await outbox.plan_instant(self.database, now)
        if added:
            logger.info("planned %d instant deliveries", added)
        for chat_id in await outbox.due_chats(self.reader, now):
            await self._plan_scheduled(chat_id)
        for chat_id in await outbox.chats_with_pending(self.reader):
            self._enqueue(chat_id)

    async def _plan_scheduled(self, chat_id: int) -> None:
        chat = await subscriptions.chat(self.reader, chat_id)
        if chat is None:
            return
        now = self._clock()
        due = next_due(schedule_of(chat), now)
        added = await outbox.plan_chat(self.database, chat_id, now, next_due=due)
        if not added and chat.send_empty:
            self._notices.add(chat_id)
            self._enqueue(chat_id)

    def _enqueue(self, chat_id: int) -> None:
        if chat_id not in self._queued:
            self._queued.add(chat_id)
            self._queue.put_nowait(chat_id)

    async def _cards(self, ids: list[int]) -> list[ArticleCard]:
        """Cards of these articles, read once per round for the whole fan-out."""
        missing = [i for i in ids if i not in self._card_cache]
        for card in await Archive(self.reader).cards(missing):
            self._card_cache[card.id] = card
        for outlet in await story_outlets.outlets(self.reader, missing):
            self._outlet_cache[outlet.article_id] = outlet
        return [self._card_cache[i] for i in ids if i in self._card_cache]

    async def _worker(self) -> None:
        while True:
            chat_id = await self._queue.get()
            try:
                if chat_id is None or self._stopping:
                    return
                await self._deliver(chat_id)
            except Exception:
                logger.exception("delivering the digest of chat %s failed", chat_id)
            finally:
                self._queued.discard(chat_id or 0)
                self._queue.task_done()

    async def _deliver(self, chat_id: int) -> None:
        """Send a chat everything pending for it, as one digest of a few messages at most."""
        reader = self.reader
        chat = await subscriptions.chat(reader, chat_id)
        if chat is None or not chat.active or self.sender is None:
            return
        target = Target(chat.id, chat.thread_id, group=chat.type != "private")
        ids = await outbox.pending(reader, chat_id)
        if not ids:
            if chat_id in self._notices:
                self._notices.discard(chat_id)
                await self.sender.send(target, t(chat.lang, "digest.nothing_new"))
            return
        cards = await self._cards(ids)
        if removed := sorted(set(ids) - {card.id for card in cards}):
            await outbox.mark_failed(self.database, chat_id, removed, "article removed")
        follows = await subscriptions.subscriptions(reader, chat_id)
        username = (await self.sender.bot.me()).username
        outlets = {c.id: found for c in cards if (found := self._outlet_cache.get(c.id))}
        digest = compose_digest(cards, follows, chat.lang, username=username, outlets=outlets)
        for message in digest:
            if self._stopping:
                return
            delivery = await self.sender.send(target, message.text, message.article_ids)
            if delivery.status == "inactive":
                return
            target = replace(target, chat_id=delivery.chat_id)
