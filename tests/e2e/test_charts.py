"""Pictures and exports over the Bot API emulator: 📊 and ⬇️ under a region summary."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

import pytest

from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e

_user_ids = itertools.count(3001)


@pytest.fixture(scope="module")
def bot(module_bot_process: BotProcess) -> BotProcess:
    module_bot_process.start()
    return module_bot_process


@pytest.fixture
def emulator(module_emulator: Emulator, bot: BotProcess) -> Iterator[Emulator]:
    yield module_emulator
    assert bot.running, f"the bot died:\n{bot.log_tail()}"


@pytest.fixture
def user(emulator: Emulator) -> TelegramUser:
    return emulator.user(next(_user_ids), "kk")


def test_chart_and_export_buttons_under_a_region_summary(
    emulator: Emulator, user: TelegramUser
) -> None:
    user.send("/region Астрахань")
    summary = user.wait_for("Астрахан облысы")
    before = emulator.last_call_seq()

    user.press(summary, "📊")
    chart = user.wait_reply()
    [photo_call] = emulator.calls("sendPhoto", after=before)
    assert photo_call["status"] == 200
    assert "Астрахан облысы" in chart.text  # the caption names the summary
    png = emulator.file(_photo_file_id(user, chart.message_id))
    assert png.startswith(b"\x89PNG")
    assert len(png) > 20_000

    user.press(summary, "CSV")
    document = user.wait_reply()
    assert document.document is not None
    assert document.document["file_name"] == "articles-ru-astrakhan.csv"
    content = emulator.file(document.document["file_id"]).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(content)))
    assert header[:4] == ["id", "date", "title", "language"]
    assert rows
    assert all("Астрахан облысы" in row[4] + row[5] for row in rows)
    assert emulator.calls("sendDocument", after=before)


def test_export_command_after_a_summary_sends_a_workbook(user: TelegramUser) -> None:
    user.send("/sector сауда")
    user.wait_reply()
    user.send("/export xlsx")
    document = user.wait_reply()
    assert document.document is not None
    assert document.document["file_name"].endswith(".xlsx")


def _photo_file_id(user: TelegramUser, message_id: int) -> str:
    found = user.emulator.get("/messages", token=user.emulator.token, chat_id=user.chat_id)
    [message] = [m for m in found if m["message_id"] == message_id]
    return str(message["photo"][-1]["file_id"])
