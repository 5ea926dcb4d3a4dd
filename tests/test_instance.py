"""Single instance: a second bot process on the same database refuses to start."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.instance import AlreadyRunning, InstanceLock, lock_path


def test_lock_file_sits_next_to_the_database(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "data" / "archive.sqlite3") == (
        tmp_path / "data" / "archive.sqlite3.lock"
    )


def test_second_lock_on_the_same_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "data" / "archive.sqlite3"
    with InstanceLock(database), pytest.raises(AlreadyRunning, match="already running"):
        InstanceLock(database).acquire()


def test_lock_is_free_again_after_release(tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite3"
    with InstanceLock(database):
        pass
    with InstanceLock(database) as lock:
        assert lock.path.read_text().strip() == str(os.getpid())


def test_another_database_is_not_locked(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "one.sqlite3"), InstanceLock(tmp_path / "two.sqlite3") as two:
        assert two.path.name == "two.sqlite3.lock"


def test_second_process_exits_with_code_2_and_one_sentence(tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite3"
    env = {
        **os.environ,
        "BOT_TOKEN": "123456:test",
        "DATABASE_PATH": str(database),
        "TELEGRAM_API_URL": "http://127.0.0.1:9",
    }
    with InstanceLock(database):
        result = subprocess.run(
            [sys.executable, "-m", "bot"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    message = result.stderr.strip()
    assert "already running" in message
    assert "Traceback" not in message
    assert len(message.splitlines()) == 1


def test_a_process_that_dies_releases_its_lock(tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite3"
    holder = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from bot.instance import InstanceLock
        InstanceLock(Path({str(database)!r})).acquire()
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", holder], check=True, timeout=60)
    with InstanceLock(database) as lock:
        assert lock.path.exists()


def test_a_symlink_to_the_database_does_not_get_past_the_lock(tmp_path: Path) -> None:
    database = tmp_path / "data" / "archive.sqlite3"
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "link.sqlite3").symlink_to(database)
    with InstanceLock(database), pytest.raises(AlreadyRunning, match="already running"):
        InstanceLock(other / "link.sqlite3").acquire()


def test_a_hard_link_to_the_database_does_not_get_past_the_lock(tmp_path: Path) -> None:
    database = tmp_path / "data" / "archive.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"")
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.link(database, other / "copy.sqlite3")
    with InstanceLock(other / "copy.sqlite3"), pytest.raises(AlreadyRunning):
        InstanceLock(database).acquire()
    with InstanceLock(database):  # both locks were released
        pass
