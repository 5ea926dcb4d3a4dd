"""One-tap forms of "open this": `/a5` inside the bot's chats, `t.me/<bot>?start=…` deep links
in messages that leave them (inline results, digests), and the payloads /start understands."""

from __future__ import annotations

import re

ARTICLE_COMMAND = re.compile(r"^/a(\d{1,18})(?:@(\w+))?$")
ARTICLE_PAYLOAD = re.compile(r"^a(\d{1,18})$")
PAIR_SEPARATOR = "_"  # deep-link payloads allow [A-Za-z0-9_-]; region ids use "-"
SECTOR_SEPARATOR = "__"


def article_command(article_id: int) -> str:
    """ "/a5": a command without arguments, so the whole of it is tappable."""
    return f"/a{article_id}"


def deep_link(username: str, payload: str) -> str:
    return f"https://t.me/{username}?start={payload}"


def article_payload(article_id: int) -> str:
    return f"a{article_id}"


def subscription_payload(kind: str, key: str, sector: str = "") -> str:
    """The /start payload that opens a subscription's summary: r-<id>, s-<id>, p-<id>_<id>, and
    a region or a pair within a sector: r-<id>__<sector id> (sector ids have single "_")."""
    if kind == "sector":
        return f"s-{key}"
    within = f"{SECTOR_SEPARATOR}{sector}" if sector else ""
    if kind == "pair":
        return "p-" + PAIR_SEPARATOR.join(key.split("+")) + within
    return f"r-{key}{within}"
