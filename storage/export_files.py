"""The CSV export file: UTF-8 with a BOM (Excel then reads Cyrillic right), written a batch of
rows at a time; and what every export file does (XLSX: `storage/export_xlsx.py`)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Protocol


class ExportFile(Protocol):
    def write_rows(self, rows: Sequence[Sequence[object]]) -> None: ...

    def close(self) -> None: ...


class CsvFile:
    """A CSV file: UTF-8 with a BOM, a header row, dates as YYYY-MM-DD (a date's str), None as
    an empty cell (as the csv module writes it)."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self._stream: IO[str] = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._stream)
        self._writer.writerow(header)

    def write_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self._writer.writerows(rows)

    def close(self) -> None:
        self._stream.close()
