"""An extractive summary: the first informative sentences of the article (lead-2, filtered)."""

from __future__ import annotations

import re
from itertools import islice

MAX_CHARS = 450
LONG_FIRST_SENTENCE = 300  # a first sentence this long is a summary on its own
MIN_WORDS = 8

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


def summarise(title: str, sentences: list[str]) -> str:
    """The first two self-contained sentences of the article (one if the first is long),
    at most about 450 characters; the title when the article has no body."""
    candidates = islice((s for s in sentences if s != title and is_self_contained(s)), 2)
    chosen = list(candidates)
    if not chosen:
        return _shortened(sentences[0] if sentences else title)
    first = chosen[0]
    if len(chosen) == 1 or len(first) > LONG_FIRST_SENTENCE:
        return _shortened(first)
    if len(first) + len(chosen[1]) + 1 > MAX_CHARS:
        return _shortened(first)
    return " ".join(chosen)
