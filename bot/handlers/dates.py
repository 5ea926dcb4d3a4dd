"""/date <period>: the summary of the articles dated within a year, a month, a day or a range."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.html import escape, join
from bot.periods import PeriodError, parse_period
from bot.summaries import answer_summary, period_summary
from bot.texts import t
from bot.views.render import format_span, shorten
from storage.models import Lang
from storage.repository import Archive


async def cmd_date(message: Message, command: CommandObject, archive: Archive, lang: Lang) -> None:
    if not command.args:
        await message.answer(t(lang, "date.usage"))
        return
    try:
        period = parse_period(command.args)
    except PeriodError:
        bad = t(lang, "date.bad", query=escape(shorten(command.args, 100)))
        await message.answer(join("\n", [bad, t(lang, "date.usage")]))
        return
    empty = t(lang, "date.empty", period=format_span(period.since, period.until, lang))
    await answer_summary(message, archive, period_summary(period, lang), lang, empty)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="dates")
    router.message.register(cmd_date, Command("date"))
    return router
