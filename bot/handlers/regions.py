"""/regions (browse by country with counts) and /region <name> (a region's or a pair's summary)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import BrowseCallback, OpenCallback
from bot.config import Settings
from bot.html import join
from bot.replies import answer_stale, answer_unknown_region, edit_text, regions_with_articles
from bot.summaries import answer_summary, summary_from_key
from bot.texts import t
from bot.typed_answers import Clock, answer_typed, today_for
from bot.views.keyboards import (
    BROWSE_PAGE,
    browse_keyboard,
    countries_keyboard,
    page_count,
)
from storage.models import Lang
from storage.repository import Archive


async def cmd_regions(message: Message, lang: Lang) -> None:
    await message.answer(t(lang, "regions.choose"), reply_markup=countries_keyboard(lang))


async def on_browse(
    query: CallbackQuery, callback_data: BrowseCallback, archive: Archive, bot: Bot, lang: Lang
) -> None:
    counted = await regions_with_articles(archive, callback_data.country)
    pages = page_count(len(counted), BROWSE_PAGE)
    if callback_data.page >= pages or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    country = t(lang, f"country.{callback_data.country}")
    text = t(
        lang,
        "regions.country",
        country=country,
        count=len(counted),
        page=callback_data.page + 1,
        pages=pages,
    )
    keyboard = browse_keyboard(callback_data.country, counted, callback_data.page, lang)
    await edit_text(query.message, text, keyboard)
    await query.answer()


async def cmd_region(
    message: Message,
    command: CommandObject,
    archive: Archive,
    settings: Settings,
    clock: Clock,
    lang: Lang,
) -> None:
    if not command.args:  # picked from the menu: the region picker, and how to type a name
        text = join("\n", [t(lang, "regions.choose"), t(lang, "region.usage")])
        await message.answer(text, reply_markup=countries_keyboard(lang))
        return
    today = today_for(clock, settings)
    if not await answer_typed(message, archive, command.args, lang, "region", today):
        await answer_unknown_region(message, command.args, lang)


async def on_open_region(
    query: CallbackQuery, callback_data: OpenCallback, archive: Archive, bot: Bot, lang: Lang
) -> None:
    summary = summary_from_key("r", callback_data.key, lang)
    if summary is None or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    empty = t(lang, "region.empty", name=summary.title)
    await answer_summary(query.message, archive, summary, lang, empty)
    await query.answer()


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="regions")
    router.message.register(cmd_regions, Command("regions"))
    router.callback_query.register(on_browse, BrowseCallback.filter())
    router.message.register(cmd_region, Command("region"))
    router.callback_query.register(on_open_region, OpenCallback.filter(F.kind == "r"))
    return router
