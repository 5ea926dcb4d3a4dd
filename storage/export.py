"""Exporting a selection of articles as rows: CSV (UTF-8 with BOM) or XLSX, streamed in batches.

Sectors are split as the archive keeps them: main sectors (what the article is about,
`article_sectors`) and other sectors (named in passing, `article_sectors_mentioned`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from storage.export_files import CsvFile, ExportFile
from storage.models import Lang, Selection
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
# One row per article, in the order of the ids given (a JSON array).
SELECT_ROWS = """
SELECT a.id, a.date, a.title, a.lang, a.summary, a.url, a.source, a.story_id,
    (SELECT json_group_array(json_array(r.region_id, r.role)) FROM
        (SELECT region_id, role FROM article_regions WHERE article_id = a.id ORDER BY position)
        AS r),
    (SELECT json_group_array(s.sector_id) FROM
        (SELECT sector_id FROM article_sectors WHERE article_id = a.id ORDER BY rank) AS s),
    (SELECT json_group_array(m.sector_id) FROM
        (SELECT sector_id FROM article_sectors_mentioned WHERE article_id = a.id ORDER BY rank)
        AS m)
FROM json_each(?) AS j JOIN articles AS a ON a.id = j.value ORDER BY j.key
"""


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


def export_row(row: Any, lang: Lang) -> tuple[object, ...]:
    """One database row as the export's cells (in HEADER's order)."""
    article_id, date, title, article_lang, summary, url, outlet, story_id = row[:8]
    regions, main_sectors, other_sectors = (json.loads(cell) for cell in row[8:11])
    return (
        article_id,
        dt.date.fromisoformat(date) if date else None,
        neutralised(title),
        article_lang,
        _regions(regions, "partner", lang),
        _regions(regions, "mentioned", lang),
        _sectors(main_sectors, lang),
        _sectors(other_sectors, lang),
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


def _regions(regions: list[list[str]], role: str, lang: Lang) -> str:
    names = [get_region(region_id) for region_id, region_role in regions if region_role == role]
    return "; ".join(region.name(lang) for region in names if region)


def _sectors(sector_ids: list[str], lang: Lang) -> str:
    chosen = [get_sector(sector_id) for sector_id in sector_ids]
    return "; ".join(sector.label(lang) for sector in chosen if sector)


async def export_selection(
    db: aiosqlite.Connection,
    selection: Selection,
    path: Path,
    file_format: Format = "csv",
    *,
    lang: Lang = "ru",
    limit: int = MAX_ROWS,
) -> int:
    """Write a selection into a file at `path`; returns the number of rows (header excluded).

    Rows are read a batch at a time and written in a worker thread, so neither memory nor the
    event loop holds the whole selection.
    """
    file = _open(path, file_format)
    count = 0
    try:
        async for ids in selection_ids(db, selection, limit):
            rows = await db.execute_fetchall(SELECT_ROWS, (json.dumps(ids),))
            cells = [export_row(row, lang) for row in rows]
            await asyncio.to_thread(file.write_rows, cells)
            count += len(cells)
    finally:
        await asyncio.to_thread(file.close)
    return count
