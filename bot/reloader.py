"""Reloading the archive from the seeds folder: one at a time, logged, and waking the digests."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr

from bot.redaction import redact
from storage.db import Database
from storage.loader import LoadReport, TooManyRemovals, load_directory, warm_up
from storage.models import ArticleRecord
from storage.reading import read_article
from storage.repository import Archive
from storage.stats import ReloadEntry, record_reload
from storage.workers import WorkerProcess

logger = logging.getLogger(__name__)

ERROR_CHARS = 200  # of a failure's text kept in the reload log (shown in /stats)


class ReloadRunning(RuntimeError):
    """A reload was asked for while another one runs."""


class SeedsFolderMissing(FileNotFoundError):
    """`SEEDS_DIR` is not a folder: loading it would empty the archive, so nothing is done."""


class Reloader:
    """Runs `load_directory` over `SEEDS_DIR`, never two at once.

    The whole load (reading, writing, indexing) runs in `worker`, a process of its own, so it
    never holds the interpreter that answers users; it writes in one transaction, so reading
    commands (on the reader connection) keep answering meanwhile. Every run is written to the
    reload log with what started it (`reload`, `upload` or `source`); when it brought new
    articles, `on_new_articles` tells the digest scheduler to plan them. A failure's text is
    logged without `token` (an error of a download may carry its URL).
    """

    def __init__(
        self,
        database: Database,
        seeds_dir: Path,
        clock: Callable[[], dt.datetime],
        on_new_articles: Callable[[], None] | None = None,
        worker: WorkerProcess | None = None,
        token: SecretStr | None = None,
    ) -> None:
        self.database = database
        self.worker = worker
        self.seeds_dir = seeds_dir
        self.on_new_articles = on_new_articles
        self._clock = clock
        self._lock = asyncio.Lock()
        self._token = token

    async def reload(
        self, trigger: str = "reload", *, wait: bool = False, prune: bool = False
    ) -> LoadReport:
        """Load the seeds folder now.

        Raises `ReloadRunning` if a reload is under way, unless `wait` (an upload waits its
        turn rather than being refused: its file is already saved), and `TooManyRemovals`
        when it would remove too much of the archive, unless `prune`.
        """
        if self._lock.locked() and not wait:
            raise ReloadRunning
        async with self._lock:
            report = await self._load(trigger, prune)
        if report.new_article_ids and self.on_new_articles is not None:
            self.on_new_articles()
        return report

    async def warm_up(self) -> None:
        """Start the worker and its reader now rather than in the first load."""
        if self.worker is not None:
            await self.worker.run(warm_up)

    async def read(self, text: str) -> ArticleRecord:
        """The reading of one article text (an upload), in the worker when there is one."""
        if self.worker is None:
            return await asyncio.to_thread(read_article, text)
        return await self.worker.run(read_article, text)

    async def _load(self, trigger: str, prune: bool) -> LoadReport:
        try:
            if not self.seeds_dir.is_dir():
                raise SeedsFolderMissing(f"{self.seeds_dir} is not a folder")
            report = await load_directory(
                self.database, self.seeds_dir, prune=prune, worker=self.worker
            )
        except TooManyRemovals as refusal:
            logger.warning("%s load of %s refused: %s", trigger, self.seeds_dir, refusal)
            await self._log_failure(trigger, refusal)
            raise
        except Exception as error:
            logger.exception("%s load of %s failed", trigger, self.seeds_dir)
            await self._log_failure(trigger, error)
            raise
        logger.info(
            "%s load of %s: %d added, %d updated, %d removed, %d rejected in %.2fs",
            trigger,
            self.seeds_dir,
            len(report.added),
            len(report.updated),
            len(report.removed),
            len(report.rejected),
            report.seconds,
        )
        await self._log(_entry(report, trigger, self._clock()))
        return report

    async def load_when_empty(self) -> None:
        """Startup hook: a fresh archive starts with the articles of the seeds folder, so the
        bot has news to show (registered before the digests start: these are not news)."""
        empty = (await Archive(self.database.reader).coverage()).articles == 0
        if empty and self.seeds_dir.is_dir():
            await load_directory(self.database, self.seeds_dir, worker=self.worker)

    async def _log_failure(self, trigger: str, error: Exception) -> None:
        # Redacted before it is cut short, so no part of the token survives the cut.
        token = self._token.get_secret_value() if self._token is not None else ""
        text = redact(str(error), token)[:ERROR_CHARS]
        await self._log(ReloadEntry(self._clock(), trigger, ok=False, error=text))

    async def _log(self, entry: ReloadEntry) -> None:
        try:
            await record_reload(self.database, entry)
        except Exception:
            # The archive itself is loaded; a lost log line must not turn that into a failure.
            logger.exception("could not write the reload log")


def _entry(report: LoadReport, trigger: str, finished_at: dt.datetime) -> ReloadEntry:
    return ReloadEntry(
        finished_at=finished_at,
        trigger=trigger,
        ok=True,
        added=len(report.added),
        updated=len(report.updated),
        unchanged=len(report.unchanged),
        removed=len(report.removed),
        rejected=len(report.rejected),
        seconds=report.seconds,
    )
