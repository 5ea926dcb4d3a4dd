"""An extractive summary: the first informative sentences of the article (lead-2, filtered)."""

from __future__ import annotations

import re

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
_BYLINE = re.compile(r"\b(?:автор|фото|сурет|корреспондент|тілшісі)\b", re.IGNORECASE)


def _closes_a_quote_opened_before(sentence: str) -> bool:
    closing = sentence.count("»") + sentence.count("”")
    return closing > sentence.count("«") + sentence.count("“")


def is_self_contained(sentence: str) -> bool:
    """Whether a sentence reads well without its neighbours (long enough, no dash, quote, anaphora)."""
    return not (
        len(sentence.split()) < MIN_WORDS
        or _closes_a_quote_opened_before(sentence)
        or _OPENS_MID_SPEECH.match(sentence)
        or _ANAPHORA.match(sentence)
        or _BYLINE.search(sentence)
        or sentence.rstrip().endswith((":", "?"))
    )


def _shortened(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[: MAX_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def summarise(title: str, sentences: list[str], wanted: tuple[str, ...] = ()) -> str:
    """Two or three self-contained sentences taken from the article, at most about 450 characters.

    `wanted` are words (such as partner region names) that earn a third sentence if it fits.
    """
    candidates = [s for s in sentences if s != title and is_self_contained(s)]
    if not candidates:
        return _shortened(sentences[0] if sentences else title)
    chosen = [candidates[0]]
    if len(chosen[0]) <= LONG_FIRST_SENTENCE and len(candidates) > 1:
        if len(chosen[0]) + len(candidates[1]) + 1 <= MAX_CHARS:
            chosen.append(candidates[1])
    chosen += _third_sentence(chosen, candidates, wanted)
    return _shortened(" ".join(chosen))


def _third_sentence(chosen: list[str], candidates: list[str], wanted: tuple[str, ...]) -> list[str]:
    if len(chosen) < 2:
        return []
    text = " ".join(chosen)
    missing = [word for word in wanted if word not in text]
    for sentence in candidates[2:]:
        if any(word in sentence for word in missing) and len(text) + len(sentence) < MAX_CHARS:
            return [sentence]
    return []
