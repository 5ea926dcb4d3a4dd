"""Whether one side of the cooperation is a country itself (an ambassador, a consul general), not
a region: the record then carries that country's code as a national-level marker."""

from __future__ import annotations

import re

_DIPLOMAT = re.compile(
    r"\b(?:посол|посла|послу|послом|послы|послов|посольств\w*|генконсул\w*|"
    r"консул(?:ьств\w*|дығ\w*|[ауеы]|ом|ов)?|дипмисси\w*|елші\w*)\b"
    r"(?P<after>(?:\s+[\w-]+){0,3})",
    re.IGNORECASE,
)
_DIPLOMAT_STEMS = ("посол", "посл", "консул", "дипмисси", "елші")
_ADJECTIVE_BEFORE = re.compile(r"(?:казахстанск|российск|қазақстан|ресей)\w*\s+$", re.IGNORECASE)
_KZ_WORD = re.compile(r"\b(?:РК|Казахстан\w*|Қазақстан\w*|казахстанск\w*)", re.IGNORECASE)
_RU_WORD = re.compile(r"\b(?:РФ|Росси\w*|Ресей\w*|Российск\w*)", re.IGNORECASE)


def _occurrences(text: str, stem: str) -> list[int]:
    found, at = [], text.find(stem)
    while at >= 0:
        found.append(at)
        at = text.find(stem, at + 1)
    return found


def _diplomat_mentions(text: str) -> list[re.Match[str]]:
    lowered = text.lower()
    starts = sorted({at for stem in _DIPLOMAT_STEMS for at in _occurrences(lowered, stem)})
    matches = (_DIPLOMAT.match(text, at) for at in starts)
    return [match for match in matches if match]


def _diplomat_countries(text: str) -> set[str]:
    """Countries whose diplomats act in the text; "" stands for a diplomat of no named country."""
    countries: set[str] = set()
    for match in _diplomat_mentions(text):
        before = _ADJECTIVE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        context = f"{before.group() if before else ''} {match.group('after')}"
        kz, ru = _KZ_WORD.search(context), _RU_WORD.search(context)
        if kz and (not ru or kz.start() < ru.start()):
            countries.add("KZ")
        elif ru:
            countries.add("RU")
        else:
            countries.add("")
    return countries


def national_level(title: str, body: str, partner_countries: set[str]) -> tuple[str, ...]:
    """Country codes whose side of the cooperation is the country itself, not a region."""
    diplomats = _diplomat_countries(f"{title}\n{body}")
    marked: list[str] = []
    kz_named = bool(_KZ_WORD.search(title)) and "RU" in partner_countries
    if "KZ" not in partner_countries and ({"KZ", ""} & diplomats or kz_named):
        marked.append("KZ")
    ru_named = bool(_RU_WORD.search(title)) and "KZ" in partner_countries
    if "RU" not in partner_countries and ("RU" in diplomats or ru_named):
        marked.append("RU")
    return tuple(marked)
