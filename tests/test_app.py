"""The app factory: every call to make_dispatcher builds its own working set of routers."""

from __future__ import annotations

import gc

from aiogram import Bot
from aiogram.methods import SendMessage
from aiogram.methods.base import Response
from aiogram.types import Message

from bot.app import _RESPONSE_TYPES, make_dispatcher, settle_heap
from bot.config import Settings
from bot.replies import help_text
from bot.views.keyboards import menu_keyboard
from storage.db import Database
from tests.fakes import RecordingSession, make_message, make_update, make_user
from tests.support import FixedClock


async def test_two_dispatchers_in_a_row_both_answer_help(
    settings: Settings,
    database: Database,
    clock: FixedClock,
    bot: Bot,
    session: RecordingSession,
) -> None:
    # Both are built before either is used: a router belongs to one dispatcher, so if the
    # feature modules shared routers, building the second would leave the first deaf (or fail).
    first = make_dispatcher(settings, database, clock=clock)
    second = make_dispatcher(settings, database, clock=clock)
    expected = await help_text(bot, "en")
    session.clear()

    for dispatcher in (first, second):
        message = make_message("/help", user=make_user(111, "en"))
        await dispatcher.feed_update(bot, make_update(message))

    sent = session.calls(SendMessage)
    assert [call.text for call in sent] == [expected, expected]
    assert [call.reply_markup for call in sent] == [menu_keyboard("en")] * 2


def test_settle_heap_takes_start_up_objects_out_of_collections() -> None:
    built_at_start_up = [object() for _ in range(100)]
    gc.unfreeze()
    try:
        settle_heap()
        assert gc.get_freeze_count() >= len(built_at_start_up)
        kept = Response[Message]  # what every sendMessage answer is read with
        del kept
        gc.collect()
        assert Response[Message] is Response[Message]
        assert any(kept_type is Response[Message] for kept_type in _RESPONSE_TYPES)
    finally:
        gc.unfreeze()
