"""/help: every command with one example."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.replies import help_text
from bot.views.keyboards import menu_keyboard
from storage.models import Lang


async def cmd_help(message: Message, bot: Bot, lang: Lang) -> None:
    await message.answer(await help_text(bot, lang), reply_markup=menu_keyboard(lang))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="help")
    router.message.register(cmd_help, Command("help"))
    return router
