"""The text of a digest: new articles grouped by subscription, in a few messages at most."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.html import Html, bold, escape, join
from bot.links import deep_link, subscription_payload
from bot.texts import t
from bot.views.digest_packing import FOOTER_RESERVE, Block, fair_pack, pack
from bot.views.digest_stories import StoryEntry, one_entry_per_story, other_outlets_line
from bot.views.render import (
    MESSAGE_LIMIT,
    article_card,
    plain_region_name,
    plain_sector_label,
    region_name,
    sector_label,
)
from storage.models import ArticleCard, Lang
from storage.regions import get_region
from storage.sectors import get_sector
from storage.story_outlets import Outlet
from storage.subscriptions import Subscription

MAX_MESSAGES = 3


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message of a digest and the articles it accounts for (shown or counted)."""

    text: Html
    article_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Group:
    subscription: Subscription | None  # None: matches nothing the chat still follows
    entries: tuple[StoryEntry, ...]  # newest first


def matches(subscription: Subscription, card: ArticleCard) -> bool:
    """Whether an article belongs under a subscription (a pair needs both regions, one within
    a sector that main sector too)."""
    if subscription.kind == "sector":
        return subscription.key in card.sectors
    if subscription.sector and subscription.sector not in card.sectors:
        return False
    regions = {mention.region_id for mention in card.regions}
    return all(region_id in regions for region_id in subscription.region_ids)


def group_by_subscription(
    cards: Sequence[ArticleCard], subscriptions: Sequence[Subscription]
) -> list[tuple[Subscription | None, list[ArticleCard]]]:
    """Each article under the first subscription it matches, in the chat's order of them."""
    entries = [StoryEntry((card,)) for card in cards]
    grouped = _group_entries(entries, subscriptions)
    return [(s, [entry.lead for entry in found]) for s, found in grouped]


def _group_entries(
    entries: Sequence[StoryEntry], subscriptions: Sequence[Subscription]
) -> list[tuple[Subscription | None, list[StoryEntry]]]:
    """Each story under the first subscription one of its articles matches."""
    groups: dict[Subscription | None, list[StoryEntry]] = {s: [] for s in subscriptions}
    groups[None] = []
    for entry in entries:
        home = next(
            (s for s in subscriptions if any(matches(s, card) for card in entry.cards)), None
        )
        groups[home].append(entry)
    return [(subscription, found) for subscription, found in groups.items() if found]


def compose_digest(
    cards: Sequence[ArticleCard],
    subscriptions: Sequence[Subscription],
    lang: Lang,
    *,
    max_messages: int = MAX_MESSAGES,
    limit: int = MESSAGE_LIMIT,
    username: str | None = None,
    outlets: Mapping[int, Outlet] | None = None,
) -> list[DigestMessage]:
    """The digest as messages within `limit`; beyond `max_messages`, "and N more" lines.

    Every article id is in exactly one message; an empty list of cards gives no messages.
    With the bot's `username`, every "open" is a deep link: a digest may be forwarded. With
    the `outlets` of the cards, one story told by several outlets is one entry.
    """
    if not cards:
        return []
    outlets = outlets or {}
    grouped = _group_entries(one_entry_per_story(cards, outlets), subscriptions)
    groups = [_Group(s, tuple(found)) for s, found in grouped]
    header = t(lang, "digest.header", count=len(cards))
    blocks = _blocks(groups, lang, username, outlets)
    packed = pack(header, blocks, limit, max_messages, reserve=0)
    if sum(len(ids) for _, ids in packed) < len(blocks):
        packed = fair_pack(header, blocks, limit, max_messages)
    members = {entry.lead.id: entry.ids for group in groups for entry in group.entries}
    return _with_footer(packed, blocks, groups, lang, username, members)


def subscription_title(subscription: Subscription, lang: Lang) -> Html:
    """A subscription's name as the chat reads it: region, sector, "A ⇄ B", or "A × Sector"."""
    if subscription.kind == "sector":
        return sector_label(subscription.key, lang)
    regions = join(" ⇄ ", [region_name(region_id, lang) for region_id in subscription.region_ids])
    if subscription.sector:
        return join(" × ", [regions, sector_label(subscription.sector, lang)])
    return regions


