"""Saving an uploaded article file into the seeds folder under a safe, never-clobbering name."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_UPLOAD_BYTES = 1024 * 1024
MAX_NAME_LENGTH = 96
_UNSAFE = re.compile(r"[^\w.-]+")
_REPEATED = re.compile(r"([._-])[._-]+")


class UnsafeUpload(ValueError):
    """The upload cannot be accepted; the message names the reason for the log."""


@dataclass(frozen=True, slots=True)
class SavedUpload:
    """Where an upload went; `existed` when an identical file was already there."""

    path: Path
    existed: bool


def safe_file_name(original: str | None) -> str:
    """A plain `name.txt` from whatever name the sender's device gave.

    Only the last path component survives (no `..`, no folders, either slash), leading dots
    go (no hidden files such as `.env`), anything but letters, digits, `.`, `-`, `_` becomes
    `_`; the result always ends in `.txt`.
    """
    name = unicodedata.normalize("NFC", original or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, extension = _split_extension(name)
    if extension not in ("", ".txt"):
        raise UnsafeUpload(f"not a .txt file: {original!r}")
    stem = _REPEATED.sub(r"\1", _UNSAFE.sub("_", stem)).strip("._-")
    return f"{stem[:MAX_NAME_LENGTH] or 'upload'}.txt"


def _split_extension(name: str) -> tuple[str, str]:
    stem = name.lstrip(".")
    if "." not in stem:
        return stem, ""
    base, extension = stem.rsplit(".", 1)
    return base, "." + extension.lower()


def save_upload(directory: Path, name: str, data: bytes) -> SavedUpload:
    """Write `data` as `directory/name`, or `name-2.txt`, `name-3.txt`... if taken.

    An existing file with the same bytes is reused rather than duplicated; a different file
    is never overwritten: the bytes go to a hidden temporary file first, then get a hard link
    under a free name (`link` fails instead of replacing), so the move is atomic too.
    """
    temporary = directory / f".upload-{secrets.token_hex(6)}.part"
    temporary.write_bytes(data)
    try:
        for candidate in _candidates(directory, name):
            if candidate.exists() and candidate.read_bytes() == data:
                return SavedUpload(candidate, existed=True)
            if _place(temporary, candidate, data):
                return SavedUpload(candidate, existed=False)
    finally:
        temporary.unlink(missing_ok=True)
    raise UnsafeUpload(f"no free name for {name!r}")  # pragma: no cover


def _place(temporary: Path, target: Path, data: bytes) -> bool:
    """Put the bytes at `target` unless something is there already; True when placed."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        return False
    except OSError:
        # A filesystem without hard links: exclusive creation still never replaces a file.
        try:
            with target.open("xb") as file:
                file.write(data)
        except FileExistsError:
            return False
    return True


def _candidates(directory: Path, name: str, attempts: int = 1000) -> Iterator[Path]:
    first = directory / name
    if first.resolve().parent != directory.resolve():
        raise UnsafeUpload(f"name leaves the seeds folder: {name!r}")
    yield first
    stem = name.removesuffix(".txt")
    for number in range(2, attempts + 2):
        yield directory / f"{stem}-{number}.txt"
