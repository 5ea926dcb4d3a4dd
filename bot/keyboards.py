"""Inline keyboards: pagination, Subscribe, region and sector lists, languages, main actions."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import (
    BrowseCallback,
    LangCallback,
    ListKind,
    MenuCallback,
    OpenCallback,
    PageCallback,
    SubscribeCallback,
)
from bot.texts import t
from storage.models import Region, Sector

BROWSE_PAGE = 10
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}


def summary_keyboard(
    kind: ListKind,
    key: str | None,
    page: int,
    pages: int,
    lang: str,
    subscribe: SubscribeCallback | None = None,
) -> InlineKeyboardMarkup | None:
    """◀ ▶ between pages (when the list has a key that fits a button) and "Subscribe"."""
    builder = InlineKeyboardBuilder()
    arrows = []
    if key is not None and page > 0:
        arrows.append(("◀", PageCallback(kind=kind, key=key, page=page - 1)))
    if key is not None and page + 1 < pages:
        arrows.append(("▶", PageCallback(kind=kind, key=key, page=page + 1)))
    for text, callback in arrows:
        builder.button(text=text, callback_data=callback)
    if subscribe is not None:
        builder.button(text=t(lang, "summary.subscribe"), callback_data=subscribe)
    builder.adjust(len(arrows) or 1, 1)
    return builder.as_markup() if arrows or subscribe else None


def countries_keyboard(lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t(lang, "regions.kz"), callback_data=BrowseCallback(country="KZ", page=0))
    builder.button(text=t(lang, "regions.ru"), callback_data=BrowseCallback(country="RU", page=0))
    return builder.as_markup()


def browse_keyboard(
    country: str, counted: Sequence[tuple[Region, int]], page: int, lang: str
) -> InlineKeyboardMarkup:
    """A page of one country's regions with counts, two a row, ◀ ▶ and the other country."""
    builder = InlineKeyboardBuilder()
    shown = counted[page * BROWSE_PAGE : (page + 1) * BROWSE_PAGE]
    for region, count in shown:
        callback = OpenCallback(kind="r", key=region.id)
        builder.button(text=f"{region.name(lang)} ({count})", callback_data=callback)
    rows = [2] * (len(shown) // 2) + [1] * (len(shown) % 2)
    pages = max(1, -(-len(counted) // BROWSE_PAGE))
    if page > 0:
        builder.button(text="◀", callback_data=BrowseCallback(country=country, page=page - 1))
    if page + 1 < pages:
        builder.button(text="▶", callback_data=BrowseCallback(country=country, page=page + 1))
    rows.append((page > 0) + (page + 1 < pages))
    other = "RU" if country == "KZ" else "KZ"
    builder.button(
        text=t(lang, f"regions.{other.lower()}"),
        callback_data=BrowseCallback(country=other, page=0),
    )
    builder.adjust(*[row for row in rows if row], 1)
    return builder.as_markup()


def sectors_keyboard(counted: Sequence[tuple[Sector, int]], lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for sector, count in counted:
        callback = OpenCallback(kind="s", key=sector.id)
        builder.button(text=f"{sector.label(lang)} ({count})", callback_data=callback)
    builder.adjust(2)
    return builder.as_markup()


def suggestions_keyboard(
    regions: Sequence[Region] = (), sectors: Sequence[Sector] = (), *, lang: str
) -> InlineKeyboardMarkup | None:
    """Buttons for the close names of an unknown query, one per row."""
    builder = InlineKeyboardBuilder()
    for region in regions:
        builder.button(text=region.name(lang), callback_data=OpenCallback(kind="r", key=region.id))
    for sector in sectors:
        builder.button(
            text=sector.label(lang), callback_data=OpenCallback(kind="s", key=sector.id)
        )
    builder.adjust(1)
    return builder.as_markup() if regions or sectors else None


def language_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        builder.button(text=name, callback_data=LangCallback(lang=code))
    return builder.as_markup()


def menu_keyboard(lang: str) -> InlineKeyboardMarkup:
    """The main actions: browse regions, browse sectors, latest articles, help."""
    builder = InlineKeyboardBuilder()
    for action in ("regions", "sectors", "latest", "help"):
        callback = MenuCallback(action=action)
        builder.button(text=t(lang, f"menu.{action}"), callback_data=callback)
    builder.adjust(2)
    return builder.as_markup()
