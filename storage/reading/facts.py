"""Key facts of an article: money figures, agreements signed (with their period), named events.

A fact is a whole sentence, or, in a very long sentence, the clauses around what makes it a fact;
never a cut mid-phrase nor a bare event name. One sentence gives one fact at most (a signing wins
over a figure, a figure over an event); an opinion is not an event.
"""

from __future__ import annotations

import re

from storage.models import Fact

MAX_FACT_CHARS = 400  # longer sentences are cut at clause boundaries around the fact
MAX_PER_KIND = 3
MAX_AGREEMENTS = 5  # every stated signing is a fact, up to this many
MAX_SENTENCE_CHARS = 2000  # longer "sentences" are unpunctuated runs of text, not statements

# 600, 1 000, 15,8. Possessive, and starting only where a run of digits starts, so that a long
# run of digits is read once, not once per starting digit and split.
_NUMBER = r"(?<!\d)\d++(?:[\s\u00a0]\d{3}(?!\d))*+(?:[.,]\d++)?"
_SCALE = r"(?:млн|млрд|трлн|тыс|миллион\w*|миллиард\w*|мың)\.?"
_CURRENCY = r"(?:долл\w*|\$|руб\w*|тенге|теңге|евро|€|юан\w*|АҚШ\s+доллар\w*|USD|KZT|RUB)"
_MONEY = re.compile(
    rf"(?:\$\s?{_NUMBER}\s*{_SCALE}?|{_NUMBER}\s*{_SCALE}?\s*{_CURRENCY})", re.IGNORECASE
)
# A signing (not the noun "подписание", which recalls one): the verb, or the Kazakh "қол қойылды".
_AGREEMENT = re.compile(
    r"\b(?:подписал\w*|подписан[аоы]?\b|подпишут|подписыва\w*|"
    r"заключ\w*\s+(?:соглашени|договор|меморандум)\w*|"
    r"қол\s+қой(?!ған\s+соң|ғаннан\s+кейін)\w*)",  # not "after signing", which recalls one
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:форум\w*|фестивал\w*|ярмарк\w*|выставк\w*|чемпионат\w*|конференци\w*|саммит\w*|"
    r"жәрмеңке\w*|көрме\w*)",
    re.IGNORECASE,
)
# An event with a name: a quoted or numbered one, or one qualified as international, regional…
_NAMED_EVENT = re.compile(
    r"[«“\"]|\b[IVXLC]+\b|\d|международн|всероссийск|республиканск|межрегиональн|экономическ|"
    r"халықаралық|өңіраралық|[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:ого|ий|ая|ое|ской|ском)\s+\w*"
    r"(?:форум|фестивал|ярмарк|выставк|чемпионат|конференци|саммит)",
    re.IGNORECASE,
)
# Opinions and wishes: not events.
_OPINION = re.compile(  # on lower-cased text
    r"\b(?:считает|считают|по\s+мнению|по\s+словам|уверен\w*|надеется|надеются|"
    r"отметил\w*,?\s+что|подчеркнул\w*,?\s+что|может\s+стать|мог\w*\s+бы|деп\s+есептейді)"
)
_DIGIT = re.compile(r"\d")
_PERIOD = re.compile(r"\d{4}\s*[–—-]\s*\d{4}|\bна\s+\d+\s+(?:год|лет)|\d+\s+жыл")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:а|но|и|что|который|которая|которые|где|при этом)\s)")
_AGREEMENT_STEMS = ("подпис", "заключ", "қол қой")
_EVENT_STEMS = (
    "форум", "фестивал", "ярмарк", "выставк", "чемпионат", "конференци", "саммит", "жәрмеңке",
    "көрме",
)  # fmt: skip


def _clauses_around(sentence: str, anchor: int) -> str:
    """The sentence, or the clauses around `anchor` when it is longer than MAX_FACT_CHARS."""
    sentence = sentence.strip()
    if len(sentence) <= MAX_FACT_CHARS:
        return sentence
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    at = max(i for i, start in enumerate(bounds[:-1]) if start <= anchor)
    first, last = at, at + 1
    while True:
        grown = False
        if last < len(bounds) - 1 and bounds[last + 1] - bounds[first] <= MAX_FACT_CHARS:
            last, grown = last + 1, True
        if first > 0 and bounds[last] - bounds[first - 1] <= MAX_FACT_CHARS:
            first, grown = first - 1, True
        if not grown:
            break
    return sentence[bounds[first] : bounds[last]].strip(" ,;")


def _agreement(sentence: str, lowered: str) -> Fact | None:
    if not any(stem in lowered for stem in _AGREEMENT_STEMS):
        return None
    match = _AGREEMENT.search(sentence)
    return Fact("agreement", _clauses_around(sentence, match.start())) if match else None


def _money(sentence: str, _lowered: str) -> Fact | None:
    if not _DIGIT.search(sentence):
        return None
    match = _MONEY.search(sentence)
    if not match or not any(c.isdigit() for c in match.group()):
        return None
    return Fact("money", _clauses_around(sentence, match.start()))


def _event(sentence: str, lowered: str) -> Fact | None:
    if not any(stem in lowered for stem in _EVENT_STEMS):
        return None
    keyword = _EVENT.search(sentence)
    if not keyword or not _NAMED_EVENT.search(sentence) or _OPINION.search(lowered):
        return None
    return Fact("event", _clauses_around(sentence, keyword.start()))


_FINDERS = ((_agreement, MAX_AGREEMENTS), (_money, MAX_PER_KIND), (_event, MAX_PER_KIND))


def find_facts(sentences: list[str]) -> tuple[Fact, ...]:
    """Money figures, agreements and events, a few of each kind, one per sentence at most."""
    sentences = [s.replace("\n", " ") for s in sentences if len(s) <= MAX_SENTENCE_CHARS]
    if not sentences:
        return ()
    lowered = "\n".join(sentences).lower().split("\n")  # one lower() for the whole body
    by_kind: dict[str, list[Fact]] = {"money": [], "agreement": [], "event": []}
    skip = -1
    for index, (sentence, lower) in enumerate(zip(sentences, lowered, strict=True)):
        for finder, limit in _FINDERS:
            fact = finder(sentence, lower) if index != skip else None
            if fact is None:
                continue
            if fact.kind == "agreement" and index + 1 < len(sentences):
                fact, skip = _with_period(fact, sentences[index + 1], index + 1)
            found = by_kind[fact.kind]
            if len(found) < limit and fact not in found:
                found.append(fact)
            break
    return tuple(fact for kind in ("money", "agreement", "event") for fact in by_kind[kind])


def _with_period(signing: Fact, following: str, at: int) -> tuple[Fact, int]:
    """A signing whose period is stated in the next sentence (`Документ рассчитан на 2024–2026
    годы.`) is shown with it; that sentence then gives no fact of its own."""
    if _PERIOD.search(signing.text) or not _PERIOD.search(following):
        return signing, -1
    if len(signing.text) + len(following) >= MAX_FACT_CHARS:
        return signing, -1
    return Fact("agreement", f"{signing.text} {following.strip()}"), at
