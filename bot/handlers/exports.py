"""⬇️ under a summary and /export [csv|xlsx]: the summary's articles as a file."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ExportCallback, ListKind
from bot.charts.quota import TooManyRequests, too_many
from bot.exporting import Exports
from bot.html import escape
from bot.replies import answer_stale
from bot.selections import LastSelections
from bot.summaries import summary_from_key
from bot.texts import t
from storage.export import Format
from storage.models import Lang


async def on_export(
    query: CallbackQuery, callback_data: ExportCallback, exports: Exports, bot: Bot, lang: Lang
) -> None:
    summary = summary_from_key(callback_data.kind, callback_data.key, lang)
    if summary is None or query.message is None:
        await answer_stale(query, bot, lang)
        return
    try:
        turn = exports.reserve(query.from_user.id)
    except TooManyRequests as refused:
        await query.answer(too_many(lang, refused), show_alert=True)
        return
    await query.answer()
    with turn:
        await exports.send(
            bot,
            query.message.chat.id,
            summary.selection,
            summary.title,
            callback_data.format,
            name=_name(callback_data.kind, callback_data.key),
            lang=lang,
        )


async def cmd_export(
    message: Message,
    command: CommandObject,
    exports: Exports,
    selections: LastSelections,
    bot: Bot,
    lang: Lang,
) -> None:
    file_format = _format(command.args)
    last = selections.last(message.chat.id)
    summary = summary_from_key(*last, lang) if last else None
    if summary is None or file_format is None:
        await message.answer(t(lang, "export.usage"))
        return
    name = _name(*last) if last else "articles"
    try:
        turn = exports.reserve(message.from_user.id if message.from_user else message.chat.id)
    except TooManyRequests as refused:
        await message.answer(escape(too_many(lang, refused)))
        return
    with turn:
        await exports.send(
            bot,
            message.chat.id,
            summary.selection,
            summary.title,
            file_format,
            name=name,
            lang=lang,
        )


def _format(args: str | None) -> Format | None:
    word = (args or "csv").strip().lower().lstrip(".")
    if word in ("csv", "xlsx"):
        return "csv" if word == "csv" else "xlsx"
    return "xlsx" if word in ("excel", "xls") else None


def _name(kind: ListKind, key: str) -> str:
    """What the file is about, for its name: the region, sector or period key; "search"..."""
    return {"q": "search", "l": "latest"}.get(kind, key)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="exports")
    router.callback_query.register(on_export, ExportCallback.filter())
    router.message.register(cmd_export, Command("export"))
    return router
