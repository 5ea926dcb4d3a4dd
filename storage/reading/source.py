"""The outlet an article comes from: a bare site name line, `Источник: X`, `передает X`, or the
site of the article's web address."""

from __future__ import annotations

import re

from storage.reading.header import domain_of, url_of

_SITE_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:kz|ru|com|org|net|info|media)$", re.I)
_PASSED_ON_BY = re.compile(
    r"(?:передает|передаёт|сообщает|пишет|хабарлайды)\s+(?:агентство\s+|издание\s+)?"
    r"«?([А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w.-]*(?:\s+[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w.-]*){0,3})»?"
)
_SOURCE_LINE = re.compile(r"^(?:источник|дереккөз|source)\s*:\s*(.{2,80})$", re.IGNORECASE)
_PASSED_ON_STEMS = ("переда", "сообща", "пишет", "хабарла")
_SITE_NAME_MAX_CHARS = 80


def is_site_name(line: str) -> bool:
    return len(line) <= _SITE_NAME_MAX_CHARS and bool(_SITE_NAME.match(line))


def find_source(lines: list[str], url: str | None) -> str | None:
    """The outlet the text names: a bare site name line, `Источник: X`, `передает X`, or the
    site of the article's web address."""
    for line in lines:
        if is_site_name(line):
            return line.lower()
        labelled = _SOURCE_LINE.match(line)
        if labelled and not url_of(line):
            return labelled.group(1).strip()
    for line in lines:
        lowered = line.lower()
        if not any(stem in lowered for stem in _PASSED_ON_STEMS):
            continue
        passed = _PASSED_ON_BY.search(line)
        if passed:
            return passed.group(1).rstrip(".")
    return domain_of(url) if url else None
