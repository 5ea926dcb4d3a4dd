"""`python -m bot` with a missing or malformed setting: one sentence, exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).parents[1]


def run_bot(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot` in `cwd` (no .env there) with only `env` besides PATH."""
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=cwd,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO_ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_no_env_file_and_no_token_names_bot_token_and_exits_2(tmp_path: Path) -> None:
    result = run_bot(tmp_path)

    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2
    assert len(output.splitlines()) == 1
    assert "BOT_TOKEN" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ADMIN_IDS", "alice"),
        ("DEFAULT_TIMEZONE", "Mars/Olympus"),
        ("TELEGRAM_API_URL", "ftp:x"),
    ],
)
def test_a_malformed_setting_is_named_in_one_sentence(
    tmp_path: Path, variable: str, value: str
) -> None:
    result = run_bot(tmp_path, BOT_TOKEN="123:abc", **{variable: value})

    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2
    assert len(output.splitlines()) == 1
    assert variable in output
    assert "Traceback" not in output


@pytest.mark.parametrize("token", ["not a token", "123456", "123:abc def"])
def test_a_malformed_token_is_one_sentence_without_the_token(tmp_path: Path, token: str) -> None:
    result = run_bot(tmp_path, BOT_TOKEN=token)

    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2
    assert len(output.splitlines()) == 1
    assert "BOT_TOKEN is invalid" in output
    assert token not in output
    assert "Traceback" not in output
