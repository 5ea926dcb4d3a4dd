"""Stemming for the full-text index: the same stems are indexed and searched, so word forms meet.

Each word is indexed under its stem in the article's language, and a query word matches its
Russian or its Kazakh stem: "Астраханской" (ru) and "Астраханға" (kk) both give "астрахан", which
"Астрахань" also gives. Queries are exact terms: one doclist read newest first and stopped at the
page size, where a prefix query would merge every matching term in full. Region and sector
tags (one token each, in the index's tags column) let a filtered search stay inside the index.
"""

from __future__ import annotations

import functools
import re

# Endings removed from a word, longest first. Russian noun and adjective endings (adjectives with
# the "-ск-" of place names, so "Астраханской" meets "Астрахань"); Kazakh case, possessive and
# plural suffixes. Applying each language's list separately keeps them from mangling each other
# ("Казахстан" is not Kazakh ablative "-тан" in Russian text).
_ADJECTIVE = "ая яя ой ей ий ый ое ее ую юю ого его ому ему ом ем ые ие ых их ым им ыми ими"
_RUSSIAN_NOUN = "а я о е ы и у ю ь ам ям ах ях ами ями ов ев ей ом ем ью ия ии ие ию"
_KAZAKH = (
    "ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен ның нің дың дің тың тің"
    " ны ні ды ді ты ті мен бен пен лар лер дар дер тар тер сы сі ы і ын ін сын сін ына іне"
    " ында інде ынан інен ының інің ымен імен"
)
MIN_STEM = 4
MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]")


def _longest_first(endings: set[str]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


_RUSSIAN = _longest_first(
    {*_RUSSIAN_NOUN.split(), *(p + e for p in ("", "ск", "цк") for e in _ADJECTIVE.split())}
)
_KAZAKH_ENDINGS = _longest_first(set(_KAZAKH.split()))


def _strip(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


@functools.lru_cache(maxsize=200_000)
def _russian_stem(word: str) -> str:
    return _strip(word, _RUSSIAN)


@functools.lru_cache(maxsize=200_000)
def _kazakh_stem(word: str) -> str:
    return _strip(word, _KAZAKH_ENDINGS)


def stems(word: str) -> tuple[str, ...]:
    """The Russian and the Kazakh stem of a word, lower-cased (one when they are the same)."""
    word = word.lower()
    return tuple(dict.fromkeys((_russian_stem(word), _kazakh_stem(word))))


def stemmed_text(text: str | None, lang: str | None) -> str:
    """The stems of every word of a text in its language: what the full-text index stores.

    Registered as the SQL function fts_stems(text, lang) on every connection (storage.db);
    changing the stemmer requires a migration that rebuilds articles_fts, as deletes replay it.
    """
    stem = _kazakh_stem if lang == "kk" else _russian_stem
    return " ".join(map(stem, _WORD.findall((text or "").lower())))


def region_tag(region_id: str, *, partner: bool = False) -> str:
    """The index token of an article about a region (any role), or with it as a partner."""
    return ("0p" if partner else "0r") + _compact(region_id)


def sector_tag(sector_id: str) -> str:
    return "0s" + _compact(sector_id)


def _compact(identifier: str) -> str:
    # Tokens are letters and digits only; ids are slugs such as "kz-west", "machine_building".
    return _NOT_ALPHANUMERIC.sub("", identifier.lower())


def tags_text(regions: list[tuple[str, bool]], sectors: list[str]) -> str:
    """The tags column of an article: (region id, is partner) pairs and sector ids."""
    tags = [region_tag(region) for region, _ in regions]
    tags += [region_tag(region, partner=True) for region, partner in regions if partner]
    tags += [sector_tag(sector) for sector in sectors]
    return " ".join(tags)
