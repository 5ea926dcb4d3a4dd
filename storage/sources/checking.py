"""Checking a source: read its listing, fetch new items, keep the relevant ones as seeds files."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from storage.models import ArticleRecord
from storage.reading import UnreadableArticle, read_article
from storage.sources.addresses import redact
from storage.sources.article_file import article_text, file_name
from storage.sources.fetching import Fetched, Fetcher, FetchFailed
from storage.sources.items import SeenItem
from storage.sources.pages import (
    Listed,
    UnusableListing,
    decode_page,
    detect_kind,
    extract_article,
    feed_title,
    listed_items,
)
from storage.sources.registry import Source, SourceKind, SourceRegistry
from storage.sources.relevance import judge

logger = logging.getLogger(__name__)

T = TypeVar("T")

PAUSE_AFTER_FAILURES = 10
MAX_NEW_ITEMS = 50  # per check; the rest of a long listing comes with the next checks


@dataclass(slots=True)
class CheckResult:
    """What one check did."""

    source_id: int
    error: str | None = None
    not_modified: bool = False
    paused_now: bool = False
    kept_files: list[str] = field(default_factory=list)
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class Probe:
    """What an address turned out to be when a source is added."""

    kind: SourceKind
    title: str


async def probe(fetcher: Fetcher, url: str) -> Probe:
    """The kind of the source at `url` and a name for it; UnusableListing when it is none."""
    fetched = await fetcher.get(url)
    kind = detect_kind(fetched.body, fetched.content_type)
    if kind is None:
        raise UnusableListing("not a feed, a sitemap or an HTML page")
    listed_items(kind, fetched.body, fetched.url, fetched.charset)  # raises when unreadable
    title = feed_title(fetched.body) if kind == "feed" else ""
    return Probe(kind, title[:100] or (urlsplit(fetched.url).hostname or url))


class SourceChecker:
    """Checks sources into `seeds_dir`; loading the folder afterwards is the caller's job."""

    def __init__(
        self,
        registry: SourceRegistry,
        fetcher: Fetcher,
        seeds_dir: Path,
        executor: Executor | None = None,
    ) -> None:
        self.registry = registry
        self.fetcher = fetcher
        self.seeds_dir = seeds_dir
        # Parsing and reading are CPU work: in a process pool they leave the event loop (and
        # the users' commands) alone; None runs them in the default thread pool.
        self.executor = executor

    async def _run(self, function: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    async def check(self, source: Source, now: dt.datetime) -> CheckResult:
        result = CheckResult(source.id)
        try:
            listing = await self.fetcher.get(
                source.url, etag=source.etag, last_modified=source.last_modified
            )
            items = [] if listing.status == 304 else await self._listed(source, listing)
        except (FetchFailed, UnusableListing) as error:
            result.error = str(error)
            logger.warning("source %s failed: %s", redact(source.url), error)
            result.paused_now = await self.registry.record_failure(
                source, result.error, now, pause_after=PAUSE_AFTER_FAILURES
            )
            return result
        result.not_modified = listing.status == 304
        fresh = await self._fresh(items)
        seen = await asyncio.gather(*(self._read_item(item) for item in fresh))
        kept_items = [item for item in seen if item is not None]
        result.kept_files = [item.file for item in kept_items if item.kept and item.file]
        result.rejected = sum(not item.kept for item in kept_items)
        validators = (listing.etag, listing.last_modified)
        if listing.status == 304:
            validators = (source.etag, source.last_modified)
        await self.registry.record_success(source, validators, kept_items, now)
        return result

    async def _listed(self, source: Source, listing: Fetched) -> list[Listed]:
        return await self._run(
            listed_items, source.kind, listing.body, listing.url, listing.charset
        )

    async def _fresh(self, items: list[Listed]) -> list[Listed]:
        known = await self.registry.known_urls(item.url for item in items)
        return [item for item in items if item.url not in known][:MAX_NEW_ITEMS]

    async def _read_item(self, item: Listed) -> SeenItem | None:
        """The item kept or rejected; None when it could not be fetched (tried again later)."""
        try:
            page = await self.fetcher.get(item.url)
        except FetchFailed as error:
            logger.info("item %s not fetched: %s", redact(item.url), error)
            if error.permanent:
                return SeenItem(item.url, item.title, kept=False, reason=f"fetch:{error}")
            return None
        if page.url == item.url:
            return await self._read_page(item, page)
        # A redirect: remember the page under its own address, and the listed one as an alias.
        if await self.registry.known_urls([page.url]):
            return SeenItem(item.url, item.title, kept=False, reason="duplicate")
        seen = await self._read_page(Listed(page.url, item.title, item.date), page)
        return dataclasses.replace(seen, aliases=(item.url,))

    async def _read_page(self, item: Listed, page: Fetched) -> SeenItem:
        if detect_kind(page.body, page.content_type) != "links":
            return SeenItem(item.url, item.title, kept=False, reason="not_html")
        outcome = await self._run(read_page, page.body, page.charset, page.url, item.date)
        if isinstance(outcome, str):
            return SeenItem(item.url, item.title, kept=False, reason=outcome)
        text, record = outcome
        verdict = judge(record)
        if not verdict.kept:
            reason = verdict.reason + "".join(f":{side}" for side in verdict.sides)
            return SeenItem(item.url, record.title, kept=False, reason=reason, text=text)
        name = file_name(item.url)
        await asyncio.to_thread(write_seed, self.seeds_dir, name, text)
        return SeenItem(item.url, record.title, kept=True, file=name)


def read_page(
    body: bytes, charset: str | None, url: str, listed_date: dt.date | None
) -> tuple[str, ArticleRecord] | str:
    """The article file's text and its reading, or why there is none (`no_text`, `unreadable`).

    A pure function of its arguments, so that it can run in a worker process.
    """
    article = extract_article(decode_page(body, charset), url)
    if article is None:
        return "no_text"
    if article.date is None and listed_date is not None:
        article = dataclasses.replace(article, date=listed_date)
    text = article_text(article)
    try:
        return text, read_article(text)
    except UnreadableArticle:
        return "unreadable"


def write_seed(folder: Path, name: str, text: str) -> Path:
    """Write an article file into the seeds folder atomically (never a half-written file)."""
    target = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".src-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
