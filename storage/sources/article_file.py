"""An extracted web article as an ordinary article file: title, date and address on top."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

FILE_PREFIX = "src-"
MAX_TEXT_CHARS = 200_000  # longer texts are cut: the reader takes at most 1 MB anyway


@dataclass(frozen=True, slots=True)
class WebArticle:
    """What was extracted from one page."""

    url: str
    title: str
    date: dt.date | None
    body: str


def file_name(url: str) -> str:
    """The seeds file name of an article from `url`: the same URL always gets the same name."""
    return f"{FILE_PREFIX}{hashlib.sha256(url.encode('utf-8')).hexdigest()[:20]}.txt"


def article_text(article: WebArticle) -> str:
    """The file's text, in the layout the reader expects of any article.

    The headline comes first (the reader takes the first line of three words or more as the
    title), then the date alone on its line (`27.11.2022`, read from the header zone), then
    `Источник: <url>` (the outlet for the reader, the link to the original), then the body.
    """
    lines = [" ".join(article.title.split())]
    if article.date is not None:
        lines.append(article.date.strftime("%d.%m.%Y"))
    lines.append(f"Источник: {article.url}")
    lines.append("")
    lines.append(article.body.strip()[:MAX_TEXT_CHARS])
    return "\n".join(lines) + "\n"
