"""`python -m bot console`: the real dispatcher in a terminal, driven here by scripted input."""

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
from bot.html import escape, plain
from bot.texts import t
from storage.models import Lang

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


def first_line(template: str) -> str:
    return plain(template).splitlines()[0]


async def converse(settings: Settings, *lines: str, lang: Lang = "ru") -> str:
    out = io.StringIO()
    await run_console(settings, io.StringIO("".join(f"{line}\n" for line in lines)), out, lang)
    return out.getvalue()


async def test_a_region_summary_and_a_pressed_button(settings: Settings) -> None:
    transcript = await converse(settings, "/region Астрахань", "1", "/quit", "/start")

    summary, after_press = transcript.split("> 1\n")
    assert "Астраханская область" in summary
    assert "Заинтересованы в новых контактах" in summary
    assert "Атырауская область (1)" in summary
    assert f"[1] {t('ru', 'summary.subscribe')}" in summary
    assert "<b>" not in summary
    assert "&quot;" not in summary
    assert after_press.strip(), "pressing the button answered something"
    assert (
        first_line(t("ru", "start.welcome", coverage=escape(""))) not in transcript
    )  # after /quit


async def test_a_chart_and_an_export_show_as_their_captions(settings: Settings) -> None:
    transcript = await converse(settings, "/region Астрахань", "2", "/export", lang="en")

    chart, export = transcript.split("> 2\n")[1].split("> /export\n")
    assert chart.startswith("--- bot ---\n[sendPhoto] 📊 Astrakhan Oblast\n")
    assert export.startswith("--- bot ---\n[sendDocument] ⬇️ Astrakhan Oblast: 2 articles")
    assert "<b>" not in transcript


async def test_a_button_press_edits_the_list_in_place(settings: Settings) -> None:
    transcript = await converse(settings, "/regions", "2", "1")

    choose, russia, region = transcript.split("> ")[1:4]
    assert t("ru", "regions.choose") in choose
    assert "[2] " + t("ru", "regions.ru") in choose
    assert russia.startswith("2\n--- bot (edited) ---\nРоссия")
    assert "[1] Астраханская область (2)" in russia
    assert region.startswith("1\n--- bot ---\nАстраханская область")


async def test_a_number_without_a_button_and_the_language(settings: Settings) -> None:
    transcript = await converse(settings, "/lang", "7", "3", "/help")

    assert "There is no button 7." in transcript
    assert t("en", "lang.set") in transcript
    assert first_line(t("en", "help.text", bot=escape("bot"))) in transcript.split("> /help")[1]


def test_python_m_bot_console_needs_no_token(tmp_path: Path, settings: Settings) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO_ROOT),
        "DATABASE_PATH": str(settings.database_path),
        "SEEDS_DIR": str(settings.seeds_dir),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="/start\n",
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Статей в архиве: 5" in result.stdout


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("ru", "Бот в режиме консоли"),
        ("kk", "Бот консоль режимінде"),
        ("en", "The bot in console"),
    ],
)
async def test_the_banner_speaks_the_chosen_language(
    settings: Settings, lang: Lang, start: str
) -> None:
    transcript = await converse(settings, "/quit", lang=lang)
    assert transcript.startswith(start)
