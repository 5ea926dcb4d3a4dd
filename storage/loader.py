"""Loading a folder of raw article files into the archive, in one transaction, with a report."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from storage.article_files import article_files, read_file_bytes
from storage.db import Database
from storage.figures_store import sync_figures
from storage.identity import IdentityIndex, Known, article_url, content_key
from storage.models import ArticleRecord
from storage.reading import (
    READER_VERSION,
    UnreadableArticle,
    decode_article_file,
    read_article,
    reading_digest,
)
from storage.store import (
    NewArticle,
    delete_articles,
    existing_files,
    insert_articles,
    known_catalogue,
    next_article_id,
    stored_readings,
    update_article,
)
from storage.stories import group_stories
from storage.workers import WorkerProcess

logger = logging.getLogger(__name__)

# A load may remove at most this share of the archive (or a couple of articles) unless asked
# to prune: an emptied, wrong or half-mounted folder looks exactly like "everything was
# deleted", and one such /reload would otherwise wipe the archive and its article links.
MAX_REMOVED_SHARE = 0.2
REMOVALS_ALWAYS_ALLOWED = 2


class TooManyRemovals(RuntimeError):
    """The load would remove too much of the archive; nothing was changed."""

    def __init__(self, removing: int, total: int) -> None:
        super().__init__(
            f"The load would remove {removing} of the {total} articles in the archive, so it was"
            " refused (an empty or wrong folder must not wipe the archive); load with --prune"
            " if that is intended."
        )
        self.removing = removing
        self.total = total

    def __reduce__(self) -> tuple[type[TooManyRemovals], tuple[int, int]]:
        return TooManyRemovals, (self.removing, self.total)  # from a worker process, intact


def check_removals(removing: int, total: int) -> None:
    """Raise TooManyRemovals when removing `removing` of `total` articles is too much."""
    everything = total > 0 and removing == total
    too_many = removing > max(REMOVALS_ALWAYS_ALLOWED, MAX_REMOVED_SHARE * total)
    if everything or too_many:
        raise TooManyRemovals(removing, total)


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
    # Files re-read only because the reader changed (their bytes did not), and those of them
    # whose record changed (they are also in `updated`).
    reread: list[str] = field(default_factory=list)
    reread_changed: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One file read successfully: its name, hash, record and identity."""

    name: str
    sha256: str
    record: ArticleRecord
    key: str  # content_key(raw), computed with the reading, outside the transaction
    url: str | None
    reading_sha256: str = ""
    reread: bool = False  # the bytes are unchanged; only the reader is new
    record_changed: bool = True

    def article(self, article_id: int) -> NewArticle:
        return NewArticle(
            article_id,
            self.name,
            self.sha256,
            self.record,
            self.key,
            READER_VERSION,
            self.reading_sha256,
        )


async def load_directory(
    database: Database,
    directory: str | Path,
    *,
    prune: bool = False,
    worker: WorkerProcess | None = None,
) -> LoadReport:
    """Bring the archive in line with the *.txt files of a folder.

    New files are added, changed ones updated in place (same id), deleted ones removed; a file
    that cannot be read is rejected with its reason (a version already in the archive is kept).
    An article is its content (or URL), not its file name: a renamed file keeps its id (it is
    reported as updated), and a new file with the text of another present file is rejected.
    Unless `prune`, a load that would remove more than a small share of the archive raises
    TooManyRemovals before anything is written. All writes happen in one transaction: if
    anything fails, the previous archive stays intact and the exception propagates.
    With a `worker`, the whole load (reading, writing, indexing) runs in that process on its own
    connections, and this one only waits; else files are read in a thread of this process.
    """
    if worker is not None:
        return await worker.run(load_in_this_process, database.path, Path(directory), prune)
    started = time.perf_counter()
    paths = await asyncio.to_thread(article_files, Path(directory))
    # Files are read before taking the writer, so other writes wait only for the SQL.
    known = await existing_files(database.reader)
    readings = await stored_readings(database.reader)
    report, read = await _read_all(paths, known, readings)
    async with database.transaction() as writer:
        if (now_known := await existing_files(writer)) != known:  # another load came first
            known, readings = now_known, await stored_readings(writer)
            report, read = await _read_all(paths, known, readings)
        await _write(writer, read, known, _removed(known, paths), report, prune=prune)
    report.seconds = time.perf_counter() - started
    logger.info("load of %s: %s", directory, _summary_line(report))
    return report


def load_in_this_process(database_path: Path, directory: Path, prune: bool) -> LoadReport:
    """A worker's job: the whole load on connections of its own (the bot migrated the file)."""

    async def load() -> LoadReport:
        database = await Database.open(database_path, migrate=False)
        try:
            return await load_directory(database, directory, prune=prune)
        finally:
            await database.close(checkpoint=False)

    return asyncio.run(load())


