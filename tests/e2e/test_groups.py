"""Groups and channels over the emulator's current Bot API objects: an administrator (and the
group's owner) subscribes a group, a plain member is refused, an anonymous administrator
(GroupAnonymousBot with sender_chat = the group) counts as one, and a channel is left alone."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e

ADMINS_ONLY = "только администраторы"
SUBSCRIBED = "Подписка оформлена"


@pytest.fixture(scope="module")
def group_bot(module_bot_process: BotProcess) -> BotProcess:
    module_bot_process.start()
    return module_bot_process


def group(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": "Приграничье"}


def follows(bot: BotProcess, chat_id: int) -> list[str]:
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute(
            "SELECT key FROM subscriptions WHERE chat_id = ? ORDER BY rowid", (chat_id,)
        ).fetchall()
    return [str(row[0]) for row in rows]


def chat_rows(bot: BotProcess, chat_id: int) -> int:
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        row = connection.execute("SELECT count(*) FROM chats WHERE id = ?", (chat_id,)).fetchone()
    return int(row[0])


def allowed_updates(call: dict[str, Any]) -> list[str]:
    value = call["params"]["allowed_updates"]
    return list(json.loads(value) if isinstance(value, str) else value)


def member_answers(emulator: Emulator, after: int) -> list[dict[str, Any]]:
    return [c for c in emulator.calls("getChatMember", after=after) if "status" in c]


@pytest.mark.parametrize("status", ["administrator", "creator"])
def test_a_group_admin_subscribes_the_group(
    group_bot: BotProcess, module_emulator: Emulator, status: str
) -> None:
    chat_id = -1001000400 - len(status)
    admin = module_emulator.user(4001, "ru", **group(chat_id))
    module_emulator.set_chat_member(chat_id, 4001, status)
    after = module_emulator.last_call_seq()
    admin.send("/subscribe@kzru_test_bot Атырау")
    reply = admin.wait_for(SUBSCRIBED)
    assert "Атырауская область" in reply.text
    (asked,) = member_answers(module_emulator, after)
    assert asked["status"] == 200
    assert asked["result"]["status"] == status
    if status == "administrator":
        assert asked["result"]["can_send_welcome_messages"] is False  # required by aiogram
    assert follows(group_bot, chat_id) == ["kz-atyrau"]


def test_a_plain_member_is_refused(group_bot: BotProcess, module_emulator: Emulator) -> None:
    chat_id = -1001000500
    module_emulator.set_chat_member(chat_id, 4002, "member")
    member = module_emulator.user(4002, "ru", **group(chat_id))
    member.send("/subscribe@kzru_test_bot Атырау")
    assert ADMINS_ONLY in member.wait_reply().text
    member.send("/settings@kzru_test_bot 08:30")
    assert ADMINS_ONLY in member.wait_reply().text
    assert follows(group_bot, chat_id) == []
    assert chat_rows(group_bot, chat_id) == 0  # nothing stored for the group


def test_an_anonymous_admin_counts_as_an_admin(
    group_bot: BotProcess, module_emulator: Emulator
) -> None:
    chat_id = -1001000600
    admin = module_emulator.anonymous_admin(**group(chat_id))
    after = module_emulator.last_call_seq()
    admin.send("/subscribe@kzru_test_bot туризм")
    assert SUBSCRIBED in admin.wait_reply().text
    assert follows(group_bot, chat_id) == ["tourism"]
    assert member_answers(module_emulator, after) == []  # sender_chat alone says it is an admin
    sent = module_emulator.calls("sendMessage", after=after)
    assert {str(call["params"]["chat_id"]) for call in sent} == {str(chat_id)}


def test_a_channel_is_left_alone(group_bot: BotProcess, module_emulator: Emulator) -> None:
    """The bot has no channel features: it never asks for channel posts, so Telegram never
    sends them; a post in a channel it administers gets no answer and stores nothing."""
    channel_id = -1001000700
    channel = {"id": channel_id, "type": "channel", "title": "Новости региона"}
    module_emulator.set_chat_member(channel_id, 4003, "administrator")
    after = module_emulator.last_call_seq()
    module_emulator.channel_post(channel, "/subscribe Атырау")
    module_emulator.channel_post(channel, "/region Атырау")

    reader: TelegramUser = module_emulator.user(4004, "ru")
    reader.send("/region Атырау")  # the bot goes on answering everyone else
    assert "Атырау" in reader.wait_reply().text
    polls = module_emulator.calls("getUpdates", after=after)
    asked = [allowed_updates(call) for call in polls if "allowed_updates" in call["params"]]
    assert asked
    assert all("channel_post" not in types for types in asked)
    channel_calls = [
        c
        for c in module_emulator.calls(after=after)
        if str(c["params"].get("chat_id")) == str(channel["id"])
    ]
    assert channel_calls == []
    assert chat_rows(group_bot, channel_id) == 0
