"""A news site on 127.0.0.1 for the sources tests: feeds, article pages and every failure."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

DATA = Path(__file__).resolve().parent / "data" / "sources"
ARTICLES: dict[str, dict[str, Any]] = json.loads((DATA / "articles.json").read_text("utf-8"))
TEMPLATE = (DATA / "page_template.html").read_text("utf-8")
FEED_ETAG = '"rss-v1"'
FEED_MODIFIED = "Tue, 14 May 2024 10:00:00 GMT"
SLOW_SECONDS = 3.0

RELEVANT = (
    "/news/2024/05/kostanay-chelyabinsk.html",
    "/news/2024/05/atyrau-astrakhan.html",
    "/news/2024/05/omsk-pavlodar.html",
    "/kk/2024/06/bko-samara.html",
)
IRRELEVANT = ("/news/2024/05/astana-weather.html", "/kk/2024/06/aktobe-sport.html")


def article_page(path: str) -> bytes:
    """An article with the site's chrome around it, in its own encoding."""
    article = ARTICLES[path]
    charset = article.get("charset", "utf-8")
    published = article["published"]
    if article.get("time_only"):  # the date is in the markup only, not in the visible text
        date_meta, byline = "", f'<time datetime="{published}" class="hidden"></time>'
    else:
        date_meta = f'<meta property="article:published_time" content="{published}">'
        byline = f'<p class="byline">Редакция · {published[:10]}</p>'
    html = TEMPLATE.format(
        lang=article["lang"],
        charset=charset,
        title=escape(article["title"]),
        site=escape(article["site"]),
        date_meta=date_meta,
        byline=byline,
        paragraphs="\n".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"]),
    )
    return html.encode(charset)


def rss(base: str) -> str:
    items = [
        ("/news/2024/05/kostanay-chelyabinsk.html", "Tue, 14 May 2024 05:00:00 GMT"),
        ("/news/2024/05/astana-weather.html", "Wed, 15 May 2024 03:00:00 GMT"),
        ("/news/2024/05/omsk-pavlodar.html", "Wed, 22 May 2024 04:00:00 GMT"),
        ("/old/atyrau-astrakhan", None),  # a redirect; the page's date is in its markup only
        ("/news/2024/05/gone.html", "Thu, 23 May 2024 04:00:00 GMT"),  # 404
        ("/private/internal.html", "Thu, 23 May 2024 05:00:00 GMT"),  # robots.txt forbids it
    ]
    entries = "".join(
        f"<item><title>{escape(ARTICLES.get(path, {}).get('title', 'Новость'))}</title>"
        f"<link>{base}{path}</link>" + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        for path, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Qostanay News</title><link>{base}/</link>{entries}</channel></rss>"
    )


def atom(base: str) -> str:
    paths = [
        "/kk/2024/06/bko-samara.html",
        "/kk/2024/06/aktobe-sport.html",
        "/files/report.pdf",
        "/kk/2024/06/huge.html",
    ]
    entries = "".join(
        f"<entry><title>{escape(ARTICLES.get(p, {}).get('title', 'Жаңалық'))}</title>"
        f'<link href="{base}{p}"/><id>{base}{p}</id>'
        "<updated>2024-06-11T12:00:00Z</updated></entry>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Орал өңірі</title><id>{base}/</id><updated>2024-06-12T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


class NewsSite:
    """The site's routes; `hits` counts every request by path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.base = ""

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._count])
        app.router.add_get("/robots.txt", self._robots)
        app.router.add_get("/rss.xml", self._rss)
        app.router.add_get("/atom.xml", self._atom)
        app.router.add_get("/links.html", self._links)
        app.router.add_get("/sitemap.xml", self._sitemap)
        app.router.add_get("/broken.xml", self._broken)
        app.router.add_get("/error500.xml", self._error)
        app.router.add_get("/slow.xml", self._slow)
        app.router.add_get("/old/atyrau-astrakhan", self._moved)
        app.router.add_get("/loop/{n}", self._loop)
        app.router.add_get("/files/report.pdf", self._pdf)
        app.router.add_get("/kk/2024/06/huge.html", self._huge)
        app.router.add_get("/{path:.*}", self._article)
        return app

    @web.middleware
    async def _count(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.hits[request.path] += 1
        self.user_agents.add(request.headers.get("User-Agent", ""))
        response: web.StreamResponse = await handler(request)
        return response

    async def _robots(self, request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n")

    async def _rss(self, request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == FEED_ETAG:
            return web.Response(status=304)
        headers = {"ETag": FEED_ETAG, "Last-Modified": FEED_MODIFIED}
        return web.Response(
            text=rss(self.base), content_type="application/rss+xml", headers=headers
        )

    async def _atom(self, request: web.Request) -> web.Response:
        if request.headers.get("If-Modified-Since") == FEED_MODIFIED:
            return web.Response(status=304)
        return web.Response(
            text=atom(self.base),
            content_type="application/atom+xml",
            headers={"Last-Modified": FEED_MODIFIED},
        )

    async def _links(self, request: web.Request) -> web.Response:
        links = [
            "/news/2024/05/kostanay-chelyabinsk.html",
            "/reprint/kostanay-chelyabinsk-grain.html",
            "/news/2024/07/orenburg-aktobe.html",
            "/about/",
            "/logo.png",
        ]
        body = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
        return web.Response(
            text=f"<html><body><ul>{body}</ul></body></html>", content_type="text/html"
        )

    async def _sitemap(self, request: web.Request) -> web.Response:
        locs = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in RELEVANT[:2])
        text = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
        return web.Response(text=text, content_type="application/xml")

    async def _broken(self, request: web.Request) -> web.Response:
        text = '<?xml version="1.0"?><rss version="2.0"><channel><<title>&&broken</chan'
        return web.Response(text=text, content_type="application/rss+xml")

    async def _error(self, request: web.Request) -> web.Response:
        return web.Response(status=500, text="Internal Server Error")

    async def _slow(self, request: web.Request) -> web.Response:
        await asyncio.sleep(SLOW_SECONDS)
        return web.Response(text=rss(self.base), content_type="application/rss+xml")

    async def _moved(self, request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/news/2024/05/atyrau-astrakhan.html")

    async def _loop(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(f"/loop/{int(request.match_info['n']) + 1}")

    async def _pdf(self, request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.4\n" + b"0" * 2000, content_type="application/pdf")

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        await response.prepare(request)
        chunk = b"<p>" + "Очень длинная страница. ".encode() * 400 + b"</p>\n"
        for _ in range(5 * 1024 * 1024 // len(chunk) + 1):  # 5 MB, without a Content-Length
            await response.write(chunk)
        await response.write_eof()
        return response

    async def _article(self, request: web.Request) -> web.Response:
        path = request.path
        if path not in ARTICLES:
            raise web.HTTPNotFound
        charset = ARTICLES[path].get("charset", "utf-8")
        return web.Response(body=article_page(path), content_type="text/html", charset=charset)


@asynccontextmanager
async def serve_site(host: str = "127.0.0.1") -> AsyncIterator[NewsSite]:
    """The site listening on a free port of `host`; `site.base` is its address."""
    site = NewsSite()
    runner = web.AppRunner(site.app(), access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, host, 0)
    await tcp.start()
    port = runner.addresses[0][1]
    site.base = f"http://{host}:{port}"
    try:
        yield site
    finally:
        await runner.cleanup()
