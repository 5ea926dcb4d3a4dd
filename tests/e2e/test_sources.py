"""Sources over the Bot API emulator: an admin adds a feed, the bot fetches it by itself, and a
subscriber to a region of a relevant item receives it once, with the original's address."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator

import pytest

from tests.e2e.client import Emulator
from tests.e2e.support import ADMIN_ID, BotProcess
from tests.source_site import ARTICLES, NewsSite, serve_site

pytestmark = pytest.mark.e2e

DIGEST_TIMEOUT = 60.0
KOSTANAY = "/news/2024/05/kostanay-chelyabinsk.html"


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """The local news site, served from a thread of its own (the e2e tests are synchronous)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    context = serve_site()
    site = asyncio.run_coroutine_threadsafe(context.__aenter__(), loop).result(timeout=10)
    try:
        yield site
    finally:
        asyncio.run_coroutine_threadsafe(context.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


@pytest.fixture
def sources_bot(bot_process: BotProcess) -> BotProcess:
    bot_process.start(
        ALLOW_PRIVATE_SOURCES="true",
        SOURCE_HOST_INTERVAL_SECONDS="0",
        SOURCE_TIMEOUT_SECONDS="3",
    )
    return bot_process


def test_a_relevant_item_reaches_its_region_s_subscriber_once(
    sources_bot: BotProcess, emulator: Emulator, news_site: NewsSite
) -> None:
    user = emulator.user(1001, "ru")
    admin = emulator.user(ADMIN_ID, "ru")
    user.send("/subscribe Костанай")
    user.wait_for("Подписка оформлена")
    title = ARTICLES[KOSTANAY]["title"]

    admin.send(f"/source_add {news_site.base}/rss.xml Qostanay News")
    added = admin.wait_for("Источник добавлен")
    assert "лента RSS/Atom" in added.text

    digest = user.wait_for(title, timeout=DIGEST_TIMEOUT)
    assert "В Астане ожидается" not in digest.text  # the irrelevant item never reaches anyone
    user.expect_no_reply(3.0)  # once
    article_id = re.search(r"/article (\d+)", digest.text)
    assert article_id is not None
    user.send(f"/article {article_id.group(1)}")
    detail = user.wait_for(title)
    assert f'href="{news_site.base}{KOSTANAY}"' in detail.html  # the link to the original

    admin.send("/sources")
    listing = admin.wait_for("Qostanay News")
    assert "взято 3, отклонено 3" in listing.text
    assert news_site.hits[KOSTANAY] == 1
