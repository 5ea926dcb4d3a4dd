"""Single instance: one bot process per database, held by exclusive locks on it and a side file."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class AlreadyRunning(RuntimeError):
    """Another process holds the lock of the same database."""


def lock_path(database_path: Path) -> Path:
    """The lock file that sits next to the database: `<DATABASE_PATH>.lock`."""
    return database_path.with_name(database_path.name + ".lock")


class InstanceLock:
    """Exclusive, non-blocking `flock`s held for the lifetime of the process.

    Two pollers on one token would answer everything twice and two fan-outs would race on the
    outbox, so the second process must refuse to start. The kernel drops the locks when the
    process dies, so a crash never leaves a stale lock behind.

    One lock is on the side file next to the database's real path (where the pid is written);
    the other is on the database file itself, that is on its inode, so neither a symlink nor a
    hard link to the same file gets a second bot past it. `flock` does not touch SQLite's own
    (POSIX) locks, but closing any descriptor of the file drops those, so `release` must come
    after the database is closed.
    """

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.path = lock_path(database_path.resolve())
        self._fds: list[int] = []

    def acquire(self) -> None:
        """Take the locks or raise `AlreadyRunning` with one sentence saying why."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            side = self._lock(self.path, os.O_RDWR)
            self._lock(self.database_path.resolve(), os.O_RDONLY)
        except BlockingIOError:
            self.release()
            raise AlreadyRunning(
                f"Another bot process is already running on this database ({self.path} is locked);"
                " stop it first."
            ) from None
        os.ftruncate(side, 0)
        os.write(side, f"{os.getpid()}\n".encode())

    def _lock(self, path: Path, mode: int) -> int:
        fd = os.open(path, mode | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise
        self._fds.append(fd)
        return fd

    def release(self) -> None:
        while self._fds:
            fd = self._fds.pop()
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
