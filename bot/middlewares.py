"""The language middleware: puts `lang` (the user's choice, else Telegram's language) in data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.texts import DEFAULT_LANGUAGE, pick_language
from storage.models import Lang
from storage.users import Users

Clock = Callable[[], dt.datetime]
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class LanguageMiddleware(BaseMiddleware):
    """Sets `data["lang"]` for every update and records each user the first time they appear."""

    def __init__(self, users: Users, clock: Clock) -> None:
        self._users = users
        self._clock = clock
        self._seen: set[int] = set()  # users already recorded by this process

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        data["lang"] = await self._language(user) if user else DEFAULT_LANGUAGE
        return await handler(event, data)

    async def _language(self, user: User) -> Lang:
        if user.id not in self._seen and await self._users.seen(user.id, self._clock()):
            self._seen.add(user.id)
        chosen = await self._users.get_lang(user.id)
        return chosen or pick_language(user.language_code)
