"""Typed words through one parser (/region, /sector, /date, /search, plain text), and the ◀ ▶
pages of a combined selection (region or pair × sector × period × words)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import Literal
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import PageCallback
from bot.config import Settings
from bot.handlers.summary import answer_stale, answer_summary, edit_text, render_summary
from bot.keyboards import BROWSE_PAGE, browse_keyboard
from bot.periods import MAX_YEAR, MIN_YEAR
from bot.render import format_span, region_name, shorten
from bot.texts import t
from bot.typed_periods import TypedPeriodError
from bot.typed_summary import selection_from_key, typed_summary
from bot.understanding import Understood, has_search_syntax, understand
from storage.regions import get_region
from storage.repository import Archive
from storage.sectors import resolve_sector

Clock = Callable[[], dt.datetime]
Mode = Literal["region", "sector", "date", "search", "text"]
NOTE_CHARS = 100


def today_for(clock: Clock, settings: Settings) -> dt.date:
    """Today in the bot's default time zone: what "вчера" and "this week" count from."""
    return clock().astimezone(ZoneInfo(settings.default_timezone)).date()


async def answer_typed(
    message: Message, archive: Archive, text: str, lang: str, mode: Mode, today: dt.date
) -> bool:
    """Answer what `text` names (a summary, a country's regions, an impossible date).

    False when it names no region, country, sector or period: the caller answers in its own
    way (suggestions, a search). In /search and plain text the other words are searched for;
    in the other commands they are named as not understood.
    """
    if mode in ("search", "text") and has_search_syntax(text):
        return False
    understood = understand(text, today)
    if understood.period_error is not None:
        await message.answer(period_error_text(understood.period_error, lang))
        return True
    if mode == "sector" and understood.sector is None and understood.words:
        understood = _sector_by_lexicon(understood)
    searching = mode in ("search", "text")
    filters = understood.region_ids or understood.sector or understood.period
    if understood.countries and not filters:
        await answer_country(message, archive, understood.countries[0], lang)
        return True
    if not filters:
        return False
    unused = [] if searching else list(understood.words)
    unused += [t(lang, f"country.{country}") for country in understood.countries]
    note = ""
    if unused:
        note = t(lang, "typed.not_understood", words=escape(shorten(" ".join(unused), NOTE_CHARS)))
    summary = typed_summary(understood.selection(with_words=searching), lang)
    empty = _empty_text(summary.kind, summary.title, understood, lang)
    await answer_summary(message, archive, summary, lang, empty, note)
    return True


def _sector_by_lexicon(understood: Understood) -> Understood:
    """/sector нефть: in /sector the remaining words may be any word of a sector's lexicon."""
    sector = resolve_sector(" ".join(understood.words))
    return replace(understood, sector=sector.id, words=()) if sector else understood


def _empty_text(kind: str, title: str, understood: Understood, lang: str) -> str:
    if kind == "r":
        return t(lang, "region.empty", name=title)
    if kind == "s":
        return t(lang, "sector.empty", name=title)
    if kind == "d" and understood.period is not None:
        span = format_span(understood.period.since, understood.period.until, lang)
        return t(lang, "date.empty", period=span)
    return t(lang, "typed.empty", title=title)


def period_error_text(error: TypedPeriodError, lang: str) -> str:
    """`31.02.2022`: no such day, precisely, with the usage of /date."""
    typed = escape(shorten(error.typed, NOTE_CHARS))
    if error.problem == "day":
        text = t(lang, "typed.no_day", typed=typed)
    elif error.problem == "month":
        text = t(lang, "typed.no_month", typed=typed)
    else:
        text = t(lang, "typed.bad_year", typed=typed, first=MIN_YEAR, last=MAX_YEAR)
    return f"{text}\n{t(lang, 'date.usage')}"


async def answer_country(message: Message, archive: Archive, country: str, lang: str) -> None:
    """A country named alone: its regions that have articles, as buttons (the /regions page)."""
    counts = await archive.region_counts()
    counted = [(get_region(region_id), count) for region_id, count in counts]
    regions = [(r, count) for r, count in counted if r is not None and r.country == country]
    pages = max(1, -(-len(regions) // BROWSE_PAGE))
    name = region_name(country, lang)
    text = t(lang, "regions.country", country=name, count=len(regions), page=1, pages=pages)
    await message.answer(text, reply_markup=browse_keyboard(country, regions, 0, lang))


async def on_combined_page(
    query: CallbackQuery, callback_data: PageCallback, archive: Archive, bot: Bot, lang: str
) -> None:
    selection = selection_from_key(callback_data.key)
    summary = typed_summary(selection, lang) if selection else None
    rendered = (
        await render_summary(archive, summary, callback_data.page, lang) if summary else None
    )
    if rendered is None or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    await edit_text(query.message, rendered.text, rendered.keyboard)
    changed = rendered.page != callback_data.page
    await query.answer(t(lang, "list.stale") if changed else None)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="typed")
    router.callback_query.register(on_combined_page, PageCallback.filter(F.kind == "x"))
    return router
