"""The loader reads only regular files inside the seeds folder, each checked before reading."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.db import Database
from storage.loader import load_directory
from storage.repository import Archive
from tests.archive_fixtures import SEEDS

SECRET_LINE = "BOT_TOKEN=123456:very-secret"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    good = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copyfile(good, folder / "good.txt")
    (tmp_path / ".env").write_text(f"{SECRET_LINE}\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "dotenv.txt").symlink_to(tmp_path / ".env")
    (folder / "inside.txt").symlink_to(folder / "good.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "f.txt")
    with (folder / "big.txt").open("wb") as big:
        big.truncate(50 * 1024 * 1024)  # sparse: reading it would take 50 MB
    (folder / "folder.txt").mkdir()
    return folder


@pytest.mark.timeout(30)  # a FIFO that is opened for reading would hang the load forever
async def test_links_pipes_devices_and_big_files_are_refused_with_reasons(
    tmp_path: Path, hostile_folder: Path
) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        report = await load_directory(database, hostile_folder)
        coverage = await Archive(database.reader).coverage()
        async with database.reader.execute(
            "SELECT group_concat(title || ' ' || article_body(body_zlib), ' ') FROM articles"
        ) as rows:
            row = await rows.fetchone()
    finally:
        await database.close()
    assert report.added == ["good.txt"]
    assert coverage.articles == 1
    assert row is not None
    assert "root:" not in row[0]
    assert SECRET_LINE not in row[0]
    reasons = dict(report.rejected)
    link = "The file is a symbolic link; only regular files inside the folder are read."
    assert reasons == {
        "big.txt": "The file is larger than 1 MB.",
        "dotenv.txt": link,
        "f.txt": "This is a pipe or a socket, not a regular file.",
        "folder.txt": "This is a folder, not a file.",
        "inside.txt": link,
        "passwd.txt": link,
        "zero.txt": link,
    }


@pytest.mark.timeout(30)
async def test_a_device_node_in_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    try:
        os.mknod(folder / "null.txt", 0o644 | 0o020000, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs privileges")
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        report = await load_directory(database, folder)
    finally:
        await database.close()
    assert report.rejected == [("null.txt", "This is a device, not a regular file.")]
