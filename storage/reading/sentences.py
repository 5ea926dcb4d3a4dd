"""Sentence splitting: razdel, plus repairs for the places where it errs on these texts."""

from __future__ import annotations

import re

from razdel import sentenize

_OPENING_QUOTES = "«“„"
_CLOSING_QUOTES = "»”"
_QUOTE_WINDOW_WORDS = 4
# Abbreviations after which razdel splits although the sentence goes on (`600 млн. АҚШ`).
_ABBREVIATION_END = re.compile(r"(?:\b(?:млн|млрд|трлн|тыс|руб|долл|г|гг|им|ул|обл|д)\.)$")
_CAPITALISED_WORD = re.compile(r"^[«“\"(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]")
# `…Бабушкиным И.Ю. Губернатор…`: initials after a surname end the sentence.
_SURNAME_INITIALS = re.compile(r"\b[А-ЯЁ][а-яё]{2,} [А-ЯЁ]\.[А-ЯЁ]\.( )(?=[А-ЯЁ][а-яё]* [а-яё])")


def _open_quote_is_recent(fragment: str) -> bool:
    """Whether the fragment ends inside a quotation opened at most a few words before its end."""
    if not any(quote in fragment for quote in _OPENING_QUOTES):
        return False
    still_open: list[int] = []
    for index, char in enumerate(fragment):
        if char in _OPENING_QUOTES:
            still_open.append(index)
        elif char in _CLOSING_QUOTES and still_open:
            still_open.pop()
    if not still_open:
        return False
    return len(fragment[still_open[-1] :].split()) <= _QUOTE_WINDOW_WORDS


def _continues(fragment: str, following: str) -> bool:
    if _open_quote_is_recent(fragment):
        return True
    return bool(_ABBREVIATION_END.search(fragment)) and not _CAPITALISED_WORD.match(following)


def _repaired(fragments: list[str]) -> list[str]:
    merged: list[str] = []
    for fragment in fragments:
        if merged and _continues(merged[-1], fragment):
            merged[-1] = f"{merged[-1]} {fragment}"
        else:
            merged.append(fragment)
    return merged


def _split_after_initials(sentence: str) -> list[str]:
    cuts = [match.start(1) for match in _SURNAME_INITIALS.finditer(sentence)]
    bounds = [0, *cuts, len(sentence)]
    return [sentence[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph (a paragraph is one line of the cleaned body)."""
    fragments = [s.text for s in sentenize(paragraph) if s.text.strip()]
    return [part for sentence in _repaired(fragments) for part in _split_after_initials(sentence)]


def split_body(lines: tuple[str, ...] | list[str]) -> list[str]:
    """The sentences of a cleaned body, paragraph by paragraph."""
    return [sentence for line in lines for sentence in split_sentences(line)]
