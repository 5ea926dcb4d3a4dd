"""Layout of a summary's page as a compact list (one line per article: date · title · partner
pair, each opened by its `/aN`) or as cards; one story told by several outlets is one entry."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from aiogram.types import InlineKeyboardButton

from bot.callbacks import MAX_PAGE, CardsCallback, ListKind, PageCallback, fits
from bot.html import Html, bold, escape, join, markup
from bot.links import article_command
from bot.marking import marked_snippet
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
from storage.models import ArticleCard, Lang, Snippet

View = Literal["list", "cards"]
_SPACE = re.compile(r"\s")
LIST_PAGE = 10  # articles a page of the compact list
CARDS_PAGE = 3  # articles a page of cards
LINE_TITLE_CHARS = 90
LINE_PASSAGE_CHARS = 120  # of a search hit's passage, under its line
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


def compact_line(entry: Entry, lang: Lang, *, passage: bool = True) -> Html:
    """ "27.11.2022 · Title · Атырауская область ⇄ Астраханская область · +1 источник — /a5",
    and for a search hit (when `passage`), the start of the passage where the words were found
    on a line of its own."""
    card = entry.card
    parts = [format_date(card.date, lang), bold(clip(card.title, LINE_TITLE_CHARS))]
    if pair := region_pair(card.regions, card.national_level, lang, per_side=1):
        parts.append(pair)
    if entry.others:
        parts.append(outlets(len(entry.others), lang))
    command = escape(article_command(card.id))
    line = markup("{line} — {command}", line=join(" · ", parts), command=command)
    if passage and card.snippet is not None:
        found = marked_snippet(_shortened(card.snippet, LINE_PASSAGE_CHARS))
        return markup("{line}\n    {found}", line=line, found=found)
    return line


def _shortened(snippet: Snippet, limit: int) -> Snippet:
    """The snippet's first `limit` characters on one line (cut between words), with the marks
    inside (a line break becomes a space: the marks keep their places)."""
    text = _SPACE.sub(" ", snippet.text)
    if len(text) <= limit:
        return Snippet(text, snippet.marks, snippet.cut_before, snippet.cut_after)
    head = text[:limit]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    marks = tuple((start, end) for start, end in snippet.marks if end <= len(head))
    return Snippet(head, marks, snippet.cut_before, cut_after=True)


def list_page(header: Html, entries: Sequence[Entry], page: int, pages: int, lang: Lang) -> Html:
    """The header, then one line per entry, then "page 2 of 5" when there are several.

    Search passages are left out if the whole page would not fit with them.
    """
    footer = t(lang, "page.of", page=page + 1, pages=pages) if pages > 1 else None
    room = MESSAGE_LIMIT - len(header) - 2 - (len(footer) + 2 if footer else 0)
    lines = [compact_line(entry, lang) for entry in entries]
    if sum(len(line) + 1 for line in lines) > room:
        lines = [compact_line(entry, lang, passage=False) for entry in entries]
    taken: list[Html] = []
    for line in lines:  # lines are short: this cuts only with a huge header
        if sum(len(kept) + 1 for kept in taken) + len(line) > room:
            break
        taken.append(line)
    return join_within([header, join("\n", taken), *([footer] if footer else [])])


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
