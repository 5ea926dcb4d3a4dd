"""Admin commands: /reload, /stats and article uploads, on a router only admins get through."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable
from urllib.parse import quote

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, ExceptionTypeFilter
from aiogram.types import BotCommand, BotCommandScopeChat, Document, ErrorEvent, Message

from bot.config import Settings
from bot.filters import ADMIN_COMMANDS, IsAdmin
from bot.html import Html, escape
from bot.menu import menu_commands
from bot.reloader import Reloader, ReloadRunning, SeedsFolderMissing
from bot.texts import DEFAULT_LANGUAGE, LANGUAGES, label, t
from bot.uploads import MAX_UPLOAD_BYTES, UnsafeUpload, safe_file_name, save_upload
from bot.views import admin as admin_view
from storage.loader import TooManyRemovals
from storage.models import ArticleRecord, Lang
from storage.reading import UnreadableArticle, decode_article_file
from storage.stats import Statistics

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


def _admin_menu(lang: Lang) -> list[BotCommand]:
    extra = [
        BotCommand(command=name, description=label(lang, f"admin.cmd_{name}"))
        for name in ADMIN_COMMANDS
    ]
    return menu_commands(lang) + extra


async def cmd_reload(
    message: Message, command: CommandObject, reloader: Reloader, lang: Lang
) -> None:
    # Any other failure reaches the error handler and the admin chat; the loader works in one
    # transaction, so whatever failed, the archive is as it was.
    prune = (command.args or "").strip().lower() == "prune"
    report = await reloader.reload(prune=prune)
    for text in admin_view.reload_report(report, lang):
        await message.answer(text)


async def cmd_stats(
    message: Message, statistics: Statistics, clock: Callable[[], dt.datetime], lang: Lang
) -> None:
    figures = await statistics.figures(clock())
    await message.answer(admin_view.stats(figures, lang))


async def on_upload(message: Message, bot: Bot, reloader: Reloader, lang: Lang) -> None:
    assert message.document is not None  # guaranteed by the F.document filter
    name, data, record = await _accept(bot, message.document, reloader, lang)
    saved = save_upload(reloader.seeds_dir, name, data)
    logger.info("admin %s uploaded %s", message.chat.id, saved.path.name)
    report = await reloader.reload("upload", wait=True)
    await message.answer(
        admin_view.upload_result(saved.path.name, saved.existed, record, report, lang)
    )


class Refused(Exception):
    """An upload that is not accepted; `answer` says why, to the admin."""

    def __init__(self, answer: Html) -> None:
        super().__init__(answer)
        self.answer = answer


async def _accept(
    bot: Bot, document: Document, reloader: Reloader, lang: Lang
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
    data = await _download(bot, document)
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(t(lang, "admin.upload_too_big", size=_size(len(data))))
    return name, data, await _read(data, reloader, lang)


async def _download(bot: Bot, document: Document) -> bytes:
    """The file's bytes, through the Bot API's file path, percent-encoded.

    aiogram puts the path into the URL as it is, and the path ends in the sender's file name:
    a `#` or `?` in it (`report#2024.txt`) would cut the URL short and fail the download.
    """
    file = await bot.get_file(document.file_id)
    if file.file_path is None:
        raise FileNotFoundError("the Bot API gave no path for the uploaded file")
    stream = await bot.download_file(quote(file.file_path, safe="/"), io.BytesIO())
    assert stream is not None  # a download into memory returns that stream
    return stream.read(MAX_UPLOAD_BYTES + 1)


async def _read(data: bytes, reloader: Reloader, lang: Lang) -> ArticleRecord:
    try:
        text = decode_article_file(data)
    except UnreadableArticle:
        raise Refused(t(lang, "admin.upload_not_txt")) from None
    try:
        return await reloader.read(text)
    except UnreadableArticle as error:
        raise Refused(t(lang, "admin.upload_unreadable", reason=escape(str(error)))) from None


def _prune_refused(refusal: TooManyRemovals, lang: Lang) -> Html:
    return t(lang, "admin.reload_prune_refused", removing=refusal.removing, total=refusal.total)


def _seeds_missing(reloader: Reloader, lang: Lang) -> Html:
    return t(lang, "admin.seeds_missing", folder=escape(str(reloader.seeds_dir)))


def _size(size: int) -> Html:
    return escape(f"{size / (1024 * 1024):.1f} MB")


async def on_reload_running(event: ErrorEvent, message: Message, lang: Lang) -> None:
    logger.info("reload refused: %r", event.exception)
    await message.answer(t(lang, "admin.reload_running"))


async def on_seeds_missing(
    event: ErrorEvent, message: Message, reloader: Reloader, lang: Lang
) -> None:
    logger.warning("reload refused: %r", event.exception)
    await message.answer(_seeds_missing(reloader, lang))


async def on_too_many_removals(event: ErrorEvent, message: Message, lang: Lang) -> None:
    assert isinstance(event.exception, TooManyRemovals)  # guaranteed by the ExceptionTypeFilter
    logger.warning("reload refused: %r", event.exception)
    await message.answer(_prune_refused(event.exception, lang))


async def on_refused(event: ErrorEvent, message: Message) -> None:
    assert isinstance(event.exception, Refused)  # guaranteed by the ExceptionTypeFilter
    logger.info("upload refused: %r", event.exception)
    await message.answer(event.exception.answer)


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
    # Refusals are answered here, from the message that caused them; every other error goes on
    # to the error handler (apology, log, admin-chat notice).
    with_message = F.update.message.as_("message")
    router.errors.register(on_reload_running, ExceptionTypeFilter(ReloadRunning), with_message)
    router.errors.register(on_seeds_missing, ExceptionTypeFilter(SeedsFolderMissing), with_message)
    router.errors.register(on_refused, ExceptionTypeFilter(Refused), with_message)
    router.errors.register(
        on_too_many_removals, ExceptionTypeFilter(TooManyRemovals), with_message
    )
    return router
