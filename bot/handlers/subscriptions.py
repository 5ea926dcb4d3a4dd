"""/subscribe, /unsubscribe, /subscriptions, /digest, the Subscribe button and sub- deep links."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.answers import fit_answer
from bot.callbacks import (
    AnySubscribeCallback,
    SectorSubscribeCallback,
    SubscribeCallback,
    SubscriptionsPageCallback,
    subscription_of,
)
from bot.digest.scheduler import DigestScheduler
from bot.html import Html, escape, join, plain
from bot.subscribing import (
    chat_place,
    from_link,
    managed_message,
    may_manage,
    not_followed,
    parse_subscription,
)
from bot.texts import t, words_of_every_language
from bot.views.digest import subscription_title
from bot.views.pickers import follow_what_keyboard
from bot.views.render import shorten
from bot.views.subscriptions import (
    SUBSCRIPTIONS_PAGE,
    choices_keyboard,
    schedule_line,
    subscribe_button_swapped,
    subscriptions_keyboard,
    subscriptions_text,
)
from storage.chats import Chats
from storage.models import Lang
from storage.subscriptions import Subscription


async def add(chats: Chats, message: Message, s: Subscription, lang: Lang) -> Html:
    """Subscribe the message's chat (created on first use, in its topic); the reply text."""
    text, _ = await subscribe(chats, message, s, lang)
    return text


async def subscribe(
    chats: Chats, message: Message, s: Subscription, lang: Lang, *, key: str = "sub.added"
) -> tuple[Html, bool]:
    """The reply text to subscribing, and whether the chat now follows `s`."""
    chat, outcome = await chats.subscribe(chat_place(message, lang), s)
    name = subscription_title(s, lang)
    if outcome == "exists":
        return t(lang, "sub.exists", name=name), True
    if outcome == "full":
        return t(lang, "sub.limit", name=name, limit=chats.max_subscriptions), False
    return t(lang, key, name=name, schedule=schedule_line(chat, lang)), True


async def remove(chats: Chats, chat_id: int, s: Subscription, lang: Lang) -> Html:
    name = subscription_title(s, lang)
    if await chats.unsubscribe(chat_id, s):
        return t(lang, "sub.removed", name=name)
    return t(lang, "sub.not_found", name=name)


async def _refused(message: Message, bot: Bot, lang: Lang) -> bool:
    """True (after saying why) when the sender may not change this chat's subscriptions."""
    if await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        return False
    await message.answer(t(lang, "sub.admins_only"))
    return True


async def on_start_reactivate(message: Message, chats: Chats) -> None:
    """/start from a chat whose digests were paused (it had blocked the bot) resumes them.

    The update then goes on to the other /start handlers.
    """
    await chats.reactivate(message.chat.id)
    raise SkipHandler


async def cmd_start_subscribe(
    message: Message,
    command: CommandObject,
    chats: Chats,
    bot: Bot,
    lang: Lang,
) -> None:
    s = from_link(command.args or "")
    if s is None:
        await message.answer(t(lang, "sub.bad_link"))
    elif not await _refused(message, bot, lang):
        await message.answer(await add(chats, message, s, lang))


async def cmd_subscribe(
    message: Message,
    command: CommandObject,
    chats: Chats,
    bot: Bot,
    lang: Lang,
) -> None:
    if not command.args:  # picked from the menu: a region or a sector?
        text = join("\n", [t(lang, "sub.what"), t(lang, "sub.usage")])
        await message.answer(text, reply_markup=follow_what_keyboard(lang))
        return
    if await _refused(message, bot, lang):
        return
    choices, certain = parse_subscription(command.args)
    unused = not_followed(command.args, lang)
    note = [t(lang, "typed.not_understood", words=escape(shorten(unused, 100)))] if unused else []
    if certain:
        await message.answer(join("\n", [await add(chats, message, choices[0], lang), *note]))
        return
    query = escape(shorten(command.args, 100))
    key = "sub.choose" if choices else "sub.unknown"
    keyboard = choices_keyboard(choices, "add", lang) if choices else None
    await message.answer(join("\n", [t(lang, key, query=query), *note]), reply_markup=keyboard)


