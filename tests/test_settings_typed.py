"""/settings as text: `daily 09:00`, `weekly mon 09:00`, `tz Europe/Moscow`, in ru, kk and en."""

from __future__ import annotations

import pytest

from bot.texts import label
from bot.typed_settings import not_understood, typed
from storage import subscriptions
from storage.db import Database
from storage.models import Lang
from storage.subscriptions import ChatSettings
from tests.support import Feed, texts

CHAT = ChatSettings(
    id=1,
    type="private",
    thread_id=None,
    lang="ru",
    active=True,
    tz="Asia/Almaty",
    mode="instant",
    hour=9,
    minute=0,
    weekday=0,
    send_empty=False,
    cursor=0,
    due_at=None,
    last_digest_at=None,
)


@pytest.mark.parametrize(
    ("text", "mode", "hour", "minute", "weekday", "tz"),
    [
        ("daily 09:00", "daily", 9, 0, 0, "Asia/Almaty"),
        ("ежедневно 18:30", "daily", 18, 30, 0, "Asia/Almaty"),
        ("күн сайын 07:15", "daily", 7, 15, 0, "Asia/Almaty"),
        ("weekly mon 09:00", "weekly", 9, 0, 0, "Asia/Almaty"),
        ("еженедельно пт 18:00", "weekly", 18, 0, 4, "Asia/Almaty"),
        ("жұма 10:00", "weekly", 10, 0, 4, "Asia/Almaty"),
        ("tz Europe/Moscow", "instant", 9, 0, 0, "Europe/Moscow"),
        ("Asia/Omsk", "instant", 9, 0, 0, "Asia/Omsk"),
        ("08:30", "daily", 8, 30, 0, "Asia/Almaty"),
        ("instant", "instant", 9, 0, 0, "Asia/Almaty"),
        ("daily 09:00 tz Europe/Samara", "daily", 9, 0, 0, "Europe/Samara"),
        ("weekly mon 09:00 tz Europe/Moscow", "weekly", 9, 0, 0, "Europe/Moscow"),
        ("еженедельно пн 09:00 пояс Europe/Moscow", "weekly", 9, 0, 0, "Europe/Moscow"),
        ("апта сайын дүйсенбі 09:00 белдеу Europe/Moscow", "weekly", 9, 0, 0, "Europe/Moscow"),
        ("tz Europe/Moscow 09:00 mon weekly", "weekly", 9, 0, 0, "Europe/Moscow"),
        ("по пятницам в 18:30 часовой пояс europe/samara", "weekly", 18, 30, 4, "Europe/Samara"),
        ("Күн сайын 07:15 Asia/Omsk", "daily", 7, 15, 0, "Asia/Omsk"),
    ],
)
def test_settings_typed_as_words(
    text: str, mode: str, hour: int, minute: int, weekday: int, tz: str
) -> None:
    chat = typed(CHAT, text)
    assert chat is not None
    assert (chat.mode, chat.hour, chat.minute, chat.weekday, chat.tz) == (
        mode,
        hour,
        minute,
        weekday,
        tz,
    )


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("daily 25:00", ("25:00",)),
        ("tz Mars/Olympus", ("Mars/Olympus",)),
        ("often", ("often",)),
        ("weekly funday", ("funday",)),
        ("weekly mon 09:00 tz Europe/Mosco", ("Europe/Mosco",)),
        ("tz", ()),
        ("mon " * 13, ("mon",) * 13),
    ],
)
def test_settings_words_not_understood(text: str, unknown: tuple[str, ...]) -> None:
    assert typed(CHAT, text) is None
    assert not_understood(text) == unknown


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "/settings weekly mon 09:00 tz Europe/Moscow", "понедельник, в 09:00 (Москва)"),
        ("ru", "/settings еженедельно пн 09:00 пояс Europe/Moscow", "в 09:00 (Москва)"),
        ("kk", "/settings апта сайын дүйсенбі 09:00 белдеу Europe/Moscow", "09:00 (Мәскеу)"),
        ("en", "/settings weekly mon 09:00 tz Europe/Moscow", "Monday at 09:00 (Moscow)"),
    ],
)
async def test_a_whole_schedule_in_one_line(
    feed: Feed, database: Database, lang: str, text: str, expected: str
) -> None:
    [shown] = texts(await feed(text, lang=lang))
    assert expected in shown
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert (chat.mode, chat.weekday, chat.hour, chat.tz) == ("weekly", 0, 9, "Europe/Moscow")


async def test_a_part_not_understood_is_named_and_nothing_changes(
    feed: Feed, database: Database
) -> None:
    [answer] = texts(await feed("/settings weekly funday 09:00 tz Europe/Moscow"))
    assert answer.startswith("Не понял «funday».")
    [english] = texts(await feed("/settings weekly mon 25:00", lang="en"))
    assert english.startswith("I did not understand “25:00”.")
    chat = await subscriptions.chat(database.reader, 111)
    assert chat is not None
    assert (chat.mode, chat.tz) == ("instant", "Asia/Almaty")


async def test_settings_typed_through_the_bot(feed: Feed) -> None:
    assert (
        "еженедельно, понедельник, в 09:00" in texts(await feed("/settings weekly mon 09:00"))[0]
    )
    assert "Europe/Moscow" in texts(await feed("/settings tz Europe/Moscow"))[0]


@pytest.mark.parametrize(("lang", "label"), [("ru", "(Омск)"), ("kk", "(Омбы)"), ("en", "(Omsk)")])
async def test_time_zones_are_named_in_the_users_language(
    feed: Feed, lang: str, label: str
) -> None:
    [shown] = texts(await feed("/settings daily 09:00 tz Asia/Omsk", lang=lang))
    assert label in shown


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_example_of_the_hint_is_understood(lang: Lang) -> None:
    hint = label(lang, "settings.hint")
    examples = [part.split("/settings ", 1)[1] for part in hint.split(" · ")]
    assert len(examples) == 3
    for example in examples:
        assert typed(CHAT, example) is not None, example
