"""Admin benchmark: /reload of a seeds folder, reads during a reload, and /stats at size.

    .venv/bin/python -m bench.admin                  # 2,000 files, then 500 more; /stats at 100k
    .venv/bin/python -m bench.admin --files 500 --stats-n 10000

Prints each figure next to its target:
- reload throughput (files read, stored and indexed per second) and a no-change reload;
- p95 of a reading query (latest articles, on the reader connection) while a reload of new files
  runs in the worker process, against the same query idle: reading commands must keep working
  during a reload. The worker is also stopped (SIGSTOP) every other `--window` seconds during
  the reload: the reads then are the idle figure under the same load of a shared machine, and
  the ratio judged is p95 while it runs over p95 while it is stopped;
- p50/p99 of every /stats query together, on an archive of `--stats-n` articles.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.archive import read_base, store
from bench.figures import (
    machine_load,
    percentile95,
    percentile99,
    process_cpu_seconds,
    target_verdict,
)
from bench.synthetic import synthetic_articles
from bot.reloader import Reloader
from storage.db import Database
from storage.models import Selection
from storage.repository import Archive
from storage.stats import admin_stats
from storage.workers import WorkerProcess

RELOAD_TARGET = 200  # files per second, reading included
UNCHANGED_TARGET_S = 1.0  # a reload that finds nothing new, for --files files
DURING_RATIO_TARGET = 3.0  # p95 of a read during a reload, relative to idle
STRETCH_RATIO = 1.5
STATS_TARGET_MS = 250  # p99 of /stats at --stats-n articles
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


def write_files(folder: Path, texts: list[str], prefix: str) -> None:
    for number, text in enumerate(texts):
        (folder / f"{prefix}{number:05d}.txt").write_text(text, encoding="utf-8")


READ_CPU = [0.0]  # CPU seconds of this process spent while a read was answered, all reads


async def timed_reads(archive: Archive, until: Callable[[list[float]], bool]) -> list[float]:
    """Milliseconds of `latest()` calls, until `until(timings so far)` says stop."""
    timings: list[float] = []
    while not until(timings):
        started, cpu = time.perf_counter(), time.process_time()
        await archive.articles(Selection())
        timings.append((time.perf_counter() - started) * 1000)
        READ_CPU[0] += time.process_time() - cpu
        await asyncio.sleep(0.005)  # a user's command every few milliseconds, not a tight loop
    return timings


async def reads(archive: Archive, count: int) -> list[float]:
    return await timed_reads(archive, lambda timings: len(timings) >= count)


def within(seconds: float, task: asyncio.Task[object]) -> Callable[[list[float]], bool]:
    deadline = time.monotonic() + seconds if seconds else float("inf")
    return lambda _: task.done() or time.monotonic() > deadline


async def reads_during(
    archive: Archive, task: asyncio.Task[object], pid: int | None, window: float
) -> tuple[list[float], list[float], float]:
    """Reads while the reload runs and, every other window, while its worker is stopped (the
    idle figure under the same machine load); and the seconds it was stopped."""
    running, stopped, stopped_seconds = [], [], 0.0
    while not task.done():
        running += await timed_reads(archive, within(window, task))
        if window and pid is not None and not task.done():
            began = time.monotonic()
            os.kill(pid, signal.SIGSTOP)
            try:
                stopped += await timed_reads(archive, within(window, task))
            finally:
                os.kill(pid, signal.SIGCONT)
                stopped_seconds += time.monotonic() - began
    return running, stopped, stopped_seconds


async def reloads(folder: Path, files: int, more: int, in_process: bool, window: float) -> None:
    database = await Database.open(folder / "archive.sqlite3")
    seeds = folder / "seeds"
    seeds.mkdir()
    # As the bot has it: the whole load in a worker process (--in-process: in this one).
    worker = None if in_process else WorkerProcess("loading")
    reloader = Reloader(database, seeds, lambda: NOW, worker=worker)
    texts = synthetic_articles(files + more, seed=7)
    write_files(seeds, texts[:files], "a")
    try:
        await reloader.warm_up()  # the worker starts once per bot, not per reload
        report = await reloader.reload()
        rate = len(report.added) / report.seconds
        print(
            f"reload of {files:,} new files: {report.seconds:.2f} s, {rate:,.0f} files/s "
            f"(target >= {RELOAD_TARGET}) {target_verdict(rate >= RELOAD_TARGET)}; "
            f"{len(report.rejected)} rejected"
        )
        report = await reloader.reload()
        print(
            f"reload with nothing changed: {report.seconds:.2f} s, {len(report.unchanged):,} "
            f"unchanged (target <= {UNCHANGED_TARGET_S} s) "
            f"{target_verdict(report.seconds <= UNCHANGED_TARGET_S)}"
        )
        await during_reload(reloader, Archive(database.reader), seeds, texts[files:], window)
    finally:
        if worker is not None:
            worker.close()
        await database.close()


async def during_reload(
    reloader: Reloader, archive: Archive, seeds: Path, new: list[str], window: float
) -> None:
    """Reads idle, during a reload of new files (its worker stopped every other window), and
    idle again: a shared machine's load changes within seconds."""
    print(f"before the timed reload: {machine_load()}")
    idle = await reads(archive, 150)
    write_files(seeds, new, "b")
    pid = reloader.worker.pid if reloader.worker else None
    cpu = time.process_time()  # of this process only: what the reload takes from replies
    read_cpu, worker_cpu = READ_CPU[0], process_cpu_seconds(pid)
    task: asyncio.Task[object] = asyncio.create_task(reloader.reload())
    during, stopped, stopped_seconds = await reads_during(archive, task, pid, window)
    report = await task
    cpu = time.process_time() - cpu - (READ_CPU[0] - read_cpu)  # the reads excluded
    worker_cpu = process_cpu_seconds(pid) - worker_cpu
    idle += await reads(archive, 150)
    print(f"after the timed reload:  {machine_load()}")
    idle_p95, during_p95 = percentile95(idle), percentile95(during)
    seconds = getattr(report, "seconds", 0.0) - stopped_seconds
    print(
        f"latest() p95 idle {idle_p95:.2f} ms, during a reload of {len(new):,} new files "
        f"({seconds:.2f} s, {len(during)} reads) {during_p95:.2f} ms: "
        f"{during_p95 / idle_p95:.1f}x against idle before and after"
    )
    ratio = during_p95 / idle_p95
    if stopped:
        ratio = during_p95 / percentile95(stopped)
        print(
            f"latest() p95 with the worker stopped during the reload {percentile95(stopped):.2f} "
            f"ms ({len(stopped)} reads): while it runs / while it is stopped {ratio:.1f}x"
        )
    where = "a worker process" if reloader.worker else "a thread of this process"
    print(
        f"during-reload ratio {ratio:.1f}x (target <= {DURING_RATIO_TARGET}x, stretch <= "
        f"{STRETCH_RATIO}x) {target_verdict(ratio <= DURING_RATIO_TARGET)}; CPU time of the "
        f"bot's process meanwhile, its reads excluded, {cpu:.2f} s, of the worker "
        f"{worker_cpu:.2f} s (the load runs in {where})"
    )


