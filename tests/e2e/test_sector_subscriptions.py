"""A region × sector subscriber over the Bot API emulator: a load of two new articles about the
region brings the one of that sector, once, and never the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.client import Emulator
from tests.e2e.support import BotProcess
from tests.e2e.test_digests import DIGEST_TIMEOUT, load_archive

pytestmark = pytest.mark.e2e

ARTICLE = """{title}

25.11.2022 10:00

{body}
"""
TOURISM_TITLE = "Атырау и Астрахань запустят совместные туристические маршруты по Каспию"
TOURISM_BODY = """Атырауская область Казахстана и Астраханская область России договорились
развивать въездной туризм. Туроператоры двух регионов запустят совместные туристические маршруты
по Каспию, а в Атырау ждут туристов из Астрахани уже летом.

Стороны подготовят туристические программы для гостей и откроют туристический информационный
центр."""
FERRY_TITLE = "Атырауская и Астраханская области открыли паромную линию через Каспий"
FERRY_BODY = """Атырауская область Казахстана и Астраханская область России открыли паромную
линию. Первый рейс прошёл из Астрахани в Атырау, сообщили в акимате Атырауской области.

Стороны рассчитывают увеличить товарооборот между регионами и перевозки грузов по Каспию."""


def received(emulator: Emulator, chat_id: int, title: str) -> int:
    """How many messages that reached the chat carry `title`."""
    return sum(
        1
        for call in emulator.calls("sendMessage")
        if str(call["params"].get("chat_id")) == str(chat_id)
        and call.get("status") == 200
        and title in call["params"].get("text", "")
    )


def test_a_region_sector_subscriber_gets_the_matching_article_once(
    bot: BotProcess, emulator: Emulator
) -> None:
    tourism_fan = emulator.user(3001, "ru")
    whole_region = emulator.user(3002, "en")
    tourism_fan.send("/subscribe туризм Атырау")
    tourism_fan.wait_for("Атырауская область × Туризм")
    whole_region.send("/subscribe Atyrau")
    whole_region.wait_for("Subscribed")

    seeds = Path(bot.env["SEEDS_DIR"])
    for name, title, body in (
        ("tourism.txt", TOURISM_TITLE, TOURISM_BODY),
        ("ferry.txt", FERRY_TITLE, FERRY_BODY),
    ):
        (seeds / name).write_text(ARTICLE.format(title=title, body=body), encoding="utf-8")
    load_archive(bot)

    digest = tourism_fan.wait_for(TOURISM_TITLE, timeout=DIGEST_TIMEOUT)
    assert "Атырауская область × Туризм" in digest.text
    whole_region.wait_for(FERRY_TITLE, timeout=DIGEST_TIMEOUT)  # the load reached everybody
    tourism_fan.expect_no_reply(7.0)  # longer than a tick: nothing else comes
    assert received(emulator, tourism_fan.chat_id, TOURISM_TITLE) == 1
    assert received(emulator, tourism_fan.chat_id, FERRY_TITLE) == 0
    assert received(emulator, whole_region.chat_id, TOURISM_TITLE) == 1
