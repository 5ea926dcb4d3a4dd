"""Subscription and settings commands through the real dispatcher, as a user would use them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiogram.methods import (
    AnswerCallbackQuery,
    GetChatMember,
    SendMessage,
    TelegramMethod,
)

from bot.callbacks import SettingsCallback, SubscribeCallback
from storage import subscriptions
from storage.db import Database
from storage.subscriptions import Subscription
from tests.digest_support import ATYRAU, new_article, subscriber
from tests.fakes import BOT_ID, RecordingSession, make_callback, make_chat, make_message, make_user
from tests.support import Feed, keyboard, sent, texts

PAIR = Subscription("pair", "kz-kostanay+ru-chelyabinsk")
GROUP = -100200


async def follows(database: Database, chat_id: int = 111) -> list[Subscription]:
    return await subscriptions.subscriptions(database.reader, chat_id)


def press(data: str, chat_id: int = 111, user_id: int = 111, lang: str = "ru") -> Any:
    bot_message = make_message("…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(chat_id))
    if chat_id < 0:
        bot_message = make_message(
            "…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(chat_id, "supergroup")
        )
    return make_callback(data, user=make_user(user_id, lang), message=bot_message)


def answers(calls: list[TelegramMethod[Any]]) -> list[str]:
    return [str(c.text) for c in sent(calls, AnswerCallbackQuery)]


def member(status: str, user_id: int = 111) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Aigerim"}
    if status == "creator":
        return {"status": "creator", "user": user, "is_anonymous": False}
    return {"status": status, "user": user}


async def test_subscribe_to_a_region_a_pair_and_a_sector(feed: Feed, database: Database) -> None:
    reply = texts(await feed("/subscribe Атырау"))
    assert reply[0].startswith("🔔 Подписка оформлена: Атырауская область.")
    assert "Дайджест: сразу" in reply[0]
    await feed("/subscribe Костанай Челябинск")
    await feed("/subscribe туризм")
    assert await follows(database) == [ATYRAU, PAIR, Subscription("sector", "tourism")]
    assert texts(await feed("/subscribe атырауская обл")) == [
        "Эта подписка уже есть: Атырауская область."
    ]


async def test_subscribe_in_english(feed: Feed, database: Database) -> None:
    reply = texts(await feed("/subscribe Astrakhan", lang="en"))
    assert reply[0].startswith("🔔 Subscribed: Astrakhan Oblast.")
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert chat.lang == "en"


async def test_unknown_and_ambiguous_names_get_buttons(feed: Feed, database: Database) -> None:
    (message,) = sent(await feed("/subscribe Атырау Астрахань Омск"), SendMessage)
    assert "уточните" in message.text
    buttons = keyboard(message.reply_markup)
    assert [row[0].text for row in buttons] == [
        "Атырауская область",
        "Астраханская область",
        "Омская область",
    ]
    (reply,) = texts(await feed("/subscribe qwertyuiop"))
    assert "Не нашёл «qwertyuiop»" in reply
    assert texts(await feed("/subscribe"))
    assert await follows(database) == []


async def test_the_subscribe_button_and_the_list_with_remove_buttons(
    feed: Feed, database: Database
) -> None:
    data = SubscribeCallback(action="add", kind="pair", key=PAIR.key).pack()
    calls = await feed(press(data))
    assert answers(calls)[0].startswith(
        "🔔 Подписка оформлена: Костанайская область ⇄ Челябинская"
    )
    await feed("/subscribe Атырау")
    (listing,) = sent(await feed("/subscriptions"), SendMessage)
    assert "Костанайская область ⇄ Челябинская область" in listing.text
    buttons = [row[0] for row in keyboard(listing.reply_markup)]
    assert [b.text for b in buttons] == [
        "✖ Костанайская область ⇄ Челябинская область",
        "✖ Атырауская область",
    ]
    calls = await feed(press(str(buttons[1].callback_data)))
    assert answers(calls) == ["🔕 Подписка отменена: Атырауская область."]
    assert "Атырауская" not in texts(calls)[0]  # the list is edited in place
    assert await follows(database) == [PAIR]


async def test_unsubscribe_by_name_and_all(feed: Feed, database: Database) -> None:
    await feed("/subscribe Атырау")
    await feed("/subscribe туризм")
    assert texts(await feed("/unsubscribe Атырау")) == [
        "🔕 Подписка отменена: Атырауская область."
    ]
    assert texts(await feed("/unsubscribe Атырау"))[0].startswith("Такой подписки нет")
    assert texts(await feed("/unsubscribe all")) == ["🔕 Отменены все подписки этого чата: 1."]
    assert await follows(database) == []


async def test_deep_links_subscribe(feed: Feed, database: Database) -> None:
    await feed("/start sub-p-kz-kostanay+ru-chelyabinsk")
    await feed("/start sub-s-machine_building")
    await feed("/start sub-r-kz-atyrau")
    expected = [PAIR, Subscription("sector", "machine_building"), ATYRAU]
    assert await follows(database) == expected
    assert texts(await feed("/start sub-r-nowhere")) == [
        "Эта ссылка или кнопка подписки устарела."
    ]


async def test_in_a_group_only_admins_change_subscriptions(
    feed: Feed, database: Database, session: RecordingSession
) -> None:
    group = make_chat(GROUP, "supergroup")
    session.add_result(member("member"), method="getChatMember")
    reply = texts(await feed(make_message("/subscribe Атырау", chat=group)))
    assert reply == ["В группе подписками и настройками управляют только администраторы чата."]
    assert await follows(database, GROUP) == []
    session.add_result(member("member"), method="getChatMember")
    data = SubscribeCallback(action="add", kind="region", key="kz-atyrau").pack()
    await feed(press(data, chat_id=GROUP))
    assert await follows(database, GROUP) == []
    session.add_result(member("creator"), method="getChatMember")
    await feed(make_message("/subscribe Атырау", chat=group))
    assert await follows(database, GROUP) == [ATYRAU]
    asked = session.calls(GetChatMember)
    assert [(c.chat_id, c.user_id) for c in asked] == [(GROUP, 111)] * 3


async def test_a_forum_topic_keeps_its_thread(
    feed: Feed, database: Database, session: RecordingSession
) -> None:
    session.add_result(member("creator"), method="getChatMember")
    message = make_message(
        "/subscribe Атырау",
        chat=make_chat(GROUP, "supergroup", is_forum=True),
        message_thread_id=42,
        is_topic_message=True,
    )
    (reply,) = sent(await feed(message), SendMessage)
    assert reply.message_thread_id == 42
    chat = await subscriptions.chat(database.reader, GROUP)
    assert chat is not None
    assert chat.thread_id == 42


async def test_start_reactivates_a_paused_chat_and_still_welcomes(
    feed: Feed, database: Database
) -> None:
    await subscriber(database, 111)
    await subscriptions.deactivate(database, 111, "Forbidden: bot was blocked by the user")
    calls = await feed("/start")
    assert texts(calls)  # the start router still answered
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert chat.active
    assert await follows(database) == [ATYRAU]


async def test_digest_now(feed: Feed, database: Database) -> None:
    assert texts(await feed("/digest"))[0].startswith("Подписок нет")
    await feed("/subscribe Атырау")
    assert texts(await feed("/digest")) == ["📭 Нового с прошлого дайджеста нет."]
    await new_article(database)
    assert texts(await feed("/digest")) == ["📬 Отправляю дайджест: новых материалов — 1."]


async def test_settings_buttons_change_the_schedule(feed: Feed, database: Database) -> None:
    (shown,) = sent(await feed("/settings"), SendMessage)
    assert "Дайджест: сразу" in shown.text
    calls = await feed(press(SettingsCallback(action="mode", value="weekly").pack()))
    assert "еженедельно, понедельник, в 09:00 (Алматы)" in texts(calls)[0]
    await feed(press(SettingsCallback(action="day", value="4").pack()))
    await feed(press(SettingsCallback(action="tz", value="Asia/Omsk").pack()))
    calls = await feed(press(SettingsCallback(action="hour", value="18").pack()))
    assert "еженедельно, пятница, в 18:00 (Омск)" in texts(calls)[0]
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    # The fixed clock is Saturday 2026-11-21 09:00 UTC; Friday 18:00 in Omsk is 12:00 UTC.
    assert chat.due_at == dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
    await feed(press(SettingsCallback(action="empty", value="1").pack()))
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert chat.send_empty


async def test_settings_typed_time_and_zone(feed: Feed, database: Database) -> None:
    assert "ежедневно в 08:30" in texts(await feed("/settings 08:30"))[0]
    assert "Europe/Samara" in texts(await feed("/settings Europe/Samara"))[0]
    assert texts(await feed("/settings Mars/Olympus"))[0].startswith("Не понял «Mars/Olympus»")
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert (chat.mode, chat.hour, chat.minute, chat.tz) == ("daily", 8, 30, "Europe/Samara")


async def test_a_group_upgraded_to_a_supergroup_keeps_its_subscriptions(
    feed: Feed, database: Database
) -> None:
    await subscriber(database, -300, chat_type="group")
    await feed(make_message("", chat=make_chat(-300, "group"), migrate_to_chat_id=-100300))
    assert await follows(database, -100300) == [ATYRAU]
    assert await subscriptions.chat(database.reader, -300) is None
