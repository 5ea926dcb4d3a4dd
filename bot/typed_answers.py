"""Typed words answered through one parser (/region, /sector, /date, /search, plain text): a
summary of what they name, a country's regions, or an impossible date named precisely."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Literal
from zoneinfo import ZoneInfo

from aiogram.types import Message

from bot.config import Settings
from bot.html import Html, escape, join
from bot.periods import MAX_YEAR, MIN_YEAR
from bot.replies import regions_with_articles
from bot.summaries import answer_summary
from bot.texts import label, t
from bot.typed_periods import TypedPeriodError
from bot.typed_summary import typed_summary
from bot.understanding import Understood, has_search_syntax, understand
from bot.views.keyboards import BROWSE_PAGE, browse_keyboard, page_count
from bot.views.render import format_span, shorten
from storage.models import Lang
from storage.repository import Archive
from storage.sectors import resolve_sector

Clock = Callable[[], dt.datetime]
Mode = Literal["region", "sector", "date", "search", "text"]
NOTE_CHARS = 100


def today_for(clock: Clock, settings: Settings) -> dt.date:
    """Today in the bot's default time zone: what "вчера" and "this week" count from."""
    return clock().astimezone(ZoneInfo(settings.default_timezone)).date()


async def answer_typed(
    message: Message, archive: Archive, text: str, lang: Lang, mode: Mode, today: dt.date
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
    summary = typed_summary(understood.selection(with_words=searching), lang)
    empty = _empty_text(summary.kind, summary.title, understood, lang)
    note = _not_understood(understood, lang, searching)
    await answer_summary(message, archive, summary, lang, empty, note)
    return True


def _not_understood(understood: Understood, lang: Lang, searching: bool) -> Html | None:
    """ "Not understood: …" for the words a command could not use (a search uses them all)."""
    unused = [] if searching else list(understood.words)
    unused += [label(lang, f"country.{country}") for country in understood.countries]
    if not unused:
        return None
    return t(lang, "typed.not_understood", words=escape(shorten(" ".join(unused), NOTE_CHARS)))


def _sector_by_lexicon(understood: Understood) -> Understood:
    """/sector нефть: in /sector the remaining words may be any word of a sector's lexicon."""
    sector = resolve_sector(" ".join(understood.words))
    return replace(understood, sector=sector.id, words=()) if sector else understood


def _empty_text(kind: str, title: Html, understood: Understood, lang: Lang) -> Html:
    if kind == "r":
        return t(lang, "region.empty", name=title)
    if kind == "s":
        return t(lang, "sector.empty", name=title)
    if kind == "d" and understood.period is not None:
        span = format_span(understood.period.since, understood.period.until, lang)
        return t(lang, "date.empty", period=span)
    return t(lang, "typed.empty", title=title)


def period_error_text(error: TypedPeriodError, lang: Lang) -> Html:
    """`31.02.2022`: no such day, precisely, with the usage of /date."""
    typed = escape(shorten(error.typed, NOTE_CHARS))
    if error.problem == "day":
        text = t(lang, "typed.no_day", typed=typed)
    elif error.problem == "month":
        text = t(lang, "typed.no_month", typed=typed)
    else:
        text = t(lang, "typed.bad_year", typed=typed, first=MIN_YEAR, last=MAX_YEAR)
    return join("\n", [text, t(lang, "date.usage")])


async def answer_country(message: Message, archive: Archive, country: str, lang: Lang) -> None:
    """A country named alone: its regions that have articles, as buttons (the /regions page)."""
    regions = await regions_with_articles(archive, country)
    pages = page_count(len(regions), BROWSE_PAGE)
    name = t(lang, f"country.{country}")
    text = t(lang, "regions.country", country=name, count=len(regions), page=1, pages=pages)
    await message.answer(text, reply_markup=browse_keyboard(country, regions, 0, lang))
