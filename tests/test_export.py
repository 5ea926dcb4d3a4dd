"""Exports: CSV and XLSX rows equal the archive's, text survives, formulas stay text."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage.db import Database
from storage.export import HEADER, export_selection, neutralised
from storage.export_xlsx import XlsxFile
from storage.models import Selection
from storage.repository import Archive
from storage.sectors import get_sector
from tests.analyst_fixtures import analyst_archive


@pytest.fixture
async def archive_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await analyst_archive(tmp_path / "analyst.sqlite3")
    yield database
    await database.close()


Expected = tuple[int, dt.date | None, str, str]


async def _expected(database: Database, selection: Selection) -> list[Expected]:
    """What the repository says about the selection, in the export's terms."""
    page = await Archive(database.reader).articles(selection, limit=1000)
    return [(card.id, card.date, card.title, card.lang) for card in page.items]


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Cyrillic
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


@pytest.mark.parametrize("selection", [Selection(), Selection(region_ids=("kz-atyrau",))])
async def test_csv_rows_are_the_archive_rows(
    archive_db: Database, tmp_path: Path, selection: Selection
) -> None:
    path = tmp_path / "out.csv"
    count = await export_selection(archive_db.reader, selection, path, "csv")
    header, *rows = _csv_rows(path)
    assert tuple(header) == HEADER
    expected = await _expected(archive_db, selection)
    assert count == len(rows) == len(expected)
    assert expected
    got = [(int(r[0]), dt.date.fromisoformat(r[1]) if r[1] else None, r[2], r[3]) for r in rows]
    assert got == [(i, d, neutralised(title), lang) for i, d, title, lang in expected]


async def test_xlsx_rows_dates_and_frozen_header(archive_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    selection = Selection(region_ids=("kz-atyrau", "ru-astrakhan"))
    count = await export_selection(archive_db.reader, selection, path, "xlsx", lang="kk")
    book = load_workbook(path)
    sheet = book["articles"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width == 60
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER
    expected = await _expected(archive_db, selection)
    assert count == len(expected) == len(rows) - 1
    for row, (article_id, date, title, lang) in zip(rows[1:], expected, strict=True):
        assert row[0] == article_id
        cell = row[1]
        assert cell is None or isinstance(cell, dt.datetime)  # a real date, not text
        assert (cell.date() if cell else None) == date
        assert row[2] == neutralised(title)
        assert row[3] == lang
        assert "Атырау облысы" in str(row[4])
        assert "Астрахан облысы" in str(row[4])
    book.close()


async def test_kazakh_and_formula_like_cells_survive_both_formats(
    archive_db: Database, tmp_path: Path
) -> None:
    csv_path, xlsx_path = tmp_path / "out.csv", tmp_path / "out.xlsx"
    await export_selection(archive_db.reader, Selection(), csv_path, "csv")
    await export_selection(archive_db.reader, Selection(), xlsx_path, "xlsx")
    book = load_workbook(xlsx_path)
    xlsx_rows = list(book["articles"].iter_rows(min_row=2, values_only=True))
    for rows in (_csv_rows(csv_path)[1:], xlsx_rows):
        titles = {str(row[2]) for row in rows}
        assert "Өңірлер ынтымақтастығы: әғқңөұүһі" in titles
        cells = [str(cell) for row in rows for cell in row if cell not in (None, "")]
        assert not [cell for cell in cells if cell[0] in "=+-@"]
        assert '\'=HYPERLINK("http://example.com";"Нажми")' in titles
        assert "'+7 новых маршрутов между Атырау и Астраханью" in titles
    book.close()


def test_neutralised_only_changes_formula_starts() -> None:
    assert [neutralised(v) for v in ("=1+1", "+7", "-5", "@a", "Атырау", "")] == [
        "'=1+1", "'+7", "'-5", "'@a", "Атырау", "",
    ]  # fmt: skip


async def test_url_and_main_and_other_sectors_are_the_archives(
    archive_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "out.csv"
    await export_selection(archive_db.reader, Selection(), path, "csv", lang="en")
    header, *rows = _csv_rows(path)
    archive = Archive(archive_db.reader)
    with_url = with_other_sectors = 0
    for cells in rows:
        row = dict(zip(header, cells, strict=True))
        detail = await archive.article(int(row["id"]))
        assert detail is not None
        assert row["url"] == (detail.url or "")
        assert row["main_sectors"] == "; ".join(sector_names(detail.card.sectors))
        assert row["other_sectors"] == "; ".join(sector_names(detail.mentioned_sectors))
        with_url += bool(row["url"])
        with_other_sectors += bool(row["other_sectors"])
    assert with_url == with_other_sectors == len(rows) // 2  # every other fixture article
    first_with_url = next(dict(zip(header, r, strict=True)) for r in rows if r[9])
    assert first_with_url["url"].startswith("https://example.kz/news/")
    assert first_with_url["main_sectors"].count(";") == 1  # the two main ones


def sector_names(sector_ids: tuple[str, ...]) -> list[str]:
    sectors = [get_sector(sector_id) for sector_id in sector_ids]
    return [sector.label("en") for sector in sectors if sector]


async def test_limit_caps_the_rows(archive_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert await export_selection(archive_db.reader, Selection(), path, "csv", limit=7) == 7
    assert len(_csv_rows(path)) == 8


async def test_batches_follow_each_other_without_gaps_or_repeats(
    archive_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.export.BATCH", 4)
    path = tmp_path / "out.csv"
    selection = Selection(region_ids=("kz-atyrau", "ru-astrakhan"))
    await export_selection(archive_db.reader, selection, path, "csv")
    ids = [int(row[0]) for row in _csv_rows(path)[1:]]
    assert ids == [article_id for article_id, *_ in await _expected(archive_db, selection)]
    assert len(ids) > 4


def test_workbook_keeps_markup_numbers_dates_and_drops_what_xml_cannot_carry(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cells.xlsx"
    workbook = XlsxFile(path, ("id", "date", "title", "story_id"))
    rows = [
        (1, dt.date(2024, 2, 29), '<b>Атырау & Астрахань</b> "кавычки"', None),
        (2, None, "  ұ ү һ і  ", 7),
        (3, dt.date(1999, 12, 31), "bell\x07 and\x00 nul", 0),
    ]
    workbook.write_rows(rows[:1])
    workbook.write_rows(rows[1:])
    workbook.close()
    book = load_workbook(path)
    sheet = book["articles"]
    got = list(sheet.iter_rows(values_only=True))
    assert got[0] == ("id", "date", "title", "story_id")
    assert got[1] == (1, dt.datetime(2024, 2, 29), rows[0][2], None)
    assert got[2] == (2, None, "  ұ ү һ і  ", 7)
    assert got[3] == (3, dt.datetime(1999, 12, 31), "bell and nul", 0)
    assert sheet.column_dimensions["C"].width == 60
    assert sheet["A1"].font.b
    assert not sheet["A2"].font.b
    assert sheet["B2"].number_format == "yyyy-mm-dd"
    book.close()
