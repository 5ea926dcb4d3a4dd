"""◀ ▶ pages of every summary (region, pair, sector, period, search, latest, typed combination),
as the compact list or as cards."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from bot.callbacks import CardsCallback, PageCallback
from bot.replies import answer_stale, edit_text
from bot.summaries import render_summary
from bot.texts import label
from bot.typed_summary import page_summary
from bot.views.lists import View
from storage.models import Lang
from storage.repository import Archive


async def on_page(
    query: CallbackQuery, callback_data: PageCallback, archive: Archive, bot: Bot, lang: Lang
) -> None:
    summary = page_summary(callback_data.kind, callback_data.key, lang)
    view: View | None = "cards" if isinstance(callback_data, CardsCallback) else None
    page = callback_data.page
    rendered = await render_summary(archive, summary, page, lang, view) if summary else None
    if rendered is None or not isinstance(query.message, Message):
        await answer_stale(query, bot, lang)
        return
    await edit_text(query.message, rendered.text, rendered.keyboard)
    changed = rendered.page != callback_data.page
    await query.answer(label(lang, "list.stale") if changed else None)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="pages")
    router.callback_query.register(on_page, PageCallback.filter())
    router.callback_query.register(on_page, CardsCallback.filter())  # the same pages as cards
    return router
