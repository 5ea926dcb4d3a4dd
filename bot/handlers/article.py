"""/article <id> and /a<id>: one article in full detail, in as many messages as it needs."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ArticleCallback
from bot.links import ARTICLE_COMMAND
from bot.replies import answer_article, answer_stale
from bot.texts import t
from storage.models import Lang
from storage.repository import Archive

MAX_ID = 2**62


async def cmd_article(
    message: Message, command: CommandObject, archive: Archive, lang: Lang
) -> None:
    text = (command.args or "").strip().lstrip("#№")
    if not text.isdecimal() or not 0 < int(text) < MAX_ID:
        await message.answer(t(lang, "article.usage"))
        return
    await answer_article(message, archive, int(text), lang)


async def cmd_article_short(message: Message, bot: Bot, archive: Archive, lang: Lang) -> None:
    """/a5 (or /a5@this_bot in a group): the whole command is one tap."""
    found = ARTICLE_COMMAND.match(message.text or "")
    if found is None:
        raise SkipHandler
    if found[2] and found[2].lower() != ((await bot.me()).username or "").lower():
        raise SkipHandler  # another bot's command
    await answer_article(message, archive, int(found[1]), lang)


async def on_article(
    query: CallbackQuery, callback_data: ArticleCallback, archive: Archive, bot: Bot, lang: Lang
) -> None:
    if not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    await answer_article(query.message, archive, callback_data.id, lang)
    await query.answer()


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="article")
    router.message.register(cmd_article, Command("article"))
    router.message.register(cmd_article_short, F.text.regexp(ARTICLE_COMMAND))
    router.callback_query.register(on_article, ArticleCallback.filter())
    return router
