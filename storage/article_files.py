"""Opening article files safely: regular files only, no links, size checked before reading."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from storage.reading import UnreadableArticle
from storage.reading.decoding import MAX_FILE_BYTES

# Never follow a link (a link to /etc/passwd or to .env would become a public article), and
# never wait on a FIFO: O_NONBLOCK makes opening one return at once, so its type can be refused.
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def article_files(directory: Path) -> list[Path]:
    """The folder's `*.txt` entries, sorted; each is checked when it is read."""
    return sorted(directory.glob("*.txt"))


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular article file of at most 1 MB, else UnreadableArticle saying why.

    The type and size come from the opened descriptor (fstat), so nothing can be swapped in
    between the check and the read, and nothing is read before the size is known.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableArticle(_open_refusal(error)) from error
    try:
        data = _read_regular(fd)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # it grew after the check
        raise UnreadableArticle("The file is larger than 1 MB.")
    return data


def _read_regular(fd: int) -> bytes:
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableArticle(_not_regular(status.st_mode))
    if status.st_size > MAX_FILE_BYTES:
        raise UnreadableArticle("The file is larger than 1 MB.")
    chunks, left = [], MAX_FILE_BYTES + 1
    try:
        while left > 0 and (chunk := os.read(fd, left)):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableArticle(f"The file cannot be read: {error.strerror}.") from error
    return b"".join(chunks)


def _open_refusal(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "The file is a symbolic link; only regular files inside the folder are read."
    return f"The file cannot be opened: {error.strerror}."


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "This is a folder, not a file."
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "This is a pipe or a socket, not a regular file."
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "This is a device, not a regular file."
    return "This is not a regular file."
