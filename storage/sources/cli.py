"""`python -m storage sources add|list|remove|check`: the news sources from a terminal."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
from pathlib import Path

from storage.db import Database
from storage.loader import load_directory, render_report
from storage.sources.addresses import RefusedAddress, check_host, checked_url, redact
from storage.sources.checking import SourceChecker, probe
from storage.sources.fetching import Fetcher, FetchFailed
from storage.sources.pages import UnusableListing
from storage.sources.registry import Source, SourceExists, SourceLimitReached, SourceRegistry

DEFAULT_INTERVAL_MINUTES = 30
DEFAULT_MAX_SOURCES = 100


class CommandFailed(Exception):
    """The command could not do its job; the message is printed as `error: ...`."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sources = commands.add_parser("sources", help="the news sources the archive follows")
    sources.add_argument("--db", default=os.environ.get("DATABASE_PATH") or "data/archive.sqlite3")
    actions = sources.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="follow a feed, a sitemap or a page of article links")
    add.add_argument("url")
    add.add_argument("name", nargs="*", help="a name for it (default: the feed's title or site)")
    actions.add_parser("list", help="every source with its state and counters")
    remove = actions.add_parser("remove", help="stop following a source (its articles stay)")
    remove.add_argument("id", type=int)
    check = actions.add_parser("check", help="check sources now and load what they kept")
    check.add_argument("id", type=int, nargs="?", help="one source (default: every active one)")
    check.add_argument("--seeds", default=os.environ.get("SEEDS_DIR") or "seeds")


def _fetcher() -> Fetcher:
    allow = os.environ.get("ALLOW_PRIVATE_SOURCES", "").strip().lower() in ("1", "true", "yes")
    return Fetcher(timeout=20, host_interval=1, allow_private=allow)


async def run(args: argparse.Namespace, now: dt.datetime) -> list[str]:
    """The lines to print; CommandFailed when the command cannot be done."""
    database = await Database.open(Path(args.db))
    try:
        registry = SourceRegistry(database)
        if args.action == "list":
            return [_line(source) for source in await registry.all()] or ["no sources"]
        if args.action == "remove":
            if not await registry.remove(args.id):
                raise CommandFailed(f"no source {args.id}")
            return [f"removed source {args.id}"]
        async with _fetcher() as fetcher:
            if args.action == "add":
                return await _add(registry, fetcher, args.url, " ".join(args.name), now)
            return await _check(database, registry, fetcher, args, now)
    finally:
        await database.close()


async def _add(
    registry: SourceRegistry, fetcher: Fetcher, address: str, name: str, now: dt.datetime
) -> list[str]:
    try:
        url = checked_url(address)
        await check_host(url, allow_private=fetcher.allow_private)
        found = await probe(fetcher, url)
        source_id = await registry.add(
            url, name or found.title, found.kind, interval=DEFAULT_INTERVAL_MINUTES * 60,
            now=now, limit=DEFAULT_MAX_SOURCES,
        )  # fmt: skip
    except RefusedAddress as refusal:
        raise CommandFailed(f"address refused: {refusal.code}") from None
    except (FetchFailed, UnusableListing) as error:
        raise CommandFailed(f"cannot follow {redact(address)}: {error}") from None
    except SourceExists:
        raise CommandFailed("this source is already followed") from None
    except SourceLimitReached:
        raise CommandFailed(f"at most {DEFAULT_MAX_SOURCES} sources") from None
    return [f"added source {source_id}: {found.kind} {redact(url)}"]


async def _check(
    database: Database,
    registry: SourceRegistry,
    fetcher: Fetcher,
    args: argparse.Namespace,
    now: dt.datetime,
) -> list[str]:
    seeds = Path(args.seeds)
    if not await asyncio.to_thread(seeds.is_dir):
        raise CommandFailed(f"{seeds} is not a folder")
    sources = await registry.all()
    if args.id:
        chosen = [s for s in sources if s.id == args.id]
    else:
        chosen = [s for s in sources if not s.paused]
    if args.id and not chosen:
        raise CommandFailed(f"no source {args.id}")
    checker = SourceChecker(registry, fetcher, seeds)
    lines = []
    kept = False
    for source in chosen:
        result = await checker.check(source, now)
        kept = kept or bool(result.kept_files)
        outcome = f"kept {len(result.kept_files)}, rejected {result.rejected}"
        if result.not_modified:
            outcome = "not modified"
        if result.error:
            outcome = f"error: {result.error}"
        lines.append(f"{source.id} {redact(source.url)}: {outcome}")
    if kept:  # loaded like any other file; a running bot's digests notice on their next tick
        lines.append(render_report(await load_directory(database, seeds)))
    return lines


def _line(source: Source) -> str:
    state = "paused" if source.paused else f"next {source.next_check:%Y-%m-%d %H:%M}"
    checked = f"{source.last_check:%Y-%m-%d %H:%M}" if source.last_check else "never"
    error = f"; last error: {source.last_error}" if source.last_error else ""
    return (
        f"{source.id} [{source.kind}] {source.name} {redact(source.url)} — checked {checked}, "
        f"{state}; seen {source.items_seen}, kept {source.items_kept}, "
        f"rejected {source.items_rejected}{error}"
    )
