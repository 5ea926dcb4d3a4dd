"""One digest entry per story: the newest article of it in the digest, the other outlets' versions
named beside it ("+2 outlets"), each one tap away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.html import Html, escape, join, markup
from bot.links import article_command, article_payload, deep_link
from bot.texts import t
from storage.models import ArticleCard, Lang
from storage.story_outlets import Outlet

OTHERS_SHOWN = 5  # outlets linked one by one; more are only counted
SOURCE_CHARS = 40


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """The articles of one story in a digest, the newest first (one article: not a story)."""

    cards: tuple[ArticleCard, ...]

    @property
    def lead(self) -> ArticleCard:
        return self.cards[0]

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(card.id for card in self.cards)


def newest_first(card: ArticleCard) -> tuple[int, int]:
    return (-(card.date.toordinal() if card.date else 0), -card.id)


def one_entry_per_story(
    cards: Sequence[ArticleCard], outlets: Mapping[int, Outlet]
) -> list[StoryEntry]:
    """The cards as entries, the articles of one story together, entries newest first."""
    stories: dict[int | str, list[ArticleCard]] = {}
    for card in sorted(cards, key=newest_first):
        found = outlets.get(card.id)
        story = found.story_id if found and found.story_id is not None else f"a{card.id}"
        stories.setdefault(story, []).append(card)
    return [StoryEntry(tuple(members)) for members in stories.values()]


def other_outlets_line(
    entry: StoryEntry, outlets: Mapping[int, Outlet], lang: Lang, username: str | None
) -> Html | None:
    """ "📰 +2 outlets: Kazinform · Tengrinews", each a tap to that version; None when alone."""
    others = entry.cards[1:]
    if not others:
        return None
    taps = [_tap(card.id, outlets.get(card.id), username) for card in others[:OTHERS_SHOWN]]
    if len(others) > OTHERS_SHOWN:
        taps.append(markup("…"))
    return t(lang, "digest.same_story", count=len(others), links=join(" · ", taps))


def _tap(article_id: int, outlet: Outlet | None, username: str | None) -> Html:
    command = article_command(article_id)
    name = (outlet.source if outlet else None) or command
    name = name if len(name) <= SOURCE_CHARS else name[: SOURCE_CHARS - 1] + "…"
    if username:
        url = deep_link(username, article_payload(article_id))
        return markup('<a href="{url}">{name}</a>', url=escape(url), name=escape(name))
    if name == command:
        return escape(command)
    return markup("{name} {command}", name=escape(name), command=escape(command))
