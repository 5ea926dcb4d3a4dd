"""Turning what a person types into a safe FTS5 query that finds Russian and Kazakh word forms."""

from __future__ import annotations

import re

# Endings removed from a query word, longest first, so that the stem matches every form as a
# prefix: Russian noun and adjective endings (with the "-ск-" of place adjectives, so that
# "Астраханской" meets "Астрахань") and Kazakh case, possessive and plural suffixes ("Астраханға").
_ADJECTIVE = "ая яя ой ей ий ый ое ее ую юю ого его ому ему ом ем ые ие ых их ым им ыми ими"
_RUSSIAN_NOUN = "а я о е ы и у ю ь ам ям ах ях ами ями ов ев ей ом ем ью ия ии ие ию"
_KAZAKH = (
    "ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен ның нің дың дің тың тің"
    " ны ні ды ді ты ті мен бен пен лар лер дар дер тар тер сы сі ы і ын ін сын сін ына іне"
    " ында інде ынан інен ының інің ымен імен"
)


def _endings() -> list[str]:
    adjectives = [p + e for p in ("", "ск", "цк") for e in _ADJECTIVE.split()]
    every = {*_RUSSIAN_NOUN.split(), *_KAZAKH.split(), *adjectives}
    return sorted(every, key=len, reverse=True)


_ENDINGS = _endings()
MIN_STEM = 4
MIN_PREFIX = 3
MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


def stem(word: str) -> str:
    """The lower-case stem of one word: its longest known ending removed, keeping 4 letters."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH string for user text: every word quoted, stemmed and searched as a prefix.

    None when the text has no word at all (only punctuation, emoji, spaces). User text never
    becomes FTS syntax: AND, OR, NEAR, quotes, stars and brackets are plain words or dropped.
    """
    words = _WORD.findall(text)[:MAX_WORDS]
    return " ".join(_term(word) for word in words) or None


def _term(word: str) -> str:
    # A prefix of one or two letters would expand to a large part of the vocabulary.
    stemmed = stem(word)
    return f'"{stemmed}"*' if len(stemmed) >= MIN_PREFIX else f'"{stemmed}"'
