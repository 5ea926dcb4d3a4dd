"""Replies several handlers share: editing in place, stale buttons, an unknown region, an article,
the sector list, a country's regions, help."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.html import Html, escape, join
from bot.texts import label, t
from bot.views.article import article_full
from bot.views.keyboards import menu_keyboard, sectors_keyboard, suggestions_keyboard
from bot.views.render import shorten
from storage.models import Lang, Region
from storage.regions import get_region, suggest_regions
from storage.repository import Archive
from storage.sectors import get_sector


async def edit_text(message: Message, text: Html, keyboard: InlineKeyboardMarkup | None) -> None:
    """Edit a message in place; pressing the same button twice is not an error."""
    try:
        await message.edit_text(text, reply_markup=keyboard)
    except TelegramBadRequest as error:
        if "message is not modified" not in error.message:
            raise


async def answer_stale(query: CallbackQuery, bot: Bot, lang: Lang) -> None:
    """A button whose list no longer exists: say so, and offer the main menu afresh."""
    await query.answer(label(lang, "list.stale"))
    if query.message is not None:
        chat_id = query.message.chat.id
        await bot.send_message(chat_id, t(lang, "list.stale"), reply_markup=menu_keyboard(lang))


async def answer_unknown_region(message: Message, query: str, lang: Lang) -> None:
    """A name that is no region: the closest names as buttons, or a hint to browse."""
    suggestions = suggest_regions(query)
    lines = [t(lang, "region.unknown", query=escape(shorten(query, 100)))]
    lines.append(t(lang, "region.suggest") if suggestions else t(lang, "region.browse"))
    keyboard = suggestions_keyboard(suggestions, lang=lang)
    await message.answer(join("\n", lines), reply_markup=keyboard)


async def answer_sector_list(message: Message, archive: Archive, lang: Lang) -> None:
    """Every sector that has articles, with its count, as buttons."""
    counted = [
        (get_sector(sector_id), count) for sector_id, count in await archive.sector_counts()
    ]
    known = [(sector, count) for sector, count in counted if sector is not None]
    if not known:
        await message.answer(t(lang, "sectors.empty"))
        return
    await message.answer(t(lang, "sectors.choose"), reply_markup=sectors_keyboard(known, lang))


async def answer_article(message: Message, archive: Archive, article_id: int, lang: Lang) -> None:
    """One article in full detail (as many messages as it needs), or "no such article"."""
    detail = await archive.article(article_id)
    if detail is None:
        await message.answer(t(lang, "article.not_found", id=article_id))
        return
    for part in article_full(detail, lang):
        await message.answer(part)


async def regions_with_articles(archive: Archive, country: str) -> list[tuple[Region, int]]:
    """The regions of one country that have articles, with their counts, most first."""
    counted = (
        (get_region(region_id), count) for region_id, count in await archive.region_counts()
    )
    return [(region, count) for region, count in counted if region and region.country == country]


async def help_text(bot: Bot, lang: Lang) -> Html:
    """Every command with one example (the bot's own name in the inline example)."""
    me = await bot.me()
    commands = t(lang, "help.text", bot=escape(me.username or "bot"))
    usage = join("\n", [commands, t(lang, "search.syntax")])
    return join("\n\n", [usage, t(lang, "help.digests")])
