"""Sending a summary's articles as a CSV or XLSX file: written to a temporary file, a few at a
time over the whole bot, one at a time per chat, and refused in words when Telegram would."""

from __future__ import annotations

import asyncio
import re
import tempfile
from pathlib import Path

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.types import FSInputFile

from bot.charts.quota import Slot, UserQuota
from bot.html import Html, join
from bot.texts import t
from storage.db import Database
from storage.export import MAX_ROWS, Format, export_selection
from storage.models import Lang, Selection

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # what the Bot API accepts from a bot
EXPORTS_AT_ONCE = 2
EXPORTS_PER_MINUTE = 3  # for one user
_UNSAFE = re.compile(r"[^a-z0-9_-]+")


class Exports:
    """Writes and sends export files; give it the database (it reads on the reader)."""

    def __init__(self, database: Database, quota: UserQuota | None = None) -> None:
        self._database = database
        self._slots = asyncio.Semaphore(EXPORTS_AT_ONCE)
        self._busy_chats: set[int] = set()
        self._quota = quota or UserQuota(EXPORTS_PER_MINUTE)

    def reserve(self, user_id: int) -> Slot:
        """The user's turn for one export (release it when sent), or TooManyRequests: one at
        a time and EXPORTS_PER_MINUTE a minute per user."""
        return self._quota.take(user_id)

    async def send(
        self,
        bot: Bot,
        chat_id: int,
        selection: Selection,
        title: Html,
        file_format: Format,
        *,
        name: str,
        lang: Lang,
    ) -> None:
        """Send the selection as a file to the chat; a second request meanwhile is ignored."""
        if chat_id in self._busy_chats:
            return
        self._busy_chats.add(chat_id)
        try:
            async with self._slots:
                await self._send(bot, chat_id, selection, title, file_format, name, lang)
        finally:
            self._busy_chats.discard(chat_id)

    async def _send(
        self,
        bot: Bot,
        chat_id: int,
        selection: Selection,
        title: Html,
        file_format: Format,
        name: str,
        lang: Lang,
    ) -> None:
        # A large workbook takes seconds: the chat shows "sending a file…" meanwhile.
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        with tempfile.TemporaryDirectory(prefix="export-") as folder:
            path = Path(folder) / f"{file_name(name)}.{file_format}"
            reader = self._database.reader
            count = await export_selection(reader, selection, path, file_format, lang=lang)
            if count == 0:
                await bot.send_message(chat_id, t(lang, "export.empty"))
                return
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                mb = MAX_DOCUMENT_BYTES // 2**20
                await bot.send_message(chat_id, t(lang, "export.too_big", mb=mb))
                return
            caption = t(lang, "export.caption", title=title, count=count)
            if count >= MAX_ROWS:
                caption = join("", [caption, t(lang, "export.capped", count=MAX_ROWS)])
            document = FSInputFile(path, filename=path.name)
            await bot.send_document(chat_id, document, caption=caption)


def file_name(name: str) -> str:
    """A file name for Telegram and any operating system: `articles-<what it is>`."""
    safe = _UNSAFE.sub("-", name.lower()).strip("-")[:40]
    return f"articles-{safe}" if safe else "articles"
