"""`python -m storage export [--format csv|xlsx] [filters…] > file`: a selection as a file."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from storage.db import Database, DatabaseUnavailable
from storage.export import MAX_ROWS, export_selection
from storage.models import LANGUAGES, Selection
from storage.regions import resolve_regions
from storage.sectors import resolve_sector


class ExportArgumentError(ValueError):
    """A filter names nothing the archive knows; the message says which."""


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write a selection of articles as CSV or XLSX")
    export.add_argument("--db", required=False, help="archive file (default: as for load)")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("--region", help="a region or a pair, as typed to the bot")
    export.add_argument("--sector", help="a sector: its id or name in ru, kk or en")
    export.add_argument("--since", type=dt.date.fromisoformat, help="first date, YYYY-MM-DD")
    export.add_argument("--until", type=dt.date.fromisoformat, help="last date, YYYY-MM-DD")
    export.add_argument("--query", help="words to search for")
    export.add_argument("--lang", choices=LANGUAGES, default="ru", help="names' language")
    export.add_argument("--limit", type=int, default=MAX_ROWS, help="at most this many rows")


def selection_of(args: argparse.Namespace) -> Selection:
    """The selection the filters describe; ExportArgumentError for a name nobody knows."""
    region_ids: tuple[str, ...] = ()
    if args.region:
        regions = resolve_regions(args.region)
        if not regions:
            raise ExportArgumentError(f"no region is called {args.region!r}")
        region_ids = tuple(region.id for region in regions)
    sector = None
    if args.sector:
        found = resolve_sector(args.sector)
        if found is None:
            raise ExportArgumentError(f"no sector is called {args.sector!r}")
        sector = found.id
    return Selection(
        region_ids=region_ids,
        sector=sector,
        since=args.since,
        until=args.until,
        query=args.query or None,
    )


def run_export(args: argparse.Namespace, database_path: Path, out: BinaryIO | None = None) -> int:
    """Write the file to `out` (stdout by default); 2 and a sentence on stderr for bad filters."""
    try:
        selection = selection_of(args)
    except ExportArgumentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not database_path.is_file():
        print(f"error: there is no archive at {database_path}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export.{args.format}"
        try:
            count = asyncio.run(_export(database_path, selection, path, args))
        except DatabaseUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        with path.open("rb") as written:
            shutil.copyfileobj(written, out or sys.stdout.buffer)
    print(f"{count} articles exported", file=sys.stderr)
    return 0


async def _export(
    database_path: Path, selection: Selection, path: Path, args: argparse.Namespace
) -> int:
    lang = next(code for code in LANGUAGES if code == args.lang)  # argparse checked it
    database = await Database.open(database_path)
    try:
        return await export_selection(
            database.reader, selection, path, args.format, lang=lang, limit=args.limit
        )
    finally:
        await database.close()
