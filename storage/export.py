"""Exporting a selection of articles as rows: CSV (UTF-8 with BOM) or XLSX, streamed in batches.

The columns come from one mapping (`archive_columns`): the article's url and its sectors' roles
(main or mentioned) are read where the archive has those columns, and left empty or counted as
main where it has not, so an archive with them fills them in without a change here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from storage.export_files import CsvFile, ExportFile
from storage.models import Selection
from storage.queries import filtered
from storage.regions import get_region
from storage.sectors import get_sector

Format = Literal["csv", "xlsx"]
MAX_ROWS = 100_000
BATCH = 1_000
HEADER = (
    "id", "date", "title", "language", "partner_regions", "mentioned_regions", "main_sectors",
    "other_sectors", "summary", "url", "outlet", "story_id",
)  # fmt: skip
# One row per article, in the order of the ids given (a JSON array): {url} and {sector_role}
# are the column expressions `archive_columns` chose.
SELECT_ROWS = """
SELECT a.id, a.date, a.title, a.lang, a.summary, {url}, a.source, a.story_id,
    (SELECT json_group_array(json_array(r.region_id, r.role)) FROM
        (SELECT region_id, role FROM article_regions WHERE article_id = a.id ORDER BY position)
        AS r),
    (SELECT json_group_array(json_array(s.sector_id, s.role)) FROM
        (SELECT sector_id, {sector_role} AS role FROM article_sectors AS x
         WHERE x.article_id = a.id ORDER BY x.rank) AS s)
FROM json_each(?) AS j JOIN articles AS a ON a.id = j.value ORDER BY j.key
"""
SELECT_COLUMNS = "SELECT name FROM pragma_table_info(?)"


@dataclass(frozen=True, slots=True)
class ArchiveColumns:
    """Where the optional columns of an export come from in this archive's schema."""

    url: str  # SQL expression over `a` (articles)
    sector_role: str  # SQL expression over `x` (article_sectors): 'main' or another role

    @property
    def rows_sql(self) -> str:
        return SELECT_ROWS.format(url=self.url, sector_role=self.sector_role)


async def archive_columns(db: aiosqlite.Connection) -> ArchiveColumns:
    """The mapping for this archive: `articles.url` and `article_sectors.role` when they exist."""
    articles = {row[0] for row in await db.execute_fetchall(SELECT_COLUMNS, ("articles",))}
    links = {row[0] for row in await db.execute_fetchall(SELECT_COLUMNS, ("article_sectors",))}
    return ArchiveColumns(
        url="a.url" if "url" in articles else "NULL",
        sector_role="x.role" if "role" in links else "'main'",
    )


def neutralised(value: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


async def selection_ids(
    db: aiosqlite.Connection, selection: Selection, limit: int = MAX_ROWS
) -> AsyncIterator[list[int]]:
    """The ids of a selection, newest first, in batches, at most `limit` in all."""
    parts = filtered(selection)
    sent, last_key = 0, None
    while parts is not None and sent < limit:
        batch_parts = replace(parts, where=list(parts.where), params=list(parts.params))
        if last_key is not None:
            batch_parts.add(f"{parts.key} < ?", last_key)
        sql = f"{batch_parts.page_sql()}"
        rows = list(await db.execute_fetchall(sql, [*batch_parts.params, BATCH, 0]))
        if not rows:
            return
        rows = rows[: limit - sent]
        sent += len(rows)
        last_key = rows[-1][1]
        yield [row[0] for row in rows]


def export_row(row: Any, lang: str) -> tuple[object, ...]:
    """One database row as the export's cells (in HEADER's order)."""
    article_id, date, title, article_lang, summary, url, outlet, story_id = row[:8]
    regions, sectors = json.loads(row[8]), json.loads(row[9])
    return (
        article_id,
        dt.date.fromisoformat(date) if date else None,
        neutralised(title),
        article_lang,
        _regions(regions, "partner", lang),
        _regions(regions, "mentioned", lang),
        _sectors(sectors, main=True, lang=lang),
        _sectors(sectors, main=False, lang=lang),
        neutralised(summary),
        neutralised(url) if url else None,
        neutralised(outlet) if outlet else None,
        story_id,
    )


def _open(path: Path, file_format: Format) -> ExportFile:
    if file_format == "xlsx":
        from storage.export_xlsx import XlsxFile  # openpyxl loads on the first workbook

        return XlsxFile(path, HEADER)
    return CsvFile(path, HEADER)


def _regions(regions: list[list[str]], role: str, lang: str) -> str:
    names = [get_region(region_id) for region_id, region_role in regions if region_role == role]
    return "; ".join(region.name(lang) for region in names if region)


def _sectors(sectors: list[list[str]], *, main: bool, lang: str) -> str:
    chosen = [get_sector(sector_id) for sector_id, role in sectors if (role == "main") == main]
    return "; ".join(sector.label(lang) for sector in chosen if sector)


async def export_selection(
    db: aiosqlite.Connection,
    selection: Selection,
    path: Path,
    file_format: Format = "csv",
    *,
    lang: str = "ru",
    limit: int = MAX_ROWS,
) -> int:
    """Write a selection into a file at `path`; returns the number of rows (header excluded).

    Rows are read a batch at a time and written in a worker thread, so neither memory nor the
    event loop holds the whole selection.
    """
    columns = await archive_columns(db)
    file = _open(path, file_format)
    count = 0
    try:
        async for ids in selection_ids(db, selection, limit):
            rows = await db.execute_fetchall(columns.rows_sql, (json.dumps(ids),))
            cells = [export_row(row, lang) for row in rows]
            await asyncio.to_thread(file.write_rows, cells)
            count += len(cells)
    finally:
        await asyncio.to_thread(file.close)
    return count
