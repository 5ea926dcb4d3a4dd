"""Loads in a worker process: the same load as here, and nothing of it in the bot's process."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from storage import loader
from storage.db import Database
from storage.loader import TooManyRemovals, load_directory
from storage.models import Selection
from storage.reading import read_article
from storage.repository import Archive
from storage.workers import NICENESS, WorkerDied, WorkerProcess
from tests.archive_fixtures import SEED_FILES, copy_seeds


@pytest.fixture(scope="module")
def worker() -> Iterator[WorkerProcess]:
    process = WorkerProcess("loading")
    yield process
    process.close()


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


async def test_a_load_in_the_worker_reads_every_file_like_one_here(
    tmp_path: Path, database: Database, worker: WorkerProcess
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "zz-empty.txt").write_bytes(b"")
    report = await load_directory(database, seeds, worker=worker)
    assert report.added == SEED_FILES
    assert [name for name, _ in report.rejected] == ["zz-empty.txt"]
    again = await load_directory(database, seeds, worker=worker)
    assert again.unchanged == SEED_FILES
    assert again.added == again.updated == []


async def test_nothing_of_a_load_in_the_worker_runs_in_this_process(
    tmp_path: Path, database: Database, worker: WorkerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("the load ran in the bot's process")

    for step in ("_read_changed", "_write", "group_stories", "sync_figures"):
        monkeypatch.setattr(loader, step, not_here)
    report = await load_directory(database, copy_seeds(tmp_path / "seeds"), worker=worker)
    assert report.added == SEED_FILES
    # The bot's reader sees what the worker committed, full-text index included.
    rows = await database.reader.execute_fetchall("SELECT count(*) FROM articles")
    assert list(rows) == [(len(SEED_FILES),)]
    page = await Archive(database.reader).articles(Selection(query="области"))
    assert page.total > 0


async def test_workers_keep_the_file_checks_and_re_read_for_a_new_reader(
    tmp_path: Path, database: Database, worker: WorkerProcess
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    (tmp_path / ".env").write_text("BOT_TOKEN=123456:very-secret\n", "utf-8")
    (seeds / "dotenv.txt").symlink_to(tmp_path / ".env")
    report = await load_directory(database, seeds, worker=worker)
    reasons = dict(report.rejected)
    assert reasons["dotenv.txt"].startswith("The file is a symbolic link")
    async with database.transaction() as writer:  # as if an older reader had read them
        await writer.execute("UPDATE articles SET reader_version = 0")
    again = await load_directory(database, seeds, worker=worker)
    assert again.reread == SEED_FILES
    assert again.added == again.reread_changed == []


async def test_a_refused_load_in_the_worker_says_why_and_changes_nothing(
    tmp_path: Path, database: Database, worker: WorkerProcess
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    await load_directory(database, seeds, worker=worker)
    for path in seeds.iterdir():
        path.unlink()
    with pytest.raises(TooManyRemovals) as refused:
        await load_directory(database, seeds, worker=worker)
    assert (refused.value.removing, refused.value.total) == (len(SEED_FILES), len(SEED_FILES))
    rows = await database.reader.execute_fetchall("SELECT count(*) FROM articles")
    assert list(rows) == [(len(SEED_FILES),)]


def _process_id() -> int:
    return os.getpid()


def _priority() -> tuple[int, int, set[int]]:
    return os.nice(0), os.sched_getscheduler(0), os.sched_getaffinity(0)


async def test_the_worker_is_another_process_at_a_lower_priority(worker: WorkerProcess) -> None:
    assert await worker.run(_process_id) != os.getpid()
    niceness, policy, cores = await worker.run(_priority)
    assert niceness >= min(19, os.nice(0) + NICENESS)
    assert policy == os.SCHED_IDLE  # Linux: it runs only when the bot's process does not
    ours = sorted(os.sched_getaffinity(0))
    assert cores == (set(ours[1:]) if len(ours) > 1 else set(ours))  # a core left to the bot


async def test_a_text_is_read_the_same_in_the_worker(
    tmp_path: Path, worker: WorkerProcess
) -> None:
    text = (copy_seeds(tmp_path / "seeds") / SEED_FILES[0]).read_text("utf-8")
    assert await worker.run(read_article, text) == read_article(text)


def _die() -> None:
    os._exit(1)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def test_a_worker_that_dies_fails_one_job_and_the_next_one_works() -> None:
    worker = WorkerProcess("loading")
    try:
        with pytest.raises(WorkerDied):
            await worker.run(_die)
        assert await worker.run(_process_id) != os.getpid()
    finally:
        worker.close()


async def test_a_cancelled_job_ends_with_its_worker() -> None:
    worker = WorkerProcess("loading")
    try:
        first = await worker.run(_process_id)
        job = asyncio.create_task(worker.run(_sleep, 60))
        await asyncio.sleep(0.2)
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)  # gone, not left sleeping beside the bot
        assert await worker.run(_process_id) not in (first, os.getpid())
    finally:
        worker.close()
