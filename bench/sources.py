"""Sources benchmark: /region p99 while 20 sources × 50 items are checked, and items/s.

    .venv/bin/python -m bench.sources                      # 20 sites × 50 items, 1 request/s/site
    .venv/bin/python -m bench.sources --host-interval 0    # the fetching path without pacing
    .venv/bin/python -m bench.sources --in-process         # check and load in the bot's process

Twenty news sites run on 127.0.0.1 in a process of their own (bench/news_sites.py; one port
each, so each is its own host for the pacing), each with an RSS feed of 50 article pages with
site chrome around the text, half of them about cooperation across the border. /region goes
through the real dispatcher with the recording session in place of Telegram, in this process
(the bot's): idle, then while every source is checked and its kept articles are loaded into the
archive (in the bot's worker processes), then idle again.

On a machine shared with other work, the load of the others changes within seconds, and a p99
taken before the check is compared with one taken under another load. So, during the check,
the worker processes are also stopped (SIGSTOP) every other `--window` seconds: the commands
answered then are the idle figure under the same load, and the ratio judged is the p99 while
the workers run over the p99 while they are stopped. The ratio against idle before and after
the check, the load average, and the CPU time this process spent outside its commands are
printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.figures import machine_load, percentile99, process_cpu_seconds, target_verdict
from bench.news_sites import news_sites
from bot.app import make_bot, make_dispatcher, utc_now
from bot.config import Settings
from bot.sources.poller import SourcePoller
from storage.db import Database
from storage.loader import load_directory
from tests.fakes import RecordingSession, make_message, make_update, make_user

RATIO_TARGET = 1.2
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REGIONS = ("Астрахань", "Атырау", "Костанай", "Омск", "Челябинск", "Оренбург")


@dataclass
class Phase:
    """Commands answered in one condition: their milliseconds, and this process's CPU time."""

    timings: list[float] = field(default_factory=list)
    seconds: float = 0.0
    cpu: float = 0.0  # of this process, all its threads
    command_cpu: float = 0.0  # of it, while a command was being answered

    def other_cpu_ms_per_s(self) -> float:
        """CPU time this process spent on anything but the commands, per second of the phase."""
        return (self.cpu - self.command_cpu) * 1000 / self.seconds if self.seconds else 0.0


