"""The XLSX export file: openpyxl's streaming writer, one sheet, a frozen bold header row, set
column widths and real date cells. Imported on the first XLSX export, not when the bot starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

# Widths in characters, by header name; anything else gets DEFAULT_WIDTH.
WIDTHS = {
    "id": 8, "date": 12, "title": 60, "language": 9, "partner_regions": 40,
    "mentioned_regions": 40, "main_sectors": 30, "other_sectors": 30, "summary": 80, "url": 40,
    "outlet": 24, "story_id": 9,
}  # fmt: skip
DEFAULT_WIDTH = 16
DATE_FORMAT = "yyyy-mm-dd"


class XlsxFile:
    """An XLSX workbook written in openpyxl's streaming mode: one sheet, frozen header row."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self._path = path
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("articles")
        self._sheet.freeze_panes = "A2"
        for index, name in enumerate(header, start=1):
            width = WIDTHS.get(name, DEFAULT_WIDTH)
            self._sheet.column_dimensions[get_column_letter(index)].width = width
        bold = Font(bold=True)
        self._sheet.append([self._cell(name, font=bold) for name in header])

    def write_rows(self, rows: Sequence[Sequence[object]]) -> None:
        for row in rows:
            self._sheet.append([self._value(value) for value in row])

    def close(self) -> None:
        self._book.save(self._path)
        self._book.close()

    def _value(self, value: object) -> object:
        if isinstance(value, dt.date):  # a date cell: midnight of the day, shown as a date
            moment = dt.datetime.combine(value, dt.time())
            return self._cell(moment, number_format=DATE_FORMAT)
        if isinstance(value, str):  # control characters cannot be stored in a workbook
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def _cell(
        self,
        value: str | dt.datetime,
        *,
        font: Font | None = None,
        number_format: str | None = None,
    ) -> Cell:
        cell = WriteOnlyCell(self._sheet, value=value)
        if font is not None:
            cell.font = font
            cell.alignment = Alignment(vertical="top")
        if number_format is not None:
            cell.number_format = number_format
        return cell
