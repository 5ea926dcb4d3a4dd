"""/settings: when digests come (instant, daily, weekly), in which time zone, and empty notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import SettingsCallback
from bot.digest.schedule import next_due, schedule_of
from bot.html import escape
from bot.subscribing import chat_place, managed_message, may_manage
from bot.texts import label, t
from bot.typed_settings import known_zone, not_understood, typed
from bot.views.render import shorten
from bot.views.subscriptions import settings_keyboard, settings_text
from storage.chats import Chats
from storage.models import Lang
from storage.subscriptions import MODES, ChatSettings, Mode

Clock = Callable[[], dt.datetime]
_MODES: dict[str, Mode] = {mode: mode for mode in MODES}


def changed(chat: ChatSettings, action: str, value: str) -> ChatSettings | None:
    """The chat's settings after one button; None when the value is not valid."""
    if action == "mode" and (mode := _MODES.get(value)):
        return replace(chat, mode=mode)
    if action == "hour" and value.isdigit() and int(value) < 24:
        return replace(chat, hour=int(value), minute=0)
    if action == "day" and value.isdigit() and int(value) < 7:
        return replace(chat, weekday=int(value))
    if action == "tz" and (zone := known_zone(value)):
        return replace(chat, tz=zone)
    if action == "empty" and value in {"0", "1"}:
        return replace(chat, send_empty=value == "1")
    return None


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
        value = escape(shorten(" ".join(not_understood(words)) or words, 60))
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
