"""/search <words> (full-text search in any word form) and /latest (the newest articles)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.summaries import answer_latest, answer_search
from bot.texts import t
from storage.models import Lang
from storage.repository import Archive


async def cmd_search(
    message: Message, command: CommandObject, archive: Archive, lang: Lang
) -> None:
    if not command.args or not command.args.strip():
        await message.answer(t(lang, "search.usage"))
        return
    await answer_search(message, archive, command.args, lang)


async def cmd_latest(message: Message, archive: Archive, lang: Lang) -> None:
    await answer_latest(message, archive, lang)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="search")
    router.message.register(cmd_search, Command("search"))
    router.message.register(cmd_latest, Command("latest"))
    return router
