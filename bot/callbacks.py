"""Every inline button's callback data: short prefixes, fields checked against the catalogue."""

from __future__ import annotations

from typing import Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiogram.filters.callback_data import CallbackData
from pydantic import Field, model_validator

from storage.regions import get_region
from storage.sectors import get_sector
from storage.subscriptions import Kind as SubscriptionKind
from storage.subscriptions import Subscription

MAX_CALLBACK_BYTES = 64
MAX_PAGE = 100_000  # the furthest page a ◀ ▶ button can name

# A key is a region id, a sector id, "id+id" for a pair, or "YYYYMMDD-YYYYMMDD" for a period.
_KEY = r"^[a-z0-9_+-]{1,45}$"

# region(s), sector, date, search query, latest, and a combination of them (bot.typed_summary)
ListKind = Literal["r", "s", "d", "q", "l", "x"]
# del: from the list of /subscriptions (shown again); off: the "✅ Subscribed · Unsubscribe"
# button a Subscribe button under a summary turns into
SubscribeAction = Literal["add", "del", "off"]


def in_catalogue(kind: str, key: str) -> bool:
    """True when `key` names what exists: a region id, a sector id, or a pair "id+id" of two
    different regions in sorted order (as `storage.subscriptions.pair_key` writes it).

    Button data comes from the user's client and can be forged: a key that passes the pattern
    but names nothing must be refused before anything is written.
    """
    if kind == "sector":
        return get_sector(key) is not None
    if kind == "region":
        return get_region(key) is not None
    first, plus, second = key.partition("+")
    pair = bool(plus) and first < second
    return kind == "pair" and pair and get_region(first) is not None and bool(get_region(second))


class PageCallback(CallbackData, prefix="pg"):
    """A page of a summary: ◀ ▶ buttons. For a search the key is the query itself."""

    kind: ListKind
    key: str = Field(max_length=48)
    page: int = Field(ge=0, le=MAX_PAGE)


class CardsCallback(PageCallback, prefix="pc"):
    """A page of a summary shown as cards (three a page) rather than the compact list."""


class OpenCallback(CallbackData, prefix="op"):
    """Open the summary of a region (or a pair "id+id") or of a sector."""

    kind: Literal["r", "s"]
    key: str = Field(pattern=_KEY)

    @model_validator(mode="after")
    def _known(self) -> Self:
        kinds = ("sector",) if self.kind == "s" else ("region", "pair")
        if not any(in_catalogue(kind, self.key) for kind in kinds):
            raise ValueError("not in the catalogue")
        return self


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
    """Subscribe to (or unsubscribe from) a region, a sector or a pair; handled by the digests."""

    action: SubscribeAction
    kind: Literal["region", "sector", "pair"]
    key: str = Field(pattern=_KEY)

    @model_validator(mode="after")
    def _known(self) -> Self:
        if not in_catalogue(self.kind, self.key):
            raise ValueError("not in the catalogue")
        return self


class SectorSubscribeCallback(CallbackData, prefix="sx"):
    """The same for a region or a pair ("id+id") within one sector; a prefix and fields of its
    own, so that the longest pair and sector ids still fit into 64 bytes."""

    action: SubscribeAction
    key: str = Field(pattern=_KEY)
    sector: str = Field(pattern=r"^[a-z_]{1,30}$")

    @model_validator(mode="after")
    def _known(self) -> Self:
        kind = "pair" if "+" in self.key else "region"
        if not in_catalogue(kind, self.key) or get_sector(self.sector) is None:
            raise ValueError("not in the catalogue")
        return self


AnySubscribeCallback = SubscribeCallback | SectorSubscribeCallback


def subscription_callback(action: SubscribeAction, s: Subscription) -> AnySubscribeCallback:
    """The button data that adds, removes or turns off `s`."""
    if s.sector:
        return SectorSubscribeCallback(action=action, key=s.key, sector=s.sector)
    return SubscribeCallback(action=action, kind=s.kind, key=s.key)


def subscription_of(data: AnySubscribeCallback) -> Subscription:
    """The subscription a (validated) button stands for."""
    if isinstance(data, SectorSubscribeCallback):
        kind: SubscriptionKind = "pair" if "+" in data.key else "region"
        return Subscription(kind, data.key, data.sector)
    return Subscription(data.kind, data.key)


class SubscriptionsPageCallback(CallbackData, prefix="sp"):
    """A page of /subscriptions: ◀ ▶ buttons."""

    page: int = Field(ge=0, le=1000)


class SettingsCallback(CallbackData, prefix="st"):
    """A /settings button: digest mode, hour, weekday, time zone, or the empty-notice toggle."""

    action: Literal["mode", "hour", "day", "tz", "empty"]
    value: str = Field(max_length=40)

    @model_validator(mode="after")
    def _known(self) -> Self:
        # Forged data must not reach the handler, which writes the chat's row first.
        if not valid_setting(self.action, self.value):
            raise ValueError("not a setting")
        return self


def valid_setting(action: str, value: str) -> bool:
    """True for a value a /settings button can carry (the handler checks zones strictly)."""
    if action == "mode":
        return value in {"instant", "daily", "weekly"}
    if action in {"hour", "day"}:
        return value.isascii() and value.isdigit() and int(value) < (24 if action == "hour" else 7)
    if action == "empty":
        return value in {"0", "1"}
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# --- charts and exports of a summary, the map of cooperation ---
class ChartCallback(CallbackData, prefix="ch"):
    """📊 under a summary: its chart (kind and key as in PageCallback)."""

    kind: ListKind
    key: str = Field(max_length=48)


class ExportCallback(CallbackData, prefix="ex"):
    """⬇️ under a summary: its articles as a CSV or XLSX file."""

    kind: ListKind
    key: str = Field(max_length=48)
    format: Literal["csv", "xlsx"]


class MapCallback(CallbackData, prefix="mp"):
    """The map of cooperation of the whole archive ("-") or of a period (a Period key)."""

    key: str = Field(pattern=r"^(-|\d{8}-\d{8})$")


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


# --- sources (admins only) ---
SourceAction = Literal["list", "open", "pause", "resume", "check", "remove", "rejected"]


class SourceCallback(CallbackData, prefix="src"):
    """An admin's button on /sources: open a source, or act on it."""

    action: SourceAction
    id: int = Field(ge=0, le=10_000_000)


class KeepCallback(CallbackData, prefix="srk"):
    """An admin's "keep" button on a rejected item of a source."""

    item: int = Field(ge=1)
