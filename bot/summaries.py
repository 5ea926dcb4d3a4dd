"""Summaries (region, pair, sector, period, search, latest): what each is, its pages, sending."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup, Message

from bot.callbacks import AnySubscribeCallback, ListKind, SubscribeCallback, search_key
from bot.html import Html, bold, escape, join
from bot.periods import Period, PeriodError
from bot.texts import t
from bot.views.keyboards import page_count, summary_keyboard
from bot.views.render import (
    TITLE_CHARS,
    clip,
    format_span,
    join_within,
    overview_header,
    plain_region_name,
    shorten,
    summary_page,
)
from storage.models import Lang, Page, Region, Sector, Selection
from storage.regions import get_region
from storage.repository import Archive
from storage.search_syntax import WORD, parse_search
from storage.sectors import get_sector

PAGE_SIZE = 3
QUERY_CHARS = 100
PAIR_SEPARATOR = "+"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a summary is about; `key` rebuilds it from a ◀ ▶ button (None: no buttons fit)."""

    kind: ListKind
    key: str | None
    title: Html
    selection: Selection
    home: tuple[str, ...] = ()
    sector: str | None = None
    subscribe: AnySubscribeCallback | None = None
    with_overview: bool = True


def region_summary(regions: list[Region], lang: Lang) -> Summary:
    """One region, or the articles shared by several (Kazakhstan's side first)."""
    ordered = sorted(regions, key=lambda region: (region.country != "KZ", region.id))
    ids = tuple(dict.fromkeys(region.id for region in ordered))
    key = PAIR_SEPARATOR.join(ids)
    title = clip(" ⇄ ".join(plain_region_name(region_id, lang) for region_id in ids), TITLE_CHARS)
    subscribe = None
    if len(ids) <= 2:
        kind = "region" if len(ids) == 1 else "pair"
        subscribe = SubscribeCallback(
            action="add", kind=kind, key=PAIR_SEPARATOR.join(sorted(ids))
        )
    return Summary("r", key, title, Selection(region_ids=ids), home=ids, subscribe=subscribe)


def sector_summary(sector: Sector, lang: Lang) -> Summary:
    subscribe = SubscribeCallback(action="add", kind="sector", key=sector.id)
    selection = Selection(sector=sector.id)
    title = escape(sector.label(lang))
    return Summary("s", sector.id, title, selection, sector=sector.id, subscribe=subscribe)


def period_summary(period: Period, lang: Lang) -> Summary:
    span = format_span(period.since, period.until, lang)
    selection = Selection(since=period.since, until=period.until)
    return Summary("d", period.key, t(lang, "date.title", period=span), selection)


def search_summary(query: str, lang: Lang) -> Summary:
    title = t(lang, "search.title", query=escape(shorten(query, QUERY_CHARS)))
    return Summary("q", search_key(query), title, Selection(query=query), with_overview=False)


def latest_summary(lang: Lang) -> Summary:
    return Summary("l", "-", t(lang, "latest.title"), Selection(), with_overview=False)


def summary_from_key(kind: ListKind, key: str, lang: Lang) -> Summary | None:
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
    text: Html
    keyboard: InlineKeyboardMarkup | None
    page: int


async def render_summary(
    archive: Archive, summary: Summary, page: int, lang: Lang
) -> Rendered | None:
    """One page (the last one if `page` is past the end); None when nothing matches.

    Page one opens with the overview; later pages repeat only the title and the count.
    """
    page, result = await _page_or_last(archive, summary.selection, page)
    if not result.items:
        return None
    pages = page_count(result.total, PAGE_SIZE)
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
    last = page_count(total, PAGE_SIZE) - 1
    return last, await archive.articles(selection, limit=PAGE_SIZE, offset=last * PAGE_SIZE)


async def _header(archive: Archive, summary: Summary, page: int, total: int, lang: Lang) -> Html:
    if summary.with_overview and page == 0:
        overview = await archive.overview(summary.selection)
        return overview_header(summary.title, overview, lang, summary.home, summary.sector)
    return join("\n", [bold(summary.title), t(lang, "overview.count", count=total)])


async def answer_summary(
    message: Message,
    archive: Archive,
    summary: Summary,
    lang: Lang,
    empty: Html,
    note: Html | None = None,
) -> bool:
    """Send page one of a summary, or the `empty` text; True when there were articles.

    A `note` (what the typed words did not name) comes last, in the same message.
    """
    rendered = await render_summary(archive, summary, 0, lang)
    if rendered is None:
        await message.answer(join("\n", [empty, note]) if note else empty)
        return False
    text = join_within([rendered.text, note]) if note else rendered.text
    await message.answer(text, reply_markup=rendered.keyboard)
    if note and not text.endswith(note):  # no room left in the page: never dropped silently
        await message.answer(note)
    return True


async def show_regions(
    message: Message, archive: Archive, regions: list[Region], lang: Lang
) -> None:
    """The summary of one region, or of the articles several share (a pair)."""
    summary = region_summary(regions, lang)
    empty = t(lang, "region.empty", name=summary.title)
    await answer_summary(message, archive, summary, lang, empty)


async def show_sector(message: Message, archive: Archive, sector: Sector, lang: Lang) -> None:
    summary = sector_summary(sector, lang)
    empty = t(lang, "sector.empty", name=summary.title)
    await answer_summary(message, archive, summary, lang, empty)


async def answer_search(message: Message, archive: Archive, query: str, lang: Lang) -> bool:
    """The search summary for `query`, or "nothing found"; True when something was found."""
    if parse_search(query).match is None and WORD.search(query):
        await message.answer(t(lang, "search.need_word"))  # only exclusions: "-нефть"
        return False
    empty = t(lang, "search.empty", query=escape(shorten(query, QUERY_CHARS)))
    return await answer_summary(message, archive, search_summary(query, lang), lang, empty)


async def answer_latest(message: Message, archive: Archive, lang: Lang) -> None:
    await answer_summary(message, archive, latest_summary(lang), lang, t(lang, "latest.empty"))
