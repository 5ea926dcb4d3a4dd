"""Telling the admins that a source paused after repeated failures, in each chat's language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.config import Settings
from bot.html import escape
from bot.texts import DEFAULT_LANGUAGE, t
from bot.views.sources import error_text
from storage.chats import Chats
from storage.models import Lang
from storage.sources.addresses import redact
from storage.sources.registry import Source
from storage.users import Users

logger = logging.getLogger(__name__)


class ChatLanguages:
    """The language of a chat the bot writes to unasked: a private chat's user's choice
    (/lang), else the language stored with the chat (a group's), else the default."""

    def __init__(self, chats: Chats, users: Users) -> None:
        self.chats = chats
        self.users = users

    async def of(self, chat_id: int) -> Lang:
        if chat_id > 0 and (chosen := await self.users.get_lang(chat_id)) is not None:
            return chosen
        chat = await self.chats.chat(chat_id)
        return chat.lang if chat is not None else DEFAULT_LANGUAGE


class PauseNotices:
    """One notice per pause, to the admin chat (`ADMIN_CHAT_ID`, else each admin)."""

    def __init__(self, settings: Settings, languages: ChatLanguages | None = None) -> None:
        self.settings = settings
        self.languages = languages

    async def announce(self, bot: Bot, source: Source, error: str) -> None:
        logger.warning("source %s paused after repeated failures", redact(source.url))
        for chat_id in self._admin_chats():
            lang = DEFAULT_LANGUAGE if self.languages is None else await self.languages.of(chat_id)
            text = t(
                lang,
                "sources.paused_notice",
                name=escape(source.name),
                url=escape(redact(source.url)),
                error=error_text(error, lang),
            )
            try:
                await bot.send_message(chat_id, text)
            except TelegramAPIError as failure:
                logger.warning("could not tell chat %s of a paused source: %s", chat_id, failure)

    def _admin_chats(self) -> tuple[int, ...]:
        if self.settings.admin_chat_id is not None:
            return (self.settings.admin_chat_id,)
        return self.settings.admin_ids
