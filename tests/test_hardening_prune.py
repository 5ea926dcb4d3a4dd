"""An empty or wrong folder never wipes the archive: the CLI and /reload refuse, and say why,
unless pruning was asked for."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from aiogram import Bot

from bot.app import make_dispatcher
from bot.config import Settings
from bot.texts import t
from storage.__main__ import main
from storage.db import Database
from storage.loader import TooManyRemovals, check_removals, load_directory
from storage.models import Lang
from storage.repository import Archive
from tests.archive_fixtures import copy_seeds
from tests.fakes import RecordingSession, make_message, make_update, make_user
from tests.support import FixedClock


def empty_folder(folder: Path) -> None:
    for path in folder.glob("*.txt"):
        path.unlink()


async def article_count(database_path: Path) -> int:
    database = await Database.open(database_path)
    try:
        return (await Archive(database.reader).coverage()).articles
    finally:
        await database.close()


async def test_loading_an_empty_folder_is_refused_unless_pruning(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    empty = tmp_path / "empty"
    empty.mkdir()
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        await load_directory(database, seeds)
        with pytest.raises(TooManyRemovals, match="would remove 5 of the 5 articles"):
            await load_directory(database, empty)
        assert (await Archive(database.reader).coverage()).articles == 5
        report = await load_directory(database, empty, prune=True)
        assert len(report.removed) == 5
        assert (await Archive(database.reader).coverage()).articles == 0
    finally:
        await database.close()


async def test_a_couple_of_deleted_files_need_no_prune(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        await load_directory(database, seeds)
        for path in sorted(seeds.glob("*.txt"))[:2]:
            path.unlink()
        assert len((await load_directory(database, seeds)).removed) == 2
    finally:
        await database.close()


@pytest.mark.parametrize(
    ("removing", "total", "refused"),
    [
        (0, 0, False),
        (2, 3, False),
        (3, 3, True),
        (1, 1, True),
        (2, 10, False),
        (3, 10, True),
        (20, 100, False),
        (21, 100, True),
    ],
)
def test_more_than_a_small_share_or_everything_is_refused(
    removing: int, total: int, refused: bool
) -> None:
    if refused:
        with pytest.raises(TooManyRemovals):
            check_removals(removing, total)
    else:
        check_removals(removing, total)


def test_cli_load_of_an_empty_folder_refuses_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "archive.sqlite3"
    empty = tmp_path / "emptydir"
    empty.mkdir()
    assert main(["load", "--db", str(database), str(copy_seeds(tmp_path / "seeds"))]) == 0
    capsys.readouterr()
    assert main(["load", "--db", str(database), str(empty)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: The load would remove 5 of the 5 articles")
    assert "--prune" in error
    assert len(error.splitlines()) == 1
    assert asyncio.run(article_count(database)) == 5
    assert main(["load", "--db", str(database), "--prune", str(empty)]) == 0
    assert "5 removed" in capsys.readouterr().out
    assert asyncio.run(article_count(database)) == 0


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
async def test_reload_of_an_emptied_folder_is_refused_in_the_admins_language(
    settings: Settings,
    database: Database,
    seeds_dir: Path,
    bot: Bot,
    session: RecordingSession,
    clock: FixedClock,
    lang: Lang,
) -> None:
    admin_settings = settings.model_copy(update={"admin_ids": (111,)})
    dispatcher = make_dispatcher(admin_settings, database, clock=clock)
    empty_folder(seeds_dir)

    async def send(text: str) -> list[str]:
        session.clear()
        message = make_message(text, user=make_user(111, lang))
        await dispatcher.feed_update(bot, make_update(message))
        return session.texts()

    assert await send("/reload") == [t(lang, "admin.reload_prune_refused", removing=5, total=5)]
    assert (await Archive(database.reader).coverage()).articles == 5
    [report] = await send("/reload prune")
    assert "5" in report
    assert (await Archive(database.reader).coverage()).articles == 0
