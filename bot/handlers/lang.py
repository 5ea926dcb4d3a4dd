"""/lang: choose the interface language (ru, kk, en), remembered per user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import LangCallback
from bot.replies import edit_text
from bot.texts import label, t
from bot.views.keyboards import language_keyboard
from storage.models import Lang
from storage.users import Users


async def cmd_lang(message: Message, lang: Lang) -> None:
    await message.answer(t(lang, "lang.choose"), reply_markup=language_keyboard())


async def on_lang(
    query: CallbackQuery,
    callback_data: LangCallback,
    users: Users,
    clock: Callable[[], dt.datetime],
) -> None:
    chosen = callback_data.lang
    await users.set_lang(query.from_user.id, chosen, clock())
    if isinstance(query.message, Message):
        await edit_text(query.message, t(chosen, "lang.set"), None)
    await query.answer(label(chosen, "lang.set"))


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="lang")
    router.message.register(cmd_lang, Command("lang"))
    router.callback_query.register(on_lang, LangCallback.filter())
    return router
