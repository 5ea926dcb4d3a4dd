"""Every "open this" is one tap: /a4 commands, t.me deep links, no dead "/article 4" anywhere."""

from __future__ import annotations

import pytest

from tests.fakes import make_chat
from tests.support import Feed, texts

ARTICLE_4 = "<b>Заинтересованы в новых контактах</b>\nдата неизвестна · #4"


@pytest.mark.parametrize("command", ["/a4", "/start a4", "/a4@kzru_test_bot", "/a4@KZRU_TEST_BOT"])
async def test_article_opens_from_a_command_without_arguments(feed: Feed, command: str) -> None:
    [text, *_] = texts(await feed(command))
    assert text.startswith(ARTICLE_4)


async def test_article_command_in_a_group(feed: Feed) -> None:
    group = make_chat(-100, "supergroup")
    [text, *_] = texts(await feed("/a4", chat=group))
    assert text.startswith(ARTICLE_4)
    assert texts(await feed("/a4@other_bot", chat=group)) == []


async def test_unknown_article_number(feed: Feed) -> None:
    assert texts(await feed("/a999")) == ["Статьи №999 нет в архиве. Свежие статьи: /latest"]


async def test_deep_link_to_a_pair(feed: Feed) -> None:
    [text] = texts(await feed("/start p-kz-atyrau_ru-astrakhan"))
    assert text.startswith("<b>Атырауская область ⇄ Астраханская область</b>")


@pytest.mark.parametrize(
    "command",
    [
        "/region Астрахань",
        "/sector туризм",
        "/date 2022",
        "/search делегация",
        "/latest",
        "Атырау туризм",
        "/article 5",
    ],
)
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
async def test_no_answer_offers_an_untappable_command_with_an_argument(
    feed: Feed, command: str, lang: str
) -> None:
    for text in texts(await feed(command, lang=lang)):
        assert "/article " not in text
        assert "— /region " not in text
