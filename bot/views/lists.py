"""Layout of a summary's page as a compact list (one line per article: date · title · partner
pair, each opened by its `/aN`) or as cards; one story told by several outlets is one entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from aiogram.types import InlineKeyboardButton

from bot.callbacks import MAX_PAGE, CardsCallback, ListKind, PageCallback, fits
from bot.html import Html, bold, escape, join, markup
from bot.links import article_command
from bot.texts import label, t
from bot.views.keyboards import button
from bot.views.render import (
    MESSAGE_LIMIT,
    article_card,
    clip,
    format_date,
    join_within,
    region_pair,
)
from storage.models import ArticleCard, Lang

View = Literal["list", "cards"]
LIST_PAGE = 10  # articles a page of the compact list
CARDS_PAGE = 3  # articles a page of cards
LINE_TITLE_CHARS = 90
SHOWN_OUTLETS = 5  # other outlets' commands a card names


@dataclass(frozen=True, slots=True)
class Entry:
    """One story in a list: its newest article on the page, and the story's other articles."""

    card: ArticleCard
    others: tuple[int, ...] = ()


def collapse_stories(
    cards: Sequence[ArticleCard], members: Mapping[int, tuple[int, ...]]
) -> list[Entry]:
    """The cards as entries, newest first; an article whose story already has an entry on the
    page is left out (it is reachable from that entry)."""
    entries: list[Entry] = []
    seen: set[int] = set()
    for card in cards:
        if card.id in seen:
            continue
        others = members.get(card.id, ())
        seen.update(others)
        entries.append(Entry(card, others))
    return entries


def outlets(count: int, lang: Lang) -> Html:
    """ "+2 источника" / "+2 басылым" / "+2 outlets"."""
    return t(lang, f"list.outlets_{_plural(count)}", count=count)


def _plural(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return "one"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return "few"
    return "many"


def compact_line(entry: Entry, lang: Lang) -> Html:
    """ "27.11.2022 · Title · Атырауская область ⇄ Астраханская область · +1 источник — /a5"."""
    card = entry.card
    parts = [format_date(card.date, lang), bold(clip(card.title, LINE_TITLE_CHARS))]
    if pair := region_pair(card.regions, card.national_level, lang, per_side=1):
        parts.append(pair)
    if entry.others:
        parts.append(outlets(len(entry.others), lang))
    command = escape(article_command(card.id))
    return markup("{line} — {command}", line=join(" · ", parts), command=command)


def list_page(header: Html, entries: Sequence[Entry], page: int, pages: int, lang: Lang) -> Html:
    """The header, then one line per entry, then "page 2 of 5" when there are several."""
    footer = t(lang, "page.of", page=page + 1, pages=pages) if pages > 1 else None
    room = MESSAGE_LIMIT - len(header) - 2 - (len(footer) + 2 if footer else 0)
    lines: list[Html] = []
    for entry in entries:  # lines are short: this cuts only with a huge header
        line = compact_line(entry, lang)
        if sum(len(taken) + 1 for taken in lines) + len(line) > room:
            break
        lines.append(line)
    return join_within([header, join("\n", lines), *([footer] if footer else [])])


def entry_card(entry: Entry, lang: Lang) -> Html:
    """An article's card; when others tell the same story, their commands under it."""
    if not entry.others:
        return article_card(entry.card, lang)
    commands = [escape(article_command(other)) for other in entry.others[:SHOWN_OUTLETS]]
    more = markup(
        "{count}: {commands}",
        count=outlets(len(entry.others), lang),
        commands=join(" · ", commands),
    )
    return join("\n", [article_card(entry.card, lang), markup("🗞 {more}", more=more)])


def cards_page(header: Html, entries: Sequence[Entry], page: int, pages: int, lang: Lang) -> Html:
    """The header, the cards, "page 2 of 5" when there are several."""
    blocks = [header, *(entry_card(entry, lang) for entry in entries)]
    if pages > 1:
        blocks.append(t(lang, "page.of", page=page + 1, pages=pages))
    return join_within(blocks)


def view_toggle(
    shown: View, kind: ListKind, key: str | None, page: int, lang: Lang
) -> InlineKeyboardButton | None:
    """The button to the other view, at the page holding the same first article (None when
    that page cannot be named within a button's data)."""
    if key is None:
        return None
    if shown == "list":
        target = min(page * LIST_PAGE // CARDS_PAGE, MAX_PAGE)
        callback: PageCallback = CardsCallback(kind=kind, key=key, page=target)
    else:
        callback = PageCallback(kind=kind, key=key, page=page * CARDS_PAGE // LIST_PAGE)
    if not fits(callback):
        return None
    text = label(lang, "list.as_cards" if shown == "list" else "list.as_list")
    return button(text, callback)
