"""The last summary each chat was shown, for /export: remembered from the summaries the bot
sends (the ones that carry a 📊 button), so no handler has to report what it showed."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import InlineKeyboardMarkup, TelegramObject

from bot.callbacks import ChartCallback, ListKind

REMEMBERED_CHATS = 10_000

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class LastSelections:
    """chat id -> (kind, key) of the last summary shown there; the oldest chats are forgotten."""

    def __init__(self, capacity: int = REMEMBERED_CHATS) -> None:
        self._capacity = capacity
        self._chats: OrderedDict[int, tuple[ListKind, str]] = OrderedDict()

    def remember(self, chat_id: int, kind: ListKind, key: str) -> None:
        self._chats[chat_id] = (kind, key)
        self._chats.move_to_end(chat_id)
        while len(self._chats) > self._capacity:
            self._chats.popitem(last=False)

    def last(self, chat_id: int) -> tuple[ListKind, str] | None:
        return self._chats.get(chat_id)


class SelectionRecorder(BaseRequestMiddleware):
    """A Bot API request middleware: a sent or edited message with a 📊 button is a summary."""

    def __init__(self, selections: LastSelections) -> None:
        self.selections = selections

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        response = await make_request(bot, method)
        if isinstance(method, SendMessage | EditMessageText):  # errors have raised by now
            chart = _chart_button(method.reply_markup)
            if chart is not None and isinstance(method.chat_id, int):
                self.selections.remember(method.chat_id, chart.kind, chart.key)
        return response


class RecordSelections:
    """An update middleware that makes sure the bot's session records the summaries it sends
    (a Bot is made apart from the dispatcher, in tests and the console alike)."""

    def __init__(self, selections: LastSelections) -> None:
        self._selections = selections

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        bot = data.get("bot")
        if isinstance(bot, Bot) and not any(
            isinstance(m, SelectionRecorder) and m.selections is self._selections
            for m in bot.session.middleware
        ):
            bot.session.middleware(SelectionRecorder(self._selections))
        return await handler(event, data)


def _chart_button(markup: object) -> ChartCallback | None:
    if not isinstance(markup, InlineKeyboardMarkup):
        return None
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data or ""
            if data.startswith(f"{ChartCallback.__prefix__}{ChartCallback.__separator__}"):
                return ChartCallback.unpack(data)
    return None
