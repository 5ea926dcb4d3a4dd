"""What makes two files the same article: the normalised text's hash, and the URL if any."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import aiosqlite

SELECT_WITHOUT_KEY = "SELECT id, raw, source FROM articles WHERE content_key IS NULL"
SET_KEY = "UPDATE articles SET content_key = ?, url = ? WHERE id = ?"
SELECT_IDENTITIES = "SELECT id, file, content_key, url FROM articles ORDER BY id"

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
    return f"{scheme.lower()}://{host.lower()}{slash}{path.split('#', 1)[0]}".rstrip("/")


@dataclass(frozen=True, slots=True)
class Known:
    """An article already in the archive (id 0: one being added by this load)."""

    id: int
    file: str


@dataclass(slots=True)
class IdentityIndex:
    """The archive's articles by content key and by URL."""

    by_key: dict[str, Known] = field(default_factory=dict)
    by_url: dict[str, Known] = field(default_factory=dict)

    def find(self, key: str, url: str | None) -> Known | None:
        """The article with this URL, else the one with this content."""
        return (self.by_url.get(url) if url else None) or self.by_key.get(key)

    def add(self, key: str | None, url: str | None, known: Known) -> None:
        if key:
            self.by_key.setdefault(key, known)
        if url:
            self.by_url.setdefault(url, known)


async def identity_index(db: aiosqlite.Connection) -> IdentityIndex:
    """Every article's identity; articles loaded before identities existed get theirs first."""
    async with db.execute(SELECT_WITHOUT_KEY) as cursor:
        missing = await cursor.fetchall()
    await db.executemany(SET_KEY, [_keys(*row) for row in missing])
    index = IdentityIndex()
    async with db.execute(SELECT_IDENTITIES) as cursor:
        for article_id, file, key, url in await cursor.fetchall():
            index.add(key, url, Known(article_id, file))
    return index


def _keys(article_id: int, raw: str, source: str | None) -> tuple[str, str | None, int]:
    return content_key(raw), article_url(source), article_id
