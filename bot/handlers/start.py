"""/start: the welcome with what the archive covers, deep links to an article, a region, a pair or
a sector, menu."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.callbacks import MenuCallback
from bot.html import Html, join
from bot.latest import answer_latest
from bot.links import ARTICLE_PAYLOAD, PAIR_SEPARATOR, SECTOR_SEPARATOR
from bot.replies import answer_article, answer_sector_list, answer_stale, help_text
from bot.summaries import answer_summary, show_regions, show_sector
from bot.texts import t
from bot.typed_answers import Clock
from bot.typed_summary import typed_summary
from bot.views.keyboards import countries_keyboard, menu_keyboard
from bot.views.render import format_span
from storage.latest_seen import LatestSeen
from storage.models import Lang, Selection
from storage.regions import get_region
from storage.repository import Archive
from storage.sectors import get_sector


async def cmd_start(
    message: Message, command: CommandObject, archive: Archive, lang: Lang
) -> None:
    payload = command.args or ""
    if await open_deep_link(message, archive, payload, lang):
        return
    text = await welcome(archive, lang)
    if payload:
        text = join("\n\n", [t(lang, "start.bad_link"), text])
    await message.answer(text, reply_markup=menu_keyboard(lang))


async def open_deep_link(message: Message, archive: Archive, payload: str, lang: Lang) -> bool:
    """`r-<region id>` opens a region, `p-<id>_<id>` a pair, `s-<sector id>` a sector,
    `a<id>` an article; False for anything else."""
    if found := ARTICLE_PAYLOAD.match(payload):
        await answer_article(message, archive, int(found[1]), lang)
        return True
    kind, _, key = payload.partition("-")
    key, within, sector_id = key.partition(SECTOR_SEPARATOR)
    if within:
        return await _open_within_sector(message, archive, kind, key, sector_id, lang)
    if kind == "r" and (region := get_region(key)):
        await show_regions(message, archive, [region], lang)
        return True
    pair = [get_region(region_id) for region_id in key.split(PAIR_SEPARATOR)]
    if kind == "p" and len(pair) == 2 and all(pair):
        await show_regions(message, archive, [r for r in pair if r is not None], lang)
        return True
    if kind == "s" and (sector := get_sector(key)):
        await show_sector(message, archive, sector, lang)
        return True
    return False


async def _open_within_sector(
    message: Message, archive: Archive, kind: str, key: str, sector_id: str, lang: Lang
) -> bool:
    """`r-<id>__<sector>`, `p-<id>_<id>__<sector>`: a region or a pair within a sector."""
    region_ids = key.split(PAIR_SEPARATOR) if kind == "p" else [key] if kind == "r" else []
    regions = [region for region in map(get_region, region_ids) if region is not None]
    sector = get_sector(sector_id)
    if not regions or len(regions) != len(region_ids) or sector is None:
        return False
    selection = Selection(region_ids=tuple(r.id for r in regions), sector=sector.id)
    summary = typed_summary(selection, lang)
    empty = t(lang, "typed.empty", title=summary.title)
    await answer_summary(message, archive, summary, lang, empty)
    return True


async def welcome(archive: Archive, lang: Lang) -> Html:
    coverage = await archive.coverage()
    if coverage.articles == 0:
        return t(lang, "start.welcome", coverage=t(lang, "start.empty"))
    span = format_span(coverage.first_date, coverage.last_date, lang)
    figures = t(
        lang, "start.coverage", articles=coverage.articles, regions=coverage.regions, span=span
    )
    return t(lang, "start.welcome", coverage=figures)


async def on_menu(
    query: CallbackQuery,
    callback_data: MenuCallback,
    archive: Archive,
    latest_seen: LatestSeen,
    clock: Clock,
    bot: Bot,
    lang: Lang,
) -> None:
    message = query.message
    if not isinstance(message, Message):
        await answer_stale(query, bot, lang)
        return
    await query.answer()
    if callback_data.action == "regions":
        await message.answer(t(lang, "regions.choose"), reply_markup=countries_keyboard(lang))
    elif callback_data.action == "sectors":
        await answer_sector_list(message, archive, lang)
    elif callback_data.action == "latest":
        await answer_latest(message, archive, latest_seen, lang, clock())
    else:
        await message.answer(await help_text(bot, lang), reply_markup=menu_keyboard(lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="start")
    router.message.register(cmd_start, CommandStart())
    router.callback_query.register(on_menu, MenuCallback.filter())
    return router
