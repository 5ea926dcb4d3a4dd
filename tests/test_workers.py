"""Reading in worker processes: the same load as in a thread, and the bot's process stays free."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from storage.db import Database
from storage.loader import load_directory
from storage.reading import read_article
from storage.workers import ReadingWorkers
from tests.archive_fixtures import SEED_FILES, copy_seeds


@pytest.fixture(scope="module")
def workers() -> Iterator[ReadingWorkers]:
    pool = ReadingWorkers(1)
    yield pool
    pool.close()


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


async def test_a_load_in_workers_reads_every_file_like_a_thread(
    tmp_path: Path, database: Database, workers: ReadingWorkers
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "zz-empty.txt").write_bytes(b"")
    report = await load_directory(database, seeds, workers=workers)
    assert report.added == SEED_FILES
    assert [name for name, _ in report.rejected] == ["zz-empty.txt"]
    again = await load_directory(database, seeds, workers=workers)
    assert again.unchanged == SEED_FILES
    assert again.added == again.updated == []


async def test_workers_keep_the_file_checks_and_re_read_for_a_new_reader(
    tmp_path: Path, database: Database, workers: ReadingWorkers
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    (tmp_path / ".env").write_text("BOT_TOKEN=123456:very-secret\n", "utf-8")
    (seeds / "dotenv.txt").symlink_to(tmp_path / ".env")
    report = await load_directory(database, seeds, workers=workers)
    reasons = dict(report.rejected)
    assert reasons["dotenv.txt"].startswith("The file is a symbolic link")
    async with database.transaction() as writer:  # as if an older reader had read them
        await writer.execute("UPDATE articles SET reader_version = 0")
    again = await load_directory(database, seeds, workers=workers)
    assert again.reread == SEED_FILES
    assert again.added == again.reread_changed == []


def _process_id(_: object) -> int:
    return os.getpid()


async def test_reading_runs_in_another_process(workers: ReadingWorkers) -> None:
    assert await workers.run(_process_id, None) != os.getpid()


async def test_a_text_is_read_the_same_in_a_worker(
    tmp_path: Path, workers: ReadingWorkers
) -> None:
    text = (copy_seeds(tmp_path / "seeds") / SEED_FILES[0]).read_text("utf-8")
    assert await workers.run(read_article, text) == read_article(text)


def _die(_: object) -> None:
    os._exit(1)


async def test_a_worker_that_dies_fails_one_load_and_the_next_one_works() -> None:
    workers = ReadingWorkers(1)
    try:
        with pytest.raises(BrokenProcessPool):
            await workers.run(_die, None)
        assert await workers.run(_process_id, None) != os.getpid()
    finally:
        workers.close()