async def on_subscribe(
    query: CallbackQuery,
    callback_data: AnySubscribeCallback,
    chats: Chats,
    bot: Bot,
    lang: Lang,
) -> None:
    message = await managed_message(query, bot, lang)
    if message is None:
        return
    s = subscription_of(callback_data)  # in the catalogue
    if callback_data.action == "del":
        follows = await chats.subscriptions(message.chat.id)
        page = follows.index(s) // SUBSCRIPTIONS_PAGE if s in follows else 0  # the page it was on
        await query.answer(fit_answer(await remove(chats, message.chat.id, s, lang)))
        await show_list(message, chats, lang, edit=True, page=page)
        return
    if callback_data.action == "add":
        text, following = await subscribe(chats, message, s, lang, key="sub.added_button")
    else:  # "off": the ✅ button under a summary
        text, following = await remove(chats, message.chat.id, s, lang), False
    await query.answer(fit_answer(text), show_alert=callback_data.action == "add")
    if markup := subscribe_button_swapped(message.reply_markup, callback_data, following, lang):
        await message.edit_reply_markup(reply_markup=markup)


async def on_subscriptions_page(
    query: CallbackQuery, callback_data: SubscriptionsPageCallback, chats: Chats, lang: Lang
) -> None:
    """◀ ▶ of /subscriptions: reading the list needs no rights."""
    if not isinstance(query.message, Message):
        await query.answer(plain(t(lang, "sub.bad_link")))
        return
    await show_list(query.message, chats, lang, edit=True, page=callback_data.page)
    await query.answer()


async def show_list(
    message: Message, chats: Chats, lang: Lang, *, edit: bool = False, page: int = 0
) -> None:
    follows = await chats.subscriptions(message.chat.id)
    chat = await chats.chat(message.chat.id)
    text = subscriptions_text(follows, chat, lang, page)
    keyboard = subscriptions_keyboard(follows, lang, page)
    if not edit:
        await message.answer(text, reply_markup=keyboard)
        return
    try:
        await message.edit_text(text, reply_markup=keyboard)
    except TelegramBadRequest as error:
        if "message is not modified" not in error.message:  # the same page pressed again
            raise


async def cmd_subscriptions(message: Message, chats: Chats, lang: Lang) -> None:
    await show_list(message, chats, lang)


async def cmd_unsubscribe(
    message: Message, command: CommandObject, chats: Chats, bot: Bot, lang: Lang
) -> None:
    args = (command.args or "").strip()
    if not args:
        await message.answer(t(lang, "sub.unsubscribe_usage"))
    elif not await _refused(message, bot, lang):
        await message.answer(await _unsubscribe(chats, message.chat.id, args, lang))


async def _unsubscribe(chats: Chats, chat_id: int, args: str, lang: Lang) -> Html:
    if args.lower() in words_of_every_language("sub.all_words"):
        count = await chats.unsubscribe_all(chat_id)
        return t(lang, "sub.removed_all", count=count)
    choices, certain = parse_subscription(args)
    if certain:
        return await remove(chats, chat_id, choices[0], lang)
    return t(lang, "sub.not_found", name=escape(shorten(args, 100)))


async def cmd_digest(message: Message, chats: Chats, digests: DigestScheduler, lang: Lang) -> None:
    if not await chats.subscriptions(message.chat.id):
        await message.answer(t(lang, "digest.no_subscriptions"))
        return
    count = await digests.send_now(message.chat.id)
    if count is None:  # one is on its way: a second would repeat nothing and only confuse
        await message.answer(t(lang, "digest.already_sending"))
        return
    await message.answer(t(lang, "digest.sending" if count else "digest.none", count=count))


async def on_migrated(message: Message, chats: Chats) -> None:
    """A group became a supergroup: its subscriptions follow it to the new id."""
    assert message.migrate_to_chat_id is not None
    await chats.move(message.chat.id, message.migrate_to_chat_id)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="subscriptions")
    router.message.register(on_start_reactivate, CommandStart())
    router.message.register(
        cmd_start_subscribe, CommandStart(deep_link=True, magic=F.args.startswith("sub-"))
    )
    router.message.register(cmd_subscribe, Command("subscribe"))
    router.callback_query.register(on_subscribe, SubscribeCallback.filter())
    router.callback_query.register(on_subscribe, SectorSubscribeCallback.filter())
    router.callback_query.register(on_subscriptions_page, SubscriptionsPageCallback.filter())
    router.message.register(cmd_subscriptions, Command("subscriptions"))
    router.message.register(cmd_unsubscribe, Command("unsubscribe"))
    router.message.register(cmd_digest, Command("digest"))
    router.message.register(on_migrated, F.migrate_to_chat_id)
    return router
