"""Sentence splitting: razdel, plus repairs for the places where it errs on these texts."""

from __future__ import annotations

import re
from itertools import pairwise

from razdel import sentenize

_OPENING_QUOTES = "«“„"
_CLOSING_QUOTES = "»”"
_QUOTE_WINDOW_WORDS = 4
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…]")
_TAIL_CHARS = 160
_MAX_MERGES = 3
# Abbreviations after which razdel splits although the sentence goes on (`600 млн. АҚШ`).
_ABBREVIATION_END = re.compile(r"(?:^|\W)(?:млн|млрд|трлн|тыс|руб|долл|г|гг|им|ул|обл|д)\.$")
_CAPITALISED_WORD = re.compile(r"^[«“\"(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]")
# `…Бабушкиным И.Ю. Губернатор…`: initials after a surname end the sentence.
# Not when a surname follows the initials (`Президентом Н.А. Назарбаевым`).
_SURNAME_INITIALS = re.compile(
    r"\b[А-ЯЁ][а-яё]{2,} [А-ЯЁ]\.[А-ЯЁ]\.( )(?=[А-ЯЁ][а-яё]* [а-яё])"
    r"(?![А-ЯЁ][а-яё]*(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ых)? )(?![А-ЯЁ][а-яё]*(?:ск|цк)[а-яё]+ )"
)


def _open_quote_is_recent(fragment: str) -> bool:
    """Whether the fragment ends inside a quotation opened within its last few words."""
    words = fragment[-_TAIL_CHARS:].rsplit(None, _QUOTE_WINDOW_WORDS)[-_QUOTE_WINDOW_WORDS:]
    tail = " ".join(words)
    opened = max(tail.rfind(quote) for quote in _OPENING_QUOTES)
    return opened >= 0 and not any(quote in tail[opened:] for quote in _CLOSING_QUOTES)


def _continues(fragment: str, following: str) -> bool:
    if _open_quote_is_recent(fragment):
        return True
    ending = fragment[-6:]
    return bool(_ABBREVIATION_END.search(ending)) and not _CAPITALISED_WORD.match(following)


def _repaired(fragments: list[str]) -> list[str]:
    """Fragments glued back where razdel cut a sentence (a few pieces at most per sentence)."""
    sentences: list[list[str]] = []
    for fragment in fragments:
        last = sentences[-1] if sentences else None
        if last and len(last) <= _MAX_MERGES and _continues(last[-1], fragment):
            last.append(fragment)
        else:
            sentences.append([fragment])
    return [" ".join(parts) for parts in sentences]


def _split_after_initials(sentence: str) -> list[str]:
    if ". " not in sentence:
        return [sentence]
    cuts = [match.start(1) for match in _SURNAME_INITIALS.finditer(sentence)]
    bounds = [0, *cuts, len(sentence)]
    return [sentence[a:b].strip() for a, b in pairwise(bounds) if b > a]


def _may_hold_a_boundary(paragraph: str) -> bool:
    """Whether some sentence punctuation is followed, later on, by a space: razdel is needed
    only then. (Found in linear time: a pattern such as `[.!?…]\\S*\\s` is quadratic on a line
    of dots.)"""
    last_space = max(paragraph.rfind(" "), paragraph.rfind("\t"), paragraph.rfind("\n"))
    return last_space > 0 and bool(_SENTENCE_PUNCTUATION.search(paragraph, 0, last_space))


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph (a paragraph is one line of the cleaned body)."""
    paragraph = paragraph.strip()
    if not _may_hold_a_boundary(paragraph):
        return [paragraph] if paragraph else []
    fragments = [s.text for s in sentenize(paragraph) if s.text.strip()]
    return [part for sentence in _repaired(fragments) for part in _split_after_initials(sentence)]


def split_body(lines: tuple[str, ...] | list[str]) -> list[str]:
    """The sentences of a cleaned body, paragraph by paragraph."""
    return [sentence for line in lines for sentence in split_sentences(line)]
