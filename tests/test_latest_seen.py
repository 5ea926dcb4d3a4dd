"""/latest: the newest articles with their dates; for a returning chat, first what was loaded
since it last looked (and how many), or a plain "nothing new" with the newest."""

from __future__ import annotations

import datetime as dt

import pytest
from aiogram.methods import EditMessageText, SendMessage

from storage.db import Database
from tests.archive_fixtures import record, store_records
from tests.fakes import make_chat
from tests.support import BotClient, keyboard, sent, texts


async def add_articles(database: Database, count: int) -> list[int]:
    made = [
        record(
            f"Новая статья {n} об Атырау",
            f"Атырау и Астрахань, новость {n}.",
            date=dt.date(2015, 5, 1) + dt.timedelta(days=n),  # old news, loaded just now
            regions=(("kz-atyrau", "partner"), ("ru-astrakhan", "partner")),
            sectors=("trade",),
        )
        for n in range(count)
    ]
    return await store_records(database, made)


async def seen_rows(database: Database) -> list[tuple[int, int]]:
    rows = await database.reader.execute_fetchall("SELECT chat_id, article_id FROM latest_seen")
    return [(int(chat), int(article)) for chat, article in rows]


@pytest.mark.parametrize(
    ("lang", "first", "again", "new"),
    [
        ("ru", "Свежие статьи", "Нового с вашего прошлого просмотра нет", "🆕 Новое с вашего"),
        ("kk", "Соңғы мақалалар", "жаңа мақала жоқ", "🆕 Соңғы қарағаныңыздан"),
        ("en", "Latest articles", "Nothing new since you last looked", "🆕 New since you"),
    ],
)
async def test_new_since_the_chat_last_looked(
    client: BotClient, database: Database, lang: str, first: str, again: str, new: str
) -> None:
    [text] = texts(await client.send("/latest", lang=lang))
    assert text.startswith(f"<b>{first}</b>\n")
    assert "27.11.2022 · " in text  # the publication date on every entry
    assert await seen_rows(database) == [(111, 5)]

    [text] = texts(await client.send("/latest", lang=lang))
    assert again in text.split("\n")[0]
    assert "/a5" in text  # still the newest of the archive

    ids = await add_articles(database, 2)
    [text] = texts(await client.send("/latest", lang=lang))
    assert text.startswith(f"<b>{new}")
    assert "<b>2</b>" in text.split("\n")[1]  # how many are new
    assert f"/a{ids[0]}" in text
    assert f"/a{ids[1]}" in text
    assert "/a5" not in text  # only what is new
    assert "02.05.2015" in text
    assert await seen_rows(database) == [(111, ids[-1])]


async def test_many_new_articles_page_through(client: BotClient, database: Database) -> None:
    await client.send("/latest")
    ids = await add_articles(database, 12)
    [message] = sent(await client.send("/latest"), SendMessage)
    assert str(message.text).count(" — /a") == 10
    assert str(message.text).endswith("Страница 1 из 2")
    buttons = [b.callback_data for row in keyboard(message.reply_markup) for b in row]
    assert "pg:l:n5:1" in buttons
    assert "pc:l:n5:0" in buttons

    [edit] = sent(await client.click("pg:l:n5:1"), EditMessageText)
    assert str(edit.text).startswith("<b>🆕 Новое с вашего прошлого просмотра</b>\nСтатей: <b>12")
    assert f"/a{ids[0]}" in str(edit.text)
    assert "/a5" not in str(edit.text)


async def test_each_chat_has_its_own_look(client: BotClient, database: Database) -> None:
    await client.send("/latest")
    ids = await add_articles(database, 1)
    group = make_chat(-100500, "group")
    [text] = texts(await client.send("/latest", chat=group))  # never looked: the newest
    assert text.startswith("<b>Свежие статьи</b>")
    [text] = texts(await client.send("/latest"))
    assert text.startswith("<b>🆕 Новое")
    assert sorted(await seen_rows(database)) == [(-100500, ids[0]), (111, ids[0])]


@pytest.mark.parametrize("key", ["nabc", "n" + "9" * 30, "n-1"])
async def test_tampered_new_since_keys_show_the_newest(client: BotClient, key: str) -> None:
    calls = await client.click(f"pg:l:{key}:0")
    for text in texts(calls):
        assert "Traceback" not in text
    edits = sent(calls, EditMessageText)
    assert all(str(edit.text).startswith("<b>Свежие статьи</b>") for edit in edits)
