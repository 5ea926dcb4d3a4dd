"""User writes during a load: how long a subscribe waits, and that none fails.

    .venv/bin/python -m bench.writes                 # loads of 2,000 files
    .venv/bin/python -m bench.writes --files 500

A load holds the database's writer while it stores its files (reading them happens before).
Meanwhile a user subscribes or unsubscribes every 50 ms (each its own small transaction) and a
new user is recorded (bookkeeping, skipped while the writer is busy). Printed for a load in
the same process (/reload) and in another one (`python -m storage load`): the load's time,
writes attempted, failed (target 0), the longest wait, and bookkeeping writes skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.admin import write_files
from bench.figures import target_verdict
from bench.synthetic import synthetic_articles
from bot.reloader import Reloader
from storage import subscriptions
from storage.db import Database
from storage.subscriptions import Subscription
from storage.users import Users

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
FOLLOW = Subscription("region", "kz-atyrau")
CHAT = 700


async def user_writes(database: Database, running: Callable[[], bool]) -> tuple[int, int, float]:
    """(attempted, failed, longest wait in s) of toggling a subscription while `running()`."""
    attempted = failed = 0
    longest = 0.0
    while running():
        started = time.perf_counter()
        try:
            if attempted % 2:
                await subscriptions.unsubscribe(database, CHAT, FOLLOW)
            else:
                await subscriptions.subscribe(database, CHAT, FOLLOW)
        except Exception as error:  # counted: the figure is how many fail
            failed += 1
            print(f"  write failed: {error}")
        attempted += 1
        longest = max(longest, time.perf_counter() - started)
        await asyncio.sleep(0.05)
    return attempted, failed, longest


async def bookkeeping(database: Database, running: Callable[[], bool]) -> tuple[int, int]:
    """(recorded, skipped) of new users seen while `running()`; an exception would fail."""
    users, recorded, skipped, user_id = Users(database), 0, 0, 10_000
    while running():
        user_id += 1
        if await users.seen(user_id, NOW):
            recorded += 1
        else:
            skipped += 1
        await asyncio.sleep(0.02)
    return recorded, skipped


async def measure(label: str, database: Database, load: Awaitable[object]) -> None:
    started = time.perf_counter()
    task = asyncio.ensure_future(load)
    writes, seen = await asyncio.gather(
        user_writes(database, lambda: not task.done()),
        bookkeeping(database, lambda: not task.done()),
    )
    await task
    seconds = time.perf_counter() - started
    attempted, failed, longest = writes
    print(
        f"{label}: load {seconds:.2f} s; user writes {attempted}, failed {failed} (target 0)"
        f" {target_verdict(failed == 0)}; longest wait {longest:.2f} s;"
        f" new users recorded {seen[0]}, skipped for later {seen[1]}"
    )


async def in_another_process(database_path: Path, seeds: Path) -> None:
    command = [sys.executable, "-m", "storage", "load", "--db", str(database_path), str(seeds)]
    process = await asyncio.create_subprocess_exec(*command, stdout=subprocess.DEVNULL)
    await process.wait()


async def main_async(folder: Path, files: int) -> None:
    database = await Database.open(folder / "archive.sqlite3")
    try:
        await subscriptions.ensure_chat(database, CHAT, chat_type="private", lang="ru", tz="UTC")
        texts = synthetic_articles(2 * files, seed=11)
        first, second = folder / "first", folder / "second"
        for path, part in ((first, texts[:files]), (second, texts[files:])):
            path.mkdir()
            write_files(path, part, path.name)
        reloader = Reloader(database, first, lambda: NOW)
        await measure(f"/reload of {files:,} files", database, reloader.reload())
        write_files(second, texts[:files], "first")  # the same files plus as many new ones
        load = in_another_process(database.path, second)
        await measure(f"python -m storage load of {files:,} more", database, load)
    finally:
        await database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2_000, help="new files of each load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(main_async(Path(folder), args.files))


if __name__ == "__main__":
    main()
