"""Fuzzing button data through the real dispatcher: forged or random callback data never raises,
never stores a row that names nothing, and the button is always answered."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from aiogram.methods import TelegramMethod
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.callbacks import in_catalogue
from storage.db import Database
from storage.sectors import get_sector
from tests.fakes import BOT_ID, make_callback, make_chat, make_message, make_user
from tests.support import Feed

PREFIXES = [
    "sub",
    "sx",
    "op",
    "pg",
    "br",
    "ar",
    "lg",
    "mn",
    "st",
    "sp",
    "ch",
    "ex",
    "mp",
    "zz",
    "",
]
REAL = [
    "sub:add:region:kz-atyrau",
    "sub:del:pair:kz-atyrau+ru-astrakhan",
    "sub:add:sector:tourism",
    "sx:add:kz-atyrau:tourism",
    "sx:del:kz-atyrau+ru-astrakhan:trade",
    "op:r:ru-astrakhan",
    "op:s:trade",
    "pg:r:kz-atyrau:1",
    "pg:q:товарооборот:2",
    "br:RU:3",
    "ar:3",
    "lg:kk",
    "mn:latest",
    "st:tz:Asia/Omsk",
    "st:hour:9",
    "sp:2",
    "ch:r:kz-atyrau+ru-astrakhan",
    "ex:s:tourism:csv",
    "mp:20220101-20221231",
]
# Pieces that look like our fields, and pieces that break them.
FIELD = st.one_of(
    st.sampled_from(
        ["add", "del", "region", "sector", "pair", "r", "s", "q", "d", "l", "KZ", "csv"]
    ),
    st.sampled_from(["kz-atyrau", "ru-astrakhan", "kz-atyrau+ru-astrakhan", "tourism", "Asia"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.text(alphabet="az09+-_:/.%", max_size=20),
    st.text(max_size=12),
)
STRUCTURED = st.builds(
    lambda prefix, fields: ":".join([prefix, *fields]),
    st.sampled_from(PREFIXES),
    st.lists(FIELD, max_size=5),
)
MUTATED = st.builds(
    lambda real, cut, extra: real[:cut] + extra,
    st.sampled_from(REAL),
    st.integers(min_value=0, max_value=40),
    st.text(max_size=10),
)
CALLBACK_DATA = st.one_of(st.text(max_size=80), STRUCTURED, MUTATED, st.sampled_from(REAL))


def press(data: str, with_message: bool) -> Any:
    shown = make_message("…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(111))
    callback = make_callback(data, user=make_user(111, "ru"), message=shown)
    return callback if with_message else callback.model_copy(update={"message": None})


def answered(calls: list[TelegramMethod[Any]]) -> int:
    return sum(1 for c in calls if c.__api_method__ == "answerCallbackQuery")


async def stored(database: Database) -> tuple[list[tuple[str, str]], set[int], int]:
    reader = database.reader
    sql = "SELECT kind, key, sector FROM subscriptions"
    async with reader.execute(sql) as cursor:
        rows = await cursor.fetchall()
    assert all(sector == "" or get_sector(sector) for _, _, sector in rows), rows
    follows = [(str(kind), str(key)) for kind, key, _ in rows]
    async with reader.execute("SELECT id FROM chats") as cursor:
        chats = {int(row[0]) for row in await cursor.fetchall()}
    async with reader.execute("SELECT count(*) FROM outbox") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return follows, chats, int(row[0])


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=CALLBACK_DATA, with_message=st.booleans())
async def test_any_callback_data_is_answered_and_stores_no_junk(
    feed: Feed,
    database: Database,
    caplog: pytest.LogCaptureFixture,
    data: str,
    with_message: bool,
) -> None:
    caplog.set_level(logging.ERROR)
    calls = await feed(press(data, with_message))
    assert answered(calls) == 1, (data, [c.__api_method__ for c in calls])
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], data
    follows, chats, deliveries = await stored(database)
    assert all(in_catalogue(kind, key) for kind, key in follows), follows
    assert chats <= {111}  # only the presser's own chat, and only for a real button
    assert deliveries == 0
