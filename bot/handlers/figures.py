"""/figures <region or pair>: reported turnover, investment, export and import, with sources."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.figures_render import figures_message
from bot.handlers.regions import answer_unknown_region
from bot.handlers.summary import region_summary
from bot.texts import t
from storage.db import Database
from storage.figures_store import figures_about
from storage.regions import resolve_regions


async def cmd_figures(
    message: Message, command: CommandObject, database: Database, lang: str
) -> None:
    if not command.args:
        await message.answer(t(lang, "figures.usage"))
        return
    regions = resolve_regions(command.args)
    if not regions:
        await answer_unknown_region(message, command.args, lang)
        return
    summary = region_summary(regions, lang)
    figures = await figures_about(database.reader, summary.home)
    if not figures:
        await message.answer(t(lang, "figures.empty", title=summary.title))
        return
    await message.answer(figures_message(summary.title, figures, lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="figures")
    router.message.register(cmd_figures, Command("figures"))
    return router
