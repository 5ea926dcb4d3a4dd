"""The bot token over the Bot API emulator: an upload named `report#2024.txt` is downloaded, and
a failed download shows the token in no log line and no message."""

from __future__ import annotations

import pytest

from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import ADMIN_ID, BotProcess

pytestmark = pytest.mark.e2e

ADMIN_CHAT_ID = -1009001
ARTICLE = (
    "Атырауская и Астраханская области договорились о турах по дельте Волги\n\n"
    "27.11.2022 00:00\n\n"
    "Атырауская область Казахстана и Астраханская область России подписали соглашение о "
    "сотрудничестве в сфере туризма на 2023–2026 годы.\n"
)


def everything_the_bot_said(emulator: Emulator, *users: TelegramUser) -> list[str]:
    return [message.text for user in users for message in user.messages()]


def test_an_upload_with_a_hash_in_its_name_is_read(emulator: Emulator, bot: BotProcess) -> None:
    admin = emulator.user(ADMIN_ID, "ru")
    admin.send_document("report#2024.txt", ARTICLE.encode())
    reply = admin.wait_for("report_2024.txt")
    assert "Статья добавлена в архив" in reply.text
    assert emulator.token not in bot.log_path.read_text(errors="replace")


def test_a_failed_download_shows_the_token_nowhere(
    emulator: Emulator, bot_process: BotProcess
) -> None:
    bot_process.start(ADMIN_CHAT_ID=str(ADMIN_CHAT_ID))
    admin = emulator.user(ADMIN_ID, "ru")
    admin_chat = emulator.user(ADMIN_ID, "ru", id=ADMIN_CHAT_ID, type="supergroup", title="Ops")
    emulator.inject_fault("file", error_code=404, description="Not Found")

    admin.send_document("gone.txt", ARTICLE.encode())

    assert "Извините" in admin.wait_reply().text
    notice = admin_chat.wait_reply()
    assert "404" in notice.text
    bot_process.stop()
    log = bot_process.log_path.read_text(errors="replace")
    assert "404" in log
    assert emulator.token not in log
    for text in everything_the_bot_said(emulator, admin, admin_chat):
        assert emulator.token not in text
