"""What the lines at the top of an article are: bylines, "today" strips, quotes, subheadings,
web addresses, an outlet's name glued to the headline. None of them is ever a title."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from storage.reading.dates import date_in_line

URL_ZONE_LINES = 8  # a web address is looked for this near the top or the end of the text
_BARE_URL = re.compile(
    r"^(?:(?:источник|дереккөз|source|ссылка|link)\s*:\s*)?(https?://\S+)$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?:опубликовано|опубликован|дата\s+публикации|обновлено|published|updated|posted|"
    r"жарияланды|жарияланған|жариялан\w*|автор|author|редакция|текст|мәтін|"
    r"корреспондент|тілші)\b",
    re.IGNORECASE,
)
_STRIP_WORDS = re.compile(
    r"\b(?:курс\w*|usd|eur|rub|kzt|\$|€|погода|ауа\s+райы|°|градус\w*|сегодня|бүгін|today)",
    re.IGNORECASE,
)
_STRIP_STEMS = (
    "курс", "usd", "eur", "rub", "kzt", "$", "€", "погод", "ауа", "°", "градус", "сегодня",
    "бүгін", "today",
)  # fmt: skip
_WEEKDAY = re.compile(
    r"\b(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі|"
    r"сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
_OPENS_QUOTE = ("«", '"', "“", "„", "—", "–", "- ")
_CLOSES_QUOTE = re.compile(r"[»\"”](?:[.!?…]*|\s*[,–—-]+\s+.{0,80})$")
# ` — Хабар 24`, ` | Tengrinews`: an outlet's name after the headline.
_OUTLET_TAIL = re.compile(r"\s+(?:\||—|–|-|::)\s+(?P<outlet>[^|—–]{2,40})$")
_OUTLET_NAMES = re.compile(
    r"^(?:хабар(?:\s*24)?|khabar|казинформ|kazinform|тасс|риа\s+новости|интерфакс|"
    r"tengrinews|kaztag|казтаг|inform\.kz|zakon\.kz|24\.kz|24kz|курсив|kursiv|егемен\s+\w+|"
    r"lada\.kz|orda\.kz|kapital\.kz|бизнес\s+информ|деловой\s+казахстан|кazpravda|"
    r"казахстанская\s+правда|литер|наш\s+регион|новости)$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_LETTER_WORD = re.compile(r"[^\W\d_][\w-]*")
SUBHEADING_MAX_WORDS = 5


def is_byline(line: str) -> bool:
    """`Опубликовано 06.03.2019 | Редакция`, `Автор: …`, or a short line of a date and a name."""
    if len(line) > 160:
        return False
    if _BYLINE.match(line):
        return True
    return "|" in line and date_in_line(line) is not None and not _STRIP_WORDS.search(line)


def is_today_strip(line: str) -> bool:
    """A site's strip at the very top: today's date beside a weekday, the weather or exchange
    rates, or a line of rates or weather alone."""
    if len(line) > 200:
        return False
    lowered = line.lower()
    rates = any(word in lowered for word in _STRIP_STEMS) and bool(_STRIP_WORDS.search(line))
    if not (rates or ("|" in line and _WEEKDAY.search(line))):
        return False
    if date_in_line(line) is None:
        return rates and len(line) <= 100 and any(c.isdigit() or c == ":" for c in line)
    return True


def is_quote(line: str) -> bool:
    """A line of direct speech: it opens with a quote mark or a dash and closes the quote."""
    if not line.startswith(_OPENS_QUOTE):
        return False
    return len(line) > 120 or bool(_CLOSES_QUOTE.search(line)) or line.startswith(("—", "–"))


def url_of(line: str) -> str | None:
    """The web address a line consists of (`https://…` or `Источник: https://…`)."""
    if len(line) > 520 or "://" not in line:
        return None
    match = _BARE_URL.match(line)
    return match.group(1).rstrip(".,;)") if match else None


def find_url(lines: list[str]) -> str | None:
    """The article's own web address, named near the top or the end of the text."""
    zone = lines[:URL_ZONE_LINES] + lines[-URL_ZONE_LINES:]
    for line in zone:
        found = url_of(line)
        if found:
            return found
    return None


def domain_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def without_outlet(title: str) -> str:
    """The headline without an outlet's name glued to its end (`… — Хабар 24`)."""
    match = _OUTLET_TAIL.search(title)
    if not match:
        return title
    outlet = match.group("outlet").strip()
    if _OUTLET_NAMES.match(outlet) or _DOMAIN.match(outlet) or "|" in match.group():
        return title[: match.start()].rstrip()
    return title


def is_outlet_name(line: str) -> bool:
    return len(line) <= 40 and bool(_OUTLET_NAMES.match(line.strip()))


def letter_words(line: str) -> int:
    return len(_LETTER_WORD.findall(line))


def is_subheading_shaped(line: str) -> bool:
    """A short line without sentence punctuation, a digit or a name after its first word."""
    words = line.split()
    if not 1 <= len(words) <= SUBHEADING_MAX_WORDS or line.endswith((".", "!", "?", "…", ":")):
        return False
    if any(c.isdigit() for c in line):
        return False
    return not any(word[:1].isupper() for word in words[1:])
