"""Admin over the Bot API emulator: /reload brings new articles to instant subscribers, /stats
counts the delivery, uploads land in the seeds folder, strangers see nothing of all this."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.html import plain
from bot.texts import t
from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import ADMIN_ID, BotProcess

pytestmark = pytest.mark.e2e

DIGEST_TIMEOUT = 30.0
NEW_TITLE = "Атырауская и Астраханская области договорились о турах по дельте Волги"
NEW_ARTICLE = f"""{NEW_TITLE}

27.11.2022 00:00

Атырауская область Казахстана и Астраханская область России подписали соглашение о
сотрудничестве в сфере туризма на 2023–2026 годы. Документ подписан в Атырау во время визита
делегации Астраханской области.

Стороны договорились создать совместные туристические маршруты по дельте Волги и побережью
Каспийского моря, а также проводить совместные выставки и ярмарки.

По словам акима Атырауской области, товарооборот между регионами в прошлом году превысил
100 млн долларов.
"""


@pytest.fixture
def admin(emulator: Emulator, bot: BotProcess) -> TelegramUser:
    return emulator.user(ADMIN_ID, "ru")


def seeds_dir(bot: BotProcess) -> Path:
    return Path(bot.env["SEEDS_DIR"])


def test_reload_adds_the_new_file_and_the_instant_subscriber_gets_it(
    bot: BotProcess, admin: TelegramUser, user: TelegramUser
) -> None:
    user.send("/subscribe Астрахань")
    user.wait_reply()
    (seeds_dir(bot) / "atyrau-astrakhan-tourism.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    admin.send("/reload")

    report = admin.wait_for("Архив перезагружен")
    assert "Добавлено: 1" in report.text
    assert "atyrau-astrakhan-tourism.txt" in report.text
    digest = user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)
    assert "Атырау" in digest.text
    user.expect_no_reply(2.0)

    admin.send("/stats")
    stats = admin.wait_for("Статистика")
    assert "за 24 ч — 1 (статей 1)" in stats.text
    assert "Подписок всего: 1" in stats.text
    assert "Последняя перезагрузка" in stats.text
    assert "добавлено 1" in stats.text


def test_strangers_get_the_unknown_command_answer(user: TelegramUser) -> None:
    user.send("/nosuchcommand")
    unknown = user.wait_reply().text
    user.send("/reload")
    assert user.wait_reply().text == unknown
    user.send("/stats")
    assert user.wait_reply().text == unknown


def test_upload_with_a_hidden_name_lands_in_the_seeds_folder_and_is_read(
    bot: BotProcess, admin: TelegramUser
) -> None:
    # ("../../x.txt" and other names are covered by the unit tests: this emulator builds its
    # download path from the file name, so a ".." there would not even reach the bot.)
    admin.send_document(".env", NEW_ARTICLE.encode())

    reply = admin.wait_for("env.txt")

    assert (seeds_dir(bot) / "env.txt").read_text(encoding="utf-8") == NEW_ARTICLE
    assert not (seeds_dir(bot) / ".env").exists()
    assert NEW_TITLE in reply.text
    assert "Статья добавлена в архив" in reply.text


def test_a_binary_upload_is_refused(bot: BotProcess, admin: TelegramUser) -> None:
    before = sorted(path.name for path in seeds_dir(bot).iterdir())
    admin.send_document("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)

    assert admin.wait_reply().text == plain(t("ru", "admin.upload_not_txt"))
    assert sorted(path.name for path in seeds_dir(bot).iterdir()) == before


def test_admin_commands_are_in_the_admins_menu_only(
    emulator: Emulator, admin: TelegramUser
) -> None:
    admin.send("/start")
    admin.wait_reply()
    menus = emulator.commands()
    admin_menus = {key: commands for key, commands in menus.items() if str(ADMIN_ID) in key}
    assert admin_menus
    for commands in admin_menus.values():
        assert {"reload", "stats"} <= {c["command"] for c in commands}
    for key, commands in menus.items():
        if key not in admin_menus:
            assert not {"reload", "stats"} & {c["command"] for c in commands}, key
    assert any(json.loads(key.split("|")[0] or "{}").get("type") == "chat" for key in admin_menus)
