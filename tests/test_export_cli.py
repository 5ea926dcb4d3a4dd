"""`python -m storage export … > file`: the file a spreadsheet opens, and clear errors."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage.__main__ import _parser, main
from storage.export_cli import run_export
from tests.analyst_fixtures import analyst_archive

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    async def build() -> None:
        database = await analyst_archive(tmp_path / "analyst.sqlite3")
        await database.close()

    asyncio.run(build())
    return tmp_path / "analyst.sqlite3"


def test_export_to_a_file_from_the_command_line(archive_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "atyrau.xlsx"
    command = [sys.executable, "-m", "storage", "export", "--db", str(archive_file)]
    command += ["--format", "xlsx", "--region", "Атырау", "--since", "2022-01-01", "--lang", "kk"]
    with target.open("wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(target)["articles"].iter_rows(min_row=2, values_only=True))
    assert rows
    assert all("Атырау облысы" in str(row[4]) for row in rows)
    dates = [row[1] for row in rows]
    assert all(isinstance(date, dt.datetime) and date.year >= 2022 for date in dates)
    assert f"{len(rows)} articles exported" in done.stderr.decode()


def test_export_csv_of_a_sector(archive_file: Path) -> None:
    out = io.BytesIO()
    args = _parser().parse_args(["export", "--db", str(archive_file), "--sector", "туризм"])
    assert run_export(args, archive_file, out) == 0
    header, *rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert header[0] == "id"
    assert rows
    assert all("Туризм" in row[6] for row in rows)


def test_export_names_what_it_does_not_know(
    archive_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(archive_file), "--region", "Нарния"]) == 2
    assert "no region is called 'Нарния'" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "there is no archive at" in capsys.readouterr().err
