"""/sectors (every sector with its count) and /sector <name> (a sector's summary)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import OpenCallback
from bot.config import Settings
from bot.html import escape
from bot.replies import answer_sector_list, answer_stale
from bot.summaries import show_sector
from bot.texts import t
from bot.typed_answers import Clock, answer_typed, today_for
from bot.views.keyboards import suggestions_keyboard
from bot.views.render import shorten
from storage.models import Lang
from storage.repository import Archive
from storage.sectors import get_sector, suggest_sectors


async def cmd_sectors(message: Message, archive: Archive, lang: Lang) -> None:
    await answer_sector_list(message, archive, lang)


async def cmd_sector(
    message: Message,
    command: CommandObject,
    archive: Archive,
    settings: Settings,
    clock: Clock,
    lang: Lang,
) -> None:
    if not command.args:  # picked from the menu: the sectors
        await answer_sector_list(message, archive, lang)
        return
    today = today_for(clock, settings)
    if not await answer_typed(message, archive, command.args, lang, "sector", today):
        text = t(lang, "sector.unknown", query=escape(shorten(command.args, 100)))
        keyboard = suggestions_keyboard(sectors=suggest_sectors(command.args), lang=lang)
        await message.answer(text, reply_markup=keyboard)


async def on_open_sector(
    query: CallbackQuery, callback_data: OpenCallback, archive: Archive, bot: Bot, lang: Lang
) -> None:
    sector = get_sector(callback_data.key)
    if sector is None or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    await show_sector(query.message, archive, sector, lang)
    await query.answer()


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="sectors")
    router.message.register(cmd_sectors, Command("sectors"))
    router.message.register(cmd_sector, Command("sector"))
    router.callback_query.register(on_open_sector, OpenCallback.filter(F.kind == "s"))
    return router
