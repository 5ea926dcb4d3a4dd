"""Sources benchmark: /region p99 while 20 sources × 50 items are checked, and items/s.

    .venv/bin/python -m bench.sources                      # 20 sites × 50 items, 1 request/s/site
    .venv/bin/python -m bench.sources --host-interval 0    # the fetching path without pacing

Twenty news sites run on 127.0.0.1 in a process of their own (one port each, so each is its own
host for the pacing), each with an RSS feed of 50 article pages with site chrome around the text,
half of them about cooperation across the border. /region goes through the real dispatcher with
the recording session in place of Telegram, in this process (the bot's), idle, then while every
source is checked and its kept articles are loaded into the archive (in the bot's worker
processes), then idle again. On a machine shared with other work the idle figure is taken on
both sides of the check, so that a change of the machine's load during the run weighs on both;
the load average and the CPU time this process spent are printed beside the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import shutil
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path

from aiohttp import web

from bench.figures import machine_load, percentile99, process_cpu_seconds, target_verdict
from bot.app import make_bot, make_dispatcher, utc_now
from bot.config import Settings
from bot.sources.poller import SourcePoller
from storage.db import Database
from storage.loader import load_directory
from tests.fakes import RecordingSession, make_message, make_update, make_user

RATIO_TARGET = 1.2
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIRS = (
    ("Костанайской", "Челябинской"), ("Атырауской", "Астраханской"), ("Павлодарской", "Омской"),
    ("Актюбинской", "Оренбургской"), ("Северо-Казахстанской", "Тюменской"),
)  # fmt: skip
REGIONS = ("Астрахань", "Атырау", "Костанай", "Омск", "Челябинск", "Оренбург")


def article_html(site: int, item: int) -> str:
    kz, ru = PAIRS[(site + item) % len(PAIRS)]
    if item % 2:  # local news: one side only
        title = f"В {kz.removesuffix('ой')}ой области отремонтируют дороги, выпуск {site}-{item}"
        body = [
            f"Акимат {kz} области направит средства на ремонт сельских дорог в {item} районах."
        ]
    else:
        title = f"{kz} и {ru} области подписали соглашение, выпуск {site}-{item}"
        body = [
            f"Аким {kz} области и губернатор {ru} области подписали соглашение о торгово-"
            f"экономическом сотрудничестве на 2024–2026 годы, сообщает пресс-служба "
            f"({site}-{item}).",
            f"Стороны договорились увеличить поставки зерна и открыть новый маршрут; товарооборот "
            f"между регионами превысил {100 + item} миллионов долларов.",
        ]
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body)
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="2024-05-{1 + item % 28:02d}T10:00:00">'
        f"</head><body><nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<aside>Популярное: <a href='/x'>Погода</a></aside><footer>© 2024</footer></body></html>"
    )


def site_app(site: int, base: list[str], items: int) -> web.Application:
    async def feed(request: web.Request) -> web.Response:
        entries = "".join(
            f"<item><title>Новость {n}</title><link>{base[0]}/a/{n}.html</link></item>"
            for n in range(items)
        )
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Site {site}</title>'
        return web.Response(
            text=f"{rss}{entries}</channel></rss>", content_type="application/rss+xml"
        )

    async def page(request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        return web.Response(text=article_html(site, number), content_type="text/html")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nAllow: /\n")

    app = web.Application()
    app.router.add_get("/feed.xml", feed)
    app.router.add_get("/a/{n}.html", page)
    app.router.add_get("/robots.txt", robots)
    return app


async def _serve(count: int, items: int, bases: list[str]) -> None:
    for site in range(count):
        base: list[str] = [""]
        runner = web.AppRunner(site_app(site, base, items), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        base[0] = f"http://127.0.0.1:{runner.addresses[0][1]}"
        bases.append(base[0])


def serve_sites(count: int, items: int, channel: Connection) -> None:
    """The sites' own process: their serving must not load the bot's event loop."""
    loop = asyncio.new_event_loop()
    bases: list[str] = []
    loop.run_until_complete(_serve(count, items, bases))
    channel.send(bases)
    loop.run_forever()  # until the bench terminates this process


@asynccontextmanager
async def news_sites(count: int, items: int) -> AsyncIterator[list[str]]:
    ours, theirs = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=serve_sites, args=(count, items, theirs), daemon=True
    )
    process.start()
    try:
        yield await asyncio.to_thread(ours.recv)
    finally:
        process.terminate()
        process.join(10)


class Commands:
    """/region commands at a user's pace: wall milliseconds each, and their CPU time."""

    def __init__(self, dispatcher, bot) -> None:  # type: ignore[no-untyped-def]
        self.dispatcher, self.bot = dispatcher, bot
        self.cpu_seconds = 0.0  # of this process, while a command was being answered
        self.number = 0

    async def timings(self, until: Callable[[], bool]) -> list[float]:
        timings = []
        while not until():
            text = f"/region {REGIONS[self.number % len(REGIONS)]}"
            self.number += 1
            update = make_update(make_message(text, user=make_user(7, "ru")))
            started, cpu = time.perf_counter(), time.process_time()
            await self.dispatcher.feed_update(self.bot, update)
            timings.append((time.perf_counter() - started) * 1000)
            self.cpu_seconds += time.process_time() - cpu
            await asyncio.sleep(0.01)  # a user's pace, so the check has the loop too
        return timings

    async def for_seconds(self, seconds: float) -> list[float]:
        deadline = time.monotonic() + seconds
        return await self.timings(lambda: time.monotonic() > deadline)


