"""Fast phrase matching for the region gazetteer and the sector lexicon (stems plus endings).

A phrase is written as words separated by spaces. Each word may carry:
- a leading `!`: the word keeps its case exactly as written (proper names, abbreviations);
- a trailing `/CLASSES`: endings the word may take, from the classes below;
- a trailing `*`: any tail (the same as the class `O`).
A word without a suffix must end where it is written. Phrases are found on word boundaries whose
class includes upper-case letters and digits, so `СКО` is never found inside `ЮНЕСКО`; overlapping
finds are resolved longest first, so `Петропавловск-Камчатский` is not read as `Петропавловск`.
An Aho-Corasick automaton over the lower-cased first stems finds candidate places; only those are
checked with a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

_RU_NOUN = "а я ы и е у ю ой ей ою ею ом ем ь ью й ам ям ами ями ах ях ов ев"
_RU_ADJ = "ая яя ой ей ую юю ою ий ый ого его ому ему ом ем ие ые их ых им ым ими ыми ое ее"
_KK_SUFFIX = (
    "ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н да де та те нда нде "
    "дан ден тан тен нан нен мен бен пен ша ше ы і сы сі ым ім ың ің лық лік дық дік тық тік "
    "лы лі дағы дегі тағы тегі ндағы ндегі ғы гі қы кі"
)


def _alternation(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_KK = f"(?:-?(?:{_alternation(_KK_SUFFIX)})(?:{_alternation(_KK_SUFFIX)}){{0,3}})"
ENDING_CLASSES = {
    "N": _alternation(_RU_NOUN),
    "A": _alternation(_RU_ADJ),
    "K": _KK,
    "O": r"\w+",
}
_SEPARATOR = r"[\s\u00a0]+"
_WORD_STARTS = " \n\t\u00a0«“„\"'(-–—/[.,;:"
_RIGHT_BOUNDARY = r"(?!\w)"


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found in a text: where, which value it stands for, and its weight."""

    start: int
    end: int
    value: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class _Phrase:
    value: str
    weight: float
    strict: re.Pattern[str]  # honours the `!` words
    loose: re.Pattern[str]  # ignores case everywhere (for what people type)


def _word_regex(word: str, *, strict: bool) -> tuple[str, str]:
    """The regex of one word and its lower-cased stem (the automaton key)."""
    exact = word.startswith("!")
    word = word.lstrip("!")
    stem, _, classes = word.partition("/")
    if stem.endswith("*"):
        stem, classes = stem[:-1], classes + "O"
    endings = [ENDING_CLASSES[c] for c in classes]
    tail = f"(?:{'|'.join(endings)})?" if endings else ""
    body = re.escape(stem) + tail
    if not (exact and strict):
        body = f"(?i:{body})"
    return body, stem.lower()


def compile_phrase(phrase: str, *, strict: bool) -> tuple[re.Pattern[str], str]:
    """The regex for a phrase (anchored where it is applied) and the key of its first word."""
    parts = [_word_regex(word, strict=strict) for word in phrase.split()]
    regex = _SEPARATOR.join(body for body, _ in parts) + _RIGHT_BOUNDARY
    return re.compile(regex), parts[0][1]


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping every character where lower-casing would change the length."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class PhraseMatcher:
    """Finds phrases (each standing for a value, with a weight) in texts."""

    def __init__(self, phrases: Iterable[tuple[str, str, float]]) -> None:
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[_Phrase]] = {}
        for phrase, value, weight in phrases:
            strict, key = compile_phrase(phrase, strict=True)
            loose, _ = compile_phrase(phrase, strict=False)
            by_key.setdefault(key, []).append(_Phrase(value, weight, strict, loose))
        # Keys start with the character before the word, so only word starts are reported.
        for key, entries in by_key.items():
            for boundary in _WORD_STARTS:
                self._automaton.add_word(boundary + key, (len(key), tuple(entries)))
        self._automaton.make_automaton()

    def find(self, text: str, *, ignore_case: bool = False, keep_ties: bool = False) -> list[Hit]:
        """Non-overlapping finds in text order, the longest winning where finds overlap; with
        `keep_ties`, finds of other values over exactly the same span are kept too."""
        lowered = " " + lower_same_length(text)
        candidates: list[Hit] = []
        for last, (length, entries) in self._automaton.iter(lowered):
            start = last - length  # in `text`, which is one character shorter than `lowered`
            for entry in entries:
                regex = entry.loose if ignore_case else entry.strict
                match = regex.match(text, start)
                if match:
                    candidates.append(Hit(start, match.end(), entry.value, entry.weight))
        return _longest_first(candidates, keep_ties)


def _longest_first(candidates: list[Hit], keep_ties: bool = False) -> list[Hit]:
    candidates.sort(key=lambda hit: (hit.start, hit.start - hit.end))
    kept: list[Hit] = []
    for hit in candidates:
        if kept and hit.start < kept[-1].end:
            last = kept[-1]
            same_span = (hit.start, hit.end) == (last.start, last.end)
            if not (keep_ties and same_span and hit.value not in {k.value for k in kept[-3:]}):
                continue
        kept.append(hit)
    return kept
