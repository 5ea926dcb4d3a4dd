"""The news sites of the sources benchmark: feeds of article pages on 127.0.0.1, in a process
of their own so that serving them never loads the bot's event loop."""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape
from multiprocessing.connection import Connection

from aiohttp import web

from storage.workers import lower_priority

PAIRS = (
    ("Костанайской", "Челябинской"), ("Атырауской", "Астраханской"), ("Павлодарской", "Омской"),
    ("Актюбинской", "Оренбургской"), ("Северо-Казахстанской", "Тюменской"),
)  # fmt: skip


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
    """The sites' own process: their serving must not load the bot's event loop. On a real
    deployment the sites are elsewhere, on other machines; here they yield the CPU to the bot
    as its workers do."""
    lower_priority()
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
