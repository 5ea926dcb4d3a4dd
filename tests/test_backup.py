"""Backups while the archive is written, checks of sound and damaged files, /stats's line."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import random
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.views import admin as admin_view
from storage.__main__ import main
from storage.backup import (
    BackupError,
    CheckFailed,
    CompactError,
    check_archive,
    compact_archive,
    make_backup,
)
from storage.db import PAGE_SIZE, Database
from storage.models import Lang
from storage.stats import admin_stats
from tests.archive_fixtures import record, store_records

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    await store_records(
        database, [record(f"Статья {i}", "Астрахань и Атырау. " * 50) for i in range(20)]
    )
    yield database
    await database.close()


def _count(path: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


async def test_a_backup_made_while_articles_are_written_passes_the_check(
    database: Database, tmp_path: Path
) -> None:
    stop = asyncio.Event()

    async def keep_writing() -> int:
        written = 0
        while not stop.is_set():
            await store_records(database, [record(f"Новость {written}", "Омск и Павлодар. " * 40)])
            written += 1
            await asyncio.sleep(0)
        return written

    writer = asyncio.create_task(keep_writing())
    await asyncio.sleep(0.05)
    backups = [
        await asyncio.to_thread(make_backup, database.path, tmp_path / f"copy{i}.sqlite3", NOW)
        for i in range(3)
    ]
    stop.set()
    written = await writer
    assert written > 0
    for entry in backups:
        copy = Path(entry.path)
        assert check_archive(copy)[-1] == "full-text index articles_fts"
        assert 20 <= _count(copy, "articles") <= 20 + written
    assert _count(Path(backups[-1].path), "backup_log") == 2  # the copy has the earlier two
    assert _count(database.path, "backup_log") == 3


def test_a_damaged_copy_fails_the_check_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "archive.sqlite3"
    asyncio.run(_fresh_archive(source))
    assert main(["backup", "--db", str(source), str(tmp_path / "copy.sqlite3")]) == 0
    assert main(["check", str(tmp_path / "copy.sqlite3")]) == 0
    assert (
        ": ok (integrity, foreign keys, article texts, full-text index articles_fts)"
        in capsys.readouterr().out
    )
    with open(tmp_path / "copy.sqlite3", "r+b") as copy:
        copy.seek(PAGE_SIZE + 8)  # inside the second page (a backup's pages), past its header
        copy.write(b"\x7f" * 1000)
    assert main(["check", str(tmp_path / "copy.sqlite3")]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"error: {tmp_path / 'copy.sqlite3'} ")
    assert error.count("\n") == 1
    assert error.rstrip().endswith(".")
    assert "integrity" in error or "damaged" in error


async def _fresh_archive(path: Path) -> None:
    database = await Database.open(path)
    await store_records(database, [record("Статья", "Астрахань и Атырау. " * 50)])
    await database.close()


def test_a_file_that_is_not_an_archive_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("not a database " * 100)
    assert main(["check", str(tmp_path / "notes.txt")]) == 1
    assert "is damaged or not an SQLite archive" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.sqlite3")]) == 1
    assert "is not a file" in capsys.readouterr().err


async def test_a_backup_never_overwrites_and_names_a_file_in_a_folder(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    entry = make_backup(database.path, folder, NOW)
    assert Path(entry.path) == folder / "archive-20261121-090000.sqlite3"
    with pytest.raises(BackupError, match="already exists"):
        make_backup(database.path, folder, NOW)
    assert sorted(p.name for p in folder.iterdir()) == ["archive-20261121-090000.sqlite3"]


async def test_stats_show_the_last_backup(database: Database, tmp_path: Path) -> None:
    before = await admin_stats(database.reader, NOW)
    assert before.last_backup is None
    assert "Резервных копий ещё не было" in admin_view.stats(before, "ru")
    make_backup(database.path, tmp_path / "copy.sqlite3", NOW)
    after = await admin_stats(database.reader, NOW)
    assert after.last_backup is not None
    assert after.last_backup.size == (tmp_path / "copy.sqlite3").stat().st_size
    cases: tuple[tuple[Lang, str], ...] = (
        ("ru", "Последняя резервная копия"),
        ("kk", "Соңғы сақтық"),
        ("en", "Last backup"),
    )
    for lang, words in cases:
        line = admin_view.stats(after, lang).splitlines()[-1]
        assert line.startswith(words)
        assert "21.11.2026 09:00 UTC" in line
        assert str(tmp_path / "copy.sqlite3") in line


def _pragma(path: Path, name: str) -> object:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


async def test_compact_gives_back_the_space_of_removed_articles_and_keeps_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "archive.sqlite3"
    database = await Database.open(path)
    rng = random.Random(1)
    words = ["".join(rng.choices("абвгдеклмнопрст", k=8)) for _ in range(3000)]
    texts = [" ".join(rng.choices(words, k=400)) for _ in range(300)]
    ids = await store_records(
        database, [record(f"Омск {i}", text) for i, text in enumerate(texts)]
    )
    async with database.transaction() as writer:
        await writer.execute("DELETE FROM articles WHERE id > ?", (ids[9],))
    await database.close()
    before = path.stat().st_size
    assert await asyncio.to_thread(main, ["compact", "--db", str(path)]) == 0
    assert "compacted from" in capsys.readouterr().out
    assert path.stat().st_size < before / 2
    assert _pragma(path, "page_size") == PAGE_SIZE
    assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "freelist_count") == 0
    assert check_archive(path)[-1] == "full-text index articles_fts"
    assert _count(path, "articles") == 10


async def test_compact_refuses_an_archive_in_use(database: Database) -> None:
    with pytest.raises(CompactError, match="is in use; stop the bot"):
        await asyncio.to_thread(compact_archive, database.path)
    assert _count(database.path, "articles") == 20


def test_a_damaged_article_text_fails_the_check_naming_the_article(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    asyncio.run(_fresh_archive(path))
    with contextlib.closing(sqlite3.connect(path)) as connection:
        (article_id, packed) = connection.execute("SELECT id, body_zlib FROM articles").fetchone()
    data = bytearray(path.read_bytes())
    at = data.index(packed) + len(packed) // 2
    data[at] ^= 0xFF  # one byte of the text flipped, as a bad disk would: the pages stay sound
    path.write_bytes(bytes(data))
    with pytest.raises(CheckFailed, match=f"the text of article {article_id} is damaged"):
        check_archive(path)
