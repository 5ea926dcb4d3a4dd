"""Layout of /subscriptions, /subscribe choices and /settings: texts and inline keyboards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import (
    AnySubscribeCallback,
    SettingsCallback,
    SubscribeAction,
    SubscriptionsPageCallback,
    subscription_callback,
    subscription_of,
)
from bot.html import Html, escape, join, markup
from bot.texts import label, t
from bot.views.digest import subscription_name, subscription_title
from bot.views.keyboards import page_count
from bot.zone_names import zone_label
from storage.models import Lang
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


def page_of(follows: Sequence[Subscription], page: int) -> tuple[Sequence[Subscription], int]:
    """The subscriptions shown on `page` (clamped to the last one) and that page's number."""
    page = min(max(page, 0), page_count(len(follows), SUBSCRIPTIONS_PAGE) - 1)
    return follows[page * SUBSCRIPTIONS_PAGE : (page + 1) * SUBSCRIPTIONS_PAGE], page


def subscriptions_text(
    follows: Sequence[Subscription], chat: ChatSettings | None, lang: Lang, page: int = 0
) -> Html:
    """One page of the chat's subscriptions (any number of them fits a message) and schedule."""
    if not follows:
        return t(lang, "sub.list_empty")
    shown, page = page_of(follows, page)
    lines = [t(lang, "sub.list_title")]
    lines.extend(markup("• {name}", name=subscription_title(s, lang)) for s in shown)
    pages = page_count(len(follows), SUBSCRIPTIONS_PAGE)
    if pages > 1:
        lines.append(t(lang, "page.of", page=page + 1, pages=pages))
    if chat is not None:
        lines.append(escape(""))
        lines.append(schedule_line(chat, lang))
    return join("\n", lines)


def subscriptions_keyboard(
    follows: Sequence[Subscription], lang: Lang, page: int = 0
) -> InlineKeyboardMarkup | None:
    """A remove button for each subscription of the page, one a row, then ◀ ▶."""
    if not follows:
        return None
    shown, page = page_of(follows, page)
    builder = InlineKeyboardBuilder()
    for s in shown:
        name = subscription_name(s, lang)
        builder.button(
            text=label(lang, "sub.remove_button", name=name),
            callback_data=subscription_callback("del", s),
        )
    sizes = [1] * len(shown)
    arrows = [(page - 1, "◀"), (page + 1, "▶")]
    pages = page_count(len(follows), SUBSCRIPTIONS_PAGE)
    shown_arrows = [(p, a) for p, a in arrows if 0 <= p < pages]
    for target, arrow in shown_arrows:
        builder.button(text=arrow, callback_data=SubscriptionsPageCallback(page=target))
    builder.adjust(*sizes, len(shown_arrows) or 1)
    return builder.as_markup()


def schedule_line(chat: ChatSettings, lang: Lang) -> Html:
    """ "Digest: daily at 09:00 (Asia/Almaty)" in the chat's words."""
    time = escape(f"{chat.hour:02d}:{chat.minute:02d}")
    tz = escape(zone_label(chat.tz, lang))
    if chat.mode == "daily":
        return t(lang, "settings.mode_daily", time=time, tz=tz)
    if chat.mode == "weekly":
        day = t(lang, f"weekday.{chat.weekday}")
        return t(lang, "settings.mode_weekly", weekday=day, time=time, tz=tz)
    return t(lang, "settings.mode_instant")


def settings_text(chat: ChatSettings, now: dt.datetime, lang: Lang) -> Html:
    local = escape(now.astimezone(ZoneInfo(chat.tz)).strftime("%H:%M"))
    empty = "settings.empty_on" if chat.send_empty else "settings.empty_off"
    lines = [
        t(lang, "settings.title"),
        schedule_line(chat, lang),
        t(lang, "settings.tz", tz=escape(chat.tz), now=local),
        t(lang, empty),
        escape(""),
        t(lang, "settings.hint"),
    ]
    return join("\n", lines)


def settings_keyboard(chat: ChatSettings, lang: Lang) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    sizes: list[int] = [3]
    for mode in ("instant", "daily", "weekly"):
        mark = "✅ " if chat.mode == mode else ""
        text = mark + label(lang, f"settings.button_{mode}")
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
            text = ("✅" if chat.weekday == day else "") + label(lang, f"weekday_short.{day}")
            builder.button(text=text, callback_data=SettingsCallback(action="day", value=str(day)))
        sizes.append(7)
    for zone in COMMON_ZONES:
        text = ("✅ " if chat.tz == zone else "") + zone_label(zone, lang)
        builder.button(text=text, callback_data=SettingsCallback(action="tz", value=zone))
    sizes.extend([4, 4])
    empty = "settings.button_empty_off" if chat.send_empty else "settings.button_empty_on"
    value = "0" if chat.send_empty else "1"
    builder.button(
        text=label(lang, empty), callback_data=SettingsCallback(action="empty", value=value)
    )
    builder.adjust(*sizes, 1)
    return builder.as_markup()


def choices_keyboard(
    choices: list[Subscription], action: SubscribeAction, lang: Lang
) -> InlineKeyboardMarkup:
    """One button a subscription, for a name that could mean several."""
    builder = InlineKeyboardBuilder()
    for s in choices:
        data = subscription_callback(action, s)
        builder.button(text=subscription_name(s, lang), callback_data=data)
    builder.adjust(1)
    return builder.as_markup()


def subscribe_button_swapped(
    markup: InlineKeyboardMarkup | None,
    pressed: AnySubscribeCallback,
    following: bool,
    lang: Lang,
) -> InlineKeyboardMarkup | None:
    """`markup` with the pressed Subscribe button turned into "✅ Subscribed · Unsubscribe"
    (when `following`) or back; None when nothing changes."""
    action: SubscribeAction = "off" if following else "add"
    key = "sub.subscribed_button" if following else "summary.subscribe"
    toggled = subscription_callback(action, subscription_of(pressed))
    replacement = InlineKeyboardButton(text=label(lang, key), callback_data=toggled.pack())
    return _swap_button(markup, pressed.pack(), replacement)


def _swap_button(
    markup: InlineKeyboardMarkup | None, pressed: str, replacement: InlineKeyboardButton
) -> InlineKeyboardMarkup | None:
    """`markup` with the button whose data is `pressed` replaced; None when it has none."""
    if markup is None:
        return None
    rows = [
        [replacement if button.callback_data == pressed else button for button in row]
        for row in markup.inline_keyboard
    ]
    if rows == markup.inline_keyboard:
        return None
    return InlineKeyboardMarkup(inline_keyboard=rows)
