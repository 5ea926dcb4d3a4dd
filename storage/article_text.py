"""The stored form of an article's cleaned text: zlib-compressed UTF-8, read back in one place.

`articles.body_zlib` holds `pack_body(text)`. Every reader (the article view, search snippets,
story grouping, figures, phrase search, the full-text triggers) gets the text through the SQL
function `article_body(body_zlib)`, which is `unpack_body` registered on every connection
(storage/db.py); Python code never decompresses by itself.
"""

from __future__ import annotations

import zlib

# zlib's default level: a body of ~6 KB of Cyrillic UTF-8 shrinks to about a third (levels
# above it gain under 1 %, level 1 loses 15 % for half the time).
LEVEL = 6


def pack_body(text: str) -> bytes:
    """The bytes stored for an article's cleaned text."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack_body(packed: bytes | None) -> str:
    """The text of `pack_body`'s bytes (registered as the SQL function article_body)."""
    if not packed:
        return ""
    return zlib.decompress(packed).decode("utf-8")
