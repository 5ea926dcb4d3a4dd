"""Console mode next to a live bot: it refuses while the bot holds the database's lock, and it
never delivers, claims or fails a digest of the outbox."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from bot.console import CONSOLE_TOKEN, run_console
from bot.instance import AlreadyRunning, InstanceLock
from bot.texts import label
from storage import outbox
from storage.db import Database
from storage.loader import load_directory
from tests.digest_support import new_article, outbox_rows, subscriber
from tests.support import NOW

REPO_ROOT = Path(__file__).parents[1]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO_ROOT / "seeds", seeds)
    return Settings(
        _env_file=None,
        bot_token=CONSOLE_TOKEN,
        database_path=tmp_path / "data" / "archive.sqlite3",
        seeds_dir=seeds,
    )


def console_process(settings: Settings, cwd: Path, text: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO_ROOT),
        "DATABASE_PATH": str(settings.database_path),
        "SEEDS_DIR": str(settings.seeds_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=text,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_console_refuses_in_one_sentence_while_the_bot_holds_the_lock(
    settings: Settings, tmp_path: Path
) -> None:
    with InstanceLock(settings.database_path):  # the bot is running on this database
        result = console_process(settings, tmp_path, "/start\n")
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "The bot is running on this database" in message
    assert str(settings.database_path) in message
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # no transcript, nothing read or written
    # The lock itself makes the (empty) database file; the console wrote nothing into it.
    assert settings.database_path.stat().st_size == 0


async def test_run_console_raises_already_running_under_a_held_lock(settings: Settings) -> None:
    with InstanceLock(settings.database_path), pytest.raises(AlreadyRunning):
        await run_console(settings, io.StringIO("/start\n"), io.StringIO())


async def test_console_leaves_in_flight_and_pending_deliveries_alone(settings: Settings) -> None:
    database = await Database.open(settings.database_path)
    try:
        await load_directory(database, settings.seeds_dir)
        await subscriber(database, 501)
        await subscriber(database, 502)
        article = await new_article(database)
        await outbox.plan_instant(database, NOW)
        await outbox.claim(database, 501, [article])  # the bot was mid-request when it stopped
        before = await outbox_rows(database)
    finally:
        await database.close()
    assert [row[2] for row in before] == ["sending", "pending"]

    out = io.StringIO()
    script = "/start\n/subscribe Атырау\n/digest\n/quit\n"
    await run_console(settings, io.StringIO(script), out)

    transcript = out.getvalue()
    assert transcript.startswith(label("ru", "console.banner"))
    assert "Атырау и Астрахань подписали соглашение" not in transcript  # no digest printed
    database = await Database.open(settings.database_path)
    try:
        assert await outbox_rows(database) == before  # not sent, not failed, not claimed
    finally:
        await database.close()
    # The console's lock is released: the bot can start afterwards.
    with InstanceLock(settings.database_path):
        pass
