"""Sources end to end against a local news site: what is kept, counted, refused and retried."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiogram.methods import SendMessage

from bot.app import make_bot
from bot.config import Settings
from bot.digest.scheduler import DigestScheduler
from bot.reloader import Reloader
from bot.sources.poller import SourcePoller
from storage.db import Database
from storage.reading import read_article
from storage.sources.addresses import RefusedAddress, check_host, checked_url, redact
from storage.sources.article_file import WebArticle, article_text, file_name
from storage.sources.checking import PAUSE_AFTER_FAILURES, probe
from storage.sources.fetching import Fetcher, FetchFailed
from storage.sources.pages import UnusableListing
from storage.sources.registry import SourceRegistry
from storage.sources.relevance import judge
from tests.archive_fixtures import SEEDS
from tests.fakes import RecordingSession
from tests.source_site import IRRELEVANT, RELEVANT, NewsSite, serve_site
from tests.support import FixedClock, sent

ADMIN_CHAT = -100777


@dataclass
class Rig:
    site: NewsSite
    poller: SourcePoller
    registry: SourceRegistry
    database: Database
    session: RecordingSession
    clock: FixedClock

    async def add(self, path: str) -> int:
        found = await probe(self.poller.fetcher, self.site.base + path)
        return await self.registry.add(
            self.site.base + path, found.title, found.kind, interval=1800,
            now=self.clock(), limit=100,
        )  # fmt: skip

    async def check(self, *ids: int) -> None:
        sources = [s for s in await self.registry.all() if not ids or s.id in ids]
        await self.poller.check(sources)

    async def articles(self) -> dict[str, tuple[str | None, str | None]]:
        """Title -> (date, url) of every article in the archive."""
        async with self.database.reader.execute("SELECT title, date, url FROM articles") as cursor:
            return {row[0]: (row[1], row[2]) for row in await cursor.fetchall()}


def sources_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "allow_private_sources": True,
            "source_host_interval_seconds": 0.0,
            "source_timeout_seconds": 2.0,
            "admin_chat_id": ADMIN_CHAT,
        }
    )


@pytest.fixture
async def rig(settings: Settings, database: Database, clock: FixedClock) -> AsyncIterator[Rig]:
    settings = sources_settings(settings)
    session = RecordingSession()
    bot = make_bot(settings, session)
    digests = DigestScheduler(database, settings, clock=clock)
    reloader = Reloader(database, settings.seeds_dir, clock, digests.wake)
    registry = SourceRegistry(database)
    poller = SourcePoller(registry, settings, reloader, clock)
    async with serve_site() as site:
        await poller.open(bot)
        try:
            yield Rig(site, poller, registry, database, session, clock)
        finally:
            await poller.stop()
            await bot.session.close()


def title_of(path: str) -> str:
    from tests.source_site import ARTICLES

    return str(ARTICLES[path]["title"])


async def test_relevant_items_reach_the_archive_with_their_url_and_date(rig: Rig) -> None:
    rss, atom = await rig.add("/rss.xml"), await rig.add("/atom.xml")
    await rig.check()
    articles = await rig.articles()
    for path in RELEVANT:
        date, url = articles[title_of(path)]
        assert url == rig.site.base + path  # the link to the original
        assert date is not None
    # The cp1251 page is read in its own encoding; the markup-only date is found.
    assert articles[title_of("/news/2024/05/omsk-pavlodar.html")][0] == "2024-05-22"
    assert articles[title_of("/news/2024/05/atyrau-astrakhan.html")][0] == "2024-05-20"
    for path in IRRELEVANT:
        assert title_of(path) not in articles
    by_id = {s.id: s for s in await rig.registry.all()}
    # rss: 3 kept (one via a redirect), weather rejected, 404 and robots.txt refusals recorded.
    assert (by_id[rss].items_kept, by_id[rss].items_rejected) == (3, 3)
    # atom: bko-samara kept; sport, the PDF and the 5 MB page rejected.
    assert (by_id[atom].items_kept, by_id[atom].items_rejected) == (1, 3)
    reasons = {
        item.url.rsplit("/", 1)[1]: item.reason for item in await rig.registry.rejected(atom)
    }
    assert reasons["report.pdf"] == "not_html"
    assert reasons["huge.html"] == "fetch:larger than 2 MB"
    assert reasons["aktobe-sport.html"] == "one_side:KZ"
    assert rig.site.hits["/private/internal.html"] == 0  # robots.txt forbids it
    assert all("KzRuRegionsNewsBot" in agent for agent in rig.site.user_agents)


async def test_nothing_is_fetched_or_stored_twice(rig: Rig) -> None:
    await rig.add("/rss.xml")
    await rig.check()
    before = sum(rig.site.hits.values()) - rig.site.hits["/rss.xml"]
    count = len(await rig.articles())
    rig.clock.now += dt.timedelta(hours=1)
    await rig.check()
    assert sum(rig.site.hits.values()) - rig.site.hits["/rss.xml"] == before
    assert len(await rig.articles()) == count
    (source,) = await rig.registry.all()
    assert source.last_error is None
    assert source.items_seen == 6
    # A page of links offering an article already taken fetches only the new ones.
    await rig.add("/links.html")
    await rig.check()
    assert rig.site.hits["/news/2024/05/kostanay-chelyabinsk.html"] == 1


async def test_the_same_story_from_two_outlets_joins_one_story(rig: Rig) -> None:
    await rig.add("/rss.xml")
    await rig.add("/links.html")
    await rig.check()
    async with rig.database.reader.execute(
        "SELECT story_id FROM articles WHERE title LIKE '%поставках зерна'"
    ) as cursor:
        stories = [row[0] for row in await cursor.fetchall()]
    assert len(stories) == 2
    assert stories[0] is not None
    assert stories[0] == stories[1]


async def test_failures_back_off_then_pause_and_the_admins_are_told_once(rig: Rig) -> None:
    found = await rig.poller.fetcher.get(rig.site.base + "/rss.xml")
    assert found.status == 200
    source_id = await rig.registry.add(
        rig.site.base + "/error500.xml", "Broken", "feed", interval=1800, now=rig.clock(), limit=9
    )
    waits = []
    for _ in range(PAUSE_AFTER_FAILURES):
        await rig.check(source_id)
        source = await rig.registry.get(source_id)
        assert source is not None
        assert source.last_error == "HTTP 500"
        waits.append((source.next_check - rig.clock()).total_seconds())
        rig.clock.now = source.next_check
    assert waits[:3] == [3600, 7200, 14400]  # doubled each time
    assert max(waits) == 86400  # capped at a day
    source = await rig.registry.get(source_id)
    assert source is not None
    assert source.paused
    assert source.failures == PAUSE_AFTER_FAILURES
    await rig.check(source_id)  # checked again by hand: still failing, no second notice
    messages = sent(rig.session.requests, SendMessage)
    notices = [message for message in messages if message.chat_id == ADMIN_CHAT]
    assert len(notices) == 1
    assert "Broken" in notices[0].text
    assert "HTTP 500" in notices[0].text


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/slow.xml", "timed out after 2 s"),
        ("/broken.xml", "malformed feed"),
        ("/news/2024/05/gone.html", "HTTP 404"),
        ("/loop/0", "more than 5 redirects"),
    ],
)
async def test_a_failing_listing_is_recorded_with_its_error(
    rig: Rig, path: str, error: str
) -> None:
    source_id = await rig.registry.add(
        rig.site.base + path, "x", "feed", interval=1800, now=rig.clock(), limit=9
    )
    await rig.check(source_id)
    source = await rig.registry.get(source_id)
    assert source is not None
    assert source.last_error == error
    assert source.failures == 1


async def test_a_non_html_address_or_a_broken_feed_cannot_be_added(rig: Rig) -> None:
    with pytest.raises(UnusableListing):
        await probe(rig.poller.fetcher, rig.site.base + "/files/report.pdf")
    with pytest.raises(UnusableListing, match="malformed"):
        await probe(rig.poller.fetcher, rig.site.base + "/broken.xml")
    kinds = {p: (await probe(rig.poller.fetcher, rig.site.base + p)).kind
             for p in ("/rss.xml", "/atom.xml", "/sitemap.xml", "/links.html")}  # fmt: skip
    assert kinds == {
        "/rss.xml": "feed", "/atom.xml": "feed", "/sitemap.xml": "sitemap", "/links.html": "links"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.kz/rss.xml", "scheme"),
        ("http://user:secret@example.kz/rss.xml", "credentials"),
        ("http:///rss.xml", "no_host"),
        ("javascript:alert(1)", "scheme"),
    ],
)
def test_addresses_of_the_wrong_form_are_refused(url: str, code: str) -> None:
    with pytest.raises(RefusedAddress) as refused:
        checked_url(url)
    assert refused.value.code == code


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost:8080/", "http://10.0.0.1/",
                                 "http://169.254.169.254/latest", "http://[::1]/"])  # fmt: skip
async def test_private_addresses_are_refused_unless_allowed(url: str) -> None:
    with pytest.raises(RefusedAddress) as refused:
        await check_host(url, allow_private=False)
    assert refused.value.code == "private"
    await check_host(url, allow_private=True)


async def test_the_fetcher_refuses_loopback_without_the_setting() -> None:
    async with serve_site() as site, Fetcher(timeout=1, host_interval=0) as fetcher:
        with pytest.raises(FetchFailed, match="address refused"):
            await fetcher.get(site.base + "/rss.xml")
        assert sum(site.hits.values()) == 0


async def test_one_site_is_asked_at_most_once_per_interval() -> None:
    pages = ("astana-weather.html", "omsk-pavlodar.html", "atyrau-astrakhan.html")
    async with (
        serve_site() as site,
        Fetcher(timeout=2, host_interval=0.3, allow_private=True) as fetcher,
    ):
        begin = time.monotonic()
        await asyncio.gather(*(fetcher.get(f"{site.base}/news/2024/05/{p}") for p in pages))
        elapsed = time.monotonic() - begin
    # robots.txt, then three pages: four starts, each at least 0.3 s after the one before.
    assert elapsed >= 0.9


def test_credentials_never_reach_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    assert redact("https://user:secret@example.kz/rss") == "https://***@example.kz/rss"
    assert "secret" not in redact("http://:secret@example.kz")
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("t").info("source %s", redact("https://a:secret@x.kz/"))
    assert "secret" not in caplog.text


async def test_seeds_files_hold_the_url_and_date_on_top(rig: Rig, settings: Settings) -> None:
    await rig.add("/rss.xml")
    await rig.check()
    files = sorted(await asyncio.to_thread(lambda: list(settings.seeds_dir.glob("src-*.txt"))))
    assert len(files) == 3
    head = files[0].read_text("utf-8").splitlines()[:3]
    assert head[1][2] == "."
    assert head[1][5] == "."
    assert head[2].startswith(f"Источник: {rig.site.base}/news/")


CONSUL = (
    "Генеральный консул Казахстана встретился с губернатором Астраханской области\n22.11.2022\n\n"
    "Генеральный консул Республики Казахстан в Астрахани Асхат Мадиев встретился с губернатором "
    "Астраханской области Игорем Бабушкиным. Стороны обсудили развитие торгово-экономического "
    "сотрудничества Казахстана и Астраханской области.\n"
)
FESTIVAL = (
    "На выходных прошёл фестиваль уличной еды и музыки\n01.06.2024\n\n"
    "На выходных в городских парках прошёл большой фестиваль уличной еды, в нём приняли участие "
    "сотни кафе и ресторанов.\n"
)
MOSCOW = FESTIVAL.replace("в городских парках", "в парках Москвы")


@pytest.mark.parametrize(
    ("text", "kept", "reason"),
    [
        (CONSUL, True, "kept"),  # a region with the other country (its consul) as partner
        ((SEEDS / "004_e93665f458d34241.txt").read_text("utf-8"), True, "kept"),
        ((SEEDS / "003_3ddcb5ee8a16ac75.txt").read_text("utf-8"), True, "kept"),
        (FESTIVAL, False, "no_region"),
        (MOSCOW, False, "one_side"),
    ],
)
def test_relevance_follows_the_reader_s_partner_roles(text: str, kept: bool, reason: str) -> None:
    verdict = judge(read_article(text))
    assert (verdict.kept, verdict.reason) == (kept, reason)


def test_the_article_file_is_read_back_with_its_title_date_and_address() -> None:
    web = WebArticle(
        url="https://example.kz/news/1",
        title="Аким и губернатор подписали соглашение",
        date=dt.date(2024, 5, 14),
        body="Аким Костанайской области и губернатор Челябинской области подписали соглашение.",
    )
    record = read_article(article_text(web))
    assert record.title == web.title
    assert record.date == web.date
    assert record.url == web.url
    assert record.source == "example.kz"  # the outlet
    assert file_name(web.url) == file_name("https://example.kz/news/1")
    assert file_name(web.url).startswith("src-")
