"""Single instance: one bot process per database, held by an exclusive lock on a side file."""

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
    """An exclusive, non-blocking `flock` held for the lifetime of the process.

    Two pollers on one token would answer everything twice and two fan-outs would race on the
    outbox, so the second process must refuse to start. The kernel drops the lock when the
    process dies, so a crash never leaves a stale lock behind.
    """

    def __init__(self, database_path: Path) -> None:
        self.path = lock_path(database_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise `AlreadyRunning` with one sentence saying why."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AlreadyRunning(
                f"Another bot process is already running on this database ({self.path} is locked);"
                " stop it first."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

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
