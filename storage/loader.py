"""Loading a folder of raw article files into the archive, in one transaction, with a report."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from storage.db import Database
from storage.models import ArticleRecord
from storage.reading import UnreadableArticle, decode_article_file, read_article
from storage.reading.decoding import MAX_FILE_BYTES
from storage.store import (
    NewArticle,
    delete_articles,
    existing_files,
    insert_articles,
    known_catalogue,
    next_article_id,
    update_article,
)
from storage.stories import group_stories
from storage.workers import ReadingWorkers

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class LoadReport:
    """What one load did; every list holds file names, sorted."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    seconds: float = 0.0
    new_article_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One file read successfully: its name, hash and record."""

    name: str
    sha256: str
    record: ArticleRecord

    def article(self, article_id: int) -> NewArticle:
        return NewArticle(article_id, self.name, self.sha256, self.record)


async def load_directory(
    database: Database, directory: str | Path, *, workers: ReadingWorkers | None = None
) -> LoadReport:
    """Bring the archive in line with the *.txt files of a folder.

    New files are added, changed ones updated in place (same id), deleted ones removed; a file
    that cannot be read is rejected with its reason (a version already in the archive is kept).
    All writes happen in one transaction: if anything fails, the previous archive stays intact
    and the exception propagates. Files are read in `workers` (processes) when given, else in
    a thread of this process.
    """
    started = time.perf_counter()
    paths = await asyncio.to_thread(_article_files, Path(directory))
    # Files are read before taking the writer, so other writes wait only for the SQL.
    known = await existing_files(database.reader)
    report, read = await _read_all(paths, known, workers)
    async with database.transaction() as writer:
        if (now_known := await existing_files(writer)) != known:  # another load came first
            known = now_known
            report, read = await _read_all(paths, known, workers)
        report.removed = sorted(set(known) - {path.name for path in paths})
        await delete_articles(writer, report.removed)
        await _write(writer, read, known, report)
    report.seconds = time.perf_counter() - started
    logger.info("load of %s: %s", directory, _summary_line(report))
    return report


async def _read_all(
    paths: list[Path], known: dict[str, tuple[int, str]], workers: ReadingWorkers | None
) -> tuple[LoadReport, list[ReadFile]]:
    if workers is None:
        report = LoadReport()
        read = await asyncio.to_thread(_read_changed, paths, known, report)
        return report, read
    # Each chunk carries only its own files' hashes, not the whole archive's.
    items = [(path, known.get(path.name)) for path in paths]
    report, read = LoadReport(), []
    for part_report, part_read in await workers.map_chunks(_read_part, items):
        report.unchanged += part_report.unchanged
        report.rejected += part_report.rejected
        read += part_read
    return report, read


def _read_part(
    items: Sequence[tuple[Path, tuple[int, str] | None]],
) -> tuple[LoadReport, list[ReadFile]]:
    """`_read_changed` over one chunk of files, in a worker process."""
    known = {path.name: previous for path, previous in items if previous is not None}
    report = LoadReport()
    return report, _read_changed([path for path, _ in items], known, report)


async def _write(
    writer: aiosqlite.Connection,
    read: list[ReadFile],
    known: dict[str, tuple[int, str]],
    report: LoadReport,
) -> None:
    catalogue = await known_catalogue(writer)
    first_id = await next_article_id(writer)
    new = [item for item in read if item.name not in known]
    added = [item.article(first_id + i) for i, item in enumerate(new)]
    await insert_articles(writer, added, catalogue)
    changed = [item.article(known[item.name][0]) for item in read if item.name in known]
    for article in changed:
        await update_article(writer, article, catalogue)
    report.added = [article.file for article in added]
    report.updated = [article.file for article in changed]
    report.new_article_ids = [article.id for article in added]
    await group_stories(writer, [article.id for article in added + changed])


def _article_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.txt"))


def _read_changed(
    paths: list[Path], known: dict[str, tuple[int, str]], report: LoadReport
) -> list[ReadFile]:
    """Read every file whose hash differs from the archive's; fill unchanged and rejected."""
    read = []
    for path in paths:
        try:
            item = _read_if_changed(path, known.get(path.name))
        except UnreadableArticle as error:
            report.rejected.append((path.name, str(error)))
            continue
        if item is None:
            report.unchanged.append(path.name)
        else:
            read.append(item)
    return read


def read_file_bytes(path: Path) -> bytes:
    """The bytes of an article file; UnreadableArticle when missing or larger than 1 MB."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableArticle("file is larger than 1 MB")
        return path.read_bytes()
    except OSError as error:
        raise UnreadableArticle(f"cannot read file: {error.strerror}") from error


def _read_if_changed(path: Path, previous: tuple[int, str] | None) -> ReadFile | None:
    data = read_file_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if previous is not None and previous[1] == digest:
        return None
    text = decode_article_file(data)
    return ReadFile(path.name, digest, read_article(text))


def _summary_line(report: LoadReport) -> str:
    return (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.rejected)} rejected"
    )


def render_report(report: LoadReport) -> str:
    """The report as plain-text lines for a terminal or an admin message."""
    lines = [f"{_summary_line(report)} in {report.seconds:.2f} s"]
    if not (report.added or report.updated or report.removed):
        lines.append("nothing changed")
    for label, names in (
        ("added", report.added),
        ("updated", report.updated),
        ("removed", report.removed),
    ):
        lines.extend(f"{label}: {name}" for name in names)
    lines.extend(f"rejected: {name}: {reason}" for name, reason in report.rejected)
    return "\n".join(lines)
