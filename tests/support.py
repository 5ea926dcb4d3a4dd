"""Typed test support: a user's side of a conversation with the bot through the real dispatcher
(send a message, press a button, read what was sent), a settable clock, typed readers of calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)

from tests.fakes import RecordingSession, make_callback, make_message, make_update, make_user

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)

Call = TelegramMethod[Any]
Feed = Callable[..., Awaitable[list[Call]]]
C = TypeVar("C", bound=TelegramMethod[Any])


class FixedClock:
    """A clock that says what a test sets; `clock.now = ...` moves time."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


class BotClient:
    """One user talking to the bot: `await client.send("/region Астрахань")`,
    `await client.click("pg:r:ru-astrakhan:1")`; each returns the Bot API calls it caused."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        session: RecordingSession,
        *,
        user_id: int = 111,
        lang: str | None = "ru",
    ) -> None:
        self.dispatcher, self.bot, self.session = dispatcher, bot, session
        self.user_id, self.lang = user_id, lang

    async def send(
        self,
        event: str | Message | CallbackQuery | Update | None,
        *,
        lang: str | None = None,
        user_id: int | None = None,
        **message_fields: Any,
    ) -> list[Call]:
        """A message (text from this user in a private chat unless told otherwise), or a ready
        Message, CallbackQuery or Update."""
        if event is None or isinstance(event, str):
            user = make_user(user_id or self.user_id, lang or self.lang)
            event = make_message(event, user=user, **message_fields)
        return await self._feed(event if isinstance(event, Update) else make_update(event))

    async def click(self, data: str, *, lang: str | None = None) -> list[Call]:
        """Press an inline button with this callback data."""
        user = make_user(self.user_id, lang or self.lang)
        return await self._feed(make_update(make_callback(data, user=user)))

    async def _feed(self, update: Update) -> list[Call]:
        before = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, update)
        return self.session.requests[before:]


def sent(calls: Sequence[Call], kind: type[C]) -> list[C]:
    """The calls of one Bot API method, typed: `sent(calls, SendMessage)`."""
    return [call for call in calls if isinstance(call, kind)]


def texts(calls: Sequence[Call]) -> list[str]:
    """The text of every sendMessage / editMessageText among `calls`."""
    names = {"sendMessage", "editMessageText"}
    return [str(getattr(c, "text", "")) for c in calls if c.__api_method__ in names]


def keyboard(markup: object) -> list[list[InlineKeyboardButton]]:
    """The rows of an inline keyboard; fails when the message has none."""
    assert isinstance(markup, InlineKeyboardMarkup), markup
    return markup.inline_keyboard


def labels(markup: object) -> list[str]:
    """Every button's text, row by row."""
    return [button.text for row in keyboard(markup) for button in row]
