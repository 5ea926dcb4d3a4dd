"""Pictures and exports benchmark at N articles: chart and map render times, the cache, exports.

    .venv/bin/python -m bench.charts                      # 100,000 articles in a fresh archive
    .venv/bin/python -m bench.charts --db /tmp/a.sqlite3  # keep (or reuse) the archive file
    .venv/bin/python -m bench.charts --n 20000            # smaller

The archive is built as bench/archive.py builds it (synthetic articles read for real, then
varied), with turnover figures read as the loader reads them. A render is timed from the user's
tap to the PNG: the numbers gathered from the archive and the picture drawn, nothing cached.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.archive import read_base, store
from bench.figures import percentile95, target_verdict
from bot.charts.service import Charts
from bot.html import escape
from storage.db import Database
from storage.export import export_selection
from storage.figures_store import Figures, sync_figures
from storage.models import Selection
from storage.regions import all_regions
from storage.repository import Archive

RENDER_TARGET_MS = 300
CACHED_TARGET_MS = 5
EXPORT_TARGET_S = 10
EXPORT_ROWS = 100_000


async def build(path: Path, n: int, base_count: int) -> Database:
    database = await Database.open(path)
    (count,) = (await database.reader.execute_fetchall("SELECT count(*) FROM articles"))[0]
    if count == 0:
        await store(database, read_base(min(base_count, n)), n, 5_000)
    started = time.perf_counter()
    async with database.transaction() as writer:
        read = await sync_figures(writer)
    print(f"turnover figures read from {read:,} articles in {time.perf_counter() - started:.1f} s")
    return database


Timings = tuple[list[float], list[float]]  # wall-clock ms, CPU ms of the process


async def timed(run: Callable[[], Awaitable[object]], rounds: int) -> Timings:
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        await run()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def report(name: str, timings: Timings, target: float) -> None:
    """The wall-clock p95 against the target, and the CPU time it took (what a busy machine's
    other processes do not inflate)."""
    p95, cpu95 = percentile95(timings[0]), percentile95(timings[1])
    verdict = target_verdict(p95 <= target)
    print(
        f"{name:<26} p95 {p95:8.2f} ms  (target <= {target} ms) {verdict}; CPU p95 {cpu95:.2f} ms"
    )


async def time_pictures(database: Database, rounds: int) -> None:
    rng = random.Random(5)
    regions = [region.id for region in all_regions()]
    years = list(range(2015, 2026))

    def fresh() -> Charts:  # nothing remembered: neither pictures nor overviews
        return Charts(database, Archive(database.reader), Figures(database.reader))

    async def region_chart(charts: Charts | None = None, region: str | None = None) -> object:
        region = region or rng.choice(regions)
        chart = charts or fresh()
        return await chart.summary_chart(
            Selection(region_ids=(region,)), escape(region), (region,), "ru"
        )

    kz = [region for region in regions if region.startswith("kz-")]
    ru = [region for region in regions if region.startswith("ru-")]

    async def pair_chart() -> object:
        pair = (rng.choice(kz), rng.choice(ru))
        return await fresh().summary_chart(
            Selection(region_ids=pair), escape(" ⇄ ".join(pair)), pair, "ru"
        )

    async def map_of_a_year(charts: Charts | None = None, year: int | None = None) -> object:
        year = year or rng.choice(years)
        since, until = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return await (charts or fresh()).cooperation_map(since, until, str(year), "kk")

    await region_chart()  # fonts and caches of the process warmed once
    report("region chart", await timed(region_chart, rounds), RENDER_TARGET_MS)
    report("pair chart", await timed(pair_chart, rounds), RENDER_TARGET_MS)
    report("map of a year", await timed(map_of_a_year, rounds), RENDER_TARGET_MS)
    report(
        "map of the archive",
        await timed(lambda: fresh().cooperation_map(None, None, "-", "en"), max(3, rounds // 5)),
        RENDER_TARGET_MS,
    )
    charts = fresh()
    await region_chart(charts, "kz-atyrau")
    await map_of_a_year(charts, 2020)
    cached_chart = await timed(lambda: region_chart(charts, "kz-atyrau"), rounds * 5)
    report("region chart, second tap", cached_chart, CACHED_TARGET_MS)
    cached_map = await timed(lambda: map_of_a_year(charts, 2020), rounds * 5)
    report("map, second tap", cached_map, CACHED_TARGET_MS)


class PeakMemory:
    """The peak memory of this process above where it started, sampled every 5 ms: its own
    (resident less shared pages) and all resident pages, which include the database file's
    pages that SQLite reads through its memory mapping (the system's file cache, not ours)."""

    def __init__(self) -> None:
        self._page = os.sysconf("SC_PAGE_SIZE")
        self.start_own, self.start = self._sizes()
        self.peak_own, self.peak = self.start_own, self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sizes(self) -> tuple[int, int]:
        with open("/proc/self/statm") as statm:
            resident, shared = (int(field) for field in statm.read().split()[1:3])
        return (resident - shared) * self._page, resident * self._page

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            own, resident = self._sizes()
            self.peak_own, self.peak = max(self.peak_own, own), max(self.peak, resident)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def own_above_start_mb(self) -> float:
        return (self.peak_own - self.start_own) / 2**20

    @property
    def above_start_mb(self) -> float:
        return (self.peak - self.start) / 2**20


async def time_exports(database: Database, folder: Path) -> None:
    for file_format in ("csv", "xlsx"):
        path = folder / f"export.{file_format}"
        with PeakMemory() as memory:
            started, started_cpu = time.perf_counter(), time.process_time()
            rows = await export_selection(
                database.reader, Selection(), path, file_format, limit=EXPORT_ROWS
            )
            seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        verdict = target_verdict(seconds <= EXPORT_TARGET_S)
        print(
            f"export {rows:,} rows as {file_format:<4}: {seconds:5.1f} s (target <= "
            f"{EXPORT_TARGET_S} s) {verdict}; CPU {cpu:.1f} s; "
            f"file {path.stat().st_size / 2**20:.0f} MB; "
            f"peak memory +{memory.own_above_start_mb:.0f} MB "
            f"(resident with mapped file pages +{memory.above_start_mb:.0f} MB)"
        )


async def run(path: Path, n: int, base: int, rounds: int, only: str | None) -> None:
    database = await build(path, n, base)
    try:
        (count,) = (await database.reader.execute_fetchall("SELECT count(*) FROM articles"))[0]
        print(f"archive: {count:,} articles")
        if only in (None, "pictures"):
            await time_pictures(database, rounds)
        if only in (None, "exports"):
            with tempfile.TemporaryDirectory() as folder:
                await time_exports(database, Path(folder))
    finally:
        await database.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="articles in the archive")
    parser.add_argument("--base", type=int, default=2_000, help="articles read for real")
    parser.add_argument("--rounds", type=int, default=40, help="timed renders of each kind")
    parser.add_argument("--db", type=Path, help="archive file, reused when it exists")
    parser.add_argument("--only", choices=("pictures", "exports"), help="time only these")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.sqlite3"
        asyncio.run(run(path, args.n, args.base, args.rounds, args.only))


if __name__ == "__main__":
    main()
