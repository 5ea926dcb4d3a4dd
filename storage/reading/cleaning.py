"""Stripping site boilerplate from a raw article and finding its title, date, body, source, url.

Each line is classified by what it is (site furniture, a byline, a "today" strip, a date, a web
address, a quote, text). The headline is the first text line shaped like one before the body
starts; when there is none, the title is the first informative sentence. Lines above the title are
still read. The header zone, where the publication date is looked for, is the lines before the
body and those right after the headline, never a paragraph of the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storage.reading.dates import date_in_line, is_date_line
from storage.reading.header import (
    find_url,
    is_byline,
    is_outlet_name,
    is_quote,
    is_subheading_shaped,
    is_today_strip,
    letter_words,
    url_of,
    without_outlet,
)
from storage.reading.sentences import split_sentences
from storage.reading.source import find_source, is_site_name

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
    | (?:[^()\s][^()\n]{0,39}\(\d{1,3}\)\s*)+          # gallery captions: аким Каз. РФ (8)
    | .*(?:наш|біздің|subscribe|follow).*\b(?:instagram|telegram|facebook|вконтакте|youtube)\b.*
    | .*\b(?:instagram|telegram|facebook|вконтакте|youtube)\b.*(?:наш|біздің|subscribe|follow).*
    | .*(?:подписывайтесь|подпишитесь|жазылыңыз|узнайте\s+первым).*   # calls to subscribe
    | (?:политика\s+конфиденциальности|пользовательское\s+соглашение|реклама\s+на\s+сайте).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Copyright lines (checked by substrings: a pattern starting with `.*` is slow on every line).
_COPYRIGHT = ("права защищены", "all rights reserved", "барлық құқықтар", "©", "copyright")
_REPRINT = (("использовани", "цитировани", "перепечат"), ("ссылк", "запрещ", "разрешени"))
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]$")
_WORD_WITH_LETTERS = re.compile(r"[^\W\d_][\w-]*")
ONLY_BOILERPLATE = (
    "The text holds only site boilerplate (menus, counters, dates, copyright lines), no article."
)
NO_ARTICLE = "The text is too short to be an article: no line has three words."
TITLE_MAX_CHARS = 160  # a title made of a sentence is cut at a word boundary
_HEADLINE_MAX_CHARS = 250
_HEADLINE_MAX_WORDS = 30
_PARAGRAPH_WORDS = 14  # a first line this long that ends a sentence is the lead, not a headline
_INFORMATIVE_WORDS = 5
_DEBRIS_MAX_CHARS = 200
_SHORT_LINE_WORDS = 4
_SHORT_LINE_MAX_CHARS = 80
# Kinds of line: site furniture and header lines are never body nor title.
_FURNITURE, _URL, _STRIP, _BYLINE, _DATE, _QUOTE, _TEXT = range(7)


@dataclass(frozen=True, slots=True)
class CleanArticle:
    title: str | None
    body_lines: tuple[str, ...]
    source: str | None
    rejection: str = ""  # why there is no title: a one-sentence reason
    date: dt.date | None = None
    url: str | None = None

    @property
    def body(self) -> str:
        return "\n".join(self.body_lines)


def _word_count(line: str) -> int:
    return len(_WORD_WITH_LETTERS.findall(line))


def _cut_tail(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if index > 0 and _TAIL_START.match(line):
            return lines[:index]
    return lines


def _is_copyright(lowered: str) -> bool:
    if any(mark in lowered for mark in _COPYRIGHT):
        return True
    return all(any(stem in lowered for stem in stems) for stems in _REPRINT)


def _kind(line: str) -> int:
    if url_of(line):
        return _URL
    if len(line) <= _DEBRIS_MAX_CHARS:
        if is_today_strip(line):
            return _STRIP
        if is_date_line(line):
            return _DATE
        if is_byline(line):
            return _BYLINE
        if _DEBRIS.match(line) or is_site_name(line) or is_outlet_name(line):
            return _FURNITURE
        if _is_copyright(line.lower()):
            return _FURNITURE
    elif "[[" in line:
        return _FURNITURE
    return _QUOTE if is_quote(line) else _TEXT


def _is_short_fragment(line: str) -> bool:
    if len(line) > _SHORT_LINE_MAX_CHARS:
        return False
    return _word_count(line) < _SHORT_LINE_WORDS and not _SENTENCE_END.search(line)


def _is_paragraph(line: str) -> bool:
    """A line of the body: long, several sentences, or a long sentence."""
    words = letter_words(line)
    if len(line) > _HEADLINE_MAX_CHARS or words > _HEADLINE_MAX_WORDS:
        return True
    if len(split_sentences(line)) > 1:
        return True
    return line.endswith((".", "…")) and words >= _PARAGRAPH_WORDS


def _is_subheading(at: int, lines: list[str], kinds: list[int]) -> bool:
    """A generic short line is a subheading when the text has more of them below its
    paragraphs (a page cut at one of its sections), not a headline."""
    if not is_subheading_shaped(lines[at]):
        return False
    after_paragraph = False
    for line, kind in zip(lines[at + 1 :], kinds[at + 1 :], strict=True):
        if kind != _TEXT:
            continue
        if after_paragraph and is_subheading_shaped(line) and letter_words(line) >= 2:
            return True
        after_paragraph = _is_paragraph(line) or line.endswith((".", "!", "?", "…"))
    return False


def _headline_at(lines: list[str], kinds: list[int]) -> tuple[int | None, int]:
    """The index of the headline (or None) and of the first line of the body."""
    for at, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind != _TEXT:
            continue
        if _is_paragraph(line):
            return None, at
        if letter_words(line) >= 3 and not _is_subheading(at, lines, kinds):
            return at, _first_body_line(lines, kinds, at)
    return None, len(lines)


def _first_body_line(lines: list[str], kinds: list[int], headline_at: int) -> int:
    """The first line after the headline that is text of the body (not a byline, a date, a
    repeated headline or a name under it)."""
    for at in range(headline_at + 1, len(lines)):
        line = lines[at]
        is_text = kinds[at] in (_TEXT, _QUOTE) and line != lines[headline_at]
        if is_text and not _is_short_fragment(line):
            return at
    return len(lines)


def _header_date(lines: list[str], kinds: list[int], body_at: int) -> dt.date | None:
    """A byline's date first, then a date line, then any short header line, a strip last."""
    header = list(zip(lines[:body_at], kinds[:body_at], strict=True))
    for wanted in ((_BYLINE,), (_DATE,), (_FURNITURE, _TEXT), (_STRIP,)):
        for line, kind in header:
            found = date_in_line(line) if kind in wanted else None
            if found:
                return found
    return None


