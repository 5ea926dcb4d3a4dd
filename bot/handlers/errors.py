"""The error handler: log the traceback, apologise to the user, notify the admin chat sparingly."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent, Message, Update

from bot.html import Html, escape, join
from bot.redaction import redact
from bot.texts import DEFAULT_LANGUAGE, pick_language, t
from storage.models import Lang

logger = logging.getLogger(__name__)

NOTICE_WINDOW = dt.timedelta(minutes=1)


class ErrorNotifier:
    """One-line notices to `ADMIN_CHAT_ID`, at most one per window.

    An error storm must not flood the admins: errors inside the window are only counted, and
    the next notice says how many were held back.
    """

    def __init__(
        self,
        chat_id: int | None,
        clock: Callable[[], dt.datetime],
        window: dt.timedelta = NOTICE_WINDOW,
    ) -> None:
        self.chat_id = chat_id
        self._clock = clock
        self._window = window
        self._last_sent: dt.datetime | None = None
        self.suppressed = 0

    def _take_slot(self) -> int | None:
        """The number held back since the last notice if one may go now, else None."""
        now = self._clock()
        if self._last_sent is not None and now - self._last_sent < self._window:
            self.suppressed += 1
            return None
        self._last_sent, held_back, self.suppressed = now, self.suppressed, 0
        return held_back

    async def notify(self, bot: Bot, line: Html) -> None:
        if self.chat_id is None:
            return
        held_back = self._take_slot()
        if held_back is None:
            return
        text = t(DEFAULT_LANGUAGE, "admin.error_notice", error=line)
        if held_back:
            suppressed = t(DEFAULT_LANGUAGE, "admin.error_suppressed", count=held_back)
            text = join("", [text, suppressed])
        try:
            await bot.send_message(self.chat_id, text)
        except TelegramAPIError:
            logger.exception("could not notify the admin chat %s", self.chat_id)


async def on_error(
    event: ErrorEvent, bot: Bot, error_notifier: ErrorNotifier, lang: Lang | None = None
) -> bool:
    """Every unhandled exception of every handler ends here.

    `lang` is there when the language middleware ran before the error; otherwise the apology
    follows the user's Telegram language.
    """
    update = event.update
    logger.error(
        "unhandled error in update %s (%s)",
        update.update_id,
        _where(update),
        exc_info=event.exception,
    )
    await _apologise(bot, update, lang)
    await error_notifier.notify(bot, _one_line(event, bot.token))
    return True


async def _apologise(bot: Bot, update: Update, lang: Lang | None) -> None:
    place = _reply_place(update)
    if place is None:
        return
    chat_id, thread_id, language_code = place
    try:
        await bot.send_message(
            chat_id,
            t(lang or pick_language(language_code), "errors.apology"),
            message_thread_id=thread_id,
        )
    except TelegramAPIError:
        logger.warning("could not apologise in chat %s", chat_id, exc_info=True)


def _reply_place(update: Update) -> tuple[int, int | None, str | None] | None:
    """(chat id, forum topic, user's language code) of the update, if it has a chat."""
    if update.message:
        user = update.message.from_user
        message = update.message
        return message.chat.id, message.message_thread_id, user.language_code if user else None
    query = update.callback_query
    if query and query.message:
        thread_id = query.message.message_thread_id if isinstance(query.message, Message) else None
        return query.message.chat.id, thread_id, query.from_user.language_code
    return None


def _where(update: Update) -> str:
    if update.message:
        return (update.message.text or update.message.content_type)[:48]
    if update.callback_query:
        return f"button {update.callback_query.data or ''}"[:48]
    return update.event_type


def _one_line(event: ErrorEvent, token: str) -> Html:
    """The notice's text: the error in one line, the token removed (a failed file download's
    error carries the download URL, and that URL carries the token)."""
    error = event.exception
    summary = redact(" ".join(f"{type(error).__name__}: {error}".split()), token)[:200]
    return escape(f"{summary} — {redact(_where(event.update), token)}")


def make_router() -> Router:
    """The router placed last: an error that no feature router answered ends here."""
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
