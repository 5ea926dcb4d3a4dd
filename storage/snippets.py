"""The passage of an article where a search matched, with the matching words located.

The full-text index keeps stems only (no text, no positions), so FTS5's snippet() cannot be
used; the few articles of one page are searched here instead, with the same stems.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from storage.fts import stems
from storage.models import Snippet

SNIPPET_CHARS = 240
LEAD_CHARS = 70  # text kept before the first matching word
_WORD = re.compile(r"[^\W_]+")


def find_snippet(text: str, wanted: Collection[str], width: int = SNIPPET_CHARS) -> Snippet | None:
    """About `width` characters of `text` around its first word whose stem is `wanted`.

    Words are stemmed only up to the end of the passage: a page of ten long articles is
    searched in well under a millisecond each.
    """
    first = next((m for m in _WORD.finditer(text) if _is_wanted(m[0], wanted)), None)
    if first is None:
        return None
    start = min(_word_start(text, max(0, first.start() - LEAD_CHARS)), first.start())
    end = _word_end(text, min(len(text), start + width))
    marks = tuple(
        (hit.start() - start, hit.end() - start)
        for hit in _WORD.finditer(text, start, end)
        if _is_wanted(hit[0], wanted) and not _cut_at(text, hit.end(), end)
    )
    passage = text[start:end]
    return Snippet(passage, marks, cut_before=start > 0, cut_after=end < len(text))


def _cut_at(text: str, word_end: int, end: int) -> bool:
    """True when a word read up to `end` goes on past it (its end is not its own)."""
    return word_end == end and end < len(text) and text[end].isalnum()


@functools.lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    return stems(word)  # words repeat across articles: each is stemmed once


def _is_wanted(word: str, wanted: Collection[str]) -> bool:
    return any(stem in wanted for stem in _stems(word))


def _word_start(text: str, position: int) -> int:
    """`position`, moved forward to the start of a word unless it is one already."""
    if position == 0 or text[position - 1].isspace():
        return position
    space = text.find(" ", position)
    return space + 1 if space != -1 else position


def _word_end(text: str, position: int) -> int:
    """`position`, moved back to the end of a word unless it is one already."""
    if position >= len(text) or text[position].isspace():
        return position
    space = text.rfind(" ", 0, position)
    return space if space > 0 else position
