"""/latest: the newest articles of the archive, or first what was loaded since the chat last
looked (and how many), saying so when there is nothing new."""

from __future__ import annotations

import datetime as dt

from aiogram.types import Message

from bot.summaries import answer_summary, latest_summary, new_since_summary
from bot.texts import t
from storage.latest_seen import LatestSeen
from storage.models import Lang
from storage.repository import Archive


async def answer_latest(
    message: Message, archive: Archive, seen: LatestSeen, lang: Lang, now: dt.datetime
) -> None:
    """The list, then the chat's look remembered (written only when there was something new)."""
    newest = await seen.newest_article()
    if newest is None:
        await message.answer(t(lang, "latest.empty"))
        return
    chat_id = message.chat.id
    last = await seen.last_seen(chat_id)
    if last is None:
        summary = latest_summary(lang)
    elif last >= newest:
        summary = latest_summary(lang, "latest.nothing_new_title")
    else:
        summary = new_since_summary(last, lang)
    await answer_summary(message, archive, summary, lang, t(lang, "latest.empty"))
    if last != newest:
        await seen.mark_seen(chat_id, newest, now)
