"""What a search may say: words (all required, any word form), `A OR B`, `-word`, `"exact phrase"`.

User text never becomes FTS syntax: every word is reduced to its stems and quoted; only the
operators this module builds reach MATCH. The index keeps no positions (detail=none), so a
phrase is searched as its words in the index and checked as adjacent stems in the article's
stemmed text (storage.queries). A Latin word also matches its Cyrillic reading (Baikonur).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storage.fts import MAX_WORDS, stems
from storage.translit import is_latin, to_cyrillic

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\W_]+)')
WORD = re.compile(r"[^\W_]+")
_OR = "OR"


@dataclass(frozen=True, slots=True)
class Phrase:
    """Stems of a phrase's words in a Russian and in a Kazakh article, space-separated, and the
    regular expression that finds the words next to each other, in any of their forms."""

    ru: str
    kk: str
    pattern: str


@dataclass(frozen=True, slots=True)
class ParsedSearch:
    """A search as MATCH text (None: nothing to look for), phrases to check, words to mark."""

    match: str | None
    phrases: tuple[Phrase, ...] = ()
    marked: tuple[str, ...] = ()  # stems of the wanted words, for the passage shown


def parse_search(text: str) -> ParsedSearch:
    """The MATCH expression and checks of a user's search text (linear, at most MAX_WORDS)."""
    groups: list[list[str]] = []  # OR-groups of terms, all groups required
    excluded: list[str] = []
    phrases: list[Phrase] = []
    marked: list[str] = []
    join_next = False
    used = 0
    for found in _TOKEN.finditer(text):
        if used >= MAX_WORDS:
            break
        minus, phrase, word_minus, word = found.groups()
        if word == _OR and groups:
            join_next = True
            continue
        words = WORD.findall(phrase) if phrase is not None else [word]
        if not words:
            continue
        used += len(words)
        term = " AND ".join(_any_of(w) for w in words)
        if minus or word_minus:
            excluded.append(term)
            continue
        if len(words) > 1:
            phrases.append(_phrase(words))
        marked += [stem for w in words for stem in _word_stems(w)]
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedSearch(_expression(groups, excluded), tuple(phrases), tuple(marked))


def _expression(groups: list[list[str]], excluded: list[str]) -> str | None:
    if not groups:
        return None  # only exclusions, or nothing at all: no positive term to start from
    required = " AND ".join(
        f"({group[0]})" if len(group) == 1 else "(" + " OR ".join(f"({t})" for t in group) + ")"
        for group in groups
    )
    if excluded:
        required = f"({required}) NOT ({' OR '.join(f'({term})' for term in excluded)})"
    return required


def _word_stems(word: str) -> tuple[str, ...]:
    found = stems(word)
    if is_latin(word):
        found = tuple(dict.fromkeys((*found, *stems(to_cyrillic(word)))))
    return found


def _any_of(word: str) -> str:
    quoted = [f'"{stem}"' for stem in _word_stems(word)]
    return quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})"


def _phrase(words: list[str]) -> Phrase:
    lowered = [word.lower() for word in words]
    parts = [
        "(?:" + "|".join(re.escape(stem) for stem in stems(word)) + r")\w*" for word in lowered
    ]
    return Phrase(
        ru=" ".join(stems(word)[0] for word in lowered),
        kk=" ".join(stems(word)[-1] for word in lowered),
        pattern=r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?!\w)",
    )


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def phrase_found(text: str | None, pattern: str) -> bool:
    """Whether a phrase's pattern occurs in `text`: the SQL function phrase_found(text, pattern)
    registered on every connection (storage.db), run on the few articles that hold its words."""
    return bool(text) and _compiled(pattern).search(text or "") is not None
