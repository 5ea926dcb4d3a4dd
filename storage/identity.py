"""What makes two files the same article: the normalised text's hash, and the URL if any."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import aiosqlite

SELECT_BY_KEY = "SELECT id, file FROM articles WHERE content_key = ? ORDER BY id LIMIT 1"
SELECT_BY_URL = "SELECT id, file FROM articles WHERE url = ? ORDER BY id LIMIT 1"

_SPACE = re.compile(r"\s+")
_URL = re.compile(r"https?://[^\s/]+(?:/\S*)?", re.IGNORECASE)


def content_key(text: str) -> str:
    """The SHA-256 of the text with Unicode, line endings and runs of spaces normalised.

    Re-saving a file in another editor (CRLF, a BOM, trailing spaces, NFD letters) keeps the
    key; any change of words makes a new one.
    """
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text).replace("\ufeff", "")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def article_url(source: str | None) -> str | None:
    """The article's URL when its source line is one, normalised; else None."""
    if not source or not (match := _URL.fullmatch(source.strip())):
        return None
    scheme, _, rest = match.group(0).partition("://")
    host, slash, path = rest.partition("/")
    # The address stays as written but for its case-blind parts: it is also the link shown.
    return f"{scheme.lower()}://{host.lower()}{slash}{path.split('#', 1)[0]}"


@dataclass(frozen=True, slots=True)
class Known:
    """An article already in the archive (id 0: one being added by this load)."""

    id: int
    file: str


class IdentityIndex:
    """Finds the article a file is, by URL, else by content: in the archive (its indexes) or
    among the files this load adds.

    Articles stored before identities existed (migration 0006) got theirs from their stored
    raw text in migration 0010, before that text was dropped (the SQL functions registered by
    storage/db.py's `_connect`).
    """

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._added: dict[str, Known] = {}  # "k:<key>" / "u:<url>" of files added by this load

    async def find(self, key: str, url: str | None) -> Known | None:
        """The article with this URL, else the one with this content, else None."""
        if url and (found := await self._lookup(SELECT_BY_URL, "u:", url)):
            return found
        return await self._lookup(SELECT_BY_KEY, "k:", key)

    def add(self, key: str, url: str | None, known: Known) -> None:
        """A file this load adds: a later file with the same text or URL is the same article."""
        self._added.setdefault(f"k:{key}", known)
        if url:
            self._added.setdefault(f"u:{url}", known)

    async def _lookup(self, sql: str, prefix: str, value: str) -> Known | None:
        if found := self._added.get(prefix + value):
            return found
        async with self._db.execute(sql, (value,)) as cursor:
            row = await cursor.fetchone()
        return Known(int(row[0]), str(row[1])) if row else None
