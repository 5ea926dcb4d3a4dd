"""Worker processes for reading article files, so a load never holds the bot's interpreter.

Reading is pure Python (regular expressions, tokenising, matching): run in a thread of the bot's
process it holds the interpreter lock, and every reply waits its turn. In worker processes it
runs beside the bot instead, at a lower priority, so users' commands win the CPU.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import concurrent.futures.process
import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNK = 50  # files per task: large enough to pay for the round trip, small enough to spread
PARENT_CHECK_SECONDS = 1.0
NICENESS = 5  # reading is background work: the bot's own process goes first


def default_processes() -> int:
    """One core is left to the bot's event loop; at least one worker."""
    return max(1, (os.cpu_count() or 2) - 1)


def _start_worker() -> None:
    """In each worker: a lower priority, and an end when the bot's process is gone."""
    with contextlib.suppress(OSError):  # not permitted here: run at the normal priority
        os.nice(NICENESS)
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    # A bot killed with SIGKILL cannot stop its workers: they notice they were orphaned.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


class ReadingWorkers:
    """A pool of worker processes, started on first use and stopped by `close`.

    Processes are spawned (not forked), so they never inherit the bot's threads, connections
    or locks; a worker imports the reading code once and keeps it for every later load.
    """

    def __init__(self, processes: int | None = None) -> None:
        self.processes = processes or default_processes()
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
        return self._pool

    async def run(self, function: Callable[[Item], Result], argument: Item) -> Result:
        """`function(argument)` in a worker (a module-level function, picklable values)."""
        loop = asyncio.get_running_loop()
        with self._renewed_when_broken():
            return await loop.run_in_executor(self._executor(), function, argument)

    async def map_chunks(
        self,
        function: Callable[[Sequence[Item]], Result],
        items: Sequence[Item],
        chunk: int = CHUNK,
    ) -> list[Result]:
        """`function` over consecutive chunks of `items` in the workers; results in order.

        `function` must be a module-level function, its arguments and results picklable.
        """
        loop = asyncio.get_running_loop()
        executor = self._executor()
        parts = [items[start : start + chunk] for start in range(0, len(items), chunk)]
        with self._renewed_when_broken():
            futures = [loop.run_in_executor(executor, function, part) for part in parts]
            return list(await asyncio.gather(*futures))

    @contextlib.contextmanager
    def _renewed_when_broken(self) -> Iterator[None]:
        """A worker that died (out of memory, killed) breaks the pool: this load fails, and
        the next one starts fresh workers instead of failing too."""
        try:
            yield
        except concurrent.futures.process.BrokenProcessPool:
            logger.error("a reading worker died; new workers will be started for the next load")
            self.close()
            raise

    def close(self) -> None:
        """Stop the workers; a load in progress fails rather than outliving the bot."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