@dataclass
class Run:
    idle: list[float]
    busy: list[float]
    seconds: float
    cpu_seconds: float  # of this process while the check ran, commands excluded
    worker_cpu_seconds: float  # of the worker processes, for the check and its load
    seen: int
    kept: int


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
        await poller.warm_up()  # the worker process starts once per bot, not per check
        commands = Commands(dispatcher, bot)
        idle = await commands.for_seconds(args.idle_seconds / 2)
        session.clear()
        workers = worker_cpu(poller)
        started, cpu, commands.cpu_seconds = time.perf_counter(), time.process_time(), 0.0
        check = asyncio.create_task(poller.check(await poller.registry.all()))
        busy = await commands.timings(check.done)
        results = await check
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        cpu -= commands.cpu_seconds
        workers = worker_cpu(poller) - workers
        idle += await commands.for_seconds(args.idle_seconds / 2)
    await bot.session.close()
    seen = sum(s.items_seen for s in await poller.registry.all())
    kept = sum(len(r.kept_files) for r in results)
    await database.close()
    return Run(idle, busy, seconds, cpu, workers, seen, kept)


def worker_cpu(poller: SourcePoller) -> float:
    workers = (poller.worker, poller.reloader.worker)
    return sum(process_cpu_seconds(w.pid) for w in workers if w is not None)


async def main(args: argparse.Namespace) -> bool:
    root = Path(tempfile.mkdtemp(prefix="bench-sources-"))
    print(f"before: {machine_load()}")
    try:
        run = await measure(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"after:  {machine_load()}")
    idle_p99, busy_p99 = percentile99(run.idle), percentile99(run.busy)
    ratio = busy_p99 / idle_p99
    for label, timings in (("idle", run.idle), ("during a check", run.busy)):
        print(
            f"/region {label:<15} p50 {statistics.median(timings):6.2f} ms  "
            f"p99 {percentile99(timings):6.2f} ms  ({len(timings)} commands)"
        )
    verdict = target_verdict(ratio <= RATIO_TARGET)
    print(f"p99 during a check / idle: {ratio:.2f}x (target <= {RATIO_TARGET}x) {verdict}")
    where = "worker processes" if args.processes else "the bot's own process"
    print(
        f"CPU time of the bot's process for the check (its commands excluded): "
        f"{run.cpu_seconds:.2f} s in {run.seconds:.1f} s; of the worker processes: "
        f"{run.worker_cpu_seconds:.2f} s (check in {where})"
    )
    print(
        f"fetch to archive: {run.seen} items ({run.kept} kept) from {args.sites} sources "
        f"in {run.seconds:.1f} s = {run.seen / run.seconds:.1f} items/s "
        f"(host interval {args.host_interval:g} s)"
        + (f"; {run.seen / run.worker_cpu_seconds:.0f} items per worker CPU-second"
           if run.worker_cpu_seconds else "")
    )  # fmt: skip
    return ratio <= RATIO_TARGET


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.sources", description=__doc__)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--host-interval", type=float, default=1.0)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument(
        "--in-process", dest="processes", action="store_false",
        help="check and load in the bot's own process (threads), for comparison",
    )  # fmt: skip
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
