"""Every inline button's callback data: short prefixes, validated fields, at most 64 bytes."""

from __future__ import annotations

from typing import Literal

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

MAX_CALLBACK_BYTES = 64

# A key is a region id, a sector id, "id+id" for a pair, or "YYYYMMDD-YYYYMMDD" for a period.
_KEY = r"^[a-z0-9_+-]{1,45}$"

# region(s), sector, date, search query, latest, and a combination of them (bot.typed_summary)
ListKind = Literal["r", "s", "d", "q", "l", "x"]


class PageCallback(CallbackData, prefix="pg"):
    """A page of a summary: ◀ ▶ buttons. For a search the key is the query itself."""

    kind: ListKind
    key: str = Field(max_length=48)
    page: int = Field(ge=0, le=100_000)


class OpenCallback(CallbackData, prefix="op"):
    """Open the summary of a region (or a pair "id+id") or of a sector."""

    kind: Literal["r", "s"]
    key: str = Field(pattern=_KEY)


class BrowseCallback(CallbackData, prefix="br"):
    """A page of the region browser for one country."""

    country: Literal["KZ", "RU"]
    page: int = Field(ge=0, le=100)


class ArticleCallback(CallbackData, prefix="ar"):
    """Show one article in full."""

    id: int = Field(ge=1)


class LangCallback(CallbackData, prefix="lg"):
    """Choose the UI language."""

    lang: Literal["ru", "kk", "en"]


class MenuCallback(CallbackData, prefix="mn"):
    """A main-action button of /start and /help."""

    action: Literal["regions", "sectors", "latest", "help"]


class SubscribeCallback(CallbackData, prefix="sub"):
    """Subscribe to (or unsubscribe from) a region, a sector or a pair; handled by the digests.

    "del" comes from the list of /subscriptions (which is then shown again), "off" from the
    "✅ Subscribed · Unsubscribe" button a Subscribe button turns into.
    """

    action: str = Field(pattern=r"^(add|del|off)$")  # off: the ✅ button under a summary
    kind: str = Field(pattern=r"^(region|sector|pair)$")
    key: str = Field(pattern=_KEY)


def fits(callback: CallbackData) -> bool:
    """True when the packed data fits Telegram's 64-byte limit (pack() checks the rest)."""
    try:
        return len(callback.pack().encode()) <= MAX_CALLBACK_BYTES
    except ValueError:
        return False


def search_key(query: str) -> str | None:
    """The query as a PageCallback key, or None when it cannot fit into a button."""
    key = " ".join(query.replace(":", " ").split())
    if not key or len(key) > 48:
        return None
    return key if fits(PageCallback(kind="q", key=key, page=999)) else None
