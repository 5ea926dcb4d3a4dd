"""Sources off the bot's interpreter: checks and loads in worker processes, labelled as source
loads; the pause notice in the admin chat's language; addresses checked when connecting."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendMessage

from bot.app import make_bot
from bot.config import Settings
from bot.html import escape
from bot.reloader import Reloader
from bot.sources import poller as poller_module
from bot.sources.notices import ChatLanguages
from bot.sources.poller import SourcePoller
from bot.texts import t
from bot.views.admin import last_reload as last_reload_line
from bot.views.sources import error_text
from storage import loader
from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.models import Lang
from storage.sources import fetching
from storage.sources.checking import PAUSE_AFTER_FAILURES
from storage.sources.fetching import Fetcher, FetchFailed
from storage.sources.registry import SourceRegistry
from storage.stats import ReloadEntry, last_reload
from storage.users import Users
from storage.workers import WorkerProcess
from tests.fakes import RecordingSession
from tests.source_site import NewsSite, serve_site
from tests.support import FixedClock, sent
from tests.test_sources import ADMIN_CHAT, sources_settings

ADMIN = 1001


@pytest.fixture
async def site() -> AsyncIterator[NewsSite]:
    async with serve_site() as site:
        yield site


async def test_a_check_in_its_worker_fills_the_archive_and_is_logged_as_a_source_load(
    settings: Settings,
    database: Database,
    clock: FixedClock,
    site: NewsSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("a source check or its load ran in the bot's process")

    monkeypatch.setattr(poller_module, "check_sources", not_here)
    monkeypatch.setattr(loader, "_write", not_here)
    settings = sources_settings(settings)
    loading = WorkerProcess("loading")
    reloader = Reloader(database, settings.seeds_dir, clock, worker=loading)
    registry = SourceRegistry(database)
    poller = SourcePoller(registry, settings, reloader, clock)
    bot = make_bot(settings, RecordingSession())
    await registry.add(site.base + "/rss.xml", "Qostanay", "feed", interval=1800, now=clock(),
                       limit=9)  # fmt: skip
    await poller.open(bot, processes=True)
    try:
        (result,) = await poller.check(await registry.all())
    finally:
        await poller.stop()
        loading.close()
        await bot.session.close()
    assert len(result.kept_files) == 3
    rows = await database.reader.execute_fetchall(
        "SELECT count(*) FROM articles WHERE url LIKE ?", (site.base + "/%",)
    )
    assert list(rows) == [(3,)]
    entry = await last_reload(database.reader)
    assert entry is not None
    assert (entry.trigger, entry.ok, entry.added) == ("source", True, 3)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_stats_name_a_source_load_as_such(lang: Lang) -> None:
    entry = ReloadEntry(dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC), "source", ok=True)
    line = last_reload_line(entry, lang)
    assert t(lang, "admin.trigger_source") in line
    assert t(lang, "admin.trigger_reload") not in line


async def pause_a_broken_source(
    settings: Settings, database: Database, clock: FixedClock, site: NewsSite
) -> tuple[RecordingSession, str]:
    """Ten failing checks of one source; the requests the bot sent, and the source's URL."""
    chats = Chats(database, default_tz=settings.default_timezone)
    languages = ChatLanguages(chats, Users(database))
    reloader = Reloader(database, settings.seeds_dir, clock)
    registry = SourceRegistry(database)
    poller = SourcePoller(registry, settings, reloader, clock, languages=languages)
    session = RecordingSession()
    bot = make_bot(settings, session)
    url = site.base + "/error500.xml"
    source_id = await registry.add(url, "Broken", "feed", interval=1800, now=clock(), limit=9)
    await poller.open(bot)
    try:
        for _ in range(PAUSE_AFTER_FAILURES + 1):
            source = await registry.get(source_id)
            assert source is not None
            await poller.check([source])
            clock.now = source.next_check + dt.timedelta(days=1)
    finally:
        await poller.stop()
        await bot.session.close()
    return session, url


def notice(lang: Lang, url: str) -> str:
    return t(lang, "sources.paused_notice", name=escape("Broken"), url=escape(url),
             error=error_text("HTTP 500", lang))  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "en"])
async def test_the_pause_notice_speaks_the_admin_chat_s_language(
    settings: Settings, database: Database, clock: FixedClock, site: NewsSite, lang: Lang
) -> None:
    settings = sources_settings(settings)
    chats = Chats(database, default_tz=settings.default_timezone)
    await chats.ensure(ChatPlace(ADMIN_CHAT, "supergroup", lang))
    session, url = await pause_a_broken_source(settings, database, clock, site)
    notices = [m.text for m in sent(session.requests, SendMessage) if m.chat_id == ADMIN_CHAT]
    assert notices == [notice(lang, url)]


async def test_without_an_admin_chat_each_admin_is_told_in_the_language_they_chose(
    settings: Settings, database: Database, clock: FixedClock, site: NewsSite
) -> None:
    settings = sources_settings(settings).model_copy(
        update={"admin_chat_id": None, "admin_ids": (ADMIN, ADMIN + 1)}
    )
    await Users(database).set_lang(ADMIN, "en", clock())
    session, url = await pause_a_broken_source(settings, database, clock, site)
    by_chat = {m.chat_id: m.text for m in sent(session.requests, SendMessage)}
    assert by_chat == {ADMIN: notice("en", url), ADMIN + 1: notice("ru", url)}


async def test_a_name_that_resolves_to_loopback_when_connecting_is_refused(
    site: NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name passed the check (when it was added, or a first DNS answer),
    and resolves to a loopback address when the connection is made."""

    async def public_when_checked(url: str, *, allow_private: bool) -> None:
        return None

    monkeypatch.setattr(fetching, "check_host", public_when_checked)
    url = site.base.replace("127.0.0.1", "localhost") + "/rss.xml"
    async with Fetcher(timeout=2, host_interval=0) as fetcher:
        with pytest.raises(FetchFailed, match=r"^address refused \(private\)$") as refused:
            await fetcher.get(url)
    assert refused.value.permanent
    assert sum(site.hits.values()) == 0


async def test_a_name_that_resolves_to_loopback_is_fetched_when_private_sources_are_allowed(
    site: NewsSite,
) -> None:
    url = site.base.replace("127.0.0.1", "localhost") + "/rss.xml"
    async with Fetcher(timeout=2, host_interval=0, allow_private=True) as fetcher:
        fetched = await fetcher.get(url)
    assert fetched.status == 200
    assert site.hits["/rss.xml"] == 1
