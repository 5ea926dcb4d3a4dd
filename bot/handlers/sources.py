"""/sources and /source_add: the news sources admins follow, with pause, check, remove, keep."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InaccessibleMessage, Message

from bot.callbacks import KeepCallback, SourceCallback
from bot.config import Settings
from bot.filters import IsAdmin
from bot.render import clip, shorten
from bot.sources import views
from bot.sources.poller import SourcePoller
from bot.texts import t
from storage.sources.addresses import RefusedAddress, check_host, checked_url, redact
from storage.sources.checking import probe
from storage.sources.fetching import FetchFailed
from storage.sources.pages import UnusableListing
from storage.sources.registry import Source, SourceExists, SourceLimitReached, SourceRegistry

logger = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


async def cmd_sources(
    message: Message, source_registry: SourceRegistry, settings: Settings, lang: str
) -> None:
    text, keyboard = views.sources_list(await source_registry.all(), settings.max_sources, lang)
    await message.answer(text, reply_markup=keyboard)


async def cmd_source_add(
    message: Message,
    command: CommandObject,
    source_poller: SourcePoller,
    settings: Settings,
    clock: Clock,
    lang: str,
) -> None:
    address, _, name = (command.args or "").strip().partition(" ")
    if not address:
        await message.answer(t(lang, "sources.usage"))
        return
    try:
        url = checked_url(address)
        await check_host(url, allow_private=settings.allow_private_sources)
        found = await probe(source_poller.fetcher, url)
        source_id = await source_poller.registry.add(
            url,
            shorten(name, 100) or found.title,  # stored as typed; escaped when shown
            found.kind,
            interval=settings.source_interval_minutes * 60,
            now=clock(),
            limit=settings.max_sources,
        )
    except RefusedAddress as refusal:
        await message.answer(t(lang, f"sources.refused_{refusal.code}"))
        return
    except (FetchFailed, UnusableListing) as error:
        await message.answer(t(lang, "sources.unusable", error=views.error_text(str(error), lang)))
        return
    except SourceExists:
        await message.answer(t(lang, "sources.exists"))
        return
    except SourceLimitReached:
        await message.answer(t(lang, "sources.limit", limit=settings.max_sources))
        return
    logger.info("admin %s added source %s (%s)", message.chat.id, redact(url), found.kind)
    source_poller.wake()
    source = await source_poller.registry.get(source_id)
    assert source is not None
    kind = t(lang, f"sources.kind_{source.kind}")
    await message.answer(
        t(lang, "sources.added", name=views.source_name(source), kind=kind,
          url=escape(redact(url)), minutes=settings.source_interval_minutes)
    )  # fmt: skip


async def on_list(
    query: CallbackQuery, source_registry: SourceRegistry, settings: Settings, lang: str
) -> None:
    sources = await source_registry.all()
    await _show(query, *views.sources_list(sources, settings.max_sources, lang))


async def on_open(
    query: CallbackQuery, callback_data: SourceCallback, source_registry: SourceRegistry, lang: str
) -> None:
    if source := await _source_or_alert(query, source_registry, callback_data.id, lang):
        await _show(query, *views.source_card(source, lang))


async def on_pause_or_resume(
    query: CallbackQuery,
    callback_data: SourceCallback,
    source_poller: SourcePoller,
    clock: Clock,
    lang: str,
) -> None:
    registry = source_poller.registry
    if not (source := await _source_or_alert(query, registry, callback_data.id, lang)):
        return
    pausing = callback_data.action == "pause"
    await registry.set_paused(source.id, pausing, clock())
    if not pausing:
        source_poller.wake()
    notice = t(lang, f"sources.{callback_data.action}d", name=views.source_name(source))
    await _show_card(query, registry, source, notice, lang)


async def on_check(
    query: CallbackQuery, callback_data: SourceCallback, source_poller: SourcePoller, lang: str
) -> None:
    registry = source_poller.registry
    if not (source := await _source_or_alert(query, registry, callback_data.id, lang)):
        return
    await query.answer()  # a check can take a while; the button must not wait for it
    results = await source_poller.check([source])
    notice = views.check_result(source, results[0], lang) if results else ""
    await _show_card(query, registry, source, notice, lang, answered=True)


async def on_remove(
    query: CallbackQuery, callback_data: SourceCallback, source_registry: SourceRegistry, lang: str
) -> None:
    if not (source := await _source_or_alert(query, source_registry, callback_data.id, lang)):
        return
    await source_registry.remove(source.id)
    logger.info("admin %s removed source %s", query.from_user.id, redact(source.url))
    await _show(query, t(lang, "sources.removed", name=views.source_name(source)), None)


async def on_rejected(
    query: CallbackQuery, callback_data: SourceCallback, source_registry: SourceRegistry, lang: str
) -> None:
    if source := await _source_or_alert(query, source_registry, callback_data.id, lang):
        items = await source_registry.rejected(source.id)
        await _show(query, *views.rejected_list(source, items, lang))


async def on_keep(
    query: CallbackQuery, callback_data: KeepCallback, source_poller: SourcePoller, lang: str
) -> None:
    """Force-keep a rejected item: its stored text becomes an article file and is loaded."""
    title = await source_poller.force_keep(callback_data.item)
    if title is None:
        await query.answer(t(lang, "sources.keep_gone"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(t(lang, "sources.kept_forced", title=clip(title, 120)))


async def _source_or_alert(
    query: CallbackQuery, registry: SourceRegistry, source_id: int, lang: str
) -> Source | None:
    source = await registry.get(source_id)
    if source is None:
        await query.answer(t(lang, "sources.gone"), show_alert=True)
    return source


async def _show_card(
    query: CallbackQuery,
    registry: SourceRegistry,
    source: Source,
    notice: str,
    lang: str,
    *,
    answered: bool = False,
) -> None:
    """The source's card as it is now, under a line saying what was just done."""
    current = await registry.get(source.id)
    if current is None:  # removed meanwhile
        await _show(query, t(lang, "sources.gone"), None, answered=answered)
        return
    text, keyboard = views.source_card(current, lang)
    await _show(query, f"{notice}\n\n{text}" if notice else text, keyboard, answered=answered)


async def _show(
    query: CallbackQuery, text: str, keyboard: object, *, answered: bool = False
) -> None:
    if not answered:
        await query.answer()
    if query.message is None or isinstance(query.message, InaccessibleMessage):
        return
    await query.message.edit_text(text, reply_markup=keyboard)  # type: ignore[arg-type]


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
    return router
