"""Command line: `load` into the archive, `inspect FILE...` reading, `export` a selection as a
file, `sources` to follow, `backup`, `check` and `compact` the archive."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from storage.article_files import read_file_bytes
from storage.backup import (
    BackupError,
    CheckFailed,
    CompactError,
    check_archive,
    compact_archive,
    make_backup,
)
from storage.db import Database, DatabaseUnavailable
from storage.export_cli import add_export_command, run_export
from storage.loader import TooManyRemovals, load_directory, render_report
from storage.models import ArticleRecord
from storage.reading import UnreadableArticle, decode_article_file, read_article, record_to_json
from storage.sources import cli as sources_cli

DEFAULT_DATABASE = "data/archive.sqlite3"
DEFAULT_SEEDS = "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "sources":
        return _sources(args)
    if args.command == "load":
        directory = Path(args.directory)
        if not directory.is_dir():
            print(f"error: {directory} is not a folder", file=sys.stderr)
            return 2
        return asyncio.run(_load(Path(args.db), directory, prune=args.prune))
    if args.command == "backup":
        return _backup(Path(args.db), Path(args.destination))
    if args.command == "check":
        return _check(Path(args.file or args.db))
    if args.command == "compact":
        return _compact(Path(args.db))
    if args.command == "export":
        return run_export(
            args, Path(args.db or os.environ.get("DATABASE_PATH") or DEFAULT_DATABASE)
        )
    return _inspect([Path(name) for name in args.files], as_json=args.json)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m storage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="load a folder of article files into the archive")
    load.add_argument(
        "--db",
        default=os.environ.get("DATABASE_PATH") or DEFAULT_DATABASE,
        help="archive file (default: $DATABASE_PATH or %(default)s)",
    )
    load.add_argument(
        "directory",
        nargs="?",
        default=os.environ.get("SEEDS_DIR") or DEFAULT_SEEDS,
        help="folder of *.txt article files (default: $SEEDS_DIR or %(default)s)",
    )
    load.add_argument(
        "--prune",
        action="store_true",
        help="allow removing more than a small share of the archive (files deleted on purpose)",
    )
    _add_archive_commands(commands)
    sources_cli.add_parser(commands)
    inspect = commands.add_parser("inspect", help="show how files are read (no database)")
    inspect.add_argument("files", nargs="+", help="article files")
    inspect.add_argument("--json", action="store_true", help="one JSON object per file")
    add_export_command(commands)
    return parser


def _add_archive_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    database = os.environ.get("DATABASE_PATH") or DEFAULT_DATABASE
    backup = commands.add_parser(
        "backup", help="copy the archive into a new file, consistent while the bot runs"
    )
    backup.add_argument("--db", default=database, help="archive file (default: %(default)s)")
    backup.add_argument("destination", help="a new file, or a folder for a dated file name")
    check = commands.add_parser("check", help="check an archive file (or a backup) for damage")
    check.add_argument("--db", default=database, help="archive file (default: %(default)s)")
    check.add_argument("file", nargs="?", help="the file to check instead of --db")
    compact = commands.add_parser(
        "compact", help="rewrite the archive in place without free space (the bot stopped)"
    )
    compact.add_argument("--db", default=database, help="archive file (default: %(default)s)")


def _backup(source: Path, destination: Path) -> int:
    try:
        entry = make_backup(source, destination, dt.datetime.now(dt.UTC))
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"backup written: {entry.path} ({entry.size / 1e6:,.1f} MB)")
    return 0


def _check(path: Path) -> int:
    try:
        checked = check_archive(path)
    except CheckFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{path}: ok ({', '.join(checked)})")
    return 0


def _compact(path: Path) -> int:
    # Brought up to date first, so the space that older migrations freed is given back.
    if path.is_file():
        try:
            asyncio.run(_migrate(path))
        except DatabaseUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    try:
        before, after = compact_archive(path)
    except CompactError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{path}: compacted from {before / 1e6:,.1f} MB to {after / 1e6:,.1f} MB")
    return 0


async def _migrate(path: Path) -> None:
    database = await Database.open(path)
    await database.close()


async def _load(database_path: Path, directory: Path, *, prune: bool) -> int:
    try:
        database = await Database.open(database_path)
    except DatabaseUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    try:
        report = await load_directory(database, directory, prune=prune)
    except TooManyRemovals as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    finally:
        await database.close()
    print(render_report(report))
    return 0


def _sources(args: argparse.Namespace) -> int:
    try:
        lines = asyncio.run(sources_cli.run(args, dt.datetime.now(dt.UTC)))
    except sources_cli.CommandFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _inspect(paths: Sequence[Path], *, as_json: bool) -> int:
    failures = 0
    for path in paths:
        try:
            record = _read(path)
        except UnreadableArticle as error:
            print(f"error: {path.name}: {error}", file=sys.stderr)
            failures += 1
            continue
        fields = record_to_json(record, path.name)
        if as_json:
            print(json.dumps(fields, ensure_ascii=False))
        else:
            print(_as_text(fields))
    return 1 if failures else 0


def _read(path: Path) -> ArticleRecord:
    return read_article(decode_article_file(read_file_bytes(path)))


def _as_text(fields: dict[str, object]) -> str:
    lines = [f"== {fields['file']}"]
    for key, value in fields.items():
        if key != "file":
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            lines.append(f"{key}: {shown}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
