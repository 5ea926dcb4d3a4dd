"""Layout of /subscriptions and /settings: their texts and inline keyboards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import Field, model_validator

from bot.callbacks import SubscribeCallback, SubscriptionsPageCallback
from bot.digest.compose import subscription_title
from bot.texts import t
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
SUBSCRIPTIONS_PAGE = 10  # per page of /subscriptions, each with its remove button


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


def subscription_pages(count: int) -> int:
    return max(1, -(-count // SUBSCRIPTIONS_PAGE))


def page_of(follows: Sequence[Subscription], page: int) -> tuple[Sequence[Subscription], int]:
    """The subscriptions shown on `page` (clamped to the last one) and that page's number."""
    page = min(max(page, 0), subscription_pages(len(follows)) - 1)
    return follows[page * SUBSCRIPTIONS_PAGE : (page + 1) * SUBSCRIPTIONS_PAGE], page


def subscriptions_text(
    follows: Sequence[Subscription], chat: ChatSettings | None, lang: str, page: int = 0
) -> str:
    """One page of the chat's subscriptions (any number of them fits a message) and schedule."""
    if not follows:
        return t(lang, "sub.list_empty")
    shown, page = page_of(follows, page)
    lines = [t(lang, "sub.list_title")]
    lines.extend(f"• {subscription_title(s, lang)}" for s in shown)
    pages = subscription_pages(len(follows))
    if pages > 1:
        lines.append(t(lang, "page.of", page=page + 1, pages=pages))
    if chat is not None:
        lines.append("")
        lines.append(schedule_line(chat, lang))
    return "\n".join(lines)


def subscriptions_keyboard(
    follows: Sequence[Subscription], lang: str, page: int = 0
) -> InlineKeyboardMarkup | None:
    """A remove button for each subscription of the page, one a row, then ◀ ▶."""
    if not follows:
        return None
    shown, page = page_of(follows, page)
    builder = InlineKeyboardBuilder()
    for s in shown:
        name = subscription_title(s, lang)
        builder.button(
            text=t(lang, "sub.remove_button", name=name),
            callback_data=SubscribeCallback(action="del", kind=s.kind, key=s.key),
        )
    sizes = [1] * len(shown)
    arrows = [(page - 1, "◀"), (page + 1, "▶")]
    shown_arrows = [(p, a) for p, a in arrows if 0 <= p < subscription_pages(len(follows))]
    for target, arrow in shown_arrows:
        builder.button(text=arrow, callback_data=SubscriptionsPageCallback(page=target))
    builder.adjust(*sizes, len(shown_arrows) or 1)
    return builder.as_markup()


def schedule_line(chat: ChatSettings, lang: str) -> str:
    """ "Digest: daily at 09:00 (Asia/Almaty)" in the chat's words."""
    time = f"{chat.hour:02d}:{chat.minute:02d}"
    if chat.mode == "daily":
        return t(lang, "settings.mode_daily", time=time, tz=chat.tz)
    if chat.mode == "weekly":
        day = t(lang, f"weekday.{chat.weekday}")
        return t(lang, "settings.mode_weekly", weekday=day, time=time, tz=chat.tz)
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
        text = ("✅ " if chat.tz == zone else "") + zone.split("/")[1]
        builder.button(text=text, callback_data=SettingsCallback(action="tz", value=zone))
    sizes.extend([4, 4])
    empty = "settings.button_empty_off" if chat.send_empty else "settings.button_empty_on"
    value = "0" if chat.send_empty else "1"
    builder.button(
        text=t(lang, empty), callback_data=SettingsCallback(action="empty", value=value)
    )
    builder.adjust(*sizes, 1)
    return builder.as_markup()
