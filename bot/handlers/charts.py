"""📊 under a summary (its chart), /map and the map button of /regions (the cooperation web)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ChartCallback, MapCallback
from bot.charts.quota import TooManyRequests, too_many
from bot.charts.sending import send_picture
from bot.charts.service import Charts
from bot.config import Settings
from bot.html import bold, escape, join, markup, plain
from bot.periods import Period, PeriodError
from bot.replies import answer_stale
from bot.summaries import summary_from_key
from bot.texts import t
from bot.typed_answers import Clock, period_error_text, today_for
from bot.understanding import names_only_a_period, understand
from bot.views.render import format_span, shorten
from storage.models import Lang


async def on_chart(
    query: CallbackQuery, callback_data: ChartCallback, charts: Charts, bot: Bot, lang: Lang
) -> None:
    summary = summary_from_key(callback_data.kind, callback_data.key, lang)
    if summary is None or query.message is None:
        await answer_stale(query, bot, lang)
        return
    chat_id, user_id = query.message.chat.id, query.from_user.id
    try:
        picture = await charts.summary_chart(
            summary.selection, summary.title, summary.home, lang, user_id
        )
    except TooManyRequests as refused:
        await query.answer(too_many(lang, refused), show_alert=True)
        return
    await query.answer()
    if picture is None:
        await bot.send_message(chat_id, t(lang, "chart.empty"))
        return
    await send_picture(bot, chat_id, picture, markup("📊 {title}", title=bold(summary.title)))


async def cmd_map(
    message: Message,
    command: CommandObject,
    charts: Charts,
    bot: Bot,
    settings: Settings,
    clock: Clock,
    lang: Lang,
) -> None:
    """/map [period]: the period read as /date reads it (bot.typed_periods), nothing else."""
    understood = understand(command.args or "", today_for(clock, settings))
    if understood.period_error is not None:
        await message.answer(period_error_text(understood.period_error, lang))
        return
    if command.args and not names_only_a_period(understood):
        bad = t(lang, "date.bad", query=escape(shorten(command.args, 100)))
        await message.answer(join("\n", [bad, t(lang, "date.usage")]))
        return
    user_id = message.from_user.id if message.from_user else message.chat.id
    try:
        await send_map(message.chat.id, bot, charts, understood.period, lang, user_id)
    except TooManyRequests as refused:
        await message.answer(escape(too_many(lang, refused)))


async def on_map(
    query: CallbackQuery, callback_data: MapCallback, charts: Charts, bot: Bot, lang: Lang
) -> None:
    if query.message is None:
        await answer_stale(query, bot, lang)
        return
    try:
        period = None if callback_data.key == "-" else Period.from_key(callback_data.key)
    except PeriodError:
        await answer_stale(query, bot, lang)
        return
    try:
        await send_map(query.message.chat.id, bot, charts, period, lang, query.from_user.id)
    except TooManyRequests as refused:
        await query.answer(too_many(lang, refused), show_alert=True)
        return
    await query.answer()


async def send_map(
    chat_id: int, bot: Bot, charts: Charts, period: Period | None, lang: Lang, user_id: int
) -> None:
    """The map of the archive or of a period, or a sentence when it has no partner pairs;
    TooManyRequests (before anything is sent) when the user may not have one drawn now."""
    since, until = (period.since, period.until) if period else (None, None)
    span = format_span(since, until, lang) if period else t(lang, "map.all_time")
    picture = await charts.cooperation_map(since, until, plain(span), lang, user_id)
    if picture is None:
        await bot.send_message(chat_id, t(lang, "map.empty", period=span))
        return
    caption = t(lang, "map.caption", period=span, pairs=picture.count)
    await send_picture(bot, chat_id, picture, caption)


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="charts")
    router.callback_query.register(on_chart, ChartCallback.filter())
    router.message.register(cmd_map, Command("map"))
    router.callback_query.register(on_map, MapCallback.filter())
    return router
