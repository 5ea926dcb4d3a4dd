"""Duplicates on network trouble: a digest the server handled but never answered (the connection
dropped, or the answer came after the bot's timeout) reaches the user once and is `uncertain`."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.client import Emulator, wait_until
from tests.e2e.support import ADMIN_ID, BotProcess
from tests.e2e.test_digests import DIGEST_TIMEOUT, NEW_TITLE, add_article, load_archive, subscribe

pytestmark = pytest.mark.e2e

SEND_TIMEOUT = 2  # seconds; the delayed answer comes well after it
FAULTS = {
    "drop after handling": {"after_handling": "drop"},
    "delay past the timeout": {"after_handling": "delay", "delay_ms": 6000},
}


def outbox_statuses(bot: BotProcess, chat_id: int) -> list[str]:
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute(
            "SELECT status FROM outbox WHERE chat_id = ? ORDER BY id", (chat_id,)
        ).fetchall()
    return [str(row[0]) for row in rows]


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_an_unanswered_digest_is_uncertain_and_not_repeated(
    bot_process: BotProcess, emulator: Emulator, fault: dict[str, object]
) -> None:
    bot_process.start(SEND_TIMEOUT=str(SEND_TIMEOUT))
    user = emulator.user(3101, "ru")
    subscribe(user)
    emulator.inject_fault("sendMessage", chat_id=user.chat_id, **fault)  # type: ignore[arg-type]

    add_article(bot_process, "ferry.txt")
    load_archive(bot_process)

    user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)  # the server handled it: the user has it
    wait_until(
        lambda: outbox_statuses(bot_process, user.chat_id) == ["uncertain"] or None,
        DIGEST_TIMEOUT,
        "the delivery was not recorded as uncertain",
    )
    user.expect_no_reply(SEND_TIMEOUT + 8.0)  # longer than a timeout and a scheduler tick
    received = [m for m in user.messages() if NEW_TITLE in m.text]
    assert len(received) == 1  # 0 duplicates
    assert outbox_statuses(bot_process, user.chat_id) == ["uncertain"]
    assert [c for c in emulator.calls("sendMessage") if c.get("after_handling")]

    admin = emulator.user(ADMIN_ID, "ru")
    admin.send("/stats")
    assert "не подтверждены 1" in admin.wait_for("Доставки").text
