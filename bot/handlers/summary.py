"""Summaries (region, pair, sector, period, search, latest): building, sending, ◀ ▶ pages."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.callbacks import ListKind, PageCallback, SubscribeCallback, search_key
from bot.keyboards import menu_keyboard, summary_keyboard
from bot.periods import Period, PeriodError
from bot.render import (
    format_span,
    join_within,
    overview_header,
    region_name,
    shorten,
    summary_page,
)
from bot.texts import t
from storage.models import Page, Region, Sector, Selection
from storage.regions import get_region
from storage.repository import Archive
from storage.sectors import get_sector

PAGE_SIZE = 3
QUERY_CHARS = 100
PAIR_SEPARATOR = "+"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a summary is about; `key` rebuilds it from a ◀ ▶ button (None: no buttons fit)."""

    kind: ListKind
    key: str | None
    title: str
    selection: Selection
    home: tuple[str, ...] = ()
    sector: str | None = None
    subscribe: SubscribeCallback | None = None
    with_overview: bool = True


def region_summary(regions: list[Region], lang: str) -> Summary:
    """One region, or the articles shared by several (Kazakhstan's side first)."""
    ordered = sorted(regions, key=lambda region: (region.country != "KZ", region.id))
    ids = tuple(dict.fromkeys(region.id for region in ordered))
    key = PAIR_SEPARATOR.join(ids)
    title = " ⇄ ".join(region_name(region_id, lang) for region_id in ids)
    subscribe = None
    if len(ids) <= 2:
        kind = "region" if len(ids) == 1 else "pair"
        subscribe = SubscribeCallback(
            action="add", kind=kind, key=PAIR_SEPARATOR.join(sorted(ids))
        )
    return Summary("r", key, title, Selection(region_ids=ids), home=ids, subscribe=subscribe)


def sector_summary(sector: Sector, lang: str) -> Summary:
    subscribe = SubscribeCallback(action="add", kind="sector", key=sector.id)
    selection = Selection(sector=sector.id)
    title = escape(sector.label(lang))
    return Summary("s", sector.id, title, selection, sector=sector.id, subscribe=subscribe)


def period_summary(period: Period, lang: str) -> Summary:
    span = format_span(period.since, period.until, lang)
    selection = Selection(since=period.since, until=period.until)
    return Summary("d", period.key, t(lang, "date.title", period=span), selection)


def search_summary(query: str, lang: str) -> Summary:
    title = t(lang, "search.title", query=escape(shorten(query, QUERY_CHARS)))
    return Summary("q", search_key(query), title, Selection(query=query), with_overview=False)


def latest_summary(lang: str) -> Summary:
    return Summary("l", "-", t(lang, "latest.title"), Selection(), with_overview=False)


def summary_from_key(kind: ListKind, key: str, lang: str) -> Summary | None:
    """The summary a ◀ ▶ button refers to; None when its key no longer means anything."""
    if kind == "r":
        regions = [get_region(region_id) for region_id in key.split(PAIR_SEPARATOR)]
        known = [region for region in regions if region is not None]
        return region_summary(known, lang) if known and len(known) == len(regions) else None
    if kind == "s":
        sector = get_sector(key)
        return sector_summary(sector, lang) if sector else None
    if kind == "d":
        try:
            return period_summary(Period.from_key(key), lang)
        except PeriodError:
            return None
    if kind == "q":
        return search_summary(key, lang)
    return latest_summary(lang)


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    keyboard: InlineKeyboardMarkup | None
    page: int


async def render_summary(
    archive: Archive, summary: Summary, page: int, lang: str
) -> Rendered | None:
    """One page (the last one if `page` is past the end); None when nothing matches.

    Page one opens with the overview; later pages repeat only the title and the count.
    """
    page, result = await _page_or_last(archive, summary.selection, page)
    if not result.items:
        return None
    pages = -(-result.total // PAGE_SIZE)
    header = await _header(archive, summary, page, result.total, lang)
    text = summary_page(header, result.items, page, pages, lang)
    keyboard = summary_keyboard(summary.kind, summary.key, page, pages, lang, summary.subscribe)
    return Rendered(text, keyboard, page)


async def _page_or_last(archive: Archive, selection: Selection, page: int) -> tuple[int, Page]:
    result = await archive.articles(selection, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
    if result.items or page == 0:
        return page, result
    # Past the end: the list has shrunk since the button was made.
    total = (await archive.articles(selection, limit=PAGE_SIZE)).total
    last = max(0, -(-total // PAGE_SIZE) - 1)
    return last, await archive.articles(selection, limit=PAGE_SIZE, offset=last * PAGE_SIZE)


async def _header(archive: Archive, summary: Summary, page: int, total: int, lang: str) -> str:
    if summary.with_overview and page == 0:
        overview = await archive.overview(summary.selection)
        return overview_header(summary.title, overview, lang, summary.home, summary.sector)
    return f"<b>{summary.title}</b>\n{t(lang, 'overview.count', count=total)}"


async def answer_summary(
    message: Message, archive: Archive, summary: Summary, lang: str, empty: str, note: str = ""
) -> bool:
    """Send page one of a summary, or the `empty` text; True when there were articles.

    A `note` (what the typed words did not name) comes last, in the same message.
    """
    rendered = await render_summary(archive, summary, 0, lang)
    if rendered is None:
        await message.answer(f"{empty}\n{note}" if note else empty)
        return False
    text = join_within([rendered.text, note]) if note else rendered.text
    await message.answer(text, reply_markup=rendered.keyboard)
    if note and not text.endswith(note):  # no room left in the page: never dropped silently
        await message.answer(note)
    return True


async def on_page(
    query: CallbackQuery, callback_data: PageCallback, archive: Archive, bot: Bot, lang: str
) -> None:
    summary = summary_from_key(callback_data.kind, callback_data.key, lang)
    rendered = (
        await render_summary(archive, summary, callback_data.page, lang) if summary else None
    )
    if rendered is None or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    await edit_text(query.message, rendered.text, rendered.keyboard)
    changed = rendered.page != callback_data.page
    await query.answer(t(lang, "list.stale") if changed else None)


async def edit_text(message: Message, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    """Edit a message in place; pressing the same button twice is not an error."""
    try:
        await message.edit_text(text, reply_markup=keyboard)
    except TelegramBadRequest as error:
        if "message is not modified" not in error.message:
            raise


async def answer_stale(query: CallbackQuery, bot: Bot, lang: str) -> None:
    """A button whose list no longer exists: say so, and offer the main menu afresh."""
    await query.answer(t(lang, "list.stale"))
    if query.message is not None:
        chat_id = query.message.chat.id
        await bot.send_message(chat_id, t(lang, "list.stale"), reply_markup=menu_keyboard(lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="summary")
    router.callback_query.register(on_page, PageCallback.filter())
    return router
