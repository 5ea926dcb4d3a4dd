"""Admin commands: /reload, /stats and article uploads, on a router only admins get through."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from html import escape

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import BotCommand, BotCommandScopeChat, Document, Message

from bot import admin_render
from bot.config import Settings
from bot.filters import ADMIN_COMMANDS, IsAdmin
from bot.menu import menu_commands
from bot.reloader import Reloader, ReloadRunning, SeedsFolderMissing
from bot.texts import DEFAULT_LANGUAGE, LANGUAGES, t
from bot.uploads import MAX_UPLOAD_BYTES, UnsafeUpload, safe_file_name, save_upload
from storage.db import Database
from storage.models import ArticleRecord
from storage.reading import UnreadableArticle, decode_article_file
from storage.stats import admin_stats

logger = logging.getLogger(__name__)


async def set_admin_menu(bot: Bot, settings: Settings) -> None:
    """Startup hook: each admin's own chat gets the normal menu plus the admin commands.

    A per-chat scope keeps the admin commands out of everybody else's menu. An admin who has
    never opened the bot has no chat yet; that is logged and skipped.
    """
    for admin_id in settings.admin_ids:
        scope = BotCommandScopeChat(chat_id=admin_id)
        try:
            await bot.set_my_commands(_admin_menu(DEFAULT_LANGUAGE), scope=scope)
            for lang in LANGUAGES:
                await bot.set_my_commands(_admin_menu(lang), scope=scope, language_code=lang)
        except TelegramBadRequest as error:
            logger.warning("no admin menu for %s: %s", admin_id, error.message)


def _admin_menu(lang: str) -> list[BotCommand]:
    extra = [
        BotCommand(command=name, description=t(lang, f"admin.cmd_{name}"))
        for name in ADMIN_COMMANDS
    ]
    return menu_commands(lang) + extra


async def cmd_reload(message: Message, reloader: Reloader, lang: str) -> None:
    try:
        report = await reloader.reload()
    except ReloadRunning:
        await message.answer(t(lang, "admin.reload_running"))
        return
    except SeedsFolderMissing:
        await message.answer(_seeds_missing(reloader, lang))
        return
    except Exception as error:
        # The loader works in one transaction: whatever failed, the archive is as it was.
        await message.answer(t(lang, "admin.reload_failed", error=escape(str(error)[:200])))
        return
    for text in admin_render.reload_report(report, lang):
        await message.answer(text)


async def cmd_stats(
    message: Message, database: Database, clock: Callable[[], dt.datetime], lang: str
) -> None:
    figures = await admin_stats(database.reader, clock())
    await message.answer(admin_render.stats(figures, lang))


async def on_upload(message: Message, bot: Bot, reloader: Reloader, lang: str) -> None:
    assert message.document is not None  # guaranteed by the F.document filter
    try:
        name, data, record = await _accept(bot, message.document, reloader, lang)
    except Refused as refusal:
        await message.answer(str(refusal))
        return
    saved = save_upload(reloader.seeds_dir, name, data)
    logger.info("admin %s uploaded %s", message.chat.id, saved.path.name)
    report = await reloader.reload("upload", wait=True)
    await message.answer(
        admin_render.upload_result(saved.path.name, saved.existed, record, report, lang)
    )


class Refused(Exception):
    """An upload that is not accepted; the message is the answer for the admin."""


async def _accept(
    bot: Bot, document: Document, reloader: Reloader, lang: str
) -> tuple[str, bytes, ArticleRecord]:
    """The safe file name, the bytes and their reading, or `Refused` saying why not."""
    if not reloader.seeds_dir.is_dir():
        raise Refused(_seeds_missing(reloader, lang))
    if document.file_size is not None and document.file_size > MAX_UPLOAD_BYTES:
        raise Refused(t(lang, "admin.upload_too_big", size=_size(document.file_size)))
    try:
        name = safe_file_name(document.file_name)
    except UnsafeUpload:
        raise Refused(t(lang, "admin.upload_not_txt")) from None
    stream = await bot.download(document)
    assert stream is not None  # download() into memory always returns the stream
    data = stream.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(t(lang, "admin.upload_too_big", size=_size(len(data))))
    return name, data, await _read(data, reloader, lang)


async def _read(data: bytes, reloader: Reloader, lang: str) -> ArticleRecord:
    try:
        text = decode_article_file(data)
    except UnreadableArticle:
        raise Refused(t(lang, "admin.upload_not_txt")) from None
    try:
        return await reloader.read(text)
    except UnreadableArticle as error:
        raise Refused(t(lang, "admin.upload_unreadable", reason=escape(str(error)))) from None


def _seeds_missing(reloader: Reloader, lang: str) -> str:
    return t(lang, "admin.seeds_missing", folder=escape(str(reloader.seeds_dir)))


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="admin")
    # One filter for the whole router: anybody else's message falls through to the other routers
    # and an admin command reaches the catch-all, which answers it like any unknown command.
    router.message.filter(IsAdmin())
    router.message.register(cmd_reload, Command("reload"))
    router.message.register(cmd_stats, Command("stats"))
    # Private chats only: an admin sharing a file in a group is not adding an article.
    router.message.register(on_upload, F.document, F.chat.type == ChatType.PRIVATE)
    return router
