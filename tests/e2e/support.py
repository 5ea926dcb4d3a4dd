"""What the end-to-end tests drive: the emulator process and the bot as a real subprocess."""

from __future__ import annotations

import itertools
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.client import Emulator, EmulatorError, wait_until

EMULATOR_DIR = Path(__file__).parent / "emulator"
REPO_ROOT = Path(__file__).parents[2]
READY_PREFIX = "EMULATOR READY "
START_TIMEOUT = 90.0  # generous: a loaded CI machine starts Python slowly
STOP_TIMEOUT = 10.0
NPM_TIMEOUT = 300.0
ADMIN_ID = 9001
_KEPT_ENVIRONMENT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "VIRTUAL_ENV"}

bot_numbers = itertools.count(1)  # a distinct bot token for each test


def ensure_emulator_installed() -> None:
    """`npm ci` when the emulator's packages are missing (CI installs them itself)."""
    if (EMULATOR_DIR / "node_modules" / "telegram-test-api").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm (Node >= 18) is needed for the end-to-end tests; install Node.js")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"],
        cwd=EMULATOR_DIR,
        check=True,
        timeout=NPM_TIMEOUT,
        stdout=subprocess.DEVNULL,
    )


def read_ready_line(process: subprocess.Popen[str]) -> str:
    """The emulator's URL from its one ready line, waiting at most START_TIMEOUT seconds."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                line = process.stdout.readline()
                if line.startswith(READY_PREFIX):
                    return line[len(READY_PREFIX) :].strip()
                if not line:
                    break
    raise RuntimeError("the Bot API emulator did not print its ready line")


def stop_process(process: subprocess.Popen[str], *, hard: bool = False) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)


class BotProcess:
    """`python -m bot` as a subprocess against the emulator; start, stop, kill, restart."""

    def __init__(self, emulator: Emulator, workdir: Path, env: dict[str, str]) -> None:
        self.emulator = emulator
        self.workdir = workdir
        self.env = env
        self.log_path = workdir / "bot.log"
        self.process: subprocess.Popen[str] | None = None

    def start(self, **extra_env: str) -> None:
        """Start the bot and wait (bounded) until it polls for updates."""
        assert self.process is None or self.process.poll() is not None, "the bot is running"
        after = self.emulator.last_call_seq()
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot"],
                cwd=self.workdir,
                env={**self.env, **extra_env},
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
        try:
            wait_until(lambda: self._polling(after), START_TIMEOUT, "the bot did not poll")
        except EmulatorError as error:
            self.stop()
            raise EmulatorError(f"the bot did not start polling:\n{self.log_tail()}") from error

    def _polling(self, after: int) -> bool | None:
        if not self.running:
            raise EmulatorError(f"the bot exited with {self.returncode}")
        return True if self.emulator.calls("getUpdates", after=after) else None

    def stop(self) -> int | None:
        """SIGTERM (then SIGKILL after a bounded wait); the exit code."""
        if self.process is not None:
            stop_process(self.process)
        return self.returncode

    def kill(self) -> None:
        """SIGKILL: the bot dies mid-work without any cleanup."""
        if self.process is not None:
            stop_process(self.process, hard=True)

    def restart(self, **extra_env: str) -> None:
        self.stop()
        self.start(**extra_env)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def configured_bot(emulator: Emulator, root: Path) -> BotProcess:
    """The bot, configured for the emulator and a fresh archive under `root`, not started."""
    seeds = root / "seeds"
    shutil.copytree(REPO_ROOT / "seeds", seeds)
    workdir = root / "run"
    workdir.mkdir()
    env = {key: value for key, value in os.environ.items() if key in _KEPT_ENVIRONMENT}
    env.update(
        BOT_TOKEN=emulator.token,
        TELEGRAM_API_URL=emulator.url,
        DATABASE_PATH=str(root / "data" / "archive.sqlite3"),
        SEEDS_DIR=str(seeds),
        ADMIN_IDS=str(ADMIN_ID),
        LOG_LEVEL="DEBUG",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(REPO_ROOT),
    )
    return BotProcess(emulator, workdir, env)


def check_methods_supported(emulator: Emulator) -> None:
    """Fail when the bot called a method the emulator does not know (the harness must learn it)."""
    unknown = {
        call["method"]
        for call in emulator.calls()
        if call.get("status") in {404, 500} and not call.get("injected")
    }
    if unknown:
        pytest.fail(f"the emulator could not answer Bot API methods {sorted(unknown)}")
