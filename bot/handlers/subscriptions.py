"""/subscribe, /unsubscribe, /subscriptions, /digest, the Subscribe button and sub- deep links."""

from __future__ import annotations

from html import escape
from typing import cast

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.answers import fit_answer, swap_button
from bot.callbacks import SubscribeCallback
from bot.config import Settings
from bot.digest.compose import subscription_title
from bot.digest.scheduler import DigestScheduler
from bot.digest.subscribing import (
    choices_keyboard,
    from_link,
    managed_message,
    may_manage,
    not_followed,
    parse_subscription,
)
from bot.digest.views import schedule_line, subscriptions_keyboard, subscriptions_text
from bot.pickers import follow_what_keyboard
from bot.render import shorten
from bot.texts import t
from storage import subscriptions as store
from storage.db import Database
from storage.subscriptions import Kind, Subscription


async def add(
    database: Database,
    settings: Settings,
    message: Message,
    s: Subscription,
    lang: str,
    *,
    key: str = "sub.added",
) -> str:
    """Subscribe the message's chat (created on first use, in its topic); the reply text."""
    chat = await store.ensure_chat(
        database,
        message.chat.id,
        chat_type=message.chat.type,
        lang=lang,
        tz=settings.default_timezone,
        thread_id=message.message_thread_id if message.is_topic_message else None,
    )
    name = subscription_title(s, lang)
    if not await store.subscribe(database, chat.id, s):
        return t(lang, "sub.exists", name=name)
    return t(lang, key, name=name, schedule=schedule_line(chat, lang))


async def remove(database: Database, chat_id: int, s: Subscription, lang: str) -> str:
    name = subscription_title(s, lang)
    if await store.unsubscribe(database, chat_id, s):
        return t(lang, "sub.removed", name=name)
    return t(lang, "sub.not_found", name=name)


async def _refused(message: Message, bot: Bot, lang: str) -> bool:
    """True (after saying why) when the sender may not change this chat's subscriptions."""
    if await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        return False
    await message.answer(t(lang, "sub.admins_only"))
    return True


async def on_start_reactivate(message: Message, database: Database) -> None:
    """/start from a chat whose digests were paused (it had blocked the bot) resumes them.

    The update then goes on to the other /start handlers.
    """
    await store.reactivate(database, message.chat.id)
    raise SkipHandler


async def cmd_start_subscribe(
    message: Message,
    command: CommandObject,
    database: Database,
    settings: Settings,
    bot: Bot,
    lang: str,
) -> None:
    s = from_link(command.args or "")
    if s is None:
        await message.answer(t(lang, "sub.bad_link"))
    elif not await _refused(message, bot, lang):
        await message.answer(await add(database, settings, message, s, lang))


async def cmd_subscribe(
    message: Message,
    command: CommandObject,
    database: Database,
    settings: Settings,
    bot: Bot,
    lang: str,
) -> None:
    if not command.args:  # picked from the menu: a region or a sector?
        text = f"{t(lang, 'sub.what')}\n{t(lang, 'sub.usage')}"
        await message.answer(text, reply_markup=follow_what_keyboard(lang))
        return
    if await _refused(message, bot, lang):
        return
    choices, certain = parse_subscription(command.args)
    if unused := not_followed(command.args, lang):
        unused = "\n" + t(lang, "typed.not_understood", words=escape(shorten(unused, 100)))
    if certain:
        await message.answer(await add(database, settings, message, choices[0], lang) + unused)
        return
    query = escape(shorten(command.args, 100))
    key = "sub.choose" if choices else "sub.unknown"
    keyboard = choices_keyboard(choices, "add", lang) if choices else None
    await message.answer(t(lang, key, query=query) + unused, reply_markup=keyboard)


async def on_subscribe(
    query: CallbackQuery,
    callback_data: SubscribeCallback,
    database: Database,
    settings: Settings,
    bot: Bot,
    lang: str,
) -> None:
    message = await managed_message(query, bot, lang)
    if message is None:
        return
    s = Subscription(cast(Kind, callback_data.kind), callback_data.key)  # validated by pattern
    if callback_data.action == "del":
        await query.answer(fit_answer(await remove(database, message.chat.id, s, lang)))
        await show_list(message, database, lang, edit=True)
        return
    if callback_data.action == "add":
        text = await add(database, settings, message, s, lang, key="sub.added_button")
        label, action = t(lang, "sub.subscribed_button"), "off"
    else:
        text = await remove(database, message.chat.id, s, lang)
        label, action = t(lang, "summary.subscribe"), "add"
    await query.answer(fit_answer(text), show_alert=action == "off")
    toggled = SubscribeCallback(action=action, kind=callback_data.kind, key=callback_data.key)
    button = InlineKeyboardButton(text=label, callback_data=toggled.pack())
    if markup := swap_button(message.reply_markup, callback_data.pack(), button):
        await message.edit_reply_markup(reply_markup=markup)


async def show_list(
    message: Message, database: Database, lang: str, *, edit: bool = False
) -> None:
    follows = await store.subscriptions(database.reader, message.chat.id)
    chat = await store.chat(database.reader, message.chat.id)
    text = subscriptions_text(follows, chat, lang)
    keyboard = subscriptions_keyboard(follows, lang)
    if edit:
        await message.edit_text(text, reply_markup=keyboard)
    else:
        await message.answer(text, reply_markup=keyboard)


async def cmd_subscriptions(message: Message, database: Database, lang: str) -> None:
    await show_list(message, database, lang)


async def cmd_unsubscribe(
    message: Message, command: CommandObject, database: Database, bot: Bot, lang: str
) -> None:
    args = (command.args or "").strip()
    if not args:
        await message.answer(t(lang, "sub.unsubscribe_usage"))
    elif not await _refused(message, bot, lang):
        await message.answer(await _unsubscribe(database, message.chat.id, args, lang))


async def _unsubscribe(database: Database, chat_id: int, args: str, lang: str) -> str:
    if args.lower() in {"all", "все", "всё", "барлығы", "барлық"}:
        count = await store.unsubscribe_all(database, chat_id)
        return t(lang, "sub.removed_all", count=count)
    choices, certain = parse_subscription(args)
    if certain:
        return await remove(database, chat_id, choices[0], lang)
    return t(lang, "sub.not_found", name=escape(shorten(args, 100)))


async def cmd_digest(
    message: Message, database: Database, digests: DigestScheduler, lang: str
) -> None:
    if not await store.subscriptions(database.reader, message.chat.id):
        await message.answer(t(lang, "digest.no_subscriptions"))
        return
    count = await digests.send_now(message.chat.id)
    await message.answer(t(lang, "digest.sending" if count else "digest.none", count=count))


async def on_migrated(message: Message, database: Database) -> None:
    """A group became a supergroup: its subscriptions follow it to the new id."""
    assert message.migrate_to_chat_id is not None
    await store.move_chat(database, message.chat.id, message.migrate_to_chat_id)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="subscriptions")
    router.message.register(on_start_reactivate, CommandStart())
    router.message.register(
        cmd_start_subscribe, CommandStart(deep_link=True, magic=F.args.startswith("sub-"))
    )
    router.message.register(cmd_subscribe, Command("subscribe"))
    router.callback_query.register(on_subscribe, SubscribeCallback.filter())
    router.message.register(cmd_subscriptions, Command("subscriptions"))
    router.message.register(cmd_unsubscribe, Command("unsubscribe"))
    router.message.register(cmd_digest, Command("digest"))
    router.message.register(on_migrated, F.migrate_to_chat_id)
    return router