class Commands:
    """/region commands at a user's pace, recorded into a phase."""

    def __init__(self, dispatcher, bot) -> None:  # type: ignore[no-untyped-def]
        self.dispatcher, self.bot = dispatcher, bot
        self.number = 0

    async def run(self, phase: Phase, until: Callable[[], bool]) -> None:
        began, began_cpu = time.perf_counter(), time.process_time()
        while not until():
            text = f"/region {REGIONS[self.number % len(REGIONS)]}"
            self.number += 1
            update = make_update(make_message(text, user=make_user(7, "ru")))
            started, cpu = time.perf_counter(), time.process_time()
            await self.dispatcher.feed_update(self.bot, update)
            phase.timings.append((time.perf_counter() - started) * 1000)
            phase.command_cpu += time.process_time() - cpu
            await asyncio.sleep(0.01)  # a user's pace, so the check has the loop too
        phase.seconds += time.perf_counter() - began
        phase.cpu += time.process_time() - began_cpu

    async def for_seconds(self, phase: Phase, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        await self.run(phase, lambda: time.monotonic() > deadline)


@dataclass
class Run:
    idle: Phase  # before and after the check
    busy: Phase  # the workers running
    stopped: Phase  # during the check, the workers stopped
    seconds: float  # of the check, the workers' stopped time excluded
    worker_cpu_seconds: float
    seen: int
    kept: int


def worker_pids(poller: SourcePoller) -> list[int]:
    workers = (poller.worker, poller.reloader.worker)
    return [w.pid for w in workers if w is not None and w.pid is not None]


@contextmanager
def workers_stopped(poller: SourcePoller) -> Iterator[None]:
    pids = worker_pids(poller)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


async def during_check(
    commands: Commands, poller: SourcePoller, check: asyncio.Task[object], window: float
) -> tuple[Phase, Phase]:
    """Commands while the check runs, and (every other window) while its workers are stopped."""
    busy, stopped = Phase(), Phase()
    deadline = 0.0

    def window_over() -> bool:
        return check.done() or time.monotonic() > deadline

    while not check.done():
        deadline = time.monotonic() + window if window else float("inf")
        await commands.run(busy, window_over)
        if window and not check.done():
            with workers_stopped(poller):
                await commands.for_seconds(stopped, window)
    return busy, stopped


async def measure(args: argparse.Namespace, root: Path) -> Run:
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    settings = Settings(
        _env_file=None,
        bot_token="123456:bench", database_path=root / "archive.sqlite3", seeds_dir=seeds,
        allow_private_sources=True, source_host_interval_seconds=args.host_interval,
        source_timeout_seconds=10,
    )  # fmt: skip
    database = await Database.open(settings.database_path)
    await load_directory(database, seeds)
    session = RecordingSession()
    bot = make_bot(settings, session)
    dispatcher = make_dispatcher(settings, database)
    poller: SourcePoller = dispatcher["source_poller"]
    async with AsyncExitStack() as stack:
        bases = await stack.enter_async_context(news_sites(args.sites, args.items))
        for base in bases:
            await poller.registry.add(
                f"{base}/feed.xml", base, "feed", interval=1800, now=utc_now(), limit=1000
            )
        await poller.open(bot, processes=args.processes)
        if not args.processes:
            poller.reloader.worker = None
        stack.push_async_callback(poller.stop)
        stack.callback(poller.reloader.worker.close if poller.reloader.worker else lambda: None)
        await poller.warm_up()  # the worker processes start once per bot, not per check
        commands, idle = Commands(dispatcher, bot), Phase()
        await commands.for_seconds(idle, args.idle_seconds / 2)
        session.clear()
        worker_cpu = sum(map(process_cpu_seconds, worker_pids(poller)))
        started = time.perf_counter()
        check = asyncio.create_task(poller.check(await poller.registry.all()))
        window = args.window if args.processes else 0.0
        busy, stopped = await during_check(commands, poller, check, window)
        results = await check
        seconds = time.perf_counter() - started - stopped.seconds
        worker_cpu = sum(map(process_cpu_seconds, worker_pids(poller))) - worker_cpu
        await commands.for_seconds(idle, args.idle_seconds / 2)
    await bot.session.close()
    seen = sum(s.items_seen for s in await poller.registry.all())
    kept = sum(len(r.kept_files) for r in results)
    await database.close()
    return Run(idle, busy, stopped, seconds, worker_cpu, seen, kept)


def report(run: Run, args: argparse.Namespace) -> bool:
    phases = [("idle (before, after)", run.idle), ("during a check", run.busy)]
    if run.stopped.timings:
        phases.append(("check, workers stopped", run.stopped))
    for label, phase in phases:
        timings = phase.timings
        print(
            f"/region {label:<22} p50 {statistics.median(timings):6.2f} ms  "
            f"p99 {percentile99(timings):6.2f} ms  ({len(timings)} commands; this process's "
            f"CPU outside commands {phase.other_cpu_ms_per_s():.0f} ms/s)"
        )
    busy_p99 = percentile99(run.busy.timings)
    ratio = busy_p99 / percentile99(run.idle.timings)
    print(f"p99 during a check / idle before and after: {ratio:.2f}x")
    if run.stopped.timings:
        ratio = busy_p99 / percentile99(run.stopped.timings)
        print(f"p99 while the workers run / while they are stopped, same load: {ratio:.2f}x")
    print(f"(target <= {RATIO_TARGET}x) {target_verdict(ratio <= RATIO_TARGET)}")
    where = "worker processes" if args.processes else "the bot's own process"
    print(
        f"fetch to archive: {run.seen} items ({run.kept} kept) from {args.sites} sources "
        f"in {run.seconds:.1f} s = {run.seen / run.seconds:.1f} items/s "
        f"(host interval {args.host_interval:g} s; check in {where}; CPU of the workers "
        f"{run.worker_cpu_seconds:.1f} s)"
    )
    return ratio <= RATIO_TARGET


async def main(args: argparse.Namespace) -> bool:
    root = Path(tempfile.mkdtemp(prefix="bench-sources-"))
    print(f"before: {machine_load()}")
    try:
        run = await measure(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"after:  {machine_load()}")
    return report(run, args)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sources",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--host-interval", type=float, default=1.0)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument(
        "--window", type=float, default=2.0,
        help="seconds the workers run, then are stopped, in turn during the check (0: never)",
    )  # fmt: skip
    parser.add_argument(
        "--in-process", dest="processes", action="store_false",
        help="check and load in the bot's own process (threads), for comparison",
    )  # fmt: skip
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
