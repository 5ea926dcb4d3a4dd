"""Typed words through the real dispatcher: names open summaries, filters combine, the rest is
searched or named as not understood, bare menu commands open pickers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import ForceReply, InlineKeyboardMarkup

from bot.typed_summary import selection_from_key, selection_key
from storage.db import Database
from storage.models import Selection
from tests.digest_support import new_article
from tests.fakes import BOT_ID, make_callback, make_chat, make_message, make_user
from tests.support import Feed, texts


def sent(calls: list[TelegramMethod[Any]]) -> list[SendMessage]:
    return [call for call in calls if isinstance(call, SendMessage)]


def buttons(message: SendMessage) -> list[str]:
    assert isinstance(message.reply_markup, InlineKeyboardMarkup)
    return [str(b.callback_data) for row in message.reply_markup.inline_keyboard for b in row]


@pytest.mark.parametrize(
    ("typed", "lang", "title"),
    [
        ("Атырау", "ru", "<b>Атырауская область</b>\n"),
        ("Astrakhan", "en", "<b>Astrakhan Oblast</b>\n"),
        ("tourism", "en", "<b>Tourism</b>\n"),
        ("Oral Samara", "en", "<b>West Kazakhstan Region ⇄ Samara Oblast</b>\n"),
        ("ноябрь 2022", "ru", "<b>Период: 01.11.2022 — 30.11.2022</b>\n"),
    ],
)
async def test_plain_text_that_names_something_opens_its_summary(
    feed: Feed, typed: str, lang: str, title: str
) -> None:
    [message] = sent(await feed(typed, lang=lang))  # one answer: no search hint after it
    assert str(message.text).startswith(title)


async def test_plain_text_naming_nothing_is_still_a_search_with_a_hint(feed: Feed) -> None:
    [results, hint] = texts(await feed("делегация"))
    assert results.startswith("<b>Поиск: «делегация»</b>")
    assert hint == "Это поиск по словам. Команды: /help"


async def test_search_for_an_english_sector_name_opens_the_sector(feed: Feed) -> None:
    [message] = sent(await feed("/search trade", lang="en"))
    assert str(message.text).startswith("<b>Trade</b>\nArticles: <b>3</b>")
    assert "sub:add:sector:trade" in buttons(message)


async def test_search_words_within_a_named_region(feed: Feed) -> None:
    [text] = texts(await feed("/search Астрахань сотрудничество"))
    title = "<b>Астраханская область · слова «сотрудничество»</b>"
    assert text.startswith(f"{title}\nСтатей: <b>2</b>")


async def test_region_sector_and_period_combine_in_any_order(feed: Feed) -> None:
    [text] = texts(await feed("Астрахань 2022 торговля"))
    assert text.startswith(
        "<b>Астраханская область · Торговля · 01.01.2022 — 31.12.2022</b>\nСтатей: <b>1</b>"
    )
    assert "Казахстан является одним из основных зарубежных партнеров" in text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/region Атырау 2023", "Статей нет: Атырауская область · 01.01.2023 — 31.12.2023."),
        ("/sector торговля Костанай", "Статей нет: Костанайская область · Торговля."),
    ],
)
async def test_second_part_of_a_command_is_not_ignored(
    feed: Feed, command: str, expected: str
) -> None:
    assert texts(await feed(command)) == [expected]


async def test_words_a_command_does_not_understand_are_named(feed: Feed) -> None:
    [text] = texts(await feed("/region Астрахань нефть<b>"))
    assert text.startswith("<b>Астраханская область</b>")
    assert text.endswith("\n\nНе понял: «нефть b».")


async def test_impossible_date_is_answered_precisely(feed: Feed) -> None:
    [text] = texts(await feed("/date 31.02.2022"))
    assert text.startswith("Такого дня нет: 31.02.2022.\n")
    [english] = texts(await feed("/date 13.2022", lang="en"))
    assert english.startswith("There is no such month: 13.2022.\n")


async def test_country_opens_its_regions(feed: Feed) -> None:
    [message] = sent(await feed("/region Казахстан"))
    assert str(message.text).startswith("<b>Казахстан</b>: регионы со статьями (3).")
    assert "op:r:kz-atyrau" in buttons(message)


async def test_bare_date_offers_recent_months_and_a_tap_opens_one(feed: Feed) -> None:
    [message] = sent(await feed("/date", lang="en"))
    assert str(message.text).startswith("Choose a month")
    assert isinstance(message.reply_markup, InlineKeyboardMarkup)
    first = message.reply_markup.inline_keyboard[0][0]
    assert (first.text, first.callback_data) == ("November 2022 (1)", "pg:d:20221101-20221130:0")
    calls = await feed(make_callback(str(first.callback_data), user=make_user(111, "en")))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert str(edit.text).startswith("<b>Period: 01.11.2022 — 30.11.2022</b>")


async def test_bare_subscribe_offers_region_or_sector(feed: Feed) -> None:
    [message] = sent(await feed("/subscribe"))
    assert str(message.text).startswith("На что подписаться?")
    assert buttons(message) == ["mn:regions", "mn:sectors"]


async def test_subscribe_to_a_region_and_a_sector_follows_the_region_within_it(
    feed: Feed,
) -> None:
    [text] = texts(await feed("/subscribe туризм Атырау"))
    assert text.startswith("🔔 Подписка оформлена: Атырауская область × Туризм.")


async def test_subscribe_names_what_cannot_be_followed(feed: Feed) -> None:
    [text] = texts(await feed("/subscribe Oral вчера"))
    assert text.startswith("🔔 Подписка оформлена: Западно-Казахстанская область.")
    assert text.endswith("Не понял: «вчера».")


async def test_words_sent_in_reply_to_the_search_question_are_searched_in_a_group(
    feed: Feed,
) -> None:
    group = make_chat(-100, "supergroup")
    [question] = sent(await feed("/search", chat=group))
    assert isinstance(question.reply_markup, ForceReply)
    asked = make_message(str(question.text), user=make_user(BOT_ID, None, is_bot=True), chat=group)
    calls = await feed("Astrakhan", chat=group, reply_to_message=asked)
    assert texts(calls)[0].startswith("<b>Астраханская область</b>")


@pytest.mark.parametrize(
    "selection",
    [
        Selection(region_ids=("kz-west", "ru-samara"), sector="tourism"),
        Selection(region_ids=("ru-yamal",), since=dt.date(2022, 3, 1), until=dt.date(2022, 6, 30)),
        Selection(sector="construction", query="мост Орал"),
    ],
)
def test_combined_key_round_trip(selection: Selection) -> None:
    key = selection_key(selection)
    assert key is not None
    assert selection_from_key(key) == selection


@pytest.mark.parametrize("key", ["", "~~~~", "zz~~~~", "0~zz~~~", "0~0~zzzzzzzzzzzz~~", "a~b"])
def test_a_key_that_means_nothing_is_refused(key: str) -> None:
    assert selection_from_key(key) is None


async def test_pages_of_a_combined_selection(feed: Feed, database: Database) -> None:
    for number in (1, 2):  # two trade articles more than the seeds have: a second page
        await new_article(database, f"Торговое сотрудничество, встреча {number}")
    selection = Selection(sector="trade", query="сотрудничество")
    key = selection_key(selection)
    assert key is not None
    [message] = sent(await feed("торговля сотрудничество"))
    assert f"pc:x:{key}:0" in buttons(message)  # four articles: a list, and cards on demand
    calls = await feed(make_callback(f"pc:x:{key}:1", user=make_user(111, "ru")))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert str(edit.text).startswith("<b>Торговля · слова «сотрудничество»</b>")
    assert "Страница 2 из" in str(edit.text)
