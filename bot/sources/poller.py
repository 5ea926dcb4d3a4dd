"""The sources loop: checks due sources in the background, loads what they kept, tells admins."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.config import Settings
from bot.html import escape
from bot.reloader import Reloader
from bot.texts import DEFAULT_LANGUAGE, t
from bot.views.render import shorten
from bot.views.sources import error_text
from storage.sources.addresses import check_host, checked_url, redact
from storage.sources.article_file import file_name
from storage.sources.checking import CheckResult, SourceChecker, probe, read_page, write_seed
from storage.sources.fetching import Fetcher
from storage.sources.registry import Source, SourceRegistry

logger = logging.getLogger(__name__)

TICK = 30.0  # seconds between two looks for due sources when nobody calls wake()
WORKER_NICE = 10
WARM_UP_PAGE = (
    "<html><body><article><h1>Аким и губернатор провели встречу</h1><p>Аким Костанайской "
    "области и губернатор Челябинской области провели встречу.</p></article></body></html>"
).encode()


class SourcePoller:
    """Owned by the dispatcher: `start` on startup, `stop` on shutdown, `wake` after a change.

    Due sources are checked together (the fetcher keeps a few requests in flight and paces each
    site); articles they kept are then loaded through the reloader, like a /reload, which wakes
    the digests. A source paused by repeated failures is announced to the admins once.
    """

    def __init__(
        self,
        registry: SourceRegistry,
        settings: Settings,
        reloader: Reloader,
        clock: Callable[[], dt.datetime],
        *,
        tick: float = TICK,
    ) -> None:
        self.registry = registry
        self.settings = settings
        self.reloader = reloader
        self.tick = tick
        self.fetcher = new_fetcher(settings)
        self._clock = clock
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._bot: Bot | None = None
        self._lock = asyncio.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def wake(self) -> None:
        self._wakeup.set()

    async def open(self, bot: Bot, *, processes: bool = False) -> None:
        """Ready to check, the loop not running: notices go to `bot`; pages are read in a
        worker process when `processes` (else in threads, which is lighter for tests)."""
        self._bot = bot
        if processes and self._pool is None:
            # spawn, not fork: the bot process has threads (SQLite connections) at this point.
            # A niced worker gives the CPU to the bot's own process whenever both want it.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=os.nice, initargs=(WORKER_NICE,)
            )

    async def warm_up(self) -> None:
        """Start the worker process and its reader now rather than at the first check."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._pool, read_page, WARM_UP_PAGE, "utf-8", "", None)

    async def start(self, bot: Bot) -> None:
        """Startup hook: run the loop in the background."""
        await self.open(bot, processes=True)
        self._task = asyncio.create_task(self._loop(), name="sources")

    async def stop(self) -> None:
        """Shutdown hook: cancel the loop (a check in flight is simply redone next time)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.fetcher.close()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    async def add(self, address: str, name: str) -> Source:
        """Follow the feed, sitemap or page of links at `address` (named `name`, or by its own
        title), checked at once. Raises RefusedAddress, FetchFailed, UnusableListing,
        SourceExists or SourceLimitReached, each safe to log (no credentials in them)."""
        url = checked_url(address)
        await check_host(url, allow_private=self.settings.allow_private_sources)
        found = await probe(self.fetcher, url)
        source_id = await self.registry.add(
            url,
            shorten(name, 100) or found.title,
            found.kind,
            interval=self.settings.source_interval_minutes * 60,
            now=self._clock(),
            limit=self.settings.max_sources,
        )
        self.wake()
        source = await self.registry.get(source_id)
        assert source is not None  # just added; only an admin removes sources
        return source

    async def set_paused(self, source: Source, paused: bool) -> None:
        """Pause a source, or resume it (and check it now)."""
        await self.registry.set_paused(source.id, paused, self._clock())
        if not paused:
            self.wake()

    async def check(self, sources: list[Source]) -> list[CheckResult]:
        """Check these sources now, load what they kept, and announce new pauses."""
        async with self._lock:
            # Read again under the lock: a check that ran meanwhile moved validators and counts.
            fresh = [await self.registry.get(source.id) for source in sources]
            sources = [source for source in fresh if source is not None]
            seeds = self.reloader.seeds_dir
            checker = SourceChecker(self.registry, self.fetcher, seeds, self._pool)
            now = self._clock()
            results = await asyncio.gather(*(checker.check(source, now) for source in sources))
            if any(result.kept_files for result in results):
                await self.reloader.reload("reload", wait=True)
            for source, result in zip(sources, results, strict=True):
                if result.paused_now:
                    await self._announce_pause(source, result)
            return list(results)

    async def force_keep(self, item_id: int) -> str | None:
        """Keep a rejected item anyway (an admin's decision): its title, or None when its
        text is no longer stored."""
        item = await self.registry.rejected_text(item_id)
        if item is None:
            return None
        name = file_name(item.url)
        await asyncio.to_thread(write_seed, self.reloader.seeds_dir, name, item.text)
        await self.registry.mark_force_kept(item_id, item.source_id, name)
        await self.reloader.reload("reload", wait=True)
        return item.text.split("\n", 1)[0]

    async def _loop(self) -> None:
        while True:
            try:
                due = await self.registry.due(self._clock())
                if due:
                    await self.check(due)
            except Exception:
                logger.exception("checking the sources failed; trying again later")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), self.tick)
            self._wakeup.clear()

    async def _announce_pause(self, source: Source, result: CheckResult) -> None:
        if not await self.registry.claim_pause_notice(source.id):
            return
        logger.warning("source %s paused after repeated failures", redact(source.url))
        text = t(
            DEFAULT_LANGUAGE,
            "sources.paused_notice",
            name=escape(source.name),
            url=escape(redact(source.url)),
            error=error_text(result.error or "", DEFAULT_LANGUAGE),
        )
        for chat_id in self._admin_chats():
            try:
                if self._bot is not None:
                    await self._bot.send_message(chat_id, text)
            except TelegramAPIError as error:
                logger.warning("could not tell chat %s about a paused source: %s", chat_id, error)

    def _admin_chats(self) -> tuple[int, ...]:
        if self.settings.admin_chat_id is not None:
            return (self.settings.admin_chat_id,)
        return self.settings.admin_ids


def new_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(
        timeout=settings.source_timeout_seconds,
        host_interval=settings.source_host_interval_seconds,
        allow_private=settings.allow_private_sources,
    )
