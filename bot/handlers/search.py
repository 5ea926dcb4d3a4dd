"""/search <words> (full-text search in any word form) and /latest (the newest articles)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.html import escape
from bot.summaries import QUERY_CHARS, answer_summary, latest_summary, search_summary
from bot.texts import t
from bot.views.render import shorten
from storage.repository import Archive


async def cmd_search(
    message: Message, command: CommandObject, archive: Archive, lang: str
) -> None:
    if not command.args or not command.args.strip():
        await message.answer(t(lang, "search.usage"))
        return
    await answer_search(message, archive, command.args, lang)


async def answer_search(message: Message, archive: Archive, query: str, lang: str) -> bool:
    """The search summary for `query`, or "nothing found"; True when something was found."""
    empty = t(lang, "search.empty", query=escape(shorten(query, QUERY_CHARS)))
    return await answer_summary(message, archive, search_summary(query, lang), lang, empty)


async def cmd_latest(message: Message, archive: Archive, lang: str) -> None:
    await answer_latest(message, archive, lang)


async def answer_latest(message: Message, archive: Archive, lang: str) -> None:
    await answer_summary(message, archive, latest_summary(lang), lang, t(lang, "latest.empty"))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="search")
    router.message.register(cmd_search, Command("search"))
    router.message.register(cmd_latest, Command("latest"))
    return router
