"""The emulator driven by a plain aiogram Bot: what launcher.js adds to telegram-test-api."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from tests.e2e.client import Emulator
from tests.e2e.support import EMULATOR_DIR, read_ready_line

pytestmark = pytest.mark.e2e

CHAT = 501


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    """A bare aiogram Bot (no retry middleware) talking to the emulator."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.url))
    bot = Bot(emulator.token, session=session)
    yield bot
    await session.close()


async def test_get_me_says_it_is_a_bot(bot: Bot) -> None:
    me = await bot.get_me()

    assert me.is_bot
    assert me.username


async def test_get_updates_waits_for_news_and_keeps_them_until_confirmed(
    bot: Bot, emulator: Emulator
) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    idle = time.monotonic() - started
    waiting = asyncio.create_task(bot.get_updates(timeout=20))
    await asyncio.sleep(0.3)
    await asyncio.to_thread(emulator.user(CHAT).send, "/start")

    woken = await asyncio.wait_for(waiting, timeout=5)
    again = await bot.get_updates(timeout=0)
    confirmed = await bot.get_updates(offset=woken[0].update_id + 1, timeout=0)

    assert idle >= 0.9
    assert woken[0].message is not None
    assert woken[0].message.text == "/start"
    assert [u.update_id for u in again] == [woken[0].update_id]
    assert confirmed == []


async def test_a_pressed_button_is_a_full_callback_query(bot: Bot, emulator: Emulator) -> None:
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="▶", callback_data="pg:r:ru-astrakhan:1")]]
    )
    sent = await bot.send_message(
        CHAT, "<b>Page</b> 1 &amp; more", parse_mode="HTML", reply_markup=keyboard
    )
    user = emulator.user(CHAT)
    message = user.wait_reply()
    user.press(message, "▶")

    (update,) = await bot.get_updates(timeout=5)
    await bot.edit_message_text("Page 2", chat_id=CHAT, message_id=sent.message_id)

    query = update.callback_query
    assert sent.text == "Page 1 & more"
    assert message.html == "<b>Page</b> 1 &amp; more"
    assert query is not None
    assert query.chat_instance
    assert query.data == "pg:r:ru-astrakhan:1"
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert user.wait_edit(message).text == "Page 2"
    assert user.messages()[-1].buttons == ()  # an edit without a keyboard removes it


async def test_files_go_both_ways(bot: Bot, emulator: Emulator) -> None:
    sent = await bot.send_document(
        CHAT, BufferedInputFile(b"\x00raw bytes", "report.bin"), caption="Отчёт"
    )
    emulator.user(CHAT).send_document("new.txt", "Заголовок\n\nТекст".encode())

    (update,) = await bot.get_updates(timeout=5)
    assert update.message is not None
    assert update.message.document is not None
    uploaded = await bot.download(update.message.document.file_id)

    assert sent.document is not None
    assert sent.document.file_name == "report.bin"
    assert sent.caption == "Отчёт"
    assert emulator.file(sent.document.file_id) == b"\x00raw bytes"
    assert uploaded is not None
    assert uploaded.read().decode() == "Заголовок\n\nТекст"


async def test_the_command_menu_is_stored_per_scope_and_language(
    bot: Bot, emulator: Emulator
) -> None:
    commands = [BotCommand(command="region", description="Сводка по региону")]

    await bot.set_my_commands(commands, scope=BotCommandScopeAllPrivateChats(), language_code="ru")

    assert await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="ru")
    assert await bot.get_my_commands() == []
    assert emulator.commands() == {
        '{"type":"all_private_chats"}|ru': [
            {"command": "region", "description": "Сводка по региону"}
        ]
    }


async def test_errors_look_like_telegrams(bot: Bot, emulator: Emulator) -> None:
    emulator.inject_fault("sendMessage", error_code=429, description="Too Many", retry_after=3)
    emulator.inject_fault("sendMessage", error_code=403, description="Forbidden", chat_id=7)

    with pytest.raises(TelegramRetryAfter) as flood:
        await bot.send_message(CHAT, "x")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(7, "x")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(CHAT, "a < b", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="too long"):
        await bot.send_message(CHAT, "я" * 4097)
    delivered = await bot.send_message(CHAT, "a &lt; b", parse_mode="HTML")

    assert flood.value.retry_after == 3
    assert delivered.text == "a < b"
    assert [c["status"] for c in emulator.calls("sendMessage")] == [429, 403, 400, 400, 200]


def test_an_unknown_method_is_a_telegram_shaped_404(emulator: Emulator) -> None:
    url = f"{emulator.url}/bot{emulator.token}/sendTelepathy"

    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(urllib.request.Request(url, data=b""), timeout=5)

    assert raised.value.code == 404
    assert json.loads(raised.value.read()) == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }


def test_sigterm_stops_it_even_during_a_long_poll() -> None:
    node = shutil.which("node")
    assert node is not None
    process = subprocess.Popen(
        [node, str(EMULATOR_DIR / "launcher.js")], stdout=subprocess.PIPE, text=True
    )
    try:
        url = read_ready_line(process)
        poll = threading.Thread(target=_long_poll, args=(f"{url}/bot1:t/getUpdates?timeout=30",))
        poll.start()
        time.sleep(0.3)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=5)
        poll.join(timeout=5)
    finally:
        process.kill()
        process.wait()
        assert process.stdout is not None
        process.stdout.close()

    assert url.startswith("http://127.0.0.1:")
    assert code == 0


def _long_poll(url: str) -> None:
    """A client that is still waiting on getUpdates when the emulator stops."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
    except OSError:
        pass  # the emulator closed the connection: that is what the test expects
