"""A database that cannot be used at start (corrupt, read-only, not a file, no folder):
`python -m bot` and `python -m storage` say so in one sentence and exit with code 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).parents[1]


def run(cwd: Path, database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO_ROOT),
        "BOT_TOKEN": "123456:test",
        "DATABASE_PATH": str(database),
        "SEEDS_DIR": str(REPO_ROOT / "seeds"),
        "TELEGRAM_API_URL": "http://127.0.0.1:9",
    }
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)
    return path


def a_folder(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    path.mkdir()
    return path


def under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "data").write_text("a file where the folder should be")
    return tmp_path / "data" / "archive.sqlite3"


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A valid archive that nobody may write, not even root (the immutable attribute)."""
    path = tmp_path / "archive.sqlite3"
    loaded = run(tmp_path, path, "storage", "load", "--db", str(path), str(REPO_ROOT / "seeds"))
    assert loaded.returncode == 0, loaded.stderr
    for side in tmp_path.glob("archive.sqlite3-*"):
        side.unlink()
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode
    ):
        os.chmod(path, 0o444)
        if os.geteuid() == 0:
            pytest.skip("no way to make a file read-only for root here")
    yield path
    subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


def assert_one_sentence_and_exit_2(result: subprocess.CompletedProcess[str], reason: str) -> None:
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert len(output.splitlines()) == 1, output
    assert output.startswith("Database error: ")
    assert reason in output


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (corrupt, "file is not a database"),
        (a_folder, "Is a directory"),
        (under_a_file, "not a folder"),
    ],
)
@pytest.mark.parametrize("program", ["bot", "storage"])
def test_an_unusable_database_is_one_sentence_and_exit_2(
    tmp_path: Path, make: object, reason: str, program: str
) -> None:
    assert callable(make)
    database = make(tmp_path)
    args = ["bot"] if program == "bot" else ["storage", "load", "--db", str(database)]
    result = run(tmp_path, database, *args)
    if program == "storage" and make is a_folder:
        reason = "unable to open database file"
    assert_one_sentence_and_exit_2(result, reason)


@pytest.mark.parametrize("program", ["bot", "storage"])
def test_a_read_only_database_is_one_sentence_and_exit_2(
    tmp_path: Path, read_only: Path, program: str
) -> None:
    args = ["bot"] if program == "bot" else ["storage", "load", "--db", str(read_only)]
    result = run(tmp_path, read_only, *args)
    assert_one_sentence_and_exit_2(result, "readonly database")
