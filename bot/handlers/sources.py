"""/sources and /source_add: the news sources admins follow, with pause, check, remove, keep."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, ExceptionTypeFilter
from aiogram.types import CallbackQuery, ErrorEvent, InlineKeyboardMarkup, Message

from bot.callbacks import KeepCallback, SourceCallback
from bot.config import Settings
from bot.filters import IsAdmin
from bot.html import Html, join
from bot.replies import edit_text
from bot.sources.poller import SourcePoller
from bot.texts import label, t
from bot.views import sources as views
from bot.views.render import clip
from storage.models import Lang
from storage.sources.addresses import redact
from storage.sources.registry import Source, SourceRegistry

logger = logging.getLogger(__name__)


async def cmd_sources(
    message: Message, source_registry: SourceRegistry, settings: Settings, lang: Lang
) -> None:
    text, keyboard = views.sources_list(await source_registry.all(), settings.max_sources, lang)
    await message.answer(text, reply_markup=keyboard)


async def cmd_source_add(
    message: Message,
    command: CommandObject,
    source_poller: SourcePoller,
    settings: Settings,
    lang: Lang,
) -> None:
    # An address that cannot be followed is answered by on_not_added, below.
    address, _, name = (command.args or "").strip().partition(" ")
    if not address:
        await message.answer(t(lang, "sources.usage"))
        return
    source = await source_poller.add(address, name)
    logger.info("admin %s added source %s (%s)", message.chat.id, redact(source.url), source.kind)
    minutes = settings.source_interval_minutes
    await message.answer(views.added(source, minutes, lang))


async def on_list(
    query: CallbackQuery, source_registry: SourceRegistry, settings: Settings, lang: Lang
) -> None:
    sources = await source_registry.all()
    await _show(query, *views.sources_list(sources, settings.max_sources, lang))


async def on_open(
    query: CallbackQuery,
    callback_data: SourceCallback,
    source_registry: SourceRegistry,
    lang: Lang,
) -> None:
    if source := await _source_or_alert(query, source_registry, callback_data.id, lang):
        await _show(query, *views.source_card(source, lang))


async def on_pause_or_resume(
    query: CallbackQuery, callback_data: SourceCallback, source_poller: SourcePoller, lang: Lang
) -> None:
    registry = source_poller.registry
    if not (source := await _source_or_alert(query, registry, callback_data.id, lang)):
        return
    pausing = callback_data.action == "pause"
    await source_poller.set_paused(source, pausing)
    notice = t(lang, f"sources.{callback_data.action}d", name=views.source_name(source))
    await _show_card(query, registry, source, notice, lang)


async def on_check(
    query: CallbackQuery, callback_data: SourceCallback, source_poller: SourcePoller, lang: Lang
) -> None:
    registry = source_poller.registry
    if not (source := await _source_or_alert(query, registry, callback_data.id, lang)):
        return
    await query.answer()  # a check can take a while; the button must not wait for it
    results = await source_poller.check([source])
    notice = views.check_result(source, results[0], lang) if results else None
    await _show_card(query, registry, source, notice, lang, answered=True)


async def on_remove(
    query: CallbackQuery,
    callback_data: SourceCallback,
    source_registry: SourceRegistry,
    lang: Lang,
) -> None:
    if not (source := await _source_or_alert(query, source_registry, callback_data.id, lang)):
        return
    await source_registry.remove(source.id)
    logger.info("admin %s removed source %s", query.from_user.id, redact(source.url))
    await _show(query, t(lang, "sources.removed", name=views.source_name(source)), None)


async def on_rejected(
    query: CallbackQuery,
    callback_data: SourceCallback,
    source_registry: SourceRegistry,
    lang: Lang,
) -> None:
    if source := await _source_or_alert(query, source_registry, callback_data.id, lang):
        items = await source_registry.rejected(source.id)
        await _show(query, *views.rejected_list(source, items, lang))


async def on_keep(
    query: CallbackQuery, callback_data: KeepCallback, source_poller: SourcePoller, lang: Lang
) -> None:
    """Force-keep a rejected item: its stored text becomes an article file and is loaded."""
    title = await source_poller.force_keep(callback_data.item)
    if title is None:
        await query.answer(label(lang, "sources.keep_gone"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(t(lang, "sources.kept_forced", title=clip(title, 120)))


async def _source_or_alert(
    query: CallbackQuery, registry: SourceRegistry, source_id: int, lang: Lang
) -> Source | None:
    source = await registry.get(source_id)
    if source is None:
        await query.answer(label(lang, "sources.gone"), show_alert=True)
    return source


async def _show_card(
    query: CallbackQuery,
    registry: SourceRegistry,
    source: Source,
    notice: Html | None,
    lang: Lang,
    *,
    answered: bool = False,
) -> None:
    """The source's card as it is now, under a line saying what was just done."""
    current = await registry.get(source.id)
    if current is None:  # removed meanwhile
        await _show(query, t(lang, "sources.gone"), None, answered=answered)
        return
    text, keyboard = views.source_card(current, lang)
    shown = join("\n\n", [notice, text]) if notice else text
    await _show(query, shown, keyboard, answered=answered)


async def _show(
    query: CallbackQuery,
    text: Html,
    keyboard: InlineKeyboardMarkup | None,
    *,
    answered: bool = False,
) -> None:
    if not answered:
        await query.answer()
    if isinstance(query.message, Message):
        await edit_text(query.message, text, keyboard)


async def on_not_added(
    event: ErrorEvent, message: Message, settings: Settings, lang: Lang
) -> None:
    logger.info("source not added: %r", event.exception)  # each of these is safe to log
    await message.answer(views.not_added(event.exception, settings.max_sources, lang))


def make_router() -> Router:
    """A fresh router: admins only, so anyone else gets the ordinary unknown-command answer."""
    router = Router(name="sources")
    router.message.filter(IsAdmin())
    router.callback_query.filter(IsAdmin())
    router.message.register(cmd_sources, Command("sources"))
    router.message.register(cmd_source_add, Command("source_add"))
    router.callback_query.register(on_list, SourceCallback.filter(F.action == "list"))
    router.callback_query.register(on_open, SourceCallback.filter(F.action == "open"))
    router.callback_query.register(
        on_pause_or_resume, SourceCallback.filter(F.action.in_({"pause", "resume"}))
    )
    router.callback_query.register(on_check, SourceCallback.filter(F.action == "check"))
    router.callback_query.register(on_remove, SourceCallback.filter(F.action == "remove"))
    router.callback_query.register(on_rejected, SourceCallback.filter(F.action == "rejected"))
    router.callback_query.register(on_keep, KeepCallback.filter())
    # What /source_add cannot follow is answered here, from the message that asked; every other
    # error goes on to the error handler (apology, log, admin-chat notice).
    not_added = ExceptionTypeFilter(*views.NOT_ADDED)
    router.errors.register(on_not_added, not_added, F.update.message.as_("message"))
    return router
