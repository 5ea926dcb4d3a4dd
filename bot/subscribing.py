"""What a typed name or a deep link means as a subscription, and who may change them."""

from __future__ import annotations

import datetime as dt
import re

from aiogram import Bot
from aiogram.types import CallbackQuery, Chat, Message, User

from bot.texts import label
from bot.understanding import understand
from storage.chats import ChatPlace
from storage.models import Lang
from storage.regions import get_region, suggest_regions
from storage.sectors import get_sector, resolve_sector, suggest_sectors
from storage.subscriptions import Subscription, pair_key

MANAGERS = frozenset({"creator", "administrator"})
ANY_DAY = dt.date(2000, 1, 1)  # a subscription has no period: "вчера" is only named, not used
_LINK = re.compile(r"^sub-(?P<kind>[rsp])-(?P<key>[a-z0-9-]+(?:[+_ ][a-z0-9-]+)?)$")
_KINDS = {"r": "region", "s": "sector", "p": "pair"}


async def may_manage(bot: Bot, chat: Chat, user: User | None, sender_chat: Chat | None) -> bool:
    """Anyone in a private chat; in a group only its administrators (anonymous ones included)."""
    if chat.type == "private":
        return True
    if sender_chat is not None and sender_chat.id == chat.id:
        return True
    if user is None:
        return False
    member = await bot.get_chat_member(chat.id, user.id)
    return member.status in MANAGERS


async def managed_message(query: CallbackQuery, bot: Bot, lang: Lang) -> Message | None:
    """The message of a settings/subscription button, if the presser may change this chat.

    Otherwise the button is answered (stale message, or not a chat administrator) and None
    is returned.
    """
    message = query.message
    if not isinstance(message, Message):
        await query.answer(label(lang, "sub.bad_link"))
        return None
    if not await may_manage(bot, message.chat, query.from_user, None):
        await query.answer(label(lang, "sub.admins_only"), show_alert=True)
        return None
    return message


def chat_place(message: Message, lang: Lang, *, with_topic: bool = True) -> ChatPlace:
    """The message's chat as a new chat row needs it (and its forum topic, `with_topic`)."""
    topic = message.message_thread_id if with_topic and message.is_topic_message else None
    return ChatPlace(message.chat.id, message.chat.type, lang, topic)


def parse_subscription(text: str) -> tuple[list[Subscription], bool]:
    """What a typed name means: ([one subscription], True), or choices with False.

    Same understanding as /region (bot.understanding): one region, two regions (a pair), or a
    sector, and a region or a pair named with a sector is that region or pair within the
    sector. Three regions or more are offered as choices; unknown names give close suggestions
    as choices; an empty list means nothing came close.
    """
    understood = understand(text, ANY_DAY)
    regions = understood.region_ids
    sector = understood.sector or (None if regions else _lexicon_sector(text))
    within = sector or ""
    choices = []
    if len(regions) == 1:
        choices.append(Subscription("region", regions[0], within))
    elif len(regions) == 2:
        choices.append(Subscription("pair", pair_key(regions[0], regions[1]), within))
    elif regions:
        choices += [Subscription("region", region_id, within) for region_id in regions]
    elif sector is not None:
        choices.append(Subscription("sector", sector))
    if choices:
        return choices, len(choices) == 1
    close = [Subscription("region", r.id) for r in suggest_regions(text, limit=4)]
    close += [Subscription("sector", s.id) for s in suggest_sectors(text, limit=2)]
    return close, False


def _lexicon_sector(text: str) -> str | None:
    sector = resolve_sector(text)
    return sector.id if sector else None


def not_followed(text: str, lang: Lang) -> str:
    """The words of `text` that name nothing one can follow (a period, a country, other words),
    when it also names something one can; "" otherwise."""
    understood = understand(text, ANY_DAY)
    if not (understood.region_ids or understood.sector):
        return ""
    countries = [label(lang, f"country.{country}") for country in understood.countries]
    return " ".join([understood.period_typed, *understood.words, *countries]).strip()


def from_link(payload: str) -> Subscription | None:
    """`sub-r-<id>`, `sub-s-<id>`, `sub-p-<id>+<id>` (or `_` between, as links allow)."""
    found = _LINK.match(payload)
    if not found:
        return None
    kind, key = _KINDS[found["kind"]], found["key"]
    parts = re.split(r"[+_ ]", key)
    if kind == "pair" and len(parts) == 2 and parts[0] != parts[1] and all(map(get_region, parts)):
        return Subscription("pair", pair_key(parts[0], parts[1]))
    if kind == "region" and get_region(key):
        return Subscription("region", key)
    if kind == "sector" and get_sector(key):
        return Subscription("sector", key)
    return None
