"""/search <words> (names open their summary, the other words are searched in any word form)
and /latest (the newest articles)."""

from __future__ import annotations

import datetime as dt

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject
from aiogram.types import ForceReply, Message

from bot.config import Settings
from bot.latest import answer_latest
from bot.summaries import answer_search
from bot.texts import LANGUAGES, label, t
from bot.typed_answers import Clock, answer_typed, today_for
from storage.latest_seen import LatestSeen
from storage.models import Lang
from storage.repository import Archive


async def cmd_search(
    message: Message,
    command: CommandObject,
    archive: Archive,
    settings: Settings,
    clock: Clock,
    lang: Lang,
) -> None:
    if not command.args or not command.args.strip():  # picked from the menu: ask for the words
        await ask_for_words(message, lang)
        return
    await answer_words(message, archive, command.args, lang, today_for(clock, settings))


async def ask_for_words(message: Message, lang: Lang) -> None:
    placeholder = label(lang, "search.placeholder")
    reply = ForceReply(force_reply=True, input_field_placeholder=placeholder, selective=True)
    await message.answer(t(lang, "search.ask"), reply_markup=reply)


async def answer_words(
    message: Message, archive: Archive, text: str, lang: Lang, today: dt.date
) -> bool:
    """Typed words: the summary of what they name (searching the rest), else a plain search."""
    if await answer_typed(message, archive, text, lang, "search", today):
        return True
    return await answer_search(message, archive, text, lang)


async def on_search_reply(
    message: Message, archive: Archive, settings: Settings, clock: Clock, bot: Bot, lang: Lang
) -> None:
    """The words sent in reply to "What shall I look for?" (in groups too)."""
    asked = message.reply_to_message
    if asked is None or asked.from_user is None or asked.from_user.id != (await bot.me()).id:
        raise SkipHandler
    if asked.text not in {label(language, "search.ask") for language in LANGUAGES}:
        raise SkipHandler
    await answer_words(message, archive, message.text or "", lang, today_for(clock, settings))


async def cmd_latest(
    message: Message, archive: Archive, latest_seen: LatestSeen, clock: Clock, lang: Lang
) -> None:
    await answer_latest(message, archive, latest_seen, lang, clock())


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="search")
    router.message.register(cmd_search, Command("search"))
    router.message.register(cmd_latest, Command("latest"))
    router.message.register(on_search_reply, F.text, F.reply_to_message)
    return router