def warm_up() -> None:
    """A worker's first job: the loader imported and the reader's tables built before a load."""
    read_article("Аким Костанайской области встретился с губернатором Омской области.")


def _removed(known: dict[str, tuple[int, str]], paths: list[Path]) -> list[str]:
    return sorted(set(known) - {path.name for path in paths})


Readings = dict[str, tuple[int, str]]  # file -> (reader version, reading digest)


async def _read_all(
    paths: list[Path], known: dict[str, tuple[int, str]], readings: Readings
) -> tuple[LoadReport, list[ReadFile]]:
    report = LoadReport()
    read = await asyncio.to_thread(_read_changed, paths, known, readings, report)
    return report, read


async def _write(
    writer: aiosqlite.Connection,
    read: list[ReadFile],
    known: dict[str, tuple[int, str]],
    gone: list[str],
    report: LoadReport,
    *,
    prune: bool,
) -> None:
    identities = IdentityIndex(writer)
    fresh, renamed = await _sort_new(read, known, gone, identities, report)
    report.removed = sorted(set(gone) - {old for old, _ in renamed})
    if not prune:
        check_removals(len(report.removed), len(known))
    await delete_articles(writer, report.removed)
    catalogue = await known_catalogue(writer)
    first_id = await next_article_id(writer)
    added = [item.article(first_id + i) for i, item in enumerate(fresh)]
    await insert_articles(writer, added, catalogue)
    changed = [item.article(known[item.name][0]) for item in read if item.name in known]
    changed += [item.article(article_id) for _, (item, article_id) in renamed]
    for article in changed:
        await update_article(writer, article, catalogue)
    report.added = [article.file for article in added]
    updated = [item for item in read if item.name in known]
    updated += [item for _, (item, _) in renamed]
    report.updated = sorted(item.name for item in updated if item.record_changed)
    report.reread = [item.name for item in read if item.reread]
    report.reread_changed = [item.name for item in read if item.reread and item.record_changed]
    report.rejected.sort()
    report.new_article_ids = [article.id for article in added]
    await group_stories(writer, [article.id for article in added + changed])
    await sync_figures(writer)  # also fills in articles stored before figures were read


async def _sort_new(
    read: list[ReadFile],
    known: dict[str, tuple[int, str]],
    gone: list[str],
    identities: IdentityIndex,
    report: LoadReport,
) -> tuple[list[ReadFile], list[tuple[str, tuple[ReadFile, int]]]]:
    """New file names, sorted into new articles and renamed ones; the same text as a file
    still present is rejected (one article, one file)."""
    fresh: list[ReadFile] = []
    renamed: dict[str, tuple[ReadFile, int]] = {}  # old file name -> (new file, article id)
    for item in (item for item in read if item.name not in known):
        match = await identities.find(item.key, item.url)
        if match is None:
            fresh.append(item)
            identities.add(item.key, item.url, Known(0, item.name))
        elif match.file in gone and match.file not in renamed:
            renamed[match.file] = (item, match.id)
        else:
            reason = f"The same article is already in the archive as {match.file}."
            report.rejected.append((item.name, reason))
    return fresh, list(renamed.items())


def _read_changed(
    paths: list[Path], known: dict[str, tuple[int, str]], readings: Readings, report: LoadReport
) -> list[ReadFile]:
    """Read every file whose hash differs from the archive's, or that an older reader read;
    fill unchanged and rejected."""
    read = []
    for path in paths:
        try:
            item = _read_if_changed(path, known.get(path.name), readings.get(path.name))
        except UnreadableArticle as error:
            report.rejected.append((path.name, str(error)))
            continue
        if item is None or not item.record_changed:
            report.unchanged.append(path.name)
        if item is not None:
            read.append(item)
    return read


def _read_if_changed(
    path: Path, previous: tuple[int, str] | None, reading: tuple[int, str] | None
) -> ReadFile | None:
    data = read_file_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    same_bytes = previous is not None and previous[1] == digest
    if same_bytes and reading is not None and reading[0] == READER_VERSION:
        return None
    text = decode_article_file(data)
    record = read_article(text)
    reading_sha256 = reading_digest(record)
    changed = not same_bytes or reading is None or reading[1] != reading_sha256
    key, url = content_key(text), article_url(record.url or record.source)
    return ReadFile(path.name, digest, record, key, url, reading_sha256, same_bytes, changed)


def _summary_line(report: LoadReport) -> str:
    return (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.rejected)} rejected"
    )


def render_report(report: LoadReport) -> str:
    """The report as plain-text lines for a terminal or an admin message."""
    lines = [f"{_summary_line(report)} in {report.seconds:.2f} s"]
    if report.reread:
        lines.append(
            f"re-read {len(report.reread)} unchanged files for reader version {READER_VERSION}: "
            f"{len(report.reread_changed)} records changed"
        )
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
