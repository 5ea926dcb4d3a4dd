"""Keyboards of the menu commands picked without words: recent months for /date, and
region or sector for /subscribe."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import MenuCallback, PageCallback
from bot.periods import Period
from bot.texts import label
from bot.views.keyboards import button, rows_of
from storage.models import Lang

RECENT_MONTHS = 12


def month_label(month: dt.date, lang: Lang) -> str:
    """ "Ноябрь 2022" in the UI language."""
    return f"{label(lang, 'date.month_names').split()[month.month - 1]} {month.year}"


def months_keyboard(months: Sequence[tuple[dt.date, int]], lang: Lang) -> InlineKeyboardMarkup:
    """One button per month with its count, three a row, newest first; a tap opens the month."""
    buttons = []
    for first_day, count in months:
        last_day = first_day.replace(day=calendar.monthrange(first_day.year, first_day.month)[1])
        key = Period(first_day, last_day).key
        text = f"{month_label(first_day, lang)} ({count})"
        buttons.append(button(text, PageCallback(kind="d", key=key, page=0)))
    return InlineKeyboardMarkup(inline_keyboard=rows_of(buttons, 3))


def follow_what_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    """Bare /subscribe: browse regions or sectors; their summaries carry the Subscribe button."""
    buttons = [
        button(label(lang, "menu.regions"), MenuCallback(action="regions")),
        button(label(lang, "menu.sectors"), MenuCallback(action="sectors")),
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])
