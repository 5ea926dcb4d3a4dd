"""The text of a digest: new articles grouped by subscription, in a few messages at most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.html import Html, bold, escape, join
from bot.links import deep_link, subscription_payload
from bot.texts import t
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
from storage.subscriptions import Subscription

MAX_MESSAGES = 3
FOOTER_RESERVE = 700  # room kept in the last message for the "and N more" lines


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message of a digest and the articles it accounts for (shown or counted)."""

    text: Html
    article_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Group:
    subscription: Subscription | None  # None: matches nothing the chat still follows
    cards: tuple[ArticleCard, ...]


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
    groups: dict[Subscription | None, list[ArticleCard]] = {s: [] for s in subscriptions}
    groups[None] = []
    for card in cards:
        home = next((s for s in subscriptions if matches(s, card)), None)
        groups[home].append(card)
    return [(subscription, found) for subscription, found in groups.items() if found]


def compose_digest(
    cards: Sequence[ArticleCard],
    subscriptions: Sequence[Subscription],
    lang: Lang,
    *,
    max_messages: int = MAX_MESSAGES,
    limit: int = MESSAGE_LIMIT,
    username: str | None = None,
) -> list[DigestMessage]:
    """The digest as messages within `limit`; beyond `max_messages`, "and N more" lines.

    Every article id is in exactly one message; an empty list of cards gives no messages.
    With the bot's `username`, every "open" is a deep link: a digest may be forwarded.
    """
    if not cards:
        return []
    grouped = group_by_subscription(cards, subscriptions)
    groups = [_Group(s, tuple(sorted(found, key=_newest_first))) for s, found in grouped]
    header = t(lang, "digest.header", count=len(cards))
    blocks = _blocks(groups, lang, username)
    packed = _pack(header, blocks, limit, max_messages, reserve=0)
    if sum(len(ids) for _, ids in packed) < len(blocks):
        packed = _fair_pack(header, blocks, limit, max_messages)
    return _with_footer(packed, blocks, groups, lang, username)


def _newest_first(card: ArticleCard) -> tuple[int, int]:
    return (-(card.date.toordinal() if card.date else 0), -card.id)


def _fair_pack(
    header: Html, blocks: Sequence[_Block], limit: int, max_messages: int
) -> list[tuple[Html, list[int]]]:
    """Every subscription gets the same share: the newest `share` articles of each (fewer where
    it has fewer), the largest share that fits whole, then one more each, in the chat's order
    of subscriptions, while room is left."""
    positions: dict[int, int] = {}
    ranked = []  # (position within its group, block)
    for block in blocks:
        positions[block[0]] = positions.get(block[0], -1) + 1
        ranked.append((positions[block[0]], block))
    packed: list[tuple[Html, list[int]]] = [(header, [])]
    share = 0
    while share <= max(positions.values(), default=0):
        attempt = _pack_all(header, [b for p, b in ranked if p <= share], limit, max_messages)
        if attempt is None:
            break
        packed, share = attempt, share + 1
    chosen = {block[1] for position, block in ranked if position < share}
    for position, block in ranked:
        if position == share:
            kept = [b for b in blocks if b[1] in chosen or b == block]
            if attempt := _pack_all(header, kept, limit, max_messages):
                packed = attempt
                chosen.add(block[1])
    return packed


def _pack_all(
    header: Html, blocks: Sequence[_Block], limit: int, max_messages: int
) -> list[tuple[Html, list[int]]] | None:
    """`blocks` packed with room for the footer, or None when they do not all fit."""
    packed = _pack(header, blocks, limit, max_messages, reserve=FOOTER_RESERVE)
    return packed if sum(len(ids) for _, ids in packed) == len(blocks) else None


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


_Block = tuple[int, int, Html]  # (group index, article id, text)


def _blocks(groups: Sequence[_Group], lang: Lang, username: str | None) -> list[_Block]:
    blocks: list[_Block] = []
    for index, group in enumerate(groups):
        for position, card in enumerate(group.cards):
            text = article_card(card, lang, username)
            if position == 0:
                text = join("\n\n", [_heading(group, lang), text])
            blocks.append((index, card.id, text))
    return blocks


def _heading(group: _Group, lang: Lang) -> Html:
    if group.subscription is None:
        return t(lang, "digest.group_other")
    icon = escape("🏷" if group.subscription.kind == "sector" else "📍")
    return join(" ", [icon, bold(subscription_title(group.subscription, lang))])


def _pack(
    header: Html, blocks: Sequence[_Block], limit: int, max_messages: int, reserve: int
) -> list[tuple[Html, list[int]]]:
    """Blocks in order into at most `max_messages` texts; the last keeps `reserve` free."""
    messages: list[tuple[Html, list[int]]] = [(header, [])]
    for _, article_id, text in blocks:
        current, ids = messages[-1]
        room = limit - (reserve if len(messages) == max_messages else 0)
        if len(current) + 2 + len(text) <= room:
            joined = join("\n\n", [current, text]) if current else text
            messages[-1] = (joined, [*ids, article_id])
            continue
        if len(messages) == max_messages or len(text) > limit - reserve:
            break
        messages.append((text, [article_id]))
    return messages


def _with_footer(
    packed: list[tuple[Html, list[int]]],
    blocks: Sequence[_Block],
    groups: Sequence[_Group],
    lang: Lang,
    username: str | None,
) -> list[DigestMessage]:
    shown = {article_id for _, ids in packed for article_id in ids}
    left = [(index, article_id) for index, article_id, _ in blocks if article_id not in shown]
    text, ids = packed[-1]
    if left:
        counts = [sum(1 for i, _ in left if i == index) for index in range(len(groups))]
        text = join("\n\n", [text, _footer(groups, counts, lang, FOOTER_RESERVE - 2, username)])
        ids = [*ids, *(article_id for _, article_id in left)]
    packed = [*packed[:-1], (text, ids)]
    return [DigestMessage(body, tuple(found)) for body, found in packed if found]


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
