"""The sources loop: checks due sources in a worker process, loads what they kept, tells admins."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable

from aiogram import Bot

from bot.config import Settings
from bot.reloader import Reloader
from bot.sources.notices import ChatLanguages, PauseNotices
from bot.views.render import shorten
from storage.sources.addresses import check_host, checked_url
from storage.sources.article_file import file_name
from storage.sources.check_job import CheckJob, FetchSettings, check_in_this_process, check_sources
from storage.sources.checking import CheckResult, probe, read_page, write_seed
from storage.sources.registry import Source, SourceRegistry
from storage.workers import WorkerProcess

logger = logging.getLogger(__name__)

TICK = 30.0  # seconds between two looks for due sources when nobody calls wake()
WARM_UP_PAGE = (
    "<html><body><article><h1>Аким и губернатор провели встречу</h1><p>Аким Костанайской "
    "области и губернатор Челябинской области провели встречу.</p></article></body></html>"
).encode()


class SourcePoller:
    """Owned by the dispatcher: `start` on startup, `stop` on shutdown, `wake` after a change.

    Due sources are checked together (the fetcher keeps a few requests in flight and paces each
    site) in a worker process of their own: fetching, extracting and judging pages never hold
    the interpreter that answers users. Articles they kept are then loaded through the
    reloader (in its own worker), logged as a source load, which wakes the digests. A source
    paused by repeated failures is announced to the admins once, in their chat's language.
    """

    def __init__(
        self,
        registry: SourceRegistry,
        settings: Settings,
        reloader: Reloader,
        clock: Callable[[], dt.datetime],
        *,
        tick: float = TICK,
        languages: ChatLanguages | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings
        self.reloader = reloader
        self.tick = tick
        self.fetching = FetchSettings(
            timeout=settings.source_timeout_seconds,
            host_interval=settings.source_host_interval_seconds,
            allow_private=settings.allow_private_sources,
        )
        self.fetcher = self.fetching.fetcher()  # /source_add's one look at an address
        self.notices = PauseNotices(settings, languages)
        self._clock = clock
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._bot: Bot | None = None
        self._lock = asyncio.Lock()
        self.worker: WorkerProcess | None = None

    def wake(self) -> None:
        self._wakeup.set()

    async def open(self, bot: Bot, *, processes: bool = False) -> None:
        """Ready to check, the loop not running: notices go to `bot`; checks run in a worker
        process when `processes` (else here, which is lighter for tests)."""
        self._bot = bot
        if processes and self.worker is None:
            self.worker = WorkerProcess("sources")

    async def warm_up(self) -> None:
        """Start the worker processes (checks, loads) now rather than at the first check."""
        if self.worker is not None:
            await self.worker.run(read_page, WARM_UP_PAGE, "utf-8", "", None)
        await self.reloader.warm_up()

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
        if self.worker is not None:
            self.worker.close()
            self.worker = None

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
            ids = tuple(source.id for source in sources)
            results = await self._check(ids)
            if any(result.kept_files for result in results):
                await self.reloader.reload("source", wait=True)
            for result in results:
                if result.paused_now:
                    await self._announce_pause(result)
            return results

    async def _check(self, ids: tuple[int, ...]) -> list[CheckResult]:
        seeds, now = self.reloader.seeds_dir, self._clock()
        if self.worker is None:
            return await check_sources(self.registry, self.fetcher, seeds, ids, now)
        job = CheckJob(self.registry.database.path, seeds, ids, now, self.fetching)
        return await self.worker.run(check_in_this_process, job)

    async def force_keep(self, item_id: int) -> str | None:
        """Keep a rejected item anyway (an admin's decision): its title, or None when its
        text is no longer stored."""
        item = await self.registry.rejected_text(item_id)
        if item is None:
            return None
        name = file_name(item.url)
        await asyncio.to_thread(write_seed, self.reloader.seeds_dir, name, item.text)
        await self.registry.mark_force_kept(item_id, item.source_id, name)
        await self.reloader.reload("source", wait=True)
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

    async def _announce_pause(self, result: CheckResult) -> None:
        source = await self.registry.get(result.source_id)
        if source is None or self._bot is None:
            return
        if await self.registry.claim_pause_notice(source.id):
            await self.notices.announce(self._bot, source, result.error or "")