def _title_from_sentences(body: list[str]) -> str | None:
    """The first informative sentence, cut at a word boundary."""
    sentences = [s for line in body[:6] for s in split_sentences(line)]
    informative = [s for s in sentences if letter_words(s) >= _INFORMATIVE_WORDS]
    chosen = next((s for s in informative if not is_quote(s)), None) or next(
        (s for s in sentences if letter_words(s) >= 3), None
    )
    if chosen is None:
        return None
    chosen = chosen.rstrip(" .")
    if len(chosen) <= TITLE_MAX_CHARS:
        return chosen
    return chosen[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"


def _body(lines: list[str], kinds: list[int], skip: int | None, title: str) -> list[str]:
    seen = {title}
    body: list[str] = []
    for at, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if at == skip or kind not in (_TEXT, _QUOTE) or line in seen:
            continue
        if _is_short_fragment(line):
            continue
        seen.add(line)
        body.append(line)
    return body


def clean_article(lines: list[str]) -> CleanArticle:
    """The title, the body without boilerplate, the date, source and url of `raw_lines`."""
    url = find_url(lines)
    lines = _cut_tail(lines)
    source = find_source(lines, url)
    kinds = [_kind(line) for line in lines]
    headline_at, body_at = _headline_at(lines, kinds)
    date = _header_date(lines, kinds, body_at)
    if headline_at is not None:
        title: str | None = without_outlet(lines[headline_at])
        body = _body(lines, kinds, headline_at, lines[headline_at])
    else:
        body = _body(lines, kinds, None, "")
        title = _title_from_sentences(body)
    if title is None:
        text_left = any(kind in (_TEXT, _QUOTE) for kind in kinds)
        return CleanArticle(None, (), source, NO_ARTICLE if text_left else ONLY_BOILERPLATE)
    return CleanArticle(title, tuple(body), source, date=date, url=url)
