"""The catch-all, placed last: plain text opens what it names or is a search, an unknown command
gets a polite answer, and a button whose data no longer parses gets a fresh menu."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.replies import answer_stale
from bot.summaries import answer_search
from bot.texts import t
from bot.typed_answers import Clock, answer_typed, today_for
from storage.models import Lang
from storage.repository import Archive


async def on_unknown_command(message: Message, bot: Bot, lang: Lang) -> None:
    if await addressed_to_me(message, bot):
        await message.answer(t(lang, "fallback.unknown_command"))


async def addressed_to_me(message: Message, bot: Bot) -> bool:
    """In private chats always; in groups only `/command@this_bot`, not other bots' commands."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    command = (message.text or "").split(maxsplit=1)[0]
    _, _, mention = command.partition("@")
    me = await bot.me()
    return bool(mention) and mention.lower() == (me.username or "").lower()


async def on_text(
    message: Message, archive: Archive, settings: Settings, clock: Clock, lang: Lang
) -> None:
    """Text that names a region, a pair, a sector or a period opens that summary (its other
    words searched within); any other text is a search, with a hint about commands."""
    text = message.text or ""
    if await answer_typed(message, archive, text, lang, "text", today_for(clock, settings)):
        return
    if await answer_search(message, archive, text, lang):
        await message.answer(t(lang, "fallback.hint"))


async def on_document(message: Message, lang: Lang) -> None:
    # Uploading articles is an admin command; anyone else gets the unknown-command answer.
    await message.answer(t(lang, "fallback.unknown_command"))


async def on_other(message: Message, lang: Lang) -> None:
    await message.answer(t(lang, "fallback.not_text"))


async def on_unknown_button(query: CallbackQuery, bot: Bot, lang: Lang) -> None:
    await answer_stale(query, bot, lang)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="fallback")
    router.message.register(on_unknown_command, F.text.startswith("/"))
    router.message.register(on_text, F.text, F.chat.type == ChatType.PRIVATE)
    router.message.register(on_document, F.document, F.chat.type == ChatType.PRIVATE)
    router.message.register(on_other, F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(on_unknown_button)
    return router
