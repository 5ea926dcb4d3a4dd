"""The lines of a raw article: spaces normalised, hard-wrapped paragraphs joined, lengths capped.

Every pattern of the reader runs on lines no longer than MAX_LINE_CHARS, so no pattern, however
it backtracks within a line, can make reading more than linear in the size of the text.
"""

from __future__ import annotations

import re

MAX_LINE_CHARS = 2000  # a news paragraph is shorter; a longer line is cut where it can be
WRAP_MIN_CHARS = 30  # lines of a hard-wrapped paragraph are about as long as the wrap width
WRAP_MAX_CHARS = 110
_INVISIBLE = (("\u200b", ""), ("\ufeff", ""), ("\u00a0", " "), ("\r\n", "\n"), ("\r", "\n"))
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_ENDS_SENTENCE = (".", "!", "?", "…", ":", ";", "»", '"', "”")


def raw_lines(text: str) -> list[str]:
    """The non-empty lines of a raw text, with spaces normalised, hard wraps joined and no line
    longer than MAX_LINE_CHARS."""
    for invisible, replacement in _INVISIBLE:
        text = text.replace(invisible, replacement)
    lines: list[str] = []
    for block in _BLANK_LINES.split(text):
        block_lines = [" ".join(line.split()) for line in block.split("\n")]
        block_lines = [line for line in block_lines if line]
        for line in _unwrapped(block_lines):
            lines.extend(_capped(line))
    return lines


def _is_hard_wrapped(block: list[str]) -> bool:
    """A paragraph broken at a fixed width: every line but the last about as long as the width,
    and some line going on with a lower-case word (headlines in a list start with a capital)."""
    if len(block) < 2:
        return False
    if not all(WRAP_MIN_CHARS <= len(line) <= WRAP_MAX_CHARS for line in block[:-1]):
        return False
    return any(line[:1].islower() for line in block[1:])


def _unwrapped(block: list[str]) -> list[str]:
    if not _is_hard_wrapped(block):
        return block
    paragraphs: list[str] = []
    for line in block:
        previous = paragraphs[-1] if paragraphs else None
        if previous is None or (previous.endswith(_ENDS_SENTENCE) and not line[:1].islower()):
            paragraphs.append(line)
        elif previous.endswith("-") and line[:1].islower():  # торгово-\nэкономическое
            paragraphs[-1] = previous + line
        else:
            paragraphs[-1] = f"{previous} {line}"
    return paragraphs


def _capped(line: str) -> list[str]:
    """The line in pieces of at most MAX_LINE_CHARS, cut after a sentence or at a space where
    the window has one (by position: slicing off the rest each time would be quadratic)."""
    pieces: list[str] = []
    start = 0
    while len(line) - start > MAX_LINE_CHARS:
        end = start + MAX_LINE_CHARS
        cut = line.rfind(". ", start, end)
        if cut < start + MAX_LINE_CHARS // 2:
            cut = line.rfind(" ", start, end)
        cut = cut + 1 if cut > start else end
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]
