"""Filters shared by routers: `IsAdmin` lets through only the user ids in `ADMIN_IDS`."""

from __future__ import annotations

import logging

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message

from bot.config import Settings

logger = logging.getLogger(__name__)

# In the order of the admins' command menu.
ADMIN_COMMANDS = ("reload", "stats", "sources", "source_add")


class IsAdmin(Filter):
    """True for admins; for anyone else the update falls through to the next routers.

    A refused attempt at an admin command or an upload is logged, so that operators can see
    probing, while the user gets the answer anybody gets for the same message (for a command,
    the unknown-command answer).
    """

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        if user is not None and user.id in settings.admin_ids:
            return True
        if isinstance(event, Message) and _looks_like_admin_action(event):
            logger.warning(
                "refused admin action from user %s in chat %s: %r",
                user.id if user else None,
                event.chat.id,
                _describe(event),
            )
        return False


def _looks_like_admin_action(message: Message) -> bool:
    upload = message.document is not None and message.chat.type == ChatType.PRIVATE
    return upload or _command_name(message.text) in ADMIN_COMMANDS


def _command_name(text: str | None) -> str:
    """ "reload" for "/reload@this_bot now"; "" when the text is not a command."""
    if not text or not text.startswith("/"):
        return ""
    word = text[1:].split(maxsplit=1)[0] if text[1:].strip() else ""
    return word.partition("@")[0].lower()


def _describe(message: Message) -> str:
    if message.document is not None:
        return f"upload {message.document.file_name}"
    # The command only: its arguments may carry secrets (an address with a password).
    name = _command_name(message.text)
    return f"/{name}" if name else (message.text or "")[:64]
