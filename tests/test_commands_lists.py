"""/sector(s), /date, /search, /latest and ◀ ▶ pages, incl. stale and tampered buttons."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import ForceReply, InlineKeyboardMarkup

from tests.fakes import RecordingSession, make_callback, make_user
from tests.support import Feed, keyboard, texts


async def test_sectors_list_with_counts(feed: Feed) -> None:
    calls = await feed("/sectors", lang="en")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert message.text == "Choose a sector. Article counts are in brackets."
    labels = [b.text for row in keyboard(message.reply_markup) for b in row]
    # Main sectors only: each seed is about one to three of them, not every sector it names.
    assert labels[:3] == ["Trade (3)", "Agriculture & food (2)", "Tourism (2)"]
    assert "Culture & humanitarian (1)" in labels


@pytest.mark.parametrize("name", ["туризм", "Tourism", "TOURISM"])
async def test_sector_summary_counts_the_articles_about_it(feed: Feed, name: str) -> None:
    calls = await feed(f"/sector {name}")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    text = str(message.text)
    # 000 (the headline's subject) and 002; the others name tourism only in passing
    assert text.startswith("<b>Туризм</b>\nСтатей: <b>2</b> · 07.11.2018 · без даты: 1\n")
    # ties by the newer article (002, dated), then by its order of sectors; never alphabetical
    assert (
        "Ведущие отрасли: Сельское хозяйство и АПК (1), Торговля (1), Космос (1),"
        " Машиностроение (1)\n"
    ) in text
    rows = keyboard(message.reply_markup)
    assert [[b.callback_data for b in row] for row in rows] == [
        ["sub:add:sector:tourism"],
        ["ch:s:tourism", "ex:s:tourism:csv", "ex:s:tourism:xlsx"],
    ]


async def test_latest_pages_forward_and_back(feed: Feed) -> None:
    [text] = texts(await feed("/latest"))  # five articles: one page of the compact list
    assert "Страница" not in text
    calls = await feed(make_callback("pc:l:-:1"))  # the second page of cards
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert str(edit.text).endswith("Страница 2 из 2")
    assert "Туркестанская и Челябинская области сотрудничают в сфере туризма" in str(edit.text)
    assert [b.text for b in keyboard(edit.reply_markup)[0]] == ["◀", "☰ Списком"]
    assert isinstance(calls[-1], AnswerCallbackQuery)
    assert calls[-1].text is None


async def test_sector_by_kazakh_label_in_kazakh(feed: Feed) -> None:
    [text] = texts(await feed("/sector сауда", lang="kk"))
    assert text.startswith("<b>Сауда</b>\nМақалалар: <b>3</b>")


async def test_unknown_sector(feed: Feed) -> None:
    assert texts(await feed("/sector космонавтика<>")) == [
        "Не знаю отрасль «космонавтика&lt;&gt;». Все отрасли: /sectors"
    ]
    [bare] = [c for c in await feed("/sector", lang="en") if isinstance(c, SendMessage)]
    assert bare.text == "Choose a sector. Article counts are in brackets."
    assert isinstance(bare.reply_markup, InlineKeyboardMarkup)
    assert str(bare.reply_markup.inline_keyboard[0][0].callback_data).startswith("op:s:")


@pytest.mark.parametrize(
    "period", ["ноябрь 2022", "2022-11", "11.2022", "November 2022", "қараша 2022"]
)
async def test_date_month(feed: Feed, period: str) -> None:
    [text] = texts(await feed(f"/date {period}"))
    assert text.startswith(
        "<b>Период: 01.11.2022 — 30.11.2022</b>\nСтатей: <b>1</b> · 27.11.2022\n"
    )
    assert "Казахстан является одним из основных зарубежных партнеров" in text


async def test_date_never_shows_undated_articles(feed: Feed) -> None:
    [text] = texts(await feed("/date 2018..2022", lang="en"))
    assert text.startswith("<b>Period: 01.01.2018 — 31.12.2022</b>\nArticles: <b>3</b> · ")
    assert "date unknown" not in text
    assert "undated" not in text


async def test_date_day_and_range(feed: Feed) -> None:
    [day] = texts(await feed("/date 07.03.2022"))
    assert day.startswith("<b>Период: 07.03.2022</b>\nСтатей: <b>1</b>")
    [span] = texts(await feed("/date 2022-03-01..2022-06-30"))
    assert span.startswith("<b>Период: 01.03.2022 — 30.06.2022</b>\nСтатей: <b>1</b>")


async def test_date_with_nothing_dated(feed: Feed) -> None:
    assert texts(await feed("/date 2019", lang="en")) == [
        "No dated articles for 01.01.2019 — 31.12.2019."
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Не понимаю период «позавчера&lt;b&gt;».\nУкажите период, например: /date 2022"),
        ("en", "I do not understand the period “позавчера&lt;b&gt;”.\nGive a period, e.g. /date"),
    ],
)
async def test_bad_date_lists_the_accepted_forms(feed: Feed, lang: str, expected: str) -> None:
    [text] = texts(await feed("/date позавчера<b>", lang=lang))
    assert text.startswith(expected)
    assert text.endswith("/date 2022-03-01..2022-06-30")


async def test_search_finds_word_forms(feed: Feed) -> None:
    [text] = texts(await feed("/search делегацию"))
    assert text.startswith("<b>Поиск: «делегацию»</b>\nСтатей: <b>")


@pytest.mark.parametrize(
    "query", ['"AND" OR *', "NEAR(a b)", "😀😀", "'; DROP TABLE articles; --", "<b>x</b>"]
)
async def test_search_is_safe_for_any_input(feed: Feed, query: str) -> None:
    [text] = texts(await feed(f"/search {query}", lang="en"))
    assert text.startswith(("Nothing found for “", "<b>Search: "))
    assert "<b>x</b>" not in text


async def test_bare_search_asks_for_the_words(feed: Feed) -> None:
    [message] = [c for c in await feed("/search") if isinstance(c, SendMessage)]
    assert message.text == "Что искать? Напишите слова ответом на это сообщение."
    assert isinstance(message.reply_markup, ForceReply)


async def test_latest_pages(feed: Feed) -> None:
    [text] = texts(await feed("/latest", lang="en"))
    assert text.startswith(
        "<b>Latest articles</b>\nArticles: <b>5</b>\n\n27.11.2022 · <b>Казахстан является"
    )
    calls = await feed(make_callback("pc:l:-:1", user=make_user(111, "en")))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert "Туркестанская и Челябинская области" in str(edit.text)


async def test_page_past_the_end_shows_the_last_page_and_says_so(feed: Feed) -> None:
    calls = await feed(make_callback("pc:l:-:7"))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert str(edit.text).endswith("Страница 2 из 2")
    assert isinstance(calls[-1], AnswerCallbackQuery)
    assert calls[-1].text == "Этот список изменился — вот свежий."


@pytest.mark.parametrize(
    "data",
    [
        "pg:r:ru-nowhere:0",
        "pg:s:tourism:-1",
        "pg:x:tourism:0",
        "pg:s:tourism",
        "op:r:RU-AST<script>",
        "br:XX:0",
        "br:KZ:99",
        "sub",
        "lg:de",
        "ar:0",
        "mn:destroy",
        "garbage",
        "",
    ],
)
async def test_tampered_or_stale_buttons_answer_politely(feed: Feed, data: str) -> None:
    calls = await feed(make_callback(data, user=make_user(111, "en")))
    answers = [c for c in calls if isinstance(c, AnswerCallbackQuery)]
    assert [a.text for a in answers] == ["This list has changed, here is a fresh one."]
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert message.text == "This list has changed, here is a fresh one."
    assert message.reply_markup is not None


async def test_same_page_twice_is_not_an_error(feed: Feed, session: RecordingSession) -> None:
    session.add_error(400, "Bad Request: message is not modified", method="editMessageText")
    calls = await feed(make_callback("pg:s:tourism:0"))
    assert isinstance(calls[-1], AnswerCallbackQuery)
