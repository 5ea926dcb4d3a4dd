"""A worker process for the archive's heavy work (loads, source checks): the bot only waits.

Reading articles, fetching and extracting pages, the SQL of a load, the full-text stems its
triggers compute (a Python function, run by the process that writes), story grouping and
figures are all pure Python: in a thread of the bot's process they hold the interpreter lock,
and every reply waits its turn. In a worker process they run beside the bot instead, at a lower
CPU priority, so users' commands win the cores; the worker writes to the database on its own
connections (SQLite in WAL mode keeps the bot's readers on their snapshot meanwhile).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Result = TypeVar("Result")

NICENESS = 10  # background work: any process at the normal priority gets the CPU first
PARENT_CHECK_SECONDS = 1.0
STOP_SECONDS = 2.0
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class WorkerDied(RuntimeError):
    """The worker process ended in the middle of a job (killed, out of memory); the job's
    writes were rolled back by SQLite, and the next job starts a new worker."""


class WorkerProcess:
    """One spawned process that runs jobs one at a time, started on first use.

    Spawned (not forked), so it never inherits the bot's threads, connections or locks; it
    imports the code of its jobs once and keeps it for the next ones. A job whose caller is
    cancelled (the bot stops) ends with the process, so nothing outlives the bot.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = asyncio.Lock()

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs (for a benchmark to read its CPU time)."""
        return self._process.pid if self._process is not None else None

    async def run(self, function: Callable[..., Result], *args: Any) -> Result:
        """`function(*args)` in the worker: a module-level function, picklable values.

        An exception the job raised is raised here; WorkerDied when the process ended.
        """
        async with self._lock:
            connection, process = self._started()
            try:
                connection.send((function, args))
                ok, value = await _answer(connection, process)
            except BaseException:
                self.close()  # a job must not go on without its caller
                raise
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _started(self) -> tuple[Connection, BaseProcess]:
        if self._process is not None and self._process.is_alive() and self._connection:
            return self._connection, self._process
        self.close()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        level = logging.getLogger().getEffectiveLevel()
        self._process = context.Process(
            target=serve, args=(theirs, os.getpid(), level), name=self.name, daemon=True
        )
        self._process.start()
        theirs.close()
        self._connection = ours
        return ours, self._process

    def close(self) -> None:
        """Stop the worker; a job in progress ends unfinished (its transaction rolled back)."""
        process, self._process = self._process, None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if process is None:
            return
        process.terminate()
        process.join(STOP_SECONDS)
        if process.is_alive():
            process.kill()
            process.join(STOP_SECONDS)


async def _answer(connection: Connection, process: BaseProcess) -> tuple[bool, Any]:
    """The worker's answer, waited for without a thread; WorkerDied when the process ends
    without one (its end is watched too: a worker that dies before it has taken its end of
    the pipe would never close it)."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def on_ready() -> None:
        if not ready.done():
            ready.set_result(None)

    descriptors = (connection.fileno(), process.sentinel)
    for descriptor in descriptors:
        loop.add_reader(descriptor, on_ready)
    try:
        await ready
    finally:
        for descriptor in descriptors:
            loop.remove_reader(descriptor)
    try:
        if connection.poll():
            answer: tuple[bool, Any] = connection.recv()
            return answer
    except (EOFError, OSError):
        pass
    raise WorkerDied("the worker process stopped in the middle of a job")


def serve(connection: Connection, parent: int, log_level: int) -> None:
    """The worker's loop: a lower priority, an end with the bot, then jobs until closed."""
    lower_priority()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the bot, which stops us
    logging.basicConfig(level=log_level, format=LOG_FORMAT)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        except Exception as error:  # a job this process cannot even unpickle
            connection.send((False, RuntimeError(f"unreadable job: {error!r}")))
            continue
        try:
            function, args = job
            answer = (True, function(*args))
        except Exception as error:  # the caller decides; the worker serves the next job
            answer = (False, _picklable(error))
        try:
            connection.send(answer)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            connection.send((False, RuntimeError(f"unpicklable result: {error}")))


def lower_priority() -> None:
    """This process (and the threads it starts later) yields the CPU to the bot's own.

    `nice` everywhere; on Linux also SCHED_IDLE, the policy of work that runs only when nothing
    else wants the core: a user's command that wakes the bot takes the core from the worker at
    once, where a niced worker may finish its time slice first. With two cores or more, the
    first one is left to the bot: its replies then need not even take a core from a worker,
    nor find its caches filled by one. Not permitted: normal priority, every core.
    """
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    if hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    if hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        if len(cores) > 1:
            with contextlib.suppress(OSError):
                os.sched_setaffinity(0, cores[1:])


def _picklable(error: Exception) -> Exception:
    """The error itself when it survives the trip to the bot, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _exit_with(parent: int) -> None:
    # A bot killed with SIGKILL cannot stop its worker: it notices it was orphaned.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)
