"""The compact list of a summary (one line per article, ten a page, each line one tap), cards on
demand and back, ◀ ▶ in both views, tampered buttons, and one story told by several outlets
shown as one entry."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from storage.db import Database
from tests.archive_fixtures import record, store_records
from tests.support import BotClient, keyboard, sent, texts

LINE = re.compile(r"^(\d\d\.\d\d\.\d{4}|[^·<]+) · <b>.+</b> · .+ — /a(\d+)$")


def list_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if LINE.match(line)]


def buttons(markup: object) -> list[tuple[str, str | None]]:
    return [(b.text, b.callback_data) for row in keyboard(markup) for b in row]


async def test_latest_is_a_compact_list_with_cards_on_demand(client: BotClient) -> None:
    [message] = sent(await client.send("/latest"), SendMessage)
    lines = list_lines(str(message.text))
    assert [LINE.match(line)[2] for line in lines] == ["5", "2", "3", "4", "1"]  # type: ignore[index]
    assert lines[0].startswith("27.11.2022 · <b>Казахстан является одним")
    assert lines[0].endswith(" · Казахстан ⇄ Астраханская область — /a5")
    assert ("🗂 Карточки", "pc:l:-:0") in buttons(message.reply_markup)

    [cards] = sent(await client.click("pc:l:-:0"), EditMessageText)
    assert str(cards.text).count("Подробнее: /a") == 3
    assert str(cards.text).endswith("Страница 1 из 2")
    assert buttons(cards.reply_markup)[:2] == [("☰ Списком", "pg:l:-:0"), ("▶", "pc:l:-:1")]

    [second] = sent(await client.click("pc:l:-:1"), EditMessageText)
    assert "Подробнее: /a4" in str(second.text)
    assert buttons(second.reply_markup)[:2] == [("◀", "pc:l:-:0"), ("☰ Списком", "pg:l:-:0")]

    [back] = sent(await client.click("pg:l:-:0"), EditMessageText)
    assert len(list_lines(str(back.text))) == 5


async def test_a_few_articles_show_as_cards(client: BotClient) -> None:
    [text] = texts(await client.send("/region Астрахань"))
    assert "Подробнее: /a5" in text
    assert list_lines(text) == []


@pytest.mark.parametrize(
    ("lang", "toggle"), [("ru", "🗂 Карточки"), ("kk", "🗂 Карточкалар"), ("en", "🗂 Cards")]
)
async def test_long_region_list_pages_ten_at_a_time(
    client: BotClient, database: Database, lang: str, toggle: str
) -> None:
    made = [
        record(
            f"Статья {n} об Атырау и Астрахани",
            f"Атырау и Астрахань, текст {n}.",
            date=dt.date(2023, 1, 1) + dt.timedelta(days=n),
            regions=(("kz-atyrau", "partner"), ("ru-astrakhan", "partner")),
            sectors=("trade",),
        )
        for n in range(22)
    ]
    ids = await store_records(database, made)
    [message] = sent(await client.send("/region Атырау", lang=lang), SendMessage)
    lines = list_lines(str(message.text))
    assert len(lines) == 10
    assert lines[0].endswith(f"/a{ids[-1]}")  # newest first
    assert (toggle, "pc:r:kz-atyrau:0") in buttons(message.reply_markup)
    assert ("▶", "pg:r:kz-atyrau:1") in buttons(message.reply_markup)

    [last] = sent(await client.click("pg:r:kz-atyrau:2", lang=lang), EditMessageText)
    assert len(list_lines(str(last.text))) == 3
    # the cards toggle opens the cards holding the page's first article
    assert (toggle, "pc:r:kz-atyrau:6") in buttons(last.reply_markup)


@pytest.mark.parametrize("data", ["pc:r:nowhere:0", "pc:x:zz~~~~:0", "pc:r:kz-atyrau:-1"])
async def test_tampered_cards_buttons_are_answered_politely(client: BotClient, data: str) -> None:
    calls = await client.click(data)
    assert sent(calls, AnswerCallbackQuery)  # the spinner stops
    for text in texts(calls):
        assert "Traceback" not in text


async def test_cards_past_the_end_show_the_last_page(client: BotClient) -> None:
    calls = await client.click("pc:l:-:40")
    [edit] = sent(calls, EditMessageText)
    assert str(edit.text).endswith("Страница 2 из 2")
    [answer] = sent(calls, AnswerCallbackQuery)
    assert answer.text == "Этот список изменился — вот свежий."


async def tell_twice(database: Database, first: int, second: int) -> None:
    """Make two seeds one story told by two outlets, as the loader's grouping would."""
    async with database.transaction() as writer:
        cursor = await writer.execute("INSERT INTO stories (title) VALUES ('twins')")
        await writer.execute(
            "UPDATE articles SET story_id = ? WHERE id IN (?, ?)",
            (cursor.lastrowid, first, second),
        )


@pytest.mark.parametrize(
    ("lang", "mark"), [("ru", "+1 источник"), ("kk", "+1 басылым"), ("en", "+1 outlet")]
)
async def test_one_story_is_one_entry(
    client: BotClient, database: Database, lang: str, mark: str
) -> None:
    await tell_twice(database, 5, 2)
    [text] = texts(await client.send("/latest", lang=lang))
    lines = [line for line in text.split("\n") if re.search(r" — /a\d+$", line)]
    assert [line.rsplit("/a", 1)[1] for line in lines] == ["5", "3", "4", "1"]
    assert f" · {mark} — /a5" in lines[0]

    [cards] = texts(await client.click("pc:l:-:0", lang=lang))
    assert f"🗞 {mark}: /a2" in cards  # the other outlet, one tap away
    assert "/a2\n" not in cards.replace(f"{mark}: /a2", "")


async def test_the_other_outlet_lists_the_first(client: BotClient, database: Database) -> None:
    await tell_twice(database, 5, 2)
    [first, *_] = texts(await client.send("/a2"))
    assert "Эта же новость в других изданиях" in "\n".join(texts(await client.send("/a2")))
    assert first


async def test_search_list_shows_the_passage_under_each_line(client: BotClient) -> None:
    [text] = texts(await client.send("/search сотрудничество"))
    lines = text.split("\n")
    hits = [n for n, line in enumerate(lines) if re.search(r" — /a\d+$", line)]
    assert len(hits) == 4
    for n in hits:
        passage = lines[n + 1]
        assert passage.startswith("    …")
        assert re.search(r"<b>сотрудничеств\w*</b>", passage, re.IGNORECASE), passage
