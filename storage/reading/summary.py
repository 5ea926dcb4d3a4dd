"""An extractive summary: the first informative sentences of the article (lead-2, filtered)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from storage.regions import find_region_hits

MAX_CHARS = 450
LONG_FIRST_SENTENCE = 300  # a first sentence this long is a summary on its own
MIN_WORDS = 8
SHORT_SUMMARY = 250  # two sentences shorter than this leave room for a third
_LOOKAHEAD = 8  # sentences considered for a summary, from the start of the article

# Sentences that open like this only make sense with the sentence before them.
_ANAPHORA = re.compile(
    r"^(?:одна из|один из|одно из|это|эти|этот|эта|также|кроме того|кроме этого|так|при этом|"
    r"он|она|оно|они|его|её|ее|их|там|тогда|однако|вместе с тем|в свою очередь|к тому же|"
    r"поэтому|таким образом|здесь|ол|олар|оның|олардың|сондай-ақ|сонымен қатар|айта кетейік|"
    r"бұл|осы|мұнда|сол|сонымен)\b",
    re.IGNORECASE,
)
_OPENS_MID_SPEECH = re.compile(r"^[-–—«\"“„'(]")
_BYLINE_STEMS = ("автор", "фото", "сурет", "корреспондент", "тілшісі")
_BYLINE = re.compile(r"\b(?:автор|фото|сурет|корреспондент|тілшісі)\b", re.IGNORECASE)


def _names_a_byline(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(stem in lowered for stem in _BYLINE_STEMS) and bool(_BYLINE.search(sentence))


def _closes_a_quote_opened_before(sentence: str) -> bool:
    closing = sentence.count("»") + sentence.count("”")
    return closing > sentence.count("«") + sentence.count("“")


def is_self_contained(sentence: str) -> bool:
    """Whether a sentence reads well alone (long enough; no dash, quote or anaphora first)."""
    return not (
        len(sentence.split()) < MIN_WORDS
        or _closes_a_quote_opened_before(sentence)
        or _OPENS_MID_SPEECH.match(sentence)
        or _ANAPHORA.match(sentence)
        or _names_a_byline(sentence)
        or sentence.rstrip().endswith((":", "?"))
    )


def _shortened(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[: MAX_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def summarise(title: str, sentences: list[str], partners: tuple[str, ...] = ()) -> str:
    """Two or three self-contained sentences from the start of the article (one if the first is
    long), at most about 450 characters; the title when the article has no body.

    A third sentence is added when it fits and names a partner region the first two leave out,
    or when the first two are short.
    """
    candidates = list(islice(_self_contained(title, sentences), _LOOKAHEAD))
    if not candidates:
        return _shortened(sentences[0] if sentences else title)
    first = candidates[0]
    if len(candidates) == 1 or len(first) > LONG_FIRST_SENTENCE:
        return _shortened(first)
    if len(first) + len(candidates[1]) + 1 > MAX_CHARS:
        return _shortened(first)
    chosen = candidates[:2]
    third = _third_sentence(chosen, candidates[2:], partners)
    return " ".join([*chosen, third] if third else chosen)


def _self_contained(title: str, sentences: list[str]) -> Iterator[str]:
    return (s for s in sentences if s != title and is_self_contained(s))


def _third_sentence(chosen: list[str], rest: list[str], partners: tuple[str, ...]) -> str | None:
    length = sum(len(s) + 1 for s in chosen)
    fitting = [s for s in rest if length + len(s) <= MAX_CHARS]
    covered = {hit.value for hit in find_region_hits(" ".join(chosen))}
    missing = set(partners) - covered
    for sentence in fitting if missing else []:
        if missing & {hit.value for hit in find_region_hits(sentence)}:
            return sentence
    return fitting[0] if fitting and length < SHORT_SUMMARY else None
