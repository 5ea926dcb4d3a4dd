"""/help: every command with one example."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.keyboards import menu_keyboard
from bot.texts import t


async def cmd_help(message: Message, bot: Bot, lang: str) -> None:
    await message.answer(await help_text(bot, lang), reply_markup=menu_keyboard(lang))


async def help_text(bot: Bot, lang: str) -> str:
    me = await bot.me()
    commands = t(lang, "help.text", bot=me.username or "bot")
    return f"{commands}\n{t(lang, 'search.syntax')}\n\n{t(lang, 'help.digests')}"


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="help")
    router.message.register(cmd_help, Command("help"))
    return router
