"""Packing digest blocks into a few messages: in order while they fit, else a fair share of
each subscription's newest entries, with room kept for the "and N more" lines."""

from __future__ import annotations

from collections.abc import Sequence

from bot.html import Html, join

FOOTER_RESERVE = 700  # room kept in the last message for the "and N more" lines
Block = tuple[int, int, Html]  # (group index, id of the entry's lead article, text)


def fair_pack(
    header: Html, blocks: Sequence[Block], limit: int, max_messages: int
) -> list[tuple[Html, list[int]]]:
    """Every subscription gets the same share: the newest `share` entries of each (fewer where
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
        attempt = pack_all(header, [b for p, b in ranked if p <= share], limit, max_messages)
        if attempt is None:
            break
        packed, share = attempt, share + 1
    chosen = {block[1] for position, block in ranked if position < share}
    for position, block in ranked:
        if position == share:
            kept = [b for b in blocks if b[1] in chosen or b == block]
            if attempt := pack_all(header, kept, limit, max_messages):
                packed = attempt
                chosen.add(block[1])
    return packed


def pack_all(
    header: Html, blocks: Sequence[Block], limit: int, max_messages: int
) -> list[tuple[Html, list[int]]] | None:
    """`blocks` packed with room for the footer, or None when they do not all fit."""
    packed = pack(header, blocks, limit, max_messages, reserve=FOOTER_RESERVE)
    return packed if sum(len(ids) for _, ids in packed) == len(blocks) else None


def pack(
    header: Html, blocks: Sequence[Block], limit: int, max_messages: int, reserve: int
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
