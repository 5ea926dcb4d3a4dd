"""Digests: one entry per story ("+N outlets", each a tap), and /digest while one is on its way."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot

from bot.config import Settings
from bot.digest.scheduler import DigestScheduler
from bot.texts import t
from bot.views.digest import compose_digest
from storage.db import Database
from storage.models import Lang
from storage.story_outlets import Outlet, outlets
from tests.digest_support import ATYRAU, FakeTime, new_article, outbox_rows, subscriber
from tests.fakes import RecordingSession
from tests.support import Feed, FixedClock, texts
from tests.test_compose import card
from tests.test_sender import make_scheduler

STORY = {
    1: Outlet(1, 7, "Kazinform"),
    2: Outlet(2, 7, "Tengrinews"),
    3: Outlet(3, None, "Inbusiness"),
    4: Outlet(4, 7, None),
}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ru", "📰 Ещё в 2 изд.: "),
        ("kk", "📰 Тағы 2 басылымда: "),
        ("en", "📰 +2 more outlet(s): "),
    ],
)
def test_one_story_is_one_entry_with_its_other_outlets(lang: Lang, line: str) -> None:
    cards = [card(1), card(2), card(3), card(4)]
    [message] = compose_digest(cards, [ATYRAU], lang, username="kzru_bot", outlets=STORY)
    assert message.text.count("<b>Статья") == 2  # the story's newest (4) and the lone one (3)
    assert "<b>Статья 4</b>" in message.text
    assert "<b>Статья 3</b>" in message.text
    others = (
        f'{line}<a href="https://t.me/kzru_bot?start=a2">Tengrinews</a>'
        ' · <a href="https://t.me/kzru_bot?start=a1">Kazinform</a>'
    )
    assert others in message.text
    assert sorted(message.article_ids) == [1, 2, 3, 4]  # every version is accounted for
    header = t(lang, "digest.header", count=4)
    assert message.text.startswith(header)


def test_inside_the_bot_the_other_outlets_are_commands() -> None:
    [message] = compose_digest([card(1), card(2)], [ATYRAU], "ru", outlets=STORY)
    assert "📰 Ещё в 1 изд.: Kazinform /a1" in message.text


def test_a_story_goes_under_a_subscription_any_of_its_versions_matches() -> None:
    follows = [ATYRAU]
    elsewhere = card(2, ("ru-omsk",), ("energy",))
    [message] = compose_digest([card(1), elsewhere], follows, "ru", outlets=STORY)
    assert "📍 <b>Атырауская область</b>" in message.text
    assert "Другое" not in message.text


def test_without_outlets_every_article_is_its_own_entry() -> None:
    [message] = compose_digest([card(1), card(2)], [ATYRAU], "ru")
    assert message.text.count("<b>Статья") == 2
    assert "📰 Ещё" not in message.text


@pytest.fixture
async def digests(
    database: Database, settings: Settings, clock: FixedClock, bot: Bot
) -> AsyncIterator[DigestScheduler]:
    scheduler = make_scheduler(database, settings, clock, FakeTime())
    await scheduler.start(bot)
    yield scheduler
    await scheduler.stop()


async def _same_story(database: Database, *article_ids: int) -> None:
    async with database.transaction() as writer:
        cursor = await writer.execute("INSERT INTO stories (title) VALUES ('Соглашение')")
        for article_id in article_ids:
            await writer.execute(
                "UPDATE articles SET story_id = ?, source = ? WHERE id = ?",
                (cursor.lastrowid, f"Outlet {article_id}", article_id),
            )


async def test_the_sender_sends_a_story_once_and_marks_every_version_sent(
    database: Database, digests: DigestScheduler, session: RecordingSession
) -> None:
    await subscriber(database, 501)
    first = await new_article(database, "Атырау и Астрахань подписали соглашение")
    second = await new_article(database, "Астрахань и Атырау подписали соглашение о торговле")
    await _same_story(database, first, second)
    assert [o.story_id is not None for o in await outlets(database.reader, [first, second])] == [
        True,
        True,
    ]
    await digests.run_once()
    [text] = session.texts()
    assert text.count("<b>") == 3  # the header, the subscription and one card's title
    assert "<b>Астрахань и Атырау подписали соглашение о торговле</b>" in text
    assert f'?start=a{first}">Outlet {first}</a>' in text
    rows = await outbox_rows(database)
    assert [(row[1], row[2]) for row in rows] == [(first, "sent"), (second, "sent")]


async def test_digest_while_one_is_on_its_way_says_so(feed: Feed, database: Database) -> None:
    await feed("/subscribe Атырау")
    await new_article(database)
    assert texts(await feed("/digest")) == ["📬 Отправляю дайджест: новых материалов — 1."]
    await new_article(database, "Атырау и Астрахань: второе соглашение")
    assert texts(await feed("/digest")) == [t("ru", "digest.already_sending")]
    assert texts(await feed("/digest", lang="en")) == [t("en", "digest.already_sending")]
    rows = await outbox_rows(database)
    assert len(rows) == 1  # the second article waits for the next digest, planned once
