"""Fixtures of the end-to-end layer: the Bot API emulator and the bot as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import (
    EMULATOR_DIR,
    BotProcess,
    bot_numbers,
    check_methods_supported,
    configured_bot,
    ensure_emulator_installed,
    read_ready_line,
    stop_process,
)


@pytest.fixture(scope="session")
def emulator_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start tests/e2e/emulator/launcher.js once per session; its base URL."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node (Node >= 18) is needed for the end-to-end tests; install Node.js")
    ensure_emulator_installed()
    log = tmp_path_factory.mktemp("emulator") / "emulator.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [node, str(EMULATOR_DIR / "launcher.js")],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        try:
            url = read_ready_line(process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}:\n{log.read_text(errors='replace')}") from error
        yield url
    finally:
        stop_process(process)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def emulator(emulator_url: str) -> Iterator[Emulator]:
    """The emulator's control API for a bot token of this test alone."""
    client = Emulator(emulator_url, f"{next(bot_numbers)}00{os.getpid()}:e2e-test-token")
    yield client
    client.clear_faults()


@pytest.fixture
def bot_process(emulator: Emulator, tmp_path: Path) -> Iterator[BotProcess]:
    """The bot of this test alone, not started yet (`start()`, `kill()`, `restart()`)."""
    process = configured_bot(emulator, tmp_path)
    yield process
    process.stop()
    check_methods_supported(emulator)


@pytest.fixture(scope="module")
def module_emulator(emulator_url: str) -> Iterator[Emulator]:
    """The emulator's control API for a bot token shared by the tests of one module."""
    client = Emulator(emulator_url, f"{next(bot_numbers)}00{os.getpid()}:e2e-module-token")
    yield client
    client.clear_faults()


@pytest.fixture(scope="module")
def module_bot_process(
    module_emulator: Emulator, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    """One bot for a whole module (starting Python and aiogram takes seconds), not started."""
    process = configured_bot(module_emulator, tmp_path_factory.mktemp("bot"))
    yield process
    process.stop()
    check_methods_supported(module_emulator)


@pytest.fixture
def bot(bot_process: BotProcess) -> BotProcess:
    """The bot, started and polling."""
    bot_process.start()
    return bot_process


@pytest.fixture
def user(emulator: Emulator, bot: BotProcess) -> TelegramUser:
    """A Russian-speaking user in a private chat with the running bot."""
    return emulator.user(1001, "ru")
