"""Digest fan-out benchmark: one new article to 10,000 subscribed chats within Telegram's limits.

    .venv/bin/python -m bench.fanout               # 10,000 chats: about 7 minutes at 25/s
    .venv/bin/python -m bench.fanout --chats 500   # a quick run

The bot (the real dispatcher, scheduler and sender) talks over HTTP to `bench.telegram_stub`,
a separate process on 127.0.0.1 that refuses more than 30 messages a second with 429s. While
the fan-out runs, users send commands through the same dispatcher; their reply times are
compared with the same commands sent when the bot is idle. Prints each figure next to its target.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher

from bench.figures import percentile95, target_verdict
from bench.synthetic import SEEDS, synthetic_articles
from bot.app import make_bot, make_dispatcher
from bot.config import Settings
from bot.digest.scheduler import DigestScheduler
from storage import outbox
from storage.db import Database
from storage.loader import load_directory
from storage.reading import read_article
from tests.fakes import make_message, make_update, make_user

RATE_TARGET = 0.9  # achieved / SEND_RATE
LATENCY_TARGET = 1.2  # p95 during fan-out / p95 idle
USER_COMMANDS = ("/region Атырау", "/subscriptions", "/sector туризм", "/latest")
ADD_CHATS = "INSERT INTO chats (id, type, lang, tz, cursor) VALUES (?, 'private', 'ru', ?, ?)"
ADD_SUBSCRIPTIONS = "INSERT INTO subscriptions (chat_id, kind, key) VALUES (?, 'region', ?)"
FIRST_CHAT = 10_000_000
USERS = 50  # distinct users sending the commands
IDLE_SECONDS = 60.0  # of user commands before the fan-out, for the baseline


def start_stub(limit: int) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.telegram_stub", "--limit", str(limit)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, json.loads(line)["ready"]


def stub_stats(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{url}/_stats", timeout=30) as response:
        stats: dict[str, Any] = json.load(response)
    return stats


async def prepare(database: Database, seeds: Path, chats: int) -> str:
    """The archive with the seeds, `chats` chats following the region of the coming article."""
    await load_directory(database, seeds)
    text = synthetic_articles(1, seed=11)[0]
    record = read_article(text)
    region = (record.partners or tuple(m.region_id for m in record.regions))[0]
    async with database.transaction() as writer:
        async with writer.execute("SELECT max(id) FROM articles") as cursor:
            (newest,) = await cursor.fetchone() or (0,)
        ids = range(FIRST_CHAT, FIRST_CHAT + chats)
        await writer.executemany(ADD_CHATS, [(i, "Asia/Almaty", newest) for i in ids])
        await writer.executemany(ADD_SUBSCRIPTIONS, [(i, region) for i in ids])
    (seeds / "zz-bench-new.txt").write_text(text, encoding="utf-8")
    return region


async def one_command(dispatcher: Dispatcher, bot: Bot, number: int) -> float:
    text = USER_COMMANDS[number % len(USER_COMMANDS)]
    update = make_update(make_message(text, user=make_user(500 + number % USERS, "ru")))
    start = time.perf_counter()
    await dispatcher.feed_update(bot, update)
    return (time.perf_counter() - start) * 1000


async def user_traffic(
    dispatcher: Dispatcher, bot: Bot, per_second: float, until: asyncio.Event | float
) -> list[float]:
    """Commands at a steady rate, each timed from arrival to the bot's answered reply (ms)."""
    tasks: list[asyncio.Task[float]] = []
    begin = time.monotonic()
    number = 0
    while not _over(until, begin):
        tasks.append(asyncio.create_task(one_command(dispatcher, bot, number)))
        number += 1
        await asyncio.sleep(1 / per_second)
    return list(await asyncio.gather(*tasks))


def _over(until: asyncio.Event | float, begin: float) -> bool:
    if isinstance(until, asyncio.Event):
        return until.is_set()
    return time.monotonic() - begin >= until


