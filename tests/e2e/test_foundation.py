"""`python -m bot` over the Bot API emulator: polling, command menu, callbacks, 429 and 403."""

from __future__ import annotations

import pytest

from bot.html import escape, plain
from bot.texts import t
from storage.models import Lang
from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e


def welcome_line(lang: Lang) -> str:
    return plain(t(lang, "start.welcome", coverage=escape(""))).splitlines()[0]


def test_bot_polls_registers_its_menu_and_answers_start(
    emulator: Emulator, user: TelegramUser
) -> None:
    user.send("/start")

    reply = user.wait_reply()
    menus = emulator.commands()
    assert welcome_line("ru") in reply.text
    assert reply.buttons, "the welcome offers the main actions as buttons"
    assert any(c["command"] == "region" for menu in menus.values() for c in menu)
    assert {key.split("|")[1] for key in menus} >= {"ru", "kk", "en"}
    assert emulator.calls("setMyCommands")[0]["ok"]


def test_a_button_press_edits_the_message(emulator: Emulator, user: TelegramUser) -> None:
    user.send("/lang")
    choice = user.wait_reply()
    before = emulator.last_call_seq()

    user.press(choice, "English")

    edited = user.wait_edit(choice)
    assert plain(t("en", "lang.set")) in edited.text
    assert emulator.wait_for_call("answerCallbackQuery", after=before)["ok"]
    assert emulator.wait_for_call("editMessageText", after=before)["ok"]
    user.send("/start")
    assert welcome_line("en") in user.wait_reply().text


def test_a_429_on_send_message_delays_the_reply_without_losing_it(
    emulator: Emulator, user: TelegramUser
) -> None:
    emulator.inject_fault(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 1",
        retry_after=1,
    )
    before = emulator.last_call_seq()

    user.send("/start")

    reply = user.wait_reply()
    refused, delivered = emulator.calls("sendMessage", after=before)[:2]
    assert welcome_line("ru") in reply.text
    assert (refused["status"], delivered["status"]) == (429, 200)
    assert delivered["time"] - refused["time"] >= 1000


def test_a_403_does_not_crash_the_bot(
    emulator: Emulator, bot: BotProcess, user: TelegramUser
) -> None:
    emulator.inject_fault(
        "sendMessage", error_code=403, description="Forbidden: bot was blocked by the user"
    )
    before = emulator.last_call_seq()
    user.send("/start")
    emulator.wait_for_call("sendMessage", after=before, match=lambda call: call["status"] == 403)

    user.send("/help")

    assert user.wait_for(plain(t("ru", "help.text", bot=escape("x"))).splitlines()[0])
    assert bot.running
