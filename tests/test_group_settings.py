"""A group's digest settings are its administrators' alone: a member's /settings (with or without
a value) and its buttons change nothing, not even the digest language."""

from __future__ import annotations

from typing import Any

from aiogram.methods import TelegramMethod

from bot.callbacks import SettingsCallback
from bot.texts import t
from storage import subscriptions
from storage.chats import ChatPlace, Chats
from storage.db import Database
from tests.fakes import BOT_ID, RecordingSession, make_callback, make_chat, make_message, make_user
from tests.support import Feed, texts

GROUP = -100300
MEMBER = 222


def member(status: str, user_id: int) -> dict[str, Any]:
    return {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "Ivan"}}


def answers(calls: list[TelegramMethod[Any]]) -> list[str | None]:
    return [c.text for c in calls if c.__api_method__ == "answerCallbackQuery"]  # type: ignore[attr-defined]


async def group_row(database: Database) -> tuple[Any, ...]:
    chat = await subscriptions.chat(database.reader, GROUP)
    assert chat is not None
    return (chat.lang, chat.mode, chat.hour, chat.minute, chat.tz, chat.send_empty)


async def test_a_member_cannot_change_the_groups_settings(
    feed: Feed, database: Database, session: RecordingSession
) -> None:
    group = make_chat(GROUP, "supergroup")
    await Chats(database, default_tz="Asia/Almaty").ensure(ChatPlace(GROUP, "supergroup", "ru"))
    before = await group_row(database)
    refused = t("en", "sub.admins_only")
    for text in ("/settings", "/settings 08:30", "/settings Europe/Moscow"):
        session.add_result(member("member", MEMBER), method="getChatMember")
        message = make_message(text, chat=group, user=make_user(MEMBER, "en"))
        assert texts(await feed(message)) == [refused]
        assert await group_row(database) == before  # the language stays "ru" too

    shown = make_message("…", user=make_user(BOT_ID, is_bot=True), chat=group)
    for action, value in (("mode", "daily"), ("tz", "Europe/Moscow"), ("empty", "1")):
        session.add_result(member("member", MEMBER), method="getChatMember")
        data = SettingsCallback(action=action, value=value).pack()
        press = make_callback(data, user=make_user(MEMBER, "en"), message=shown)
        assert answers(await feed(press)) == [refused]
    assert await group_row(database) == before


async def test_an_administrator_still_can(
    feed: Feed, database: Database, session: RecordingSession
) -> None:
    group = make_chat(GROUP, "supergroup")
    session.add_result(member("administrator", MEMBER) | ADMIN_RIGHTS, method="getChatMember")
    message = make_message("/settings 08:30", chat=group, user=make_user(MEMBER, "ru"))
    await feed(message)
    assert (await group_row(database))[1:4] == ("daily", 8, 30)


async def test_forged_settings_buttons_write_nothing(feed: Feed, database: Database) -> None:
    for data in ("st:tz:Nowhere/Land", "st:hour:99", "st:mode:hourly", "st:empty:2"):
        calls = await feed(make_callback(data))
        assert answers(calls) == [t("ru", "list.stale")]
    assert await subscriptions.chat(database.reader, 111) is None


ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_send_welcome_messages": False,
}
