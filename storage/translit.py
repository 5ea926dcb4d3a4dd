"""Transliteration by rule, Russian/Kazakh Cyrillic ⇄ Latin, and a spelling key that meets both.

`to_latin` follows the common passport-style romanisation (Щ → shch, Ж → zh, Қ → q, Ң → ng);
`to_cyrillic` reverses it for Russian (digraphs first, `y` as й after a vowel, else ы).
`spelling_key` folds a name in either script to a coarse Latin key, so that the spellings people
type meet: `Qostanay`, `Kostanai` and `Қостанай` all give "kostanai", `Uralsk` and `Уральск` give
"uralsk", `Guryev` and `Гурьев` give "gurev". No guessing: the same rules apply to both sides.
"""

from __future__ import annotations

import re
import unicodedata

_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip
_TO_CYRILLIC = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("a", "а"), ("b", "б"), ("c", "к"),
    ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"),
    ("z", "з"),
]  # fmt: skip
_LATIN_TOKEN = re.compile("|".join(sorted((re.escape(k) for k, _ in _TO_CYRILLIC), key=len)[::-1]))
_VOWELS = set("aeiouаеёиоуыэюяәөұүі")
# Folds applied to a Latin spelling, in order: sounds both scripts spell in several ways.
_FOLDS = [
    (re.compile(r"dzh|zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"q"), "k"),
    (re.compile(r"y(?=[aeiou])"), ""),  # Yekaterinburg / Екатеринбург, Guryev / Гурьев
    (re.compile(r"[yw]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # Mangghystau / Mangystau
]
_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def to_latin(text: str) -> str:
    """Cyrillic letters (Russian and Kazakh) romanised; other characters kept."""
    out = []
    for char in text:
        latin = _TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper() and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def to_cyrillic(text: str) -> str:
    """A Latin spelling read as Russian Cyrillic (lower case): `Baikonur` → "байконур"."""
    word = _strip_accents(text.lower())
    out: list[str] = []
    position = 0
    while position < len(word):
        if word[position] == "y":
            after_vowel = position > 0 and word[position - 1] in _VOWELS
            next_is_vowel = word[position + 1 : position + 2] in {"a", "u", "o", "e"}
            if not next_is_vowel:
                out.append("й" if after_vowel or position == len(word) - 1 else "ы")
                position += 1
                continue
        if word[position] == "i" and position > 0 and word[position - 1] in "aeou":
            out.append("й")  # Baikonur, Aktobe Oblysy's "ai"
            position += 1
            continue
        match = _LATIN_TOKEN.match(word, position)
        if match is None:
            out.append(word[position])
            position += 1
            continue
        out.append(dict(_TO_CYRILLIC)[match[0]])
        position = match.end()
    return "".join(out)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spelling_key(text: str) -> str:
    """A coarse Latin key of a name in either script: letters and digits only, sounds folded."""
    latin = _strip_accents(to_latin(text.lower()).lower())
    for pattern, replacement in _FOLDS:
        latin = pattern.sub(replacement, latin)
    return _NOT_LETTER.sub("", latin)


def is_latin(word: str) -> bool:
    """True when every letter of `word` is a Latin letter (accents allowed)."""
    letters = [char for char in _strip_accents(word) if char.isalpha()]
    return bool(letters) and all("a" <= char.lower() <= "z" for char in letters)
