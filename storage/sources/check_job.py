"""Checking several sources together, here or as a job in a worker process of the bot."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from storage.db import Database
from storage.sources.checking import CheckResult, SourceChecker
from storage.sources.fetching import Fetcher
from storage.sources.registry import SourceRegistry


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How a fetcher behaves (the bot's settings, as a worker process receives them)."""

    timeout: float
    host_interval: float
    allow_private: bool = False

    def fetcher(self) -> Fetcher:
        return Fetcher(
            timeout=self.timeout,
            host_interval=self.host_interval,
            allow_private=self.allow_private,
        )


@dataclass(frozen=True, slots=True)
class CheckJob:
    """Everything a worker process needs to check sources: picklable values only."""

    database_path: Path
    seeds_dir: Path
    source_ids: tuple[int, ...]
    now: dt.datetime
    fetching: FetchSettings


async def check_sources(
    registry: SourceRegistry,
    fetcher: Fetcher,
    seeds_dir: Path,
    source_ids: Sequence[int],
    now: dt.datetime,
    executor: Executor | None = None,
) -> list[CheckResult]:
    """Check these sources together, as the registry has them now (a check that ran meanwhile
    moved their validators and counts); kept articles are written into `seeds_dir`, loading
    them is the caller's job. A source removed meanwhile is skipped."""
    found = [await registry.get(source_id) for source_id in source_ids]
    sources = [source for source in found if source is not None]
    checker = SourceChecker(registry, fetcher, seeds_dir, executor)
    return list(await asyncio.gather(*(checker.check(source, now) for source in sources)))


def check_in_this_process(job: CheckJob) -> list[CheckResult]:
    """A worker's job: the whole check (fetching, extracting, judging, recording) on a
    fetcher and database connections of its own."""

    async def check() -> list[CheckResult]:
        database = await Database.open(job.database_path, migrate=False)
        try:
            async with job.fetching.fetcher() as fetcher:
                registry = SourceRegistry(database)
                return await check_sources(
                    registry, fetcher, job.seeds_dir, job.source_ids, job.now
                )
        finally:
            await database.close(checkpoint=False)

    return asyncio.run(check())
