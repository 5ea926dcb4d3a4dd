"""A region or a pair followed within one sector: typed, listed, pressed, matched, migrated."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.methods import EditMessageReplyMarkup, SendMessage
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

import storage.db as db_module
from bot.answers import CALLBACK_ANSWER_LIMIT
from bot.callbacks import MAX_CALLBACK_BYTES, SectorSubscribeCallback, subscription_callback
from bot.config import Settings
from bot.html import escape
from bot.links import subscription_payload
from bot.texts import LANGUAGES, t
from bot.typed_summary import typed_summary
from bot.views.digest import compose_digest
from storage import outbox, subscriptions
from storage.db import Database, shipped_migrations
from storage.models import ArticleCard, Lang, RegionMention, Selection
from storage.subscriptions import Subscription, pair_key
from tests.digest_support import ATYRAU, new_article, subscriber
from tests.fakes import RecordingSession, make_message
from tests.support import Feed, keyboard, sent, texts
from tests.test_limits import longest_pair, longest_sector
from tests.test_limits import press as press_under
from tests.test_subscription_limits import feed_calls
from tests.test_subscriptions import answers, follows, press

ATYRAU_TOURISM = Subscription("region", "kz-atyrau", "tourism")
PAIR_TRADE = Subscription("pair", "kz-kostanay+ru-chelyabinsk", "trade")
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


async def test_region_and_sector_typed_in_any_order_are_one_subscription(
    feed: Feed, database: Database
) -> None:
    (reply,) = texts(await feed("/subscribe туризм Атырау"))
    assert reply.startswith("🔔 Подписка оформлена: Атырауская область × Туризм.")
    await feed("/subscribe Костанай торговля Челябинск")
    assert await follows(database) == [ATYRAU_TOURISM, PAIR_TRADE]
    assert texts(await feed("/subscribe Атырау туризм")) == [
        "Эта подписка уже есть: Атырауская область × Туризм."
    ]
    await feed("/subscribe Атырау")  # the whole region is another subscription
    assert await follows(database) == [ATYRAU_TOURISM, PAIR_TRADE, ATYRAU]


async def test_words_and_periods_that_cannot_be_followed_are_named(
    feed: Feed, database: Database
) -> None:
    (reply,) = texts(await feed("/subscribe туризм Атырау 2023 верблюды"))
    assert reply.startswith("🔔 Подписка оформлена: Атырауская область × Туризм.")
    assert reply.endswith("Не понял: «2023 верблюды».")
    (english,) = texts(await feed("/subscribe tourism Astrakhan last month", lang="en"))
    assert english.startswith("🔔 Subscribed: Astrakhan Oblast × Tourism.")
    assert english.endswith("Not understood: “last month”.")
    assert await follows(database) == [
        ATYRAU_TOURISM,
        Subscription("region", "ru-astrakhan", "tourism"),
    ]


async def test_unsubscribe_by_name_removes_only_the_combination(
    feed: Feed, database: Database
) -> None:
    await feed("/subscribe Атырау")
    await feed("/subscribe Атырау туризм")
    assert texts(await feed("/unsubscribe туризм Атырау")) == [
        "🔕 Подписка отменена: Атырауская область × Туризм."
    ]
    assert await follows(database) == [ATYRAU]


@pytest.mark.parametrize(
    ("lang", "listed", "button"),
    [
        ("ru", "Атырауская область × Туризм", "✖ Атырауская область × Туризм"),
        ("kk", "Атырау облысы × Туризм", "✖ Атырау облысы × Туризм"),
        ("en", "Atyrau Region × Tourism", "✖ Atyrau Region × Tourism"),
    ],
)
async def test_the_list_names_it_and_its_button_removes_it(
    feed: Feed, database: Database, lang: str, listed: str, button: str
) -> None:
    await feed("/subscribe туризм Атырау", lang=lang)
    (listing,) = sent(await feed("/subscriptions", lang=lang), SendMessage)
    assert listed in listing.text
    [[remove]] = keyboard(listing.reply_markup)
    assert remove.text == button
    assert remove.callback_data == "sx:del:kz-atyrau:tourism"
    calls = await feed(press(remove.callback_data, lang=lang))
    assert answers(calls)[0].startswith("🔕")
    assert await follows(database) == []


async def test_forged_buttons_are_answered_and_write_nothing(
    feed: Feed, database: Database
) -> None:
    for data in (
        "sx:add:kz-atyrau:nothing",
        "sx:add:kz-atyrau+kz-atyrau:tourism",
        "sx:add:ru-astrakhan+kz-atyrau:tourism",  # a pair is stored sorted
        "sx:add:nowhere:tourism",
        "sx:add:kz-atyrau:tourism:extra",
    ):
        calls = await feed(press(data))
        assert answers(calls) == [t("ru", "list.stale")], data
    assert await follows(database) == []
    async with database.reader.execute("SELECT count(*) FROM chats") as cursor:
        assert await cursor.fetchone() == (0,)


def test_the_longest_pair_and_sector_fit_a_button() -> None:
    longest = Subscription("pair", "kz-almaty-region+ru-north-ossetia", "transport_logistics")
    for action in ("add", "del", "off"):
        data = subscription_callback(action, longest).pack()
        assert len(data.encode()) <= MAX_CALLBACK_BYTES, data
        assert SectorSubscribeCallback.unpack(data).sector == "transport_logistics"


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_answers_fit_with_the_longest_pair_and_sector(feed: Feed, lang: Lang) -> None:
    kz, ru = longest_pair(lang)
    longest = Subscription("pair", pair_key(kz, ru), longest_sector(lang))
    data = subscription_callback("add", longest).pack()
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="🔔", callback_data=data)]]
    )
    added = answers(await feed(press_under(data, markup, lang), lang=lang))
    removed = answers(await feed(press_under(data.replace(":add:", ":off:"), markup, lang)))
    for text in [*added, *removed]:
        assert 0 < len(text) <= CALLBACK_ANSWER_LIMIT, text


async def test_the_subscribe_button_of_a_combined_summary(feed: Feed, database: Database) -> None:
    await new_article(database, regions=(("kz-atyrau", "partner"),), sectors=("tourism",))
    (summary,) = sent(await feed("/region Атырау туризм"), SendMessage)
    buttons = [b for row in keyboard(summary.reply_markup) for b in row]
    [subscribe] = [b for b in buttons if str(b.callback_data).startswith("sx:")]
    assert subscribe.callback_data == "sx:add:kz-atyrau:tourism"
    assert isinstance(summary.reply_markup, InlineKeyboardMarkup)
    calls = await feed(press_under(subscribe.callback_data, summary.reply_markup))
    assert answers(calls)[0].startswith("🔔 Подписка оформлена: Атырауская область × Туризм.")
    (edited,) = sent(calls, EditMessageReplyMarkup)
    swapped = [b for row in keyboard(edited.reply_markup) for b in row]
    assert any(b.callback_data == "sx:off:kz-atyrau:tourism" for b in swapped)
    assert await follows(database) == [ATYRAU_TOURISM]


def test_a_period_or_words_leave_no_subscribe_button() -> None:
    both = Selection(region_ids=("kz-atyrau",), sector="tourism")
    assert typed_summary(both, "ru").subscribe is not None
    day = dt.date(2026, 1, 1)
    assert typed_summary(replace(both, since=day, until=day), "ru").subscribe is None
    assert typed_summary(replace(both, query="нефть"), "ru").subscribe is None
    three = replace(both, region_ids=("kz-atyrau", "ru-astrakhan", "ru-omsk"))
    assert typed_summary(three, "ru").subscribe is None


async def test_new_articles_reach_only_matching_combinations(database: Database) -> None:
    await subscriber(database, 1, ATYRAU_TOURISM)
    await subscriber(database, 2, PAIR_TRADE)
    await subscriber(database, 3, ATYRAU, ATYRAU_TOURISM)  # both: still one delivery
    tourism = await new_article(
        database, "Туристы в Атырау", (("kz-atyrau", "partner"),), ("tourism",)
    )
    await new_article(database, "Торговля Атырау", (("kz-atyrau", "partner"),), ("trade",))
    await new_article(database, "Форум в Атырау", (("kz-atyrau", "mentioned"),), ("tourism",))
    pair = await new_article(
        database,
        "Костанай и Челябинск торгуют",
        (("kz-kostanay", "partner"), ("ru-chelyabinsk", "partner")),
        ("trade",),
    )
    await new_article(database, "Костанай торгует", (("kz-kostanay", "partner"),), ("trade",))
    assert await outbox.plan_instant(database, NOW) > 0
    async with database.reader.execute(
        "SELECT chat_id, article_id FROM outbox ORDER BY chat_id, article_id"
    ) as cursor:
        rows = [tuple(row) for row in await cursor.fetchall()]
    trade_atyrau = tourism + 1
    assert rows == [(1, tourism), (2, pair), (3, tourism), (3, trade_atyrau)]


async def test_a_scheduled_digest_plans_the_combination_too(database: Database) -> None:
    await subscriber(database, 1, ATYRAU_TOURISM)
    await database.writer.execute("UPDATE chats SET mode = 'daily' WHERE id = 1")
    await new_article(database, "Торговля Атырау", (("kz-atyrau", "partner"),), ("trade",))
    tourism = await new_article(
        database, "Туристы в Атырау", (("kz-atyrau", "partner"),), ("tourism",)
    )
    assert await outbox.plan_instant(database, NOW) == 0
    assert await outbox.plan_chat(database, 1, NOW) == 1
    assert await outbox.pending(database.reader, 1) == [tourism]


async def test_subscriptions_survive_the_migration_in_their_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = shipped_migrations()
    before = [m for m in everything if m.name < "0013"]
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: before)
    path = tmp_path / "archive.sqlite3"
    database = await Database.open(path)
    async with database.transaction() as writer:
        await writer.execute("INSERT INTO chats (id) VALUES (5)")
        for kind, key in (("sector", "trade"), ("region", "kz-atyrau"), ("pair", "a+b")):
            await writer.execute(
                "INSERT INTO subscriptions (chat_id, kind, key, created_at) VALUES (5, ?, ?, 'x')",
                (kind, key),
            )
    await database.close()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything)
    database = await Database.open(path)
    try:
        assert await subscriptions.subscriptions(database.reader, 5) == [
            Subscription("sector", "trade"),
            Subscription("region", "kz-atyrau"),
            Subscription("pair", "a+b"),
        ]
    finally:
        await database.close()


async def test_a_deep_link_opens_the_region_within_the_sector(
    feed: Feed, database: Database
) -> None:
    await new_article(database, "Туристы в Атырау", (("kz-atyrau", "partner"),), ("tourism",))
    await new_article(database, "Торговля Атырау", (("kz-atyrau", "partner"),), ("trade",))
    payload = subscription_payload("region", "kz-atyrau", "tourism")
    assert payload == "r-kz-atyrau__tourism"
    (summary,) = texts(await feed(f"/start {payload}"))
    assert summary.startswith("<b>Атырауская область · Туризм</b>")
    assert "Туристы в Атырау" in summary
    assert "Торговля Атырау" not in summary
    (welcome,) = texts(await feed("/start r-kz-atyrau__nothing"))
    assert welcome.startswith(texts(await feed("/start r-nowhere"))[0][:40])


def test_a_digest_heads_its_group_with_the_combination() -> None:
    def card(article_id: int, sector: str) -> ArticleCard:
        mention = RegionMention("kz-atyrau", "partner")
        return ArticleCard(article_id, f"Статья {sector}", None, "ru", "", (sector,), (mention,))

    cards = [card(1, "tourism"), card(2, "trade")]
    [message] = compose_digest(cards, [ATYRAU_TOURISM], "ru", username="kzru_bot")
    assert "\n\n📍 <b>Атырауская область × Туризм</b>\n\n<b>Статья tourism" in message.text
    assert message.text.index("Статья tourism") < message.text.index("📰")
    assert message.text.index("📰") < message.text.index("Статья trade")


async def test_a_combination_counts_against_the_cap(
    settings: Settings, database: Database, bot: Bot, session: RecordingSession
) -> None:
    capped = settings.model_copy(update={"max_subscriptions_per_chat": 2})
    for text in ("/subscribe Атырау", "/subscribe Атырау туризм", "/subscribe Омск торговля"):
        calls = await feed_calls(capped, database, bot, session, make_message(text))
    name = escape("Омская область × Торговля")
    assert texts(calls) == [t("ru", "sub.limit", name=name, limit=2)]
    assert await follows(database) == [ATYRAU, ATYRAU_TOURISM]
