"""The summary of a typed selection (region or pair × sector × period × words), and its page key.

A selection of one part keeps the plain summary of that part (its title, key and Subscribe
button); a combination gets a title of its parts and a compact key (kind "x") for ◀ ▶ buttons:
catalogue positions in base 36 and days since 1990, within the 64 bytes of callback data.
"""

from __future__ import annotations

import datetime as dt

from bot.callbacks import (
    AnySubscribeCallback,
    ListKind,
    PageCallback,
    fits,
    subscription_callback,
)
from bot.html import Html, escape, join
from bot.periods import Period
from bot.summaries import (
    QUERY_CHARS,
    Summary,
    period_summary,
    region_summary,
    search_summary,
    sector_summary,
    summary_from_key,
)
from bot.texts import t
from bot.views.render import format_span, region_name, sector_label, shorten
from storage.models import Lang, Selection
from storage.regions import all_regions, get_region
from storage.sectors import all_sectors, get_sector
from storage.subscriptions import Kind as SubscriptionKind
from storage.subscriptions import Subscription, pair_key

_EPOCH = dt.date(1990, 1, 1).toordinal()
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_FIELDS = 5  # regions ~ sector ~ since ~ until ~ words


def typed_summary(selection: Selection, lang: Lang) -> Summary:
    """The summary of a selection of any combination of parts (at least one)."""
    parts = _parts(selection)
    if parts == {"regions"}:
        regions = [get_region(region_id) for region_id in selection.region_ids]
        return region_summary([r for r in regions if r is not None], lang)
    if parts == {"sector"} and (sector := get_sector(selection.sector or "")):
        return sector_summary(sector, lang)
    if parts == {"period"} and selection.since and selection.until:
        return period_summary(Period(selection.since, selection.until), lang)
    if parts == {"words"} and selection.query:
        return search_summary(selection.query, lang)
    return Summary(
        "x",
        selection_key(selection),
        combined_title(selection, lang),
        selection,
        home=selection.region_ids,
        sector=selection.sector,
        subscribe=_subscribe_within_sector(selection),
        with_overview=selection.query is None,
    )


def _subscribe_within_sector(selection: Selection) -> AnySubscribeCallback | None:
    """A region or a pair within a sector (nothing else) can be followed: its Subscribe button."""
    if _parts(selection) != {"regions", "sector"} or len(selection.region_ids) > 2:
        return None
    kind: SubscriptionKind = "pair" if len(selection.region_ids) == 2 else "region"
    key = pair_key(*selection.region_ids) if kind == "pair" else selection.region_ids[0]
    return subscription_callback("add", Subscription(kind, key, selection.sector or ""))


def page_summary(kind: ListKind, key: str, lang: Lang) -> Summary | None:
    """The summary a ◀ ▶ button refers to, a typed combination (kind "x") included."""
    if kind != "x":
        return summary_from_key(kind, key, lang)
    selection = selection_from_key(key)
    return typed_summary(selection, lang) if selection else None


def _parts(selection: Selection) -> set[str]:
    named = {
        "regions": bool(selection.region_ids),
        "sector": selection.sector is not None,
        "period": selection.since is not None,
        "words": selection.query is not None,
    }
    return {part for part, present in named.items() if present}


def combined_title(selection: Selection, lang: Lang) -> Html:
    """ "Атырауская область · Туризм · 2022 · «нефть»"."""
    parts = [join(" ⇄ ", [region_name(region_id, lang) for region_id in selection.region_ids])]
    if selection.sector:
        parts.append(sector_label(selection.sector, lang))
    if selection.since and selection.until:
        parts.append(format_span(selection.since, selection.until, lang))
    if selection.query:
        parts.append(t(lang, "typed.words", words=escape(shorten(selection.query, QUERY_CHARS))))
    return join(" · ", [part for part in parts if part])


def selection_key(selection: Selection) -> str | None:
    """The selection as a PageCallback key of kind "x", or None when it cannot fit a button."""
    region_index = {region.id: i for i, region in enumerate(all_regions())}
    sector_index = {sector.id: i for i, sector in enumerate(all_sectors())}
    fields = [
        ".".join(_base36(region_index[r]) for r in selection.region_ids),
        _base36(sector_index[selection.sector]) if selection.sector else "",
        _base36(selection.since.toordinal() - _EPOCH) if selection.since else "",
        _base36(selection.until.toordinal() - _EPOCH) if selection.until else "",
        " ".join((selection.query or "").replace(":", " ").replace("~", " ").split()),
    ]
    key = "~".join(fields)
    if len(key) > 48 or not fits(PageCallback(kind="x", key=key, page=999)):
        return None
    return key


def selection_from_key(key: str) -> Selection | None:
    """The selection a kind-"x" key stands for; None when it no longer means one."""
    fields = key.split("~", _FIELDS - 1)
    if len(fields) != _FIELDS:
        return None
    regions, sector, since, until, words = fields
    try:
        region_ids = tuple(all_regions()[int(i, 36)].id for i in regions.split(".") if i)
        sector_id = all_sectors()[int(sector, 36)].id if sector else None
        first = dt.date.fromordinal(int(since, 36) + _EPOCH) if since else None
        last = dt.date.fromordinal(int(until, 36) + _EPOCH) if until else None
    except (ValueError, IndexError, OverflowError):
        return None
    selection = Selection(
        region_ids=region_ids, sector=sector_id, since=first, until=last, query=words or None
    )
    return selection if _parts(selection) else None


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if number == 0:
            return digits
