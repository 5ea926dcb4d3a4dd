"""Stripping site boilerplate from a raw article and finding its title, body lines and source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.reading.dates import is_date_line

# A line that starts the site's link lists: everything from it on is not the article.
_TAIL_START = re.compile(
    r"^(популярное|читайте также|читайте еще|читайте ещё|архив|похожие новости|комментарии|"
    r"другие новости|последние новости|новости по теме|см\. также|тағы оқыңыз|соңғы жаңалықтар|"
    r"ұқсас жаңалықтар|өзекті)\s*(?:\(\d+\))?\s*:?$",
    re.IGNORECASE,
)
_DEBRIS = re.compile(
    r"""^(?:
      .*\[\[.*\]\].*                                  # template debris: [[year]]
    | [•·*\s]*\d[\d\s]*                               # a bare counter: 4168
    | (?:оқылды|қаралды|просмотр\w*|views?)\s*:?\s*\d+   # view counters: Оқылды: 60
    | добавить\s+комментарий.* | пікір\s+қалдыру.*
    | (?:главная|басты\s+бет|home)\s*[/»>|].*          # breadcrumbs
    | (?:фото|сурет|photo)\b.{0,60}                   # photo credits: фото РСК
    | .{0,60}\b(?:фото|сурет)\s*$
    | (?:автор|author)\b.{0,80}                       # bylines
    | (?:[^()\s][^()\n]{0,39}\(\d{1,3}\)\s*)+          # gallery captions: аким Каз. РФ (8)
    | .*(?:наш|біздің|subscribe|follow).*\b(?:instagram|telegram|facebook|вконтакте|youtube)\b.*
    | .*\b(?:instagram|telegram|facebook|вконтакте|youtube)\b.*(?:наш|біздің|subscribe|follow).*
    | .*(?:подписывайтесь|подпишитесь|жазылыңыз|узнайте\s+первым).*   # calls to subscribe
    | .*(?:все\s+права\s+защищены|all\s+rights\s+reserved|барлық\s+құқықтар|©|copyright).*
    | .*(?:использовании|цитировании|перепечатк)\w*\s.*(?:ссылк|запрещ|разрешени).*
    | (?:политика\s+конфиденциальности|пользовательское\s+соглашение|реклама\s+на\s+сайте).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SITE_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:kz|ru|com|org|net|info|media)$", re.I)
_PASSED_ON_BY = re.compile(
    r"(?:передает|передаёт|сообщает|пишет|хабарлайды)\s+(?:агентство\s+|издание\s+)?"
    r"«?([А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w.-]*(?:\s+[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w.-]*){0,3})»?"
)
_SOURCE_LINE = re.compile(r"^(?:источник|дереккөз|source)\s*:\s*(.{2,80})$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]$")
_WORD_WITH_LETTERS = re.compile(r"[^\W\d_][\w-]*")
_PASSED_ON_STEMS = ("переда", "сообща", "пишет", "хабарла")
ONLY_BOILERPLATE = (
    "The text holds only site boilerplate (menus, counters, dates, copyright lines), no article."
)
NO_ARTICLE = "The text is too short to be an article: no line has three words."
_TITLE_MAX_CHARS = 300
_DEBRIS_MAX_CHARS = 200
_SITE_NAME_MAX_CHARS = 80
_SHORT_LINE_WORDS = 4
_SHORT_LINE_MAX_CHARS = 80


@dataclass(frozen=True, slots=True)
class CleanArticle:
    title: str | None
    body_lines: tuple[str, ...]
    source: str | None
    rejection: str = ""  # why there is no title: a one-sentence reason

    @property
    def body(self) -> str:
        return "\n".join(self.body_lines)


def _word_count(line: str) -> int:
    return len(_WORD_WITH_LETTERS.findall(line))


def _is_title(line: str) -> bool:
    return _word_count(line) >= 3 and len(line) <= _TITLE_MAX_CHARS and not is_date_line(line)


def _cut_tail(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if index > 0 and _TAIL_START.match(line):
            return lines[:index]
    return lines


def _is_debris(line: str) -> bool:
    if len(line) > _DEBRIS_MAX_CHARS:  # a paragraph of the article, not site furniture
        return "[[" in line
    return bool(_DEBRIS.match(line) or _is_site_name(line) or is_date_line(line))


def _is_short_fragment(line: str) -> bool:
    if len(line) > _SHORT_LINE_MAX_CHARS:
        return False
    return _word_count(line) < _SHORT_LINE_WORDS and not _SENTENCE_END.search(line)


def _is_site_name(line: str) -> bool:
    return len(line) <= _SITE_NAME_MAX_CHARS and bool(_SITE_NAME.match(line))


def find_source(lines: list[str]) -> str | None:
    """The outlet the text names: a bare site name line, `Источник: X`, or `передает X`."""
    for line in lines:
        if _is_site_name(line):
            return line.lower()
        labelled = _SOURCE_LINE.match(line)
        if labelled:
            return labelled.group(1).strip()
    for line in lines:
        lowered = line.lower()
        if not any(stem in lowered for stem in _PASSED_ON_STEMS):
            continue
        passed = _PASSED_ON_BY.search(line)
        if passed:
            return passed.group(1).rstrip(".")
    return None


def clean_article(lines: list[str]) -> CleanArticle:
    """The title, the body without boilerplate, and the source, from a text's `raw_lines`."""
    lines = _cut_tail(lines)
    source = find_source(lines)
    kept = [line for line in lines if not _is_debris(line)]
    title_at = next((i for i, line in enumerate(kept) if _is_title(line)), None)
    if title_at is None:
        return CleanArticle(None, (), source, NO_ARTICLE if kept else ONLY_BOILERPLATE)
    title = kept[title_at]
    seen = {title}
    body: list[str] = []
    for line in kept[title_at + 1 :]:
        if line in seen or _is_short_fragment(line):
            continue
        seen.add(line)
        body.append(line)
    return CleanArticle(title, tuple(body), source)
