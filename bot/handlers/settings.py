"""/settings: when digests come (instant, daily, weekly), in which time zone, and empty notices."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import SettingsCallback
from bot.digest.schedule import next_due, schedule_of
from bot.html import escape
from bot.subscribing import chat_place, managed_message, may_manage
from bot.texts import label, t
from bot.views.render import shorten
from bot.views.subscriptions import settings_keyboard, settings_text
from storage.chats import Chats
from storage.models import Lang
from storage.subscriptions import MODES, ChatSettings, Mode

Clock = Callable[[], dt.datetime]
_TIME = re.compile(r"^(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)$")
_MODES: dict[str, Mode] = {mode: mode for mode in MODES}
_MODE_WORDS: dict[str, Mode] = dict.fromkeys(("instant", "сразу", "бірден"), "instant")
_MODE_WORDS |= dict.fromkeys(("daily", "ежедневно", "күнделікті"), "daily")
_MODE_WORDS |= dict.fromkeys(("weekly", "еженедельно", "апталық"), "weekly")
_WEEKDAY_WORDS = {
    word: day
    for day, words in enumerate(
        (
            "mon monday пн понедельник дүйсенбі",
            "tue tuesday вт вторник сейсенбі",
            "wed wednesday ср среда сәрсенбі",
            "thu thursday чт четверг бейсенбі",
            "fri friday пт пятница жұма",
            "sat saturday сб суббота сенбі",
            "sun sunday вс воскресенье жексенбі",
        )
    )
    for word in words.split()
}
_ZONE_WORDS = frozenset(("tz", "zone", "пояс", "белдеу"))  # "tz Europe/Moscow": the word itself


def changed(chat: ChatSettings, action: str, value: str) -> ChatSettings | None:
    """The chat's settings after one button or typed value; None when the value is not valid."""
    if action == "mode" and (mode := _MODES.get(value)):
        return replace(chat, mode=mode)
    if action == "hour" and value.isdigit() and int(value) < 24:
        return replace(chat, hour=int(value), minute=0)
    if action == "day" and value.isdigit() and int(value) < 7:
        return replace(chat, weekday=int(value))
    if action == "tz" and _known_zone(value):
        return replace(chat, tz=value)
    if action == "empty" and value in {"0", "1"}:
        return replace(chat, send_empty=value == "1")
    return None


def typed(chat: ChatSettings, text: str) -> ChatSettings | None:
    """The settings typed as words, in any order: `daily 09:00`, `weekly mon 09:00`,
    `tz Europe/Moscow`, `instant`, `08:30` (daily unless weekly), `Asia/Omsk`; in ru, kk, en.
    None when a word is not understood."""
    text = " ".join(text.split()).replace("күн сайын", "daily").replace("апта сайын", "weekly")
    words = text.split()
    if not words or len(words) > 4:
        return None
    for word in words:
        lowered = word.lower().rstrip(".,")
        if found := _TIME.match(lowered):
            mode = chat.mode if chat.mode != "instant" else "daily"
            chat = replace(chat, mode=mode, hour=int(found["hour"]), minute=int(found["minute"]))
        elif lowered in _MODE_WORDS:
            chat = replace(chat, mode=_MODE_WORDS[lowered])
        elif lowered in _WEEKDAY_WORDS:
            chat = replace(chat, mode="weekly", weekday=_WEEKDAY_WORDS[lowered])
        elif lowered not in _ZONE_WORDS and (zoned := changed(chat, "tz", word)) is not None:
            chat = zoned
        elif lowered not in _ZONE_WORDS:
            return None
    return chat


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())  # reads the zone database once


def _known_zone(name: str) -> bool:
    if name not in _zone_names():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


async def cmd_settings(
    message: Message,
    command: CommandObject,
    chats: Chats,
    bot: Bot,
    clock: Clock,
    lang: Lang,
) -> None:
    # Even a look writes the chat's row (with the asker's language): admins only in groups.
    if not await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        await message.answer(t(lang, "sub.admins_only"))
        return
    words = (command.args or "").strip()
    chat, updated = await chats.change_settings(
        chat_place(message, lang, with_topic=False),
        lambda current: typed(current, words) if words else current,
        lambda new: next_due(schedule_of(new), clock()),
    )
    if updated is None:
        value = escape(shorten(words, 60))
        await message.answer(t(lang, "settings.bad_value", value=value))
        return
    chat = updated
    await message.answer(
        settings_text(chat, clock(), lang), reply_markup=settings_keyboard(chat, lang)
    )


async def on_settings(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    chats: Chats,
    bot: Bot,
    clock: Clock,
    lang: Lang,
) -> None:
    message = await managed_message(query, bot, lang)
    if message is None:
        return
    chat, updated = await chats.change_settings(
        chat_place(message, lang, with_topic=False),
        lambda current: changed(current, callback_data.action, callback_data.value),
        lambda new: next_due(schedule_of(new), clock()),
    )
    if updated is None or updated == chat:
        await query.answer()
        return
    await message.edit_text(
        settings_text(updated, clock(), lang), reply_markup=settings_keyboard(updated, lang)
    )
    await query.answer(label(lang, "settings.saved"))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="settings")
    router.message.register(cmd_settings, Command("settings"))
    router.callback_query.register(on_settings, SettingsCallback.filter())
    return router
