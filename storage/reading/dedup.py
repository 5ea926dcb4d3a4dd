"""Finding the same story told by several outlets: word-shingle similarity."""

from __future__ import annotations

import re
import zlib

SHINGLE_WORDS = 3
SAME_STORY_THRESHOLD = 0.35  # Jaccard similarity from which two articles tell the same story

_WORD = re.compile(r"\w+")
Shingles = frozenset[int]


def shingles(text: str, size: int = SHINGLE_WORDS) -> Shingles:
    """Stable hashes of the overlapping word n-grams of a text (lower-cased)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    grams = (" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(zlib.crc32(gram.encode()) for gram in grams)


def similarity(a: str | Shingles, b: str | Shingles) -> float:
    """Jaccard similarity of two texts (or of their shingles), from 0.0 to 1.0."""
    first = shingles(a) if isinstance(a, str) else a
    second = shingles(b) if isinstance(b, str) else b
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def is_same_story(a: str | Shingles, b: str | Shingles) -> bool:
    return similarity(a, b) >= SAME_STORY_THRESHOLD
