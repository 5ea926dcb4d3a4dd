"""What /settings words mean: a digest mode, a weekday, a time, a time zone, in ru, kk and en.

`/settings weekly mon 09:00 tz Europe/Moscow` is read as a whole, the parts in any order; one
word not understood changes nothing and is named, so a typo never half-applies a schedule.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from storage.subscriptions import ChatSettings, Mode

MAX_SETTINGS_WORDS = 12  # more is not a schedule: named as not understood, not parsed
_TIME = re.compile(r"^(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)$")
_MODE_WORDS: dict[str, Mode] = dict.fromkeys(("instant", "сразу", "бірден"), "instant")
_MODE_WORDS |= dict.fromkeys(("daily", "ежедневно", "күнделікті"), "daily")
_MODE_WORDS |= dict.fromkeys(("weekly", "еженедельно", "апталық"), "weekly")
_PHRASES = {"күн сайын": "daily", "апта сайын": "weekly", "каждый день": "daily"}
_PHRASE = re.compile("|".join(_PHRASES), re.IGNORECASE)
_WEEKDAY_WORDS = {
    word: day
    for day, words in enumerate(
        (
            "mon monday пн понедельник понедельникам дүйсенбі",
            "tue tuesday вт вторник вторникам сейсенбі",
            "wed wednesday ср среда среду средам сәрсенбі",
            "thu thursday чт четверг четвергам бейсенбі",
            "fri friday пт пятница пятницу пятницам жұма",
            "sat saturday сб суббота субботу субботам сенбі",
            "sun sunday вс воскресенье воскресеньям жексенбі",
        )
    )
    for word in words.split()
}
# Words that frame the parts ("по понедельникам в 09:00", "tz Europe/Moscow") and mean nothing
# by themselves.
_FRAMING_WORDS = """tz zone timezone пояс часовой белдеуі белдеу уақыт в во по at on every
    каждый каждую и and сағат"""
_FRAMING = frozenset(_FRAMING_WORDS.split())


def typed(chat: ChatSettings, text: str) -> ChatSettings | None:
    """The chat's settings after the words of `text` (`daily 09:00`, `weekly mon 09:00 tz
    Europe/Moscow`, `08:30` (daily unless weekly), `Asia/Omsk`, `instant`), in any order; None
    when a word is not understood or nothing is named."""
    words = _words(text)
    if not words or len(words) > MAX_SETTINGS_WORDS or not_understood(text):
        return None
    named = False
    for word in words:
        lowered = word.lower()
        if found := _TIME.match(lowered):
            mode = chat.mode if chat.mode != "instant" else "daily"
            chat = replace(chat, mode=mode, hour=int(found["hour"]), minute=int(found["minute"]))
        elif lowered in _MODE_WORDS:
            chat = replace(chat, mode=_MODE_WORDS[lowered])
        elif lowered in _WEEKDAY_WORDS:
            chat = replace(chat, mode="weekly", weekday=_WEEKDAY_WORDS[lowered])
        elif zone := known_zone(word):
            chat = replace(chat, tz=zone)
        else:
            continue  # a framing word
        named = True
    return chat if named else None


def not_understood(text: str) -> tuple[str, ...]:
    """The words of `text` that are no part of a schedule, as typed (all of them past
    `MAX_SETTINGS_WORDS`)."""
    words = _words(text)
    if len(words) > MAX_SETTINGS_WORDS:
        return tuple(words)
    return tuple(word for word in words if not _understood(word))


def known_zone(name: str) -> str | None:
    """The IANA zone `name` means, in any letter case ("europe/moscow"); None for no zone."""
    zone = _zones_by_lower().get(name.lower())
    if zone is None:
        return None
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return zone


def _understood(word: str) -> bool:
    lowered = word.lower()
    return bool(
        _TIME.match(lowered)
        or lowered in _MODE_WORDS
        or lowered in _WEEKDAY_WORDS
        or lowered in _FRAMING
        or known_zone(word)
    )


def _words(text: str) -> list[str]:
    text = _PHRASE.sub(lambda found: _PHRASES[found[0].lower()], " ".join(text.split()))
    return [word.rstrip(".,;") for word in text.split() if word.rstrip(".,;")]


@functools.cache
def _zones_by_lower() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}  # the zone database, once
