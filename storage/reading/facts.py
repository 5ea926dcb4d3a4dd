"""Key facts of an article: money figures, agreements signed (with their period), events."""

from __future__ import annotations

import re

from storage.models import Fact

MAX_FACT_CHARS = 220
MAX_PER_KIND = 3
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
    r"заключ\w*\s+(?:соглашени|договор|меморандум)\w*|қол\s+қой(?:ыл\w*|ды\w*))",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:форум\w*|фестивал\w*|ярмарк\w*|выставк\w*|чемпионат\w*|конференци\w*|саммит\w*|"
    r"жәрмеңке\w*|көрме\w*)",
    re.IGNORECASE,
)
# Words before the event's keyword that still belong to its name: ordinals, names, adjectives.
_NAME_WORD = re.compile(
    r"^(?:\d+-\w+|[IVXLC]+|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*|[\w-]+(?:ого|его|ом|ем|ый|ий|ой|ая|ое|ых|их|ым|им|ую)"
    r"|[\w-]+(?:ның|нің|дың|дің|тың|тің|лық|лік|дық|дік|тық|тік)|мен)$"
)
_NAMED = re.compile(r"[«“\"\d]|\b[IVXLC]+\b|международн|всероссийск|республиканск|халықаралық")
_KAZAKH_LETTER = re.compile(r"[әғқңөұүһі]")
_DIGIT_OR_DOLLAR = re.compile(r"[\d$]")
_AGREEMENT_STEMS = ("подпис", "заключ", "қол қой")
_EVENT_STEMS = (
    "форум",
    "фестивал",
    "ярмарк",
    "выставк",
    "чемпионат",
    "конференци",
    "саммит",
    "жәрмеңке",
    "көрме",
)
_MAX_WORDS_BEFORE_EVENT = 6
_MAX_EVENT_WORDS = 20
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s|$)|\s[-–—]\s|[»”]")


def _trimmed(text: str, anchor: int) -> str:
    """A sentence cut to about MAX_FACT_CHARS around `anchor` (a character position)."""
    text = text.strip()
    if len(text) <= MAX_FACT_CHARS:
        return text
    start = max(0, anchor - MAX_FACT_CHARS // 2)
    window = text[start : start + MAX_FACT_CHARS]
    if start:
        window = window.split(" ", 1)[-1]
    return window.rsplit(" ", 1)[0] + "…"


def _money(sentence: str, _lowered: str) -> Fact | None:
    if not _DIGIT_OR_DOLLAR.search(sentence):
        return None
    match = _MONEY.search(sentence)
    if not match or not any(c.isdigit() for c in match.group()):
        return None
    return Fact("money", _trimmed(sentence, match.start()))


def _agreement(sentence: str, lowered: str) -> Fact | None:
    if not any(stem in lowered for stem in _AGREEMENT_STEMS):
        return None
    match = _AGREEMENT.search(sentence)
    return Fact("agreement", _trimmed(sentence, match.start())) if match else None


def _name_before(text: str) -> list[str]:
    words: list[str] = []
    for word in reversed(text.split()[-_MAX_WORDS_BEFORE_EVENT:]):
        if not _NAME_WORD.match(word.strip('«“”»"')):
            break
        words.insert(0, word)
    while words and words[0] == "мен":
        words.pop(0)
    return words


def _name_after(sentence: str, keyword: re.Match[str]) -> str:
    if _KAZAKH_LETTER.search(sentence):  # Kazakh names end with their head word
        return keyword.group()
    end = _CLAUSE_END.search(sentence, keyword.end())
    stop = end.end() if end and end.group() in "»”" else end.start() if end else len(sentence)
    return sentence[keyword.start() : stop]


def _event(sentence: str, lowered: str) -> Fact | None:
    if not any(stem in lowered for stem in _EVENT_STEMS):
        return None
    keyword = _EVENT.search(sentence)
    if not keyword:
        return None
    name = [*_name_before(sentence[: keyword.start()]), *_name_after(sentence, keyword).split()]
    text = " ".join(name[:_MAX_EVENT_WORDS]).strip(" ,;–-")
    return Fact("event", text) if _NAMED.search(text.lower()) or text[:1].isupper() else None


def find_facts(sentences: list[str]) -> tuple[Fact, ...]:
    """Money figures, agreements and events, in article order, a few of each kind."""
    facts: list[Fact] = []
    sentences = [s.replace("\n", " ") for s in sentences if len(s) <= MAX_SENTENCE_CHARS]
    lowered = "\n".join(sentences).lower().split("\n")  # one lower() for the whole body
    for finder in (_money, _agreement, _event):
        found = [fact for fact in map(finder, sentences, lowered) if fact]
        facts += list(dict.fromkeys(found))[:MAX_PER_KIND]
    return tuple(facts)
