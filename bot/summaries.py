"""Summaries (region, pair, sector, period, search, latest): what each is, its pages, sending."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup, Message

from bot.callbacks import (
    AnySubscribeCallback,
    CardsCallback,
    ListKind,
    PageCallback,
    SubscribeCallback,
    search_key,
)
from bot.html import Html, bold, escape, join
from bot.periods import Period, PeriodError
from bot.texts import t
from bot.views.keyboards import page_count, summary_keyboard
from bot.views.lists import (
    CARDS_PAGE,
    LIST_PAGE,
    View,
    cards_page,
    collapse_stories,
    list_page,
    view_toggle,
)
from bot.views.render import (
    TITLE_CHARS,
    clip,
    format_span,
    join_within,
    overview_header,
    plain_region_name,
    shorten,
)
from storage.models import Lang, Page, Region, Sector, Selection
from storage.regions import get_region
from storage.repository import Archive
from storage.search_syntax import WORD, parse_search
from storage.sectors import get_sector

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


def latest_summary(lang: Lang, title_key: str = "latest.title") -> Summary:
    """The newest articles of the archive, by publication date."""
    return Summary("l", "-", t(lang, title_key), Selection(), with_overview=False)


def new_since_summary(article_id: int, lang: Lang) -> Summary:
    """The articles loaded after `article_id` (the newest a chat was shown), newest first."""
    selection = Selection(loaded_after=article_id)
    title = t(lang, "latest.new_title")
    return Summary("l", f"n{article_id}", title, selection, with_overview=False)


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
    if key.startswith("n") and key[1:].isdecimal() and len(key) < 20:
        return new_since_summary(int(key[1:]), lang)
    return latest_summary(lang)


@dataclass(frozen=True, slots=True)
class Rendered:
    text: Html
    keyboard: InlineKeyboardMarkup | None
    page: int


async def render_summary(
    archive: Archive, summary: Summary, page: int, lang: Lang, view: View | None = None
) -> Rendered | None:
    """One page (the last one if `page` is past the end); None when nothing matches.

    Without a `view`, a summary of a few articles shows their cards and a longer one the
    compact list, ten a page: an analyst scans a long selection and opens what matters.
    Page one opens with the overview; later pages repeat only the title and the count.
    """
    size = CARDS_PAGE if view == "cards" else LIST_PAGE
    page, result = await _page_or_last(archive, summary.selection, page, size)
    if not result.items:
        return None
    shown: View = view or ("cards" if result.total <= CARDS_PAGE else "list")
    pages = page_count(result.total, size)
    header = await _header(archive, summary, page, result.total, lang)
    members = await archive.story_members([card.id for card in result.items])
    entries = collapse_stories(result.items, members)
    layout = list_page if shown == "list" else cards_page
    text = layout(header, entries, page, pages, lang)
    toggle = None
    if result.total > CARDS_PAGE:  # fewer are all on one page as cards
        toggle = view_toggle(shown, summary.kind, summary.key, page, lang)
    pages_of = CardsCallback if view == "cards" else PageCallback
    keyboard = summary_keyboard(
        summary.kind,
        summary.key,
        page,
        pages,
        lang,
        summary.subscribe,
        pages_of=pages_of,
        toggle=toggle,
    )
    return Rendered(text, keyboard, page)


async def _page_or_last(
    archive: Archive, selection: Selection, page: int, size: int
) -> tuple[int, Page]:
    result = await archive.articles(selection, limit=size, offset=page * size)
    if result.items or page == 0:
        return page, result
    # Past the end: the list has shrunk since the button was made.
    total = (await archive.articles(selection, limit=size)).total
    last = page_count(total, size) - 1
    return last, await archive.articles(selection, limit=size, offset=last * size)


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
