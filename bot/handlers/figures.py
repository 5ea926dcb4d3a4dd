"""/figures <region or pair>: reported turnover, investment, export and import, with sources."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.replies import answer_unknown_region
from bot.summaries import region_summary
from bot.texts import t
from bot.views.figures import figures_message
from storage.figures_store import Figures
from storage.models import Lang
from storage.regions import resolve_regions


async def cmd_figures(
    message: Message, command: CommandObject, figures: Figures, lang: Lang
) -> None:
    if not command.args:
        await message.answer(t(lang, "figures.usage"))
        return
    regions = resolve_regions(command.args)
    if not regions:
        await answer_unknown_region(message, command.args, lang)
        return
    summary = region_summary(regions, lang)
    found = await figures.about(summary.home)
    if not found:
        await message.answer(t(lang, "figures.empty", title=summary.title))
        return
    await message.answer(figures_message(summary.title, found, lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="figures")
    router.message.register(cmd_figures, Command("figures"))
    return router