async def stats_at_size(folder: Path, n: int, rounds: int) -> None:
    database = await Database.open(folder / "stats.sqlite3")
    try:
        await store(database, read_base(min(2_000, n)), n, 5_000)
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            await admin_stats(database.reader, NOW)
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        await database.close()
    p50, p99 = statistics.median(timings), percentile99(timings)
    print(
        f"/stats at {n:,} articles: p50 {p50:.1f} ms, p99 {p99:.1f} ms "
        f"(target p99 <= {STATS_TARGET_MS} ms) {target_verdict(p99 <= STATS_TARGET_MS)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=2_000, help="files of the first reload")
    parser.add_argument("--more", type=int, default=500, help="new files of the timed reload")
    parser.add_argument("--stats-n", type=int, default=100_000, help="articles for /stats")
    parser.add_argument("--rounds", type=int, default=50, help="timed runs of /stats")
    parser.add_argument(
        "--in-process", action="store_true", help="load in this process, for comparison"
    )
    parser.add_argument(
        "--window", type=float, default=0.5,
        help="seconds the worker runs, then is stopped, in turn during the reload (0: never)",
    )  # fmt: skip
    args = parser.parse_args()
    random.seed(0)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(reloads(Path(folder), args.files, args.more, args.in_process, args.window))
        asyncio.run(stats_at_size(Path(folder), args.stats_n, args.rounds))


if __name__ == "__main__":
    main()
