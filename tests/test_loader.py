"""Loading a folder: idempotent, updates in place, removes, rejects bad files, all or nothing."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import loader
from storage.db import Database
from storage.facets import stored_counts
from storage.loader import LoadReport, load_directory, render_report
from storage.repository import Archive
from tests.archive_fixtures import SEED_FILES, SEEDS, copy_seeds, seed_named


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ("articles", "article_regions", "article_sectors", "facts", "stories")
    snapshot = {table: _rows(path, f"SELECT * FROM {table} ORDER BY 1, 2") for table in tables}
    snapshot["fts"] = _rows(
        path, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"казахстан\"*' ORDER BY 1"
    )
    return snapshot


async def _ids_by_file(database: Database) -> dict[str, int]:
    async with database.reader.execute("SELECT file, id FROM articles") as cursor:
        return dict(await cursor.fetchall())


async def test_first_load_adds_every_seed(database: Database, seeds: Path) -> None:
    report = await load_directory(database, seeds)
    assert report.added == SEED_FILES
    assert (report.updated, report.unchanged, report.removed, report.rejected) == ([], [], [], [])
    ids = await _ids_by_file(database)
    assert report.new_article_ids == [ids[name] for name in SEED_FILES]
    assert report.new_article_ids == sorted(report.new_article_ids)


async def test_second_load_changes_nothing_and_says_so(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    before = _snapshot(database.path)
    report = await load_directory(database, seeds)
    assert report.unchanged == SEED_FILES
    assert (report.added, report.updated, report.removed, report.rejected) == ([], [], [], [])
    assert report.new_article_ids == []
    assert "nothing changed" in render_report(report)
    assert _snapshot(database.path) == before


async def test_changed_file_is_updated_and_keeps_its_id(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    name = seed_named("004")
    old_id = (await _ids_by_file(database))[name]
    path = seeds / name
    path.write_text(path.read_text("utf-8").replace("Бабушкиным", "Бабушкиным Игорем"), "utf-8")
    report = await load_directory(database, seeds)
    assert report.updated == [name]
    assert report.added == []
    assert (await _ids_by_file(database))[name] == old_id
    detail = await Archive(database.reader).article(old_id)
    assert detail is not None
    assert "Бабушкиным Игорем" in detail.body


async def test_deleted_file_is_removed_with_its_links(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    name = seed_named("003")
    old_id = (await _ids_by_file(database))[name]
    (seeds / name).unlink()
    report = await load_directory(database, seeds)
    assert report.removed == [name]
    assert name not in await _ids_by_file(database)
    for table in ("article_regions", "article_sectors", "facts"):
        assert _rows(database.path, f"SELECT * FROM {table} WHERE article_id = {old_id}") == []


async def test_new_ids_never_reuse_a_deleted_one(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    last = max((await _ids_by_file(database)).values())
    newest = seed_named("004")
    text = (seeds / newest).read_text("utf-8")
    (seeds / newest).unlink()
    (seeds / "005_new.txt").write_text(text + "\nДополнение редакции.\n", "utf-8")
    report = await load_directory(database, seeds)
    assert report.removed == [newest]
    assert report.added == ["005_new.txt"]
    assert report.new_article_ids == [last + 1]


def _write_bad_files(folder: Path) -> None:
    seed_text = (SEEDS / seed_named("004")).read_text("utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "huge.txt").write_text(seed_text * (1_100_000 // len(seed_text) + 1), "utf-8")
    # Another text than the seed's: the same text would be the same article.
    legacy_text = seed_text + "\nПримечание редакции.\n"
    (folder / "legacy_cp1251.txt").write_bytes(legacy_text.encode("cp1251"))
    (folder / "undecodable.txt").write_bytes(b"\x98\x81\xc3\x28\x98 " * 200)
    (folder / "no_title.txt").write_text("1234\n\n...\n5678\n", "utf-8")
    (folder / "notes.md").write_text("not an article file", "utf-8")


async def test_bad_files_are_rejected_with_reasons(database: Database, seeds: Path) -> None:
    _write_bad_files(seeds)
    report = await load_directory(database, seeds)
    reasons = dict(report.rejected)
    assert sorted(reasons) == [
        "binary.txt",
        "empty.txt",
        "huge.txt",
        "no_title.txt",
        "undecodable.txt",
    ]
    assert all(reason.strip() for reason in reasons.values())
    assert "1 MB" in reasons["huge.txt"]
    assert report.added == sorted([*SEED_FILES, "legacy_cp1251.txt"])
    text = render_report(report)
    assert "rejected: empty.txt: " in text
    assert "5 rejected" in text


async def test_a_rejected_edit_keeps_the_previous_version(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    name = seed_named("000")
    (seeds / name).write_bytes(b"")
    report = await load_directory(database, seeds)
    assert [file for file, _ in report.rejected] == [name]
    assert name in await _ids_by_file(database)


async def test_near_duplicate_from_another_outlet_joins_the_same_story(
    database: Database, seeds: Path
) -> None:
    text = (seeds / seed_named("003")).read_text("utf-8")
    (seeds / "010_other_outlet.txt").write_text(text.replace("фото РСК", "фото ТАСС"), "utf-8")
    await load_directory(database, seeds)
    ids = await _ids_by_file(database)
    detail = await Archive(database.reader).article(ids["010_other_outlet.txt"])
    assert detail is not None
    assert [version.article_id for version in detail.same_story] == [ids[seed_named("003")]]
    other = await Archive(database.reader).article(ids[seed_named("000")])
    assert other is not None
    assert other.same_story == ()


def _change_everything(seeds: Path) -> None:
    (seeds / seed_named("000")).unlink()
    path = seeds / seed_named("001")
    path.write_text(path.read_text("utf-8") + "\nДобавлен новый абзац о сотрудничестве.", "utf-8")
    shutil_text = (seeds / seed_named("004")).read_text("utf-8")
    (seeds / "020_new.txt").write_text(shutil_text.replace("2022", "2023"), "utf-8")


@pytest.mark.parametrize("failing_step", ["update_article", "group_stories"])
async def test_a_crash_midway_leaves_the_previous_archive_intact(
    database: Database, seeds: Path, monkeypatch: pytest.MonkeyPatch, failing_step: str
) -> None:
    await load_directory(database, seeds)
    before = _snapshot(database.path)
    _change_everything(seeds)

    async def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk unplugged")

    monkeypatch.setattr(loader, failing_step, crash)
    with pytest.raises(OSError, match="disk unplugged"):
        await load_directory(database, seeds)
    assert _snapshot(database.path) == before
    page = await Archive(database.reader).search("Казахстан", limit=50)
    assert page.total == len(before["fts"])
    monkeypatch.undo()
    report = await load_directory(database, seeds)
    assert (report.added, report.removed) == (["020_new.txt"], [seed_named("000")])


def test_render_report_lists_every_kind() -> None:
    report = LoadReport(
        added=["a.txt"], removed=["b.txt"], rejected=[("c.txt", "file is empty")], seconds=0.5
    )
    lines = render_report(report).splitlines()
    assert lines[0].startswith("1 added, 0 updated, 0 unchanged, 1 removed, 1 rejected")
    assert lines[1:] == ["added: a.txt", "removed: b.txt", "rejected: c.txt: file is empty"]


async def test_full_text_index_follows_updates_and_deletes(
    database: Database, seeds: Path
) -> None:
    await load_directory(database, seeds)
    archive = Archive(database.reader)
    changed = seeds / seed_named("004")
    changed.write_text(
        changed.read_text("utf-8").replace("судостроения", "ракетостроения"), "utf-8"
    )
    (seeds / seed_named("003")).unlink()
    await load_directory(database, seeds)
    ids = await _ids_by_file(database)
    assert [card.id for card in (await archive.search("ракетостроение")).items] == [
        ids[seed_named("004")]
    ]
    assert (await archive.search("судостроения")).total == 0
    assert (await archive.search("Шапкенов")).total == 0  # only in the deleted 003
    async with database.transaction() as writer:
        await writer.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


async def test_stored_overview_counts_follow_every_change(database: Database, seeds: Path) -> None:
    await load_directory(database, seeds)
    _change_everything(seeds)
    await load_directory(database, seeds)
    ids = list((await _ids_by_file(database)).values())
    expected = await stored_counts(database.reader, ids)
    rows = _rows(database.path, "SELECT subject, facet, value, count FROM facet_counts")
    assert {(s, f, v): c for s, f, v, c in rows} == dict(expected.subjects)
    assert expected.subjects[("*", "sector", "trade")] >= 1
    rows = _rows(database.path, "SELECT grain, start, facet, value, count FROM period_counts")
    assert {(g, s, f, v): c for g, s, f, v, c in rows} == dict(expected.periods)
    assert sum(
        c for (g, _, f, _), c in expected.periods.items() if (g, f) == ("month", "articles")
    )