def subscription_name(subscription: Subscription, lang: Lang) -> str:
    """The same name as plain text, for a button."""
    if subscription.kind == "sector":
        return plain_sector_label(subscription.key, lang)
    regions = " ⇄ ".join(plain_region_name(region, lang) for region in subscription.region_ids)
    if subscription.sector:
        return f"{regions} × {plain_sector_label(subscription.sector, lang)}"
    return regions


def more_command(subscription: Subscription, lang: Lang) -> Html:
    """The command that lists everything under a subscription (escaped)."""
    if subscription.kind == "sector":
        sector = get_sector(subscription.key)
        return escape(f"/sector {sector.label(lang) if sector else subscription.key}")
    names = []
    for region_id in subscription.region_ids:
        region = get_region(region_id)
        names.append(region.name(lang) if region else region_id)
    if sector := get_sector(subscription.sector):
        names.append(sector.label(lang))
    return escape("/region " + " ".join(names))


def _blocks(
    groups: Sequence[_Group], lang: Lang, username: str | None, outlets: Mapping[int, Outlet]
) -> list[Block]:
    blocks: list[Block] = []
    for index, group in enumerate(groups):
        for position, entry in enumerate(group.entries):
            text = article_card(entry.lead, lang, username)
            if others := other_outlets_line(entry, outlets, lang, username):
                text = join("\n", [text, others])
            if position == 0:
                text = join("\n\n", [_heading(group, lang), text])
            blocks.append((index, entry.lead.id, text))
    return blocks


def _heading(group: _Group, lang: Lang) -> Html:
    if group.subscription is None:
        return t(lang, "digest.group_other")
    icon = escape("🏷" if group.subscription.kind == "sector" else "📍")
    return join(" ", [icon, bold(subscription_title(group.subscription, lang))])


def _with_footer(
    packed: list[tuple[Html, list[int]]],
    blocks: Sequence[Block],
    groups: Sequence[_Group],
    lang: Lang,
    username: str | None,
    members: Mapping[int, tuple[int, ...]],
) -> list[DigestMessage]:
    """The last message with "and N more" lines; every entry's lead id becomes the ids of all
    the articles of its story (each marked sent with the message that shows or counts it)."""
    shown = {lead for _, leads in packed for lead in leads}
    left = [(index, lead) for index, lead, _ in blocks if lead not in shown]
    text, leads = packed[-1]
    if left:
        counts = [sum(len(members[a]) for i, a in left if i == g) for g in range(len(groups))]
        text = join("\n\n", [text, _footer(groups, counts, lang, FOOTER_RESERVE - 2, username)])
        leads = [*leads, *(lead for _, lead in left)]
    packed = [*packed[:-1], (text, leads)]
    return [
        DigestMessage(body, tuple(i for lead in found for i in members[lead]))
        for body, found in packed
        if found
    ]


def _footer(
    groups: Sequence[_Group], counts: Sequence[int], lang: Lang, room: int, username: str | None
) -> Html:
    """ "And N more — /region …" per group, the rest summed up once the room runs out."""
    lines: list[Html] = []
    rest = 0
    for group, count in zip(groups, counts, strict=True):
        line = _more_line(group, count, lang, username) if count else None
        if line and not rest and sum(len(x) + 1 for x in lines) + len(line) <= room - 100:
            lines.append(line)
        else:
            rest += count
    if rest:
        lines.append(t(lang, "digest.more_other", count=rest))
    return join("\n", lines)


def _more_line(group: _Group, count: int, lang: Lang, username: str | None) -> Html:
    """ "…and N more", with one tap to all of the subscription's articles."""
    subscription = group.subscription
    if subscription is None:
        return t(lang, "digest.more_other", count=count)
    if username:
        payload = subscription_payload(subscription.kind, subscription.key, subscription.sector)
        return t(lang, "digest.more_link", count=count, url=escape(deep_link(username, payload)))
    return t(lang, "digest.more", count=count, command=more_command(subscription, lang))
