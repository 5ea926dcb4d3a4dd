"""/date <period>: the summary of the articles dated within a period as people type it
(a year, a month, a day, a range, "last month"); bare /date offers the recent months."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.config import Settings
from bot.html import escape, join
from bot.texts import t
from bot.typed_answers import Clock, answer_typed, today_for
from bot.views.pickers import RECENT_MONTHS, months_keyboard
from bot.views.render import shorten
from storage.models import Lang
from storage.repository import Archive


async def cmd_date(
    message: Message,
    command: CommandObject,
    archive: Archive,
    settings: Settings,
    clock: Clock,
    lang: Lang,
) -> None:
    if not command.args:  # picked from the menu: the recent months as buttons
        await answer_recent_months(message, archive, lang)
        return
    today = today_for(clock, settings)
    if not await answer_typed(message, archive, command.args, lang, "date", today):
        bad = t(lang, "date.bad", query=escape(shorten(command.args, 100)))
        await message.answer(join("\n", [bad, t(lang, "date.usage")]))


async def answer_recent_months(message: Message, archive: Archive, lang: Lang) -> None:
    months = await archive.recent_months(RECENT_MONTHS)
    if not months:
        await message.answer(t(lang, "date.none"))
        return
    await message.answer(t(lang, "date.recent"), reply_markup=months_keyboard(months, lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="dates")
    router.message.register(cmd_date, Command("date"))
    return router
