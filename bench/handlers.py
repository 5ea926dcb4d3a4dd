"""Handler benchmark: /region, /date and /search through the real dispatcher at 100,000 articles.

    .venv/bin/python -m bench.handlers                  # builds a 100,000-article archive
    .venv/bin/python -m bench.handlers --db big.sqlite3 # reuses (or builds once) that file

Updates go through `make_dispatcher` with the recording session in place of Telegram, so the
figures are the bot's own work: middleware, filters, queries, rendering. Prints p50/p99 latency
of each command and the throughput of 1,000 concurrent users sending 10 commands each.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bench.archive import read_base, store
from bench.figures import percentile99, target_verdict
from bot.app import make_bot, make_dispatcher, settle_heap
from bot.config import Settings
from storage.db import Database
from storage.regions import all_regions
from storage.repository import Archive
from tests.fakes import RecordingSession, make_message, make_update, make_user

LATENCY_TARGET_MS = 20.0
THROUGHPUT_TARGET = 500.0  # updates per second
REGIONS = ("Астрахань", "Атырау", "ЗКО", "Омск", "Самара", "Оренбург", "Astrakhan", "Челябинск")
REGIONS += ("Oral Samara", "Атырау 2022 туризм", "Qostanay торговля")  # typed combinations
PERIODS = ("2022", "2019-11", "11.2020", "ноябрь 2021", "07.03.2022", "2018-03-01..2018-06-30")
PERIODS += ("с марта по июнь 2021", "01.03.2022-30.06.2022 Астрахань", "last month")
WORDS = ("товарооборот", "туризм", "губернатор", "Астрахань", "форум", "судостроение", "Омск")
WORDS += ("Астрахань товарооборот", "форум OR ярмарка", "губернатор -Омск")


def command_makers() -> dict[str, list[str]]:
    return {
        "/region": [f"/region {name}" for name in REGIONS],
        "/date": [f"/date {period}" for period in PERIODS],
        "/search": [f"/search {word}" for word in WORDS],
    }


def update_for(text: str, user_id: int) -> Update:
    return make_update(make_message(text, user=make_user(user_id, "ru")))


async def latency(
    dispatcher: Dispatcher, bot: Bot, session: RecordingSession, rounds: int
) -> bool:
    ok = True
    rng = random.Random(5)
    for name, texts in command_makers().items():
        for _ in range(20):  # warm the caches
            await dispatcher.feed_update(bot, update_for(rng.choice(texts), 1))
        timings = []
        for _ in range(rounds):
            update = update_for(rng.choice(texts), 1)
            started = time.perf_counter()
            await dispatcher.feed_update(bot, update)
            timings.append((time.perf_counter() - started) * 1000)
        session.clear()
        p50 = statistics.median(timings)
        p99 = percentile99(timings)
        met = p99 < LATENCY_TARGET_MS
        ok &= met
        print(
            f"{name:<8} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  "
            f"(target p99 < {LATENCY_TARGET_MS:.0f} ms) {target_verdict(met)}"
        )
    return ok


async def throughput(
    dispatcher: Dispatcher,
    bot: Bot,
    session: RecordingSession,
    users: int,
    per_user: int,
    skip: tuple[str, ...],
) -> bool:
    rng = random.Random(6)
    makers = command_makers()
    pool = [text for name, texts in makers.items() if name not in skip for text in texts]
    pool += ["/latest", "/sector туризм", "/start", "/help", "/regions"]
    plans = [[rng.choice(pool) for _ in range(per_user)] for _ in range(users)]

    async def user(user_id: int, texts: list[str]) -> None:
        for text in texts:
            await dispatcher.feed_update(bot, update_for(text, user_id))

    started = time.perf_counter()
    await asyncio.gather(*(user(10_000 + n, plan) for n, plan in enumerate(plans)))
    elapsed = time.perf_counter() - started
    total = users * per_user
    rate = total / elapsed
    replies = len(session.sent("sendMessage"))
    session.clear()
    met = rate >= THROUGHPUT_TARGET
    mix = f" (mix without {', '.join(skip)})" if skip else ""
    print(
        f"{users:,} users x {per_user} commands{mix}: {total:,} updates in {elapsed:.1f} s = "
        f"{rate:,.0f} updates/s, {replies:,} replies "
        f"(target >= {THROUGHPUT_TARGET:.0f} updates/s) {target_verdict(met)}"
    )
    return met


async def ensure_archive(database: Database, n: int, base_count: int) -> None:
    have = (await Archive(database.reader).coverage()).articles
    if have >= n:
        print(f"reusing the archive: {have:,} articles")
        return
    await store(database, read_base(base_count), n - have, 5_000)


async def run(args: argparse.Namespace, path: Path) -> int:
    settings = Settings(_env_file=None, bot_token="1:bench", database_path=path)
    database = await Database.open(path)
    session = RecordingSession()
    bot = make_bot(settings, session)
    try:
        await ensure_archive(database, args.n, args.base)
        dispatcher = make_dispatcher(settings, database, clock=lambda: dt.datetime.now(dt.UTC))
        settle_heap()  # as `python -m bot` does before it takes updates
        print(f"regions known: {len(all_regions())}; timing {args.rounds} runs per command")
        ok = await latency(dispatcher, bot, session, args.rounds)
        skip = tuple(args.skip)
        ok &= await throughput(dispatcher, bot, session, args.users, args.per_user, skip)
    finally:
        await bot.session.close()
        await database.close()
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="articles in the archive")
    parser.add_argument("--base", type=int, default=2_000, help="articles read for real")
    parser.add_argument("--rounds", type=int, default=300, help="timed runs of each command")
    parser.add_argument("--users", type=int, default=1_000, help="concurrent users")
    parser.add_argument("--per-user", type=int, default=10, help="commands each user sends")
    parser.add_argument("--db", type=Path, help="archive file to build once and reuse")
    parser.add_argument(
        "--skip", nargs="*", default=[], help="commands left out of the throughput mix"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.sqlite3"
        code = asyncio.run(run(args, path))
    raise SystemExit(code)


if __name__ == "__main__":
    main()
