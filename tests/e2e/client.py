"""The test's side of the Bot API emulator: play a Telegram user, read what the bot did.

user = emulator.user(1001, "ru")          # a private chat; pass chat={...} for a group
user.send("/region Астрахань")
summary = user.wait_reply()               # the next new bot message, bounded wait
user.press(summary, "▶")                  # a callback query from that message's button
page_two = user.wait_edit(summary)        # the same message after the bot edited it
emulator.inject_fault("sendMessage", error_code=429, retry_after=1)
emulator.calls("sendMessage")             # the log of Bot API calls of this bot
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.html import plain

DEFAULT_TIMEOUT = 15.0
GROUP_ANONYMOUS_BOT_ID = 1087968824  # Telegram's sender of anonymous admins' messages
_POLL_INTERVAL = 0.05
T = TypeVar("T")


class EmulatorError(AssertionError):
    """The emulator refused a control request, or a bounded wait ran out."""


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class BotMessage:
    """One message of the bot as the user sees it now (after any edits)."""

    message_id: int
    chat_id: int
    text: str
    html: str
    buttons: tuple[tuple[Button, ...], ...]
    edits: int
    document: dict[str, Any] | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BotMessage:
        rows = (data.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = tuple(
            tuple(Button(b["text"], b.get("callback_data"), b.get("url")) for b in row)
            for row in rows
        )
        raw = data.get("html") or data.get("caption") or ""
        return cls(
            message_id=data["message_id"],
            chat_id=data["chat"]["id"],
            text=data.get("text") or data.get("caption") or plain(raw),
            html=raw,
            buttons=buttons,
            edits=data.get("edits", 0),
            document=data.get("document"),
        )

    @property
    def flat_buttons(self) -> list[Button]:
        return [button for row in self.buttons for button in row]

    def button(self, label: str) -> Button:
        """The first button whose text contains `label`."""
        for button in self.flat_buttons:
            if label in button.text:
                return button
        labels = [b.text for b in self.flat_buttons]
        raise EmulatorError(f"no button {label!r} on message {self.message_id}: {labels}")


class Emulator:
    """Control API of tests/e2e/emulator/launcher.js for one bot token."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.token = token

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/_control{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=DEFAULT_TIMEOUT) as response:
                payload = json.load(response)
        except urllib.error.HTTPError as error:
            raise EmulatorError(f"{method} {path}: {error.code} {error.read()!r}") from error
        return payload["result"]

    def get(self, path: str, **query: Any) -> Any:
        query = {key: value for key, value in query.items() if value is not None}
        return self.request("GET", f"{path}?{urllib.parse.urlencode(query)}")

    def user(
        self, user_id: int = 1001, language_code: str | None = "ru", **chat: Any
    ) -> TelegramUser:
        """A user talking to the bot (in a private chat unless `chat` is given)."""
        return TelegramUser(self, user_id, language_code, chat or None)

    def anonymous_admin(self, **chat: Any) -> TelegramUser:
        """A group's anonymous administrator: Telegram sends their messages from
        GroupAnonymousBot with `sender_chat` set to the group itself."""
        admin = TelegramUser(self, GROUP_ANONYMOUS_BOT_ID, None, chat)
        admin.user = {
            "id": GROUP_ANONYMOUS_BOT_ID,
            "is_bot": True,
            "first_name": "Group",
            "username": "GroupAnonymousBot",
        }
        admin.sender_chat = dict(chat)
        return admin

    def channel_post(self, chat: dict[str, Any], text: str) -> int:
        """A post in a channel (the bot is one of its admins); its message id."""
        body = {"token": self.token, "chat": chat, "text": text}
        result: dict[str, Any] = self.request("POST", "/updates/channel_post", body)
        return int(result["message_id"])

    def calls(self, method: str | None = None, *, after: int = 0) -> list[dict[str, Any]]:
        """Every Bot API call this bot made (method, params, status...), oldest first."""
        calls: list[dict[str, Any]] = self.get(
            "/calls", token=self.token, method=method, after=after
        )
        return calls

    def last_call_seq(self) -> int:
        calls = self.calls()
        return calls[-1]["seq"] if calls else 0

    def wait_for_call(
        self,
        method: str,
        *,
        after: int = 0,
        match: Callable[[dict[str, Any]], bool] = lambda call: True,
        finished: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> dict[str, Any]:
        """The first call of `method` after `after` that `match` accepts (and is answered)."""
        return wait_until(
            lambda: next(
                (
                    c
                    for c in self.calls(method, after=after)
                    if ("status" in c or not finished) and match(c)
                ),
                None,
            ),
            timeout,
            f"no {method} call",
        )

    def inline_results(self, inline_query_id: str, timeout: float = DEFAULT_TIMEOUT) -> list[Any]:
        """The results the bot answered an inline query with (answerInlineQuery)."""
        call = self.wait_for_call(
            "answerInlineQuery",
            match=lambda c: c["params"].get("inline_query_id") == inline_query_id,
            timeout=timeout,
        )
        results = call["params"].get("results", "[]")
        return list(json.loads(results) if isinstance(results, str) else results)

    def inject_fault(
        self,
        method: str,
        *,
        error_code: int | None = None,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
        chat_id: int | None = None,
        delay_ms: int | None = None,
        after_handling: str | None = None,
    ) -> None:
        """The next `count` calls of `method` (-1: all, until cleared) fail or are delayed.

        `after_handling="drop"`: the call is handled (the user gets the message), then the
        connection is dropped without an answer; `"delay"`: the answer comes `delay_ms` late.
        """
        fault = {
            "token": self.token,
            "method": method,
            "count": count,
            "error_code": error_code,
            "description": description,
            "retry_after": retry_after,
            "chat_id": chat_id,
            "delay_ms": delay_ms,
            "after_handling": after_handling,
        }
        self.request("POST", "/faults", {k: v for k, v in fault.items() if v is not None})

    def clear_faults(self) -> None:
        self.request("DELETE", f"/faults?token={urllib.parse.quote(self.token)}")

    def commands(self) -> dict[str, list[dict[str, str]]]:
        """The command menus set by setMyCommands: '<scope json>|<language>' -> commands."""
        menus: dict[str, list[dict[str, str]]] = self.get("/commands", token=self.token)
        return menus

    def set_chat_member(
        self, chat_id: int, user_id: int, status: str, *, is_anonymous: bool = False
    ) -> None:
        """What getChatMember answers for this user in this chat (e.g. "administrator")."""
        member = {"chat_id": chat_id, "user_id": user_id, "status": status}
        self.request("POST", "/chat_member", {**member, "is_anonymous": is_anonymous})

    def file(self, file_id: str) -> bytes:
        """The content of a file the bot sent (sendDocument) or a user uploaded."""
        url = f"{self.url}/_control/files/{urllib.parse.quote(file_id)}"
        with urllib.request.urlopen(url, timeout=DEFAULT_TIMEOUT) as response:
            content: bytes = response.read()
        return content


class TelegramUser:
    """One user of the bot: sends messages and presses buttons, reads the bot's replies."""

    def __init__(
        self,
        emulator: Emulator,
        user_id: int,
        language_code: str | None,
        chat: dict[str, Any] | None,
    ) -> None:
        self.emulator = emulator
        self.user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Test"}
        if language_code:
            self.user["language_code"] = language_code
        self.chat = chat or {"id": user_id, "type": "private", "first_name": "Test"}
        self.chat_id = int(self.chat["id"])
        self.sender_chat: dict[str, Any] | None = None
        self._seen = 0

    def send(self, text: str) -> int:
        """Send a message (a command when it starts with "/"); returns its message id."""
        result = self._update("message", {"text": text})
        return int(result["message_id"])

    def send_document(
        self, file_name: str, content: bytes, *, mime_type: str = "text/plain", caption: str = ""
    ) -> int:
        document = {
            "file_name": file_name,
            "mime_type": mime_type,
            "content_base64": base64.b64encode(content).decode(),
        }
        result = self._update("message", {"document": document, "caption": caption or None})
        return int(result["message_id"])

    def press(self, message: BotMessage, label: str) -> None:
        """Press the first inline button of `message` whose text contains `label`."""
        self.press_data(message, self._callback_data(message.button(label)))

    def press_data(self, message: BotMessage, data: str) -> None:
        """Send a callback query with any data (a stale or forged button) from `message`."""
        self._update("callback", {"message_id": message.message_id, "data": data})

    def inline_query(self, query: str) -> str:
        result = self._update("inline_query", {"query": query})
        return str(result["inline_query_id"])

    def messages(self) -> list[BotMessage]:
        """Every message of the bot in this chat, as it reads now."""
        found = self.emulator.get("/messages", token=self.emulator.token, chat_id=self.chat_id)
        return [BotMessage.from_json(item) for item in found]

    def wait_reply(self, timeout: float = DEFAULT_TIMEOUT) -> BotMessage:
        """The bot's next new message in this chat (each is returned once)."""
        message = wait_until(
            lambda: next((m for m in self.messages() if m.message_id > self._seen), None),
            timeout,
            f"no reply from the bot in chat {self.chat_id}",
        )
        self._seen = message.message_id
        return message

    def wait_for(self, fragment: str, timeout: float = DEFAULT_TIMEOUT) -> BotMessage:
        """The bot's next new message that contains `fragment` (earlier ones are skipped)."""
        message = wait_until(
            lambda: next(
                (m for m in self.messages() if m.message_id > self._seen and fragment in m.text),
                None,
            ),
            timeout,
            f"no reply containing {fragment!r} in chat {self.chat_id}",
        )
        self._seen = message.message_id
        return message

    def wait_replies(self, count: int, timeout: float = DEFAULT_TIMEOUT) -> list[BotMessage]:
        return [self.wait_reply(timeout) for _ in range(count)]

    def wait_edit(self, message: BotMessage, timeout: float = DEFAULT_TIMEOUT) -> BotMessage:
        """`message` after the bot edited it once more."""
        return wait_until(
            lambda: next(
                (
                    m
                    for m in self.messages()
                    if m.message_id == message.message_id and m.edits > message.edits
                ),
                None,
            ),
            timeout,
            f"the bot did not edit message {message.message_id}",
        )

    def expect_no_reply(self, seconds: float = 1.0) -> None:
        time.sleep(seconds)
        fresh = [m.text for m in self.messages() if m.message_id > self._seen]
        if fresh:
            raise EmulatorError(f"unexpected replies: {fresh}")

    def _update(self, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
        body = {"token": self.emulator.token, "from": self.user, "chat_id": self.chat_id}
        body["chat"] = self.chat
        if self.sender_chat is not None and kind == "message":
            body["sender_chat"] = self.sender_chat
        body.update({k: v for k, v in fields.items() if v is not None})
        result: dict[str, Any] = self.emulator.request("POST", f"/updates/{kind}", body)
        return result

    @staticmethod
    def _callback_data(button: Button) -> str:
        if button.callback_data is None:
            raise EmulatorError(f"button {button.text!r} has no callback data")
        return button.callback_data


def wait_until(probe: Callable[[], T | None], timeout: float, what: str) -> T:
    """Poll `probe` until it returns something; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise EmulatorError(f"{what} within {timeout:.0f} s")
        time.sleep(_POLL_INTERVAL)
