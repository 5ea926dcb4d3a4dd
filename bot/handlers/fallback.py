"""The catch-all, placed last: plain text is a search, an unknown command gets a polite answer,
and a button whose data no longer parses gets a fresh menu."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.handlers.search import answer_search
from bot.handlers.summary import answer_stale
from bot.texts import t
from storage.repository import Archive

router = Router(name="fallback")


@router.message(F.text.startswith("/"))
async def on_unknown_command(message: Message, bot: Bot, lang: str) -> None:
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


@router.message(F.text, F.chat.type == ChatType.PRIVATE)
async def on_text(message: Message, archive: Archive, lang: str) -> None:
    if await answer_search(message, archive, message.text or "", lang):
        await message.answer(t(lang, "fallback.hint"))


@router.message(F.document, F.chat.type == ChatType.PRIVATE)
async def on_document(message: Message, lang: str) -> None:
    # Uploading articles is an admin command; anyone else gets the unknown-command answer.
    await message.answer(t(lang, "fallback.unknown_command"))


@router.message(F.chat.type == ChatType.PRIVATE)
async def on_other(message: Message, lang: str) -> None:
    await message.answer(t(lang, "fallback.not_text"))


@router.callback_query()
async def on_unknown_button(query: CallbackQuery, bot: Bot, lang: str) -> None:
    await answer_stale(query, bot, lang)
