"""Inline keyboards: pagination, Subscribe, region and sector lists, languages, main actions."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import (
    MAX_PAGE,
    AnySubscribeCallback,
    BrowseCallback,
    ChartCallback,
    ExportCallback,
    LangCallback,
    ListKind,
    MapCallback,
    MenuCallback,
    OpenCallback,
    PageCallback,
    fits,
)
from bot.texts import label
from storage.models import Lang, Region, Sector

# Keyboards are built directly rather than with InlineKeyboardBuilder, which deep-copies every
# button and cost more than the whole rest of a simple command.
BROWSE_PAGE = 10
LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
Button = InlineKeyboardButton


def page_count(items: int, per_page: int) -> int:
    """How many pages `items` take, `per_page` a page: at least one."""
    return max(1, -(-items // per_page))


def button(text: str, callback: CallbackData) -> Button:
    return Button(text=text, callback_data=callback.pack())


def rows_of(buttons: Sequence[Button], width: int) -> list[list[Button]]:
    return [list(buttons[start : start + width]) for start in range(0, len(buttons), width)]


def summary_keyboard(
    kind: ListKind,
    key: str | None,
    page: int,
    pages: int,
    lang: Lang,
    subscribe: AnySubscribeCallback | None = None,
    *,
    pages_of: type[PageCallback] = PageCallback,
    toggle: Button | None = None,
) -> InlineKeyboardMarkup | None:
    """◀ ▶ between pages (when the list has a key that fits a button) with the `toggle` between
    the compact list and cards, "Subscribe", 📊 ⬇️."""
    arrows = []
    if key is not None and page > 0:
        arrows.append(button("◀", pages_of(kind=kind, key=key, page=page - 1)))
    if toggle is not None:
        arrows.append(toggle)
    if key is not None and page + 1 < min(pages, MAX_PAGE + 1):
        after = pages_of(kind=kind, key=key, page=page + 1)
        if fits(after):  # a long key and a far page may not
            arrows.append(button("▶", after))
    rows = [arrows] if arrows else []
    if subscribe is not None:
        rows.append([button(label(lang, "summary.subscribe"), subscribe)])
    if key is not None and (analysis := analysis_row(kind, key, lang)):
        rows.append(analysis)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def analysis_row(kind: ListKind, key: str, lang: Lang) -> list[Button]:
    """📊 the summary's chart, ⬇️ its articles as CSV or XLSX (those whose data fits a button)."""
    callbacks: list[tuple[str, CallbackData]] = [
        ("chart.button", ChartCallback(kind=kind, key=key)),
        ("export.csv_button", ExportCallback(kind=kind, key=key, format="csv")),
        ("export.xlsx_button", ExportCallback(kind=kind, key=key, format="xlsx")),
    ]
    return [button(label(lang, text), callback) for text, callback in callbacks if fits(callback)]


def _country_button(country: str, lang: Lang) -> Button:
    callback = BrowseCallback(country=country, page=0)
    return button(label(lang, f"regions.{country.lower()}"), callback)


def countries_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    """Kazakhstan / Russia, and the map of cooperation of the whole archive."""
    countries = [_country_button("KZ", lang), _country_button("RU", lang)]
    cooperation_map = button(label(lang, "map.button"), MapCallback(key="-"))
    return InlineKeyboardMarkup(inline_keyboard=[countries, [cooperation_map]])


def browse_keyboard(
    country: str, counted: Sequence[tuple[Region, int]], page: int, lang: Lang
) -> InlineKeyboardMarkup:
    """A page of one country's regions with counts, two a row, ◀ ▶ and the other country."""
    shown = counted[page * BROWSE_PAGE : (page + 1) * BROWSE_PAGE]
    regions = [
        button(f"{region.name(lang)} ({count})", OpenCallback(kind="r", key=region.id))
        for region, count in shown
    ]
    pages = page_count(len(counted), BROWSE_PAGE)
    arrows = []
    if page > 0:
        arrows.append(button("◀", BrowseCallback(country=country, page=page - 1)))
    if page + 1 < pages:
        arrows.append(button("▶", BrowseCallback(country=country, page=page + 1)))
    other = _country_button("RU" if country == "KZ" else "KZ", lang)
    rows = [*rows_of(regions, 2), *([arrows] if arrows else []), [other]]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def sectors_keyboard(counted: Sequence[tuple[Sector, int]], lang: Lang) -> InlineKeyboardMarkup:
    buttons = [
        button(f"{sector.label(lang)} ({count})", OpenCallback(kind="s", key=sector.id))
        for sector, count in counted
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows_of(buttons, 2))


def suggestions_keyboard(
    regions: Sequence[Region] = (), sectors: Sequence[Sector] = (), *, lang: Lang
) -> InlineKeyboardMarkup | None:
    """Buttons for the close names of an unknown query, one per row."""
    buttons = [button(r.name(lang), OpenCallback(kind="r", key=r.id)) for r in regions]
    buttons += [button(s.label(lang), OpenCallback(kind="s", key=s.id)) for s in sectors]
    return InlineKeyboardMarkup(inline_keyboard=rows_of(buttons, 1)) if buttons else None


def language_keyboard() -> InlineKeyboardMarkup:
    buttons = [button(name, LangCallback(lang=code)) for code, name in LANGUAGE_NAMES.items()]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


def menu_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    """The main actions: browse regions, browse sectors, latest articles, help."""
    buttons = [
        button(label(lang, f"menu.{action}"), MenuCallback(action=action))
        for action in ("regions", "sectors", "latest", "help")
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows_of(buttons, 2))
