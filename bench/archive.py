"""Archive benchmark: store N records (FTS included) into a fresh file, then time every query.

    .venv/bin/python -m bench.archive            # 100,000 articles
    .venv/bin/python -m bench.archive --n 10000  # smaller

A few thousand synthetic articles are read for real (bench/synthetic.py + read_article); the
records are then varied cheaply (dates, regions, sectors) to reach N, since reading 100,000 would
take minutes. Prints storing throughput and p50/p99 of each repository query next to its target.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiosqlite

from bench.figures import percentile99, target_verdict
from bench.synthetic import synthetic_articles
from storage.db import Database
from storage.models import ArticleRecord, RegionMention, Selection
from storage.reading import read_article
from storage.regions import all_regions
from storage.repository import Archive
from storage.sectors import all_sectors
from storage.store import NewArticle, insert_articles, known_catalogue, next_article_id
from storage.stories import group_stories

STORE_TARGET = 1_000  # articles per second
ARTICLE_KB_TARGET = 8  # bytes of the archive file per article, in thousands
TARGETS_MS = {
    "region": 2, "sector": 2, "date": 2, "pair": 2, "latest": 2,
    "search": 5, "search+region": 10,
    "overview(region)": 20, "overview(sector)": 20, "overview(30 days)": 20,
}  # fmt: skip
SEARCH_WORDS = (
    "Астрахань", "туризм", "губернатор", "сотрудничество", "Казахстан", "форум",
    "инвестиции", "Самара облысы", "делегация", "торговый оборот", "судостроение", "Омск",
)  # fmt: skip
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 4000


def read_base(count: int) -> list[tuple[str, ArticleRecord]]:
    texts = synthetic_articles(count, seed=1)
    started = time.perf_counter()
    records = [(text, read_article(text)) for text in texts]
    elapsed = time.perf_counter() - started
    print(f"read {count} synthetic articles for real: {count / elapsed:,.0f} articles/s")
    return records


def vary(record: ArticleRecord, rng: random.Random) -> ArticleRecord:
    """A cheap variant: another date (5 % undated), regions swapped within their country."""
    kz = [r.id for r in all_regions() if r.country == "KZ"]
    ru = [r.id for r in all_regions() if r.country == "RU"]
    regions = {}
    for mention in record.regions:
        pool = kz if mention.region_id.startswith("kz-") else ru
        region_id = rng.choice(pool) if rng.random() < 0.6 else mention.region_id
        regions.setdefault(region_id, RegionMention(region_id, mention.role, mention.score))
    sectors = list(record.sectors) or [rng.choice(all_sectors()).id]
    if rng.random() < 0.5:
        sectors.append(rng.choice(all_sectors()).id)
    date = None if rng.random() < 0.05 else FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    return dataclasses.replace(
        record, date=date, regions=tuple(regions.values()), sectors=tuple(dict.fromkeys(sectors))
    )


async def store(
    database: Database, base: list[tuple[str, ArticleRecord]], n: int, batch: int
) -> None:
    rng = random.Random(2)
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, n, batch):
        async with database.transaction() as writer:
            catalogue = await known_catalogue(writer)
            first = await next_article_id(writer)
            articles = []
            for i in range(start, min(n, start + batch)):
                _, record = base[i % len(base)]
                article_id = first + i - start
                file = f"{i:06d}.txt"
                articles.append(NewArticle(article_id, file, f"{i:064x}", vary(record, rng)))
            await insert_articles(writer, articles, catalogue)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rate = n / wall
    print(
        f"stored {n:,} articles in {wall:.1f} s: {rate:,.0f} articles/s"
        f" (target >= {STORE_TARGET:,}) {target_verdict(rate >= STORE_TARGET)};"
        f" CPU time {cpu:.1f} s = {n / cpu:,.0f} articles per CPU-second"
    )


def queries(
    reader: aiosqlite.Connection, rng: random.Random
) -> dict[str, Callable[[], Awaitable[object]]]:
    archive = Archive(reader)
    kz = [r.id for r in all_regions() if r.country == "KZ"]
    ru = [r.id for r in all_regions() if r.country == "RU"]
    sectors = [s.id for s in all_sectors()]

    def some_day() -> dt.date:
        return FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))

    def overview(selection: Selection) -> Awaitable[object]:
        # A new Archive each time: the queries are timed, not the overviews it remembers.
        return Archive(reader).overview(selection)

    async def month_overview() -> object:
        since = some_day()
        return await overview(Selection(since=since, until=since + dt.timedelta(days=30)))

    async def date_range() -> object:
        since = some_day()
        return await archive.articles(Selection(since=since, until=since + dt.timedelta(days=30)))

    return {
        "region": lambda: archive.articles(Selection(region_ids=(rng.choice(kz + ru),))),
        "sector": lambda: archive.articles(Selection(sector=rng.choice(sectors))),
        "date": date_range,
        "pair": lambda: archive.articles(Selection(region_ids=(rng.choice(kz), rng.choice(ru)))),
        "latest": lambda: archive.articles(Selection()),
        "search": lambda: archive.articles(Selection(query=rng.choice(SEARCH_WORDS))),
        "search+region": lambda: archive.articles(
            Selection(query=rng.choice(SEARCH_WORDS), region_ids=(rng.choice(kz + ru),))
        ),
        "overview(region)": lambda: overview(Selection(region_ids=(rng.choice(kz + ru),))),
        "overview(sector)": lambda: overview(Selection(sector=rng.choice(sectors))),
        "overview(30 days)": month_overview,
    }


async def time_queries(reader: aiosqlite.Connection, rounds: int) -> None:
    for name, run in queries(reader, random.Random(3)).items():
        for _ in range(20):  # warm the page cache
            await run()
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            await run()
            timings.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(timings)
        p99 = percentile99(timings)
        target = TARGETS_MS[name]
        verdict = target_verdict(p99 <= target)
        print(f"{name:<17} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  (target {target} ms) {verdict}")


async def time_story_grouping(database: Database, count: int) -> None:
    """Story grouping runs in the loader for every new article; no target, shown for scale."""
    async with database.reader.execute("SELECT max(id) FROM articles") as cursor:
        (last,) = await cursor.fetchone() or (0,)
    ids = random.Random(4).sample(range(1, last + 1), min(count, last))
    started = time.perf_counter()
    async with database.transaction() as writer:
        await group_stories(writer, ids)
    elapsed = time.perf_counter() - started
    print(
        f"story grouping of {count} loaded articles: {elapsed / count * 1000:.2f} ms per article"
    )


async def run(n: int, base_count: int, batch: int, rounds: int, path: Path) -> None:
    base = read_base(min(base_count, n))
    database = await Database.open(path)
    try:
        await store(database, base, n, batch)
        await time_queries(database.reader, rounds)
        await time_story_grouping(database, 500)
    finally:
        await database.close()


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="articles to store")
    parser.add_argument("--base", type=int, default=2_000, help="articles read for real")
    parser.add_argument("--batch", type=int, default=5_000, help="articles per transaction")
    parser.add_argument("--rounds", type=int, default=300, help="timed runs of each query")
    parser.add_argument("--db", type=Path, help="archive file (default: a fresh temporary one)")
    args = parser.parse_args()
    if args.db is not None and args.db.exists():
        parser.error(f"{args.db} exists; the benchmark needs a fresh archive file")
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.sqlite3"
        asyncio.run(run(args.n, args.base, args.batch, args.rounds, path))
        size = _size_mb(path)
        per_article = size * 1e6 / max(args.n, 1) / 1000
        print(
            f"archive file: {size:,.0f} MB, {per_article:.1f} KB per article, full-text index"
            f" included (target <= {ARTICLE_KB_TARGET} KB) "
            f"{target_verdict(per_article <= ARTICLE_KB_TARGET)}"
        )


if __name__ == "__main__":
    main()
