"""The stored form of an article's cleaned text: zlib-compressed UTF-8, read back in one place.

`articles.body_zlib` holds `pack_body(text)`. Every reader (the article view, search snippets,
story grouping, figures, phrase search, the full-text triggers) gets the text through the SQL
function `article_body(body_zlib)`, which is `unpack_body` registered on every connection
(storage/db.py); Python code never decompresses by itself.
"""

from __future__ import annotations

import zlib

# A body of ~6 KB of Cyrillic UTF-8 shrinks to 39 % at level 1, to 33 % at the default level 6,
# which takes twice as long: loading speed matters more than those 0.3 KB an article.
LEVEL = 1


def pack_body(text: str) -> bytes:
    """The bytes stored for an article's cleaned text."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack_body(packed: bytes | None) -> str:
    """The text of `pack_body`'s bytes (registered as the SQL function article_body)."""
    if not packed:
        return ""
    return zlib.decompress(packed).decode("utf-8")
