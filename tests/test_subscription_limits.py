"""Limits on what a chat can make the bot store: forged buttons write nothing, a cap on
subscriptions per chat (said in the user's language), and /subscriptions paginated."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import TelegramMethod

from bot.app import make_dispatcher
from bot.callbacks import SubscribeCallback, SubscriptionsPageCallback
from bot.config import Settings
from bot.html import escape
from bot.texts import t
from bot.views.render import MESSAGE_LIMIT
from storage import subscriptions
from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.models import Lang
from storage.regions import all_regions
from storage.sectors import all_sectors
from storage.subscriptions import Subscription, pair_key
from tests.fakes import BOT_ID, RecordingSession, make_callback, make_chat, make_message, make_user
from tests.fakes import make_update as update_of
from tests.support import FixedClock, texts


def press(data: str, lang: Lang = "ru", message_id: int = 5) -> Any:
    shown = make_message(
        "…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(111), message_id=message_id
    )
    return make_callback(data, user=make_user(111, lang), message=shown)


def answers(calls: list[TelegramMethod[Any]]) -> list[str | None]:
    return [c.text for c in calls if c.__api_method__ == "answerCallbackQuery"]  # type: ignore[attr-defined]


async def table_counts(database: Database) -> tuple[int, int]:
    async with database.reader.execute(
        "SELECT (SELECT count(*) FROM subscriptions), (SELECT count(*) FROM chats)"
    ) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


async def feed_calls(
    settings: Settings, database: Database, bot: Bot, session: RecordingSession, event: Any
) -> list[TelegramMethod[Any]]:
    dispatcher = make_dispatcher(settings, database, clock=FixedClock())
    before = len(session.requests)
    await dispatcher.feed_update(bot, update_of(event))
    return session.requests[before:]


FORGED = [
    "sub:add:region:junk",
    "sub:add:region:kz-atyrau+ru-astrakhan",  # a pair key passed off as a region
    "sub:add:pair:ru-astrakhan+kz-atyrau",  # unsorted: would be a second row for one pair
    "sub:add:pair:kz-atyrau+kz-atyrau",
    "sub:add:sector:junk",
    "sub:del:region:junk",
    "op:r:junk",
    "op:s:kz-atyrau",
]


@pytest.mark.parametrize("data", FORGED)
async def test_a_forged_button_writes_nothing_and_gets_the_stale_answer(
    feed: Any, database: Database, data: str
) -> None:
    before = await table_counts(database)
    calls = await feed(press(data))
    assert answers(calls) == [t("ru", "list.stale")]
    assert await table_counts(database) == before


async def test_a_real_button_still_subscribes(feed: Any, database: Database) -> None:
    data = SubscribeCallback(action="add", kind="pair", key="kz-atyrau+ru-astrakhan").pack()
    await feed(press(data))
    assert await subscriptions.subscriptions(database.reader, 111) == [
        Subscription("pair", "kz-atyrau+ru-astrakhan")
    ]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
async def test_the_cap_is_said_in_the_users_language(
    settings: Settings,
    database: Database,
    bot: Bot,
    session: RecordingSession,
    lang: Lang,
) -> None:
    capped = settings.model_copy(update={"max_subscriptions_per_chat": 3})
    for name in ("Атырау", "Астрахань", "туризм"):
        await feed_calls(capped, database, bot, session, make_message(f"/subscribe {name}"))
    user = make_user(111, lang)
    calls = await feed_calls(
        capped, database, bot, session, make_message("/subscribe Омск", user=user)
    )
    name = t(lang, "sub.limit", name=escape("§"), limit=3).split("§")[0]
    assert texts(calls)[0].startswith(name)
    calls = await feed_calls(capped, database, bot, session, press("sub:add:region:ru-omsk", lang))
    assert answers(calls)[0].startswith(name)  # type: ignore[union-attr]
    assert len(answers(calls)[0] or "") <= 200  # a callback answer's limit
    assert len(await subscriptions.subscriptions(database.reader, 111)) == 3


async def test_the_default_cap_is_50(settings: Settings, database: Database) -> None:
    assert settings.max_subscriptions_per_chat == 50
    chats = Chats(
        database, default_tz="UTC", max_subscriptions=settings.max_subscriptions_per_chat
    )
    place = ChatPlace(111, "private", "ru")
    regions = [r.id for r in all_regions()]
    outcomes = [
        (await chats.subscribe(place, Subscription("region", key)))[1] for key in regions[:51]
    ]
    assert outcomes == ["added"] * 50 + ["full"]
    again = Subscription("region", regions[0])
    assert (await chats.subscribe(place, again))[1] == "exists"


async def many_subscriptions(database: Database, count: int) -> list[Subscription]:
    await Chats(database, default_tz="UTC").ensure(ChatPlace(111, "private", "ru"))
    ids = [r.id for r in all_regions()]
    follows = [Subscription("region", key) for key in ids]
    follows += [Subscription("sector", s.id) for s in all_sectors()]
    pairs = (pair_key(a, b) for a, b in itertools.combinations(ids, 2))
    follows += [Subscription("pair", key) for key in itertools.islice(pairs, count)]
    follows = follows[:count]
    for follow in follows:
        await subscriptions.subscribe(database, 111, follow)
    return follows


def page_buttons(call: Any) -> list[str]:
    return [b.text for row in call.reply_markup.inline_keyboard for b in row]


async def test_166_subscriptions_are_listed_in_pages_that_fit(
    feed: Any, database: Database
) -> None:
    follows = await many_subscriptions(database, 166)
    (first,) = [c for c in await feed("/subscriptions") if c.__api_method__ == "sendMessage"]
    assert len(first.text) <= MESSAGE_LIMIT
    assert "Страница 1 из 17" in first.text
    assert page_buttons(first)[-1] == "▶"
    assert "◀" not in page_buttons(first)
    seen: list[str] = []
    for page in range(17):
        calls = await feed(press(SubscriptionsPageCallback(page=page).pack()))
        (edit,) = [c for c in calls if c.__api_method__ == "editMessageText"]
        assert len(edit.text) <= MESSAGE_LIMIT
        seen += [b for b in page_buttons(edit) if b not in {"◀", "▶"}]
        assert answers(calls) == [None]
    assert len(seen) == len(set(seen)) == 166
    assert len(follows) == 166


async def test_removing_on_a_later_page_stays_on_that_page(feed: Any, database: Database) -> None:
    follows = await many_subscriptions(database, 35)
    removed = follows[27]  # on the third page
    data = SubscribeCallback(action="del", kind=removed.kind, key=removed.key).pack()
    calls = await feed(press(data))
    (edit,) = [c for c in calls if c.__api_method__ == "editMessageText"]
    assert "Страница 3 из 4" in edit.text
    assert removed not in await subscriptions.subscriptions(database.reader, 111)


async def test_a_deep_link_to_a_region_paired_with_itself_writes_nothing(
    feed: Any, database: Database
) -> None:
    before = await table_counts(database)
    reply = texts(await feed("/start sub-p-kz-atyrau+kz-atyrau"))
    assert reply == [t("ru", "sub.bad_link")]
    assert await table_counts(database) == before
