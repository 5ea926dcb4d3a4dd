"""/sources and /source_add through the real dispatcher: access, refusals, buttons, force-keep."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import InlineKeyboardMarkup

from bot.app import make_bot, make_dispatcher
from bot.callbacks import KeepCallback, SourceCallback
from bot.config import Settings
from bot.texts import t
from bot.views import sources as views
from storage.db import Database
from storage.models import Lang
from tests.fakes import RecordingSession, make_callback, make_message, make_update, make_user
from tests.source_site import NewsSite, serve_site
from tests.support import FixedClock

ADMIN = 1001
STRANGER = 2002


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    return Settings(
        _env_file=None,
        bot_token="123456:test",
        admin_ids=(ADMIN,),
        database_path=tmp_path / "data" / "archive.sqlite3",
        seeds_dir=seeds,
        allow_private_sources=True,
        source_host_interval_seconds=0,
        source_timeout_seconds=2,
        max_sources=3,
    )


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    database = await Database.open(settings.database_path)
    yield database
    await database.close()


@pytest.fixture
async def site() -> AsyncIterator[NewsSite]:
    async with serve_site() as site:
        yield site


@pytest.fixture
async def dispatcher(
    settings: Settings, database: Database, clock: FixedClock
) -> AsyncIterator[Dispatcher]:
    dispatcher = make_dispatcher(settings, database, clock=clock)
    yield dispatcher
    await dispatcher["source_poller"].stop()


@pytest.fixture
async def bot(settings: Settings, session: RecordingSession) -> AsyncIterator[Bot]:
    bot = make_bot(settings, session)
    yield bot
    await bot.session.close()


class Send(Protocol):
    """A message (text) or a button (callback data) from a user; the texts the bot sent back."""

    async def __call__(
        self, text: str, user_id: int = ..., *, button: bool = False
    ) -> list[str]: ...


@pytest.fixture
def send(dispatcher: Dispatcher, bot: Bot, session: RecordingSession) -> Send:
    """A message (text) or a button (callback data) from a user; the texts the bot sent back."""

    async def send(text: str, user_id: int = ADMIN, *, button: bool = False) -> list[str]:
        before = len(session.requests)
        user = make_user(user_id, "en")
        event = make_callback(text, user=user) if button else make_message(text, user=user)
        await dispatcher.feed_update(bot, make_update(event))
        calls = session.requests[before:]
        found = [str(getattr(c, "text", "")) for c in calls if hasattr(c, "text")]
        return [text for text in found if text and text != "None"]

    return send


def last_keyboard(session: RecordingSession) -> InlineKeyboardMarkup:
    for call in reversed(session.requests):
        markup = getattr(call, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            return markup
    raise AssertionError("no keyboard sent")


def button(action: str, source_id: int = 1) -> str:
    return SourceCallback(action=action, id=source_id).pack()


async def test_strangers_get_the_unknown_command_answer(send: Send, site: NewsSite) -> None:
    unknown = await send("/nosuchcommand", STRANGER)
    assert unknown
    assert await send("/sources", STRANGER) == unknown
    assert await send(f"/source_add {site.base}/rss.xml", STRANGER) == unknown
    assert sum(site.hits.values()) == 0
    await send(f"/source_add {site.base}/rss.xml")
    pressed = await send(button("remove"), STRANGER, button=True)
    assert not any("Removed" in text for text in pressed)  # a stale button to a stranger
    (listing,) = await send("/sources")
    assert f"{site.base}/rss.xml" in listing


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("file:///etc/passwd", "sources.refused_scheme"),
        ("ftp://example.kz/rss.xml", "sources.refused_scheme"),
        ("not a url", "sources.refused_scheme"),
        ("http://user:secret@example.kz/rss.xml", "sources.refused_credentials"),
    ],
)
async def test_addresses_of_the_wrong_form_are_refused(
    send: Send, address: str, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert await send(f"/source_add {address}") == [t("en", key)]
    assert "secret" not in caplog.text


async def test_loopback_is_refused_without_the_setting(
    send: Send, settings: Settings, site: NewsSite
) -> None:
    settings.allow_private_sources = False
    assert await send(f"/source_add {site.base}/rss.xml") == [t("en", "sources.refused_private")]
    assert sum(site.hits.values()) == 0


async def test_a_stranger_with_a_password_url_is_not_logged(
    send: Send, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await send("/source_add https://admin:hunter2@example.kz/rss", STRANGER)
    assert "refused admin action" in caplog.text
    assert "hunter2" not in caplog.text


async def test_usage_and_unusable_addresses(send: Send, site: NewsSite) -> None:
    assert await send("/source_add") == [t("en", "sources.usage")]
    (answer,) = await send(f"/source_add {site.base}/files/report.pdf")
    assert "cannot be followed" in answer
    (answer,) = await send(f"/source_add {site.base}/error500.xml")
    assert "the site answered HTTP 500" in answer
    (answer,) = await send(f"/source_add {site.base}/broken.xml", user_id=ADMIN)
    assert "the feed is malformed" in answer


async def test_an_admin_adds_lists_checks_pauses_and_removes_a_source(
    send: Send, site: NewsSite, session: RecordingSession, settings: Settings
) -> None:
    (added,) = await send(f"/source_add {site.base}/rss.xml Qostanay")
    assert "Source added" in added
    assert "RSS/Atom feed" in added
    assert await send(f"/source_add {site.base}/rss.xml") == [t("en", "sources.exists")]
    (listing,) = await send("/sources")
    assert "Qostanay" in listing
    assert f"{site.base}/rss.xml" in listing
    assert "last check: never" in listing
    (checked, *_) = await send(button("check"), button=True)
    assert "Checked Qostanay: kept 3, rejected 3" in checked
    assert "seen 6, kept 3, rejected 3" in checked
    (paused, *_) = await send(button("pause"), button=True)
    assert "Paused: Qostanay" in paused
    assert "⏸ paused" in paused
    (resumed, *_) = await send(button("resume"), button=True)
    assert "Resumed" in resumed
    (removed,) = await send(button("remove"), button=True)
    assert "Removed: Qostanay" in removed
    assert await send("/sources") == [t("en", "sources.none")]
    assert len(list(settings.seeds_dir.glob("src-*.txt"))) == 3  # its articles stay


async def test_rejected_items_show_why_and_one_can_be_kept(
    send: Send, site: NewsSite, session: RecordingSession, database: Database
) -> None:
    await send(f"/source_add {site.base}/rss.xml")
    await send(button("check"), button=True)
    (rejected,) = await send(button("rejected"), button=True)
    assert "В Астане ожидается сильный ветер и снег — only one side is a party (KZ)" in rejected
    assert "not fetched: the site answered HTTP 404" in rejected
    assert "not fetched: the site's robots.txt forbids it" in rejected
    keep = [b for row in last_keyboard(session).inline_keyboard for b in row if "Keep" in b.text]
    assert len(keep) == 1  # only the weather item still has its text
    assert keep[0].callback_data is not None
    (kept,) = await send(keep[0].callback_data, button=True)
    assert "Kept: В Астане ожидается" in kept
    async with database.reader.execute(
        "SELECT count(*) FROM articles WHERE title LIKE 'В Астане%'"
    ) as cursor:
        assert (await cursor.fetchone()) == (1,)
    again = await send(keep[0].callback_data, button=True)
    assert again == [t("en", "sources.keep_gone")]  # an alert: it is kept already
    assert KeepCallback.unpack(keep[0].callback_data).item > 0


async def test_a_name_with_markup_is_stored_as_typed_and_shown_escaped(
    send: Send, site: NewsSite
) -> None:
    (added,) = await send(f"/source_add {site.base}/rss.xml Акимат <Костанай> & Co")
    assert "Акимат &lt;Костанай&gt; &amp; Co" in added
    (listing,) = await send("/sources")
    assert "Акимат &lt;Костанай&gt; &amp; Co" in listing
    assert "&amp;lt;" not in listing


async def test_the_console_closes_the_fetcher_on_shutdown(
    settings: Settings, database: Database, clock: FixedClock, bot: Bot, site: NewsSite
) -> None:
    """Console mode never starts the poller, but /source_add still fetches: no session leaks."""
    dispatcher = make_dispatcher(settings, database, clock=clock, deliver_digests=False)
    add = make_message(f"/source_add {site.base}/rss.xml", user=make_user(ADMIN, "en"))
    await dispatcher.feed_update(bot, make_update(add))
    fetcher = dispatcher["source_poller"].fetcher
    assert fetcher._session is not None  # opened by the probe of the address
    await dispatcher.emit_shutdown(bot=bot)
    assert fetcher._session is None


async def test_the_number_of_sources_is_limited(send: Send, site: NewsSite) -> None:
    for path in ("/rss.xml", "/atom.xml", "/sitemap.xml"):
        (answer,) = await send(f"/source_add {site.base}{path}")
        assert "Source added" in answer
    assert await send(f"/source_add {site.base}/links.html") == [t("en", "sources.limit", limit=3)]


@pytest.mark.parametrize(
    "error",
    [
        "disallowed by robots.txt", "HTTP 503", "larger than 2 MB", "more than 5 redirects",
        "timed out after 20 s", "connection failed (ClientConnectorError)",
        "address refused (private)", "malformed feed", "not a feed, a sitemap or an HTML page",
        "a sitemap index: add one of the sitemaps it names", "unreadable HTML page",
    ],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_fetch_error_is_shown_in_the_admin_s_language(error: str, lang: Lang) -> None:
    shown = views.error_text(error, lang)
    assert shown != error
    if lang != "en":
        assert re.search("[а-яәғқңөұүһі]", shown), shown


def test_an_unknown_error_is_shown_as_stored_and_escaped() -> None:
    assert views.error_text("<odd> & new", "ru") == "&lt;odd&gt; &amp; new"