async def wait_delivered(database: Database, chats: int, done: asyncio.Event) -> float:
    start = time.monotonic()
    while True:
        figures = await outbox.delivery_figures(database.reader, _now())
        if figures.pending == 0 and figures.delivered_24h + figures.failed >= chats:
            done.set()
            return time.monotonic() - start
        await asyncio.sleep(0.5)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def report(stats: dict[str, Any], chats: int, rate: float, seconds: float) -> None:
    digests = [(chat, at) for chat, at, text in stats["accepted"] if text.startswith("📬")]
    per_chat = collections.Counter(chat for chat, _ in digests)
    times = [at for _, at in digests]
    span = max(times) - min(times) if len(times) > 1 else float("nan")
    achieved = (len(digests) - 1) / span if len(times) > 1 else 0.0
    duplicates = sum(count - 1 for count in per_chat.values())
    lost = chats - len(per_chat)
    print(f"delivered {len(digests):,} digest messages to {len(per_chat):,} of {chats:,} chats")
    print(
        f"  from load to the last delivery: {seconds:.1f} s; first to last message: {span:.1f} s"
    )
    print(
        f"achieved rate: {achieved:.2f} msgs/s = {achieved / rate:.3f} x SEND_RATE ({rate:g})"
        f"   target >= {RATE_TARGET}   {target_verdict(achieved / rate >= RATE_TARGET)}"
    )
    print(f"duplicates: {duplicates}   target 0   {target_verdict(duplicates == 0)}")
    print(f"lost: {lost}   target 0   {target_verdict(lost == 0)}")
    print(f"429 replies from the server (all lanes): {stats['refused']}")


async def run(chats: int, rate: float, user_rate: float, workdir: Path) -> None:
    stub, url = start_stub(30)
    seeds = workdir / "seeds"
    shutil.copytree(SEEDS, seeds)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token="123456:bench",
        database_path=workdir / "archive.sqlite3",
        seeds_dir=seeds,
        telegram_api_url=url,
        send_rate=rate,
    )
    database = await Database.open(settings.database_path)
    bot = make_bot(settings)
    dispatcher = make_dispatcher(settings, database)
    try:
        region = await prepare(database, seeds, chats)
        print(
            f"fan-out of 1 new article to {chats:,} chats following {region}, SEND_RATE {rate:g}"
        )
        await dispatcher.emit_startup(
            bot=bot, dispatcher=dispatcher, bots=[bot], **dispatcher.workflow_data
        )
        for number in range(2 * USERS):  # warm-up: every user seen, every command run once
            await one_command(dispatcher, bot, number)
            await asyncio.sleep(0.1)  # within the flood limit
        idle = await user_traffic(dispatcher, bot, user_rate, IDLE_SECONDS)
        await fan_out(dispatcher, bot, database, chats, rate, user_rate, idle, url)
    finally:
        await dispatcher.emit_shutdown(
            bot=bot, dispatcher=dispatcher, bots=[bot], **dispatcher.workflow_data
        )
        await bot.session.close()
        await database.close()
        stub.terminate()
        stub.wait(10)


async def fan_out(
    dispatcher: Dispatcher,
    bot: Bot,
    database: Database,
    chats: int,
    rate: float,
    user_rate: float,
    idle: list[float],
    url: str,
) -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    loaded = await load_directory(database, dispatcher["settings"].seeds_dir)
    assert loaded.new_article_ids, "the new article was not loaded"
    digests: DigestScheduler = dispatcher["digests"]
    digests.wake()
    done = asyncio.Event()
    busy_task = asyncio.create_task(user_traffic(dispatcher, bot, user_rate, done))
    seconds = await wait_delivered(database, chats, done)
    busy = await busy_task
    report(stub_stats(url), chats, rate, seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS of the bot process): {peak:.0f} MB, {rss_before:.0f} MB before it")
    idle_p95, busy_p95 = percentile95(idle), percentile95(busy)
    ratio = busy_p95 / idle_p95
    print(
        f"user reply p95: idle {idle_p95:.1f} ms ({len(idle)} commands), during fan-out "
        f"{busy_p95:.1f} ms ({len(busy)} commands) = {ratio:.2f}x   target <= {LATENCY_TARGET}x"
        f"   {target_verdict(ratio <= LATENCY_TARGET)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=10_000, help="subscribed chats (10,000)")
    parser.add_argument("--rate", type=float, default=25.0, help="SEND_RATE, messages/s (25)")
    parser.add_argument("--user-rate", type=float, default=2.0, help="user commands/s (2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fanout-") as folder:
        asyncio.run(run(args.chats, args.rate, args.user_rate, Path(folder)))


if __name__ == "__main__":
    main()
