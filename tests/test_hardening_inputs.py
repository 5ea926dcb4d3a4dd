"""Hostile inputs at the edges: inline offsets a client made up."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQuery, Update

from tests.fakes import make_user
from tests.support import Feed


@pytest.mark.parametrize(
    "offset", ["99999999999999999999999", "-5", "abc", "１０", "²", "1e9", " 10", "20"]
)
async def test_inline_query_with_a_made_up_offset_is_answered(feed: Feed, offset: str) -> None:
    query = InlineQuery(id="q9", from_user=make_user(111, "ru"), query="", offset=offset)
    calls = await feed(Update(update_id=900100, inline_query=query))
    [answer] = [c for c in calls if isinstance(c, AnswerInlineQuery)]
    assert answer.next_offset == ""
    assert len(answer.results) == (0 if offset == "20" else 5)
