"""A recording fake Bot API session and factories for updates, messages and callbacks."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import deque
from collections.abc import AsyncGenerator, Iterator
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, Chat, Message, Update, User

M = TypeVar("M", bound=TelegramMethod[Any])

BOT_ID = 42
BOT_USERNAME = "kzru_test_bot"
_EPOCH = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


class RecordingSession(BaseSession):
    """Records every Bot API call; answers from a FIFO of queued replies, else a plausible success.

    Queued errors go through aiogram's own `check_response`, so a 429 raises
    `TelegramRetryAfter` and a 403 `TelegramForbiddenError` exactly as with the real server.
    """

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self._queued: deque[tuple[str | None, int, dict[str, Any]]] = deque()
        self._message_ids: Iterator[int] = itertools.count(1000)

    def add_result(self, result: Any, *, method: str | None = None) -> None:
        """Queue a successful reply (for `method` only, when given)."""
        self._queued.append((method, 200, {"ok": True, "result": result}))

    def add_error(
        self,
        status: int,
        description: str,
        *,
        method: str | None = None,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Queue an error reply with a real HTTP status (for `method` only, when given)."""
        payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        parameters = {
            key: value
            for key, value in (
                ("retry_after", retry_after),
                ("migrate_to_chat_id", migrate_to_chat_id),
            )
            if value is not None
        }
        if parameters:
            payload["parameters"] = parameters
        self._queued.append((method, status, payload))

    def sent(self, method_name: str | None = None) -> list[TelegramMethod[Any]]:
        """The recorded calls, optionally only those of one method (e.g. "sendMessage")."""
        return [r for r in self.requests if method_name in (None, r.__api_method__)]

    def calls(self, kind: type[M]) -> list[M]:
        """The recorded calls of one method, typed: `session.calls(SendMessage)`."""
        return [r for r in self.requests if isinstance(r, kind)]

    def texts(self) -> list[str]:
        """The text of every sendMessage / editMessageText call, in order."""
        return [
            str(getattr(r, "text", ""))
            for r in self.requests
            if r.__api_method__ in {"sendMessage", "editMessageText"}
        ]

    def clear(self) -> None:
        self.requests.clear()

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram's interface)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:  # pragma: no cover
        raise NotImplementedError
        yield b""  # an async generator, as the interface says

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        self.requests.append(method)
        status, payload = self._next_reply(method)
        response = self.check_response(bot, method, status, json.dumps(payload))
        return response.result  # type: ignore[return-value]

    def _next_reply(self, method: TelegramMethod[Any]) -> tuple[int, dict[str, Any]]:
        name = method.__api_method__
        for index, (wanted, status, payload) in enumerate(self._queued):
            if wanted in (None, name):
                del self._queued[index]
                return status, payload
        return 200, {"ok": True, "result": self._default_result(method)}

    def _default_result(self, method: TelegramMethod[Any]) -> Any:
        name = method.__api_method__
        if name == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "Bot", "username": BOT_USERNAME}
        if name in {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}:
            chat_id = getattr(method, "chat_id", None) or 1
            return {
                "message_id": getattr(method, "message_id", None) or next(self._message_ids),
                "date": int(_EPOCH.timestamp()),
                "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "supergroup"},
                "text": getattr(method, "text", None) or "",
            }
        if name in {"getUpdates", "getChatAdministrators"}:
            return []
        return True


_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def make_user(
    user_id: int = 111, language_code: str | None = "ru", *, is_bot: bool = False, **kwargs: Any
) -> User:
    return User(
        id=user_id,
        is_bot=is_bot,
        first_name=kwargs.pop("first_name", "Aigerim"),
        language_code=language_code,
        **kwargs,
    )


def make_chat(chat_id: int = 111, chat_type: str = "private", **kwargs: Any) -> Chat:
    return Chat(id=chat_id, type=chat_type, **kwargs)


def make_message(
    text: str | None,
    *,
    user: User | None = None,
    chat: Chat | None = None,
    message_id: int | None = None,
    **kwargs: Any,
) -> Message:
    user = user or make_user()
    return Message(
        message_id=message_id or next(_message_ids),
        date=_EPOCH,
        chat=chat or make_chat(user.id),
        from_user=user,
        text=text,
        **kwargs,
    )


def make_callback(
    data: str,
    *,
    user: User | None = None,
    message: Message | None = None,
) -> CallbackQuery:
    user = user or make_user()
    message = message or make_message(
        "…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(user.id)
    )
    return CallbackQuery(
        id=str(next(_update_ids)),
        from_user=user,
        chat_instance="ci-1",
        message=message,
        data=data,
    )


def make_update(event: Message | CallbackQuery) -> Update:
    if isinstance(event, CallbackQuery):
        return Update(update_id=next(_update_ids), callback_query=event)
    return Update(update_id=next(_update_ids), message=event)
