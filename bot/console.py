"""`python -m bot console`: the same dispatcher and handlers in a terminal, without Telegram."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import logging
import re
import sys
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any, TextIO

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)
from pydantic import ValidationError

from bot.app import make_bot, make_dispatcher
from bot.config import Settings, describe_error
from bot.html import plain
from bot.instance import AlreadyRunning, InstanceLock
from bot.texts import label
from storage.db import Database
from storage.models import Lang

# aiogram checks the token's shape; nothing is ever sent with it.
CONSOLE_TOKEN = "1:console-no-network"
CONSOLE_USER_ID = 1
BOT_RUNNING = (
    "The bot is running on this database ({path}), so console mode does not start"
    " (it would compete for the same deliveries): stop the bot or set DATABASE_PATH to a copy."
)
_COMMAND = re.compile(r"^/\w+(@\w+)?")


def plain_text(text: str, entities: list[MessageEntity] | None) -> str:
    """The text as a reader sees it: HTML tags dropped and entities decoded."""
    return text if entities else plain(text)


@dataclass
class Keyboard:
    """The buttons of the last message that had any, numbered from 1."""

    message: Message | None = None
    buttons: list[InlineKeyboardButton] = field(default_factory=list)


class ConsoleSession(BaseSession):
    """A Bot API session that prints what the bot sends and answers like Telegram would."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out
        self.keyboard = Keyboard()
        self.messages: dict[int, Message] = {}
        self.message_ids = itertools.count(1)

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram's interface)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        """Nothing to download: the console has no files."""
        chunks: tuple[bytes, ...] = ()
        for chunk in chunks:
            yield chunk

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's interface)
    ) -> TelegramType:
        payload = {"ok": True, "result": self._answer(bot, method)}
        response = self.check_response(bot, method, 200, json.dumps(payload))
        if isinstance(response.result, Message):
            self._show(response.result, edited=method.__api_method__.startswith("edit"))
        return response.result  # type: ignore[return-value]

    def _answer(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        name = method.__api_method__
        if name == "getMe":
            return {"id": bot.id, "is_bot": True, "first_name": "Console", "username": "console"}
        if name in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
            return self._message_json(bot, method)
        if name in {"sendDocument", "sendPhoto"}:  # shown as its caption (HTML, like a text)
            caption = getattr(method, "caption", None) or ""
            return self._message_json(bot, method, f"[{name}] {caption}")
        if name == "answerCallbackQuery" and getattr(method, "text", None):
            self.out.write(f"[notice] {method.text}\n")  # type: ignore[attr-defined]
        if name in {"getUpdates", "getMyCommands", "getChatAdministrators"}:
            return []
        return True

    def _message_json(
        self, bot: Bot, method: TelegramMethod[Any], text: str | None = None
    ) -> dict[str, Any]:
        message_id = getattr(method, "message_id", None) or next(self.message_ids)
        previous = self.messages.get(message_id)
        entities = getattr(method, "entities", None)
        markup = getattr(method, "reply_markup", None)
        if not isinstance(markup, InlineKeyboardMarkup):
            markup = None  # a reply keyboard has no place in a console transcript
        text = text or getattr(method, "text", None)
        if text is None and previous is not None:
            text, entities = previous.text, previous.entities
        return {
            "message_id": message_id,
            "date": int(dt.datetime.now(dt.UTC).timestamp()),
            "chat": {"id": CONSOLE_USER_ID, "type": "private"},
            "from": {"id": bot.id, "is_bot": True, "first_name": "Console"},
            "text": plain_text(text or "", entities),
            "reply_markup": markup.model_dump(exclude_none=True) if markup else None,
        }

    def _show(self, message: Message, *, edited: bool) -> None:
        self.messages[message.message_id] = message
        self.out.write(f"--- bot{' (edited)' if edited else ''} ---\n{message.text}\n")
        markup = message.reply_markup
        if isinstance(markup, InlineKeyboardMarkup) and markup.inline_keyboard:
            self.keyboard = Keyboard(message, [b for row in markup.inline_keyboard for b in row])
            number = itertools.count(1)
            for row in markup.inline_keyboard:
                self.out.write("  ".join(f"[{next(number)}] {b.text}" for b in row) + "\n")
        elif self.keyboard.message and self.keyboard.message.message_id == message.message_id:
            self.keyboard = Keyboard()  # the edit took the buttons away
        self.out.flush()


class Console:
    """Turns typed lines into updates for the dispatcher, like a Telegram client would."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, session: ConsoleSession, lang: Lang):
        self.dispatcher = dispatcher
        self.bot = bot
        self.session = session
        self.user = User(id=CONSOLE_USER_ID, is_bot=False, first_name="You", language_code=lang)
        self.update_ids = itertools.count(1)
        self.callback_ids = itertools.count(1)

    async def handle(self, line: str) -> None:
        """One typed line: a button number presses that button, anything else is a message."""
        if line.isdigit() and self.session.keyboard.buttons:
            await self._press(int(line))
        else:
            await self._feed(message=self._message(line))

    def _message(self, text: str) -> Message:
        command = _COMMAND.match(text)
        length = len(command[0]) if command else 0
        entities = [MessageEntity(type="bot_command", offset=0, length=length)]
        return Message(
            message_id=next(self.session.message_ids),
            date=dt.datetime.now(dt.UTC),
            chat=Chat(id=CONSOLE_USER_ID, type="private"),
            from_user=self.user,
            text=text,
            entities=entities if command else None,
        )

    async def _press(self, number: int) -> None:
        keyboard = self.session.keyboard
        if not 1 <= number <= len(keyboard.buttons) or keyboard.message is None:
            self.session.out.write(f"There is no button {number}.\n")
            return
        button = keyboard.buttons[number - 1]
        if button.callback_data is None:
            self.session.out.write(f"[{button.text}: {button.url or 'not a callback button'}]\n")
            return
        callback = CallbackQuery(
            id=str(next(self.callback_ids)),
            from_user=self.user,
            chat_instance="console",
            message=keyboard.message,
            data=button.callback_data,
        )
        await self._feed(callback_query=callback)

    async def _feed(self, **event: Any) -> None:
        update = Update(update_id=next(self.update_ids), **event)
        await self.dispatcher.feed_update(self.bot, update)


async def run_console(settings: Settings, stdin: TextIO, out: TextIO, lang: Lang = "ru") -> None:
    """Read lines from `stdin` until /quit or the end; the bot's replies go to `out`.

    Holds the bot's single-instance lock meanwhile (`AlreadyRunning` when the bot has it), and
    never starts the digest scheduler: the outbox is the bot's alone, so nothing here sends,
    claims or fails a delivery.
    """
    with InstanceLock(settings.database_path):
        database = await Database.open(settings.database_path)
        try:
            await _run(settings, database, stdin, out, lang)
        finally:
            await database.close()


async def _run(
    settings: Settings, database: Database, stdin: TextIO, out: TextIO, lang: Lang
) -> None:
    session = ConsoleSession(out)
    bot = make_bot(settings, session)
    dispatcher = make_dispatcher(settings, database, deliver_digests=False)
    workflow = {"dispatcher": dispatcher, "bots": [bot], **dispatcher.workflow_data}
    await dispatcher.emit_startup(bot=bot, **workflow)
    try:
        await _converse(Console(dispatcher, bot, session, lang), stdin, out, lang)
    finally:
        await dispatcher.emit_shutdown(bot=bot, **workflow)


async def _converse(console: Console, stdin: TextIO, out: TextIO, lang: Lang) -> None:
    out.write(label(lang, "console.banner") + "\n")  # in the language chosen with --lang
    while (line := await _read_line(stdin, out)) is not None:
        await console.handle(line)


async def _read_line(stdin: TextIO, out: TextIO) -> str | None:
    """The next non-empty line, or None at the end of input or on /quit."""
    while True:
        out.write("> ")
        out.flush()
        raw = await asyncio.to_thread(stdin.readline)
        line = raw.strip()
        if not stdin.isatty():
            out.write(f"{line}\n")  # a scripted session reads like a typed one
        if not raw or line in {"/quit", "/exit"}:
            out.write("\n")
            return None
        if line:
            return line


def main(argv: list[str]) -> int:
    """`python -m bot console [--lang ru|kk|en]`; exit code 2 on a bad setting."""
    parser = argparse.ArgumentParser(
        prog="python -m bot console", description=label("en", "console.banner")
    )
    parser.add_argument("--lang", choices=("ru", "kk", "en"), default="ru")
    options = parser.parse_args(argv)
    try:
        settings = Settings(bot_token=CONSOLE_TOKEN)
    except ValidationError as error:
        print(f"Configuration error: {describe_error(error)}", file=sys.stderr)
        return 2
    # The transcript is the point here: only warnings and errors are logged.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        asyncio.run(run_console(settings, sys.stdin, sys.stdout, options.lang))
    except AlreadyRunning:
        print(BOT_RUNNING.format(path=settings.database_path), file=sys.stderr)
        return 2
    return 0
