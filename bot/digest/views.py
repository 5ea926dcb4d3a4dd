"""Layout of /subscriptions and /settings: their texts and inline keyboards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal
from zoneinfo import ZoneInfo

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import Field

from bot.callbacks import SubscribeCallback
from bot.digest.compose import subscription_title
from bot.texts import t
from bot.zone_names import zone_label
from storage.subscriptions import ChatSettings, Subscription

COMMON_ZONES = (
    "Asia/Almaty",
    "Asia/Aqtobe",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
)
HOURS = (7, 8, 9, 12, 15, 18, 21)


class SettingsCallback(CallbackData, prefix="st"):
    """A /settings button: digest mode, hour, weekday, time zone, or the empty-notice toggle."""

    action: Literal["mode", "hour", "day", "tz", "empty"]
    value: str = Field(max_length=40)


def subscriptions_text(
    follows: Sequence[Subscription], chat: ChatSettings | None, lang: str
) -> str:
    if not follows:
        return t(lang, "sub.list_empty")
    lines = [t(lang, "sub.list_title")]
    lines.extend(f"• {subscription_title(s, lang)}" for s in follows)
    if chat is not None:
        lines.append("")
        lines.append(schedule_line(chat, lang))
    return "\n".join(lines)


def subscriptions_keyboard(
    follows: Sequence[Subscription], lang: str
) -> InlineKeyboardMarkup | None:
    """A remove button for each subscription, one a row."""
    if not follows:
        return None
    builder = InlineKeyboardBuilder()
    for s in follows:
        name = subscription_title(s, lang)
        builder.button(
            text=t(lang, "sub.remove_button", name=name),
            callback_data=SubscribeCallback(action="del", kind=s.kind, key=s.key),
        )
    builder.adjust(1)
    return builder.as_markup()


def schedule_line(chat: ChatSettings, lang: str) -> str:
    """ "Digest: daily at 09:00 (Asia/Almaty)" in the chat's words."""
    time = f"{chat.hour:02d}:{chat.minute:02d}"
    if chat.mode == "daily":
        return t(lang, "settings.mode_daily", time=time, tz=zone_label(chat.tz, lang))
    if chat.mode == "weekly":
        day = t(lang, f"weekday.{chat.weekday}")
        tz = zone_label(chat.tz, lang)
        return t(lang, "settings.mode_weekly", weekday=day, time=time, tz=tz)
    return t(lang, "settings.mode_instant")


def settings_text(chat: ChatSettings, now: dt.datetime, lang: str) -> str:
    local = now.astimezone(ZoneInfo(chat.tz)).strftime("%H:%M")
    empty = "settings.empty_on" if chat.send_empty else "settings.empty_off"
    lines = [
        t(lang, "settings.title"),
        schedule_line(chat, lang),
        t(lang, "settings.tz", tz=chat.tz, now=local),
        t(lang, empty),
        "",
        t(lang, "settings.hint"),
    ]
    return "\n".join(lines)


def settings_keyboard(chat: ChatSettings, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    sizes: list[int] = [3]
    for mode in ("instant", "daily", "weekly"):
        mark = "✅ " if chat.mode == mode else ""
        text = mark + t(lang, f"settings.button_{mode}")
        builder.button(text=text, callback_data=SettingsCallback(action="mode", value=mode))
    if chat.mode != "instant":
        for hour in HOURS:
            mark = "✅" if (chat.hour, chat.minute) == (hour, 0) else ""
            text = f"{mark}{hour:02d}:00"
            builder.button(
                text=text, callback_data=SettingsCallback(action="hour", value=str(hour))
            )
        sizes.append(len(HOURS))
    if chat.mode == "weekly":
        for day in range(7):
            text = ("✅" if chat.weekday == day else "") + t(lang, f"weekday_short.{day}")
            builder.button(text=text, callback_data=SettingsCallback(action="day", value=str(day)))
        sizes.append(7)
    for zone in COMMON_ZONES:
        text = ("✅ " if chat.tz == zone else "") + zone_label(zone, lang)
        builder.button(text=text, callback_data=SettingsCallback(action="tz", value=zone))
    sizes.extend([4, 4])
    empty = "settings.button_empty_off" if chat.send_empty else "settings.button_empty_on"
    value = "0" if chat.send_empty else "1"
    builder.button(
        text=t(lang, empty), callback_data=SettingsCallback(action="empty", value=value)
    )
    builder.adjust(*sizes, 1)
    return builder.as_markup()
