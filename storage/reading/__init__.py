"""Reading one raw article (ru/kk) into a record: title, date, language, regions, sectors…"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from storage.models import ArticleRecord
from storage.reading.cleaning import clean_article
from storage.reading.dates import date_in_url
from storage.reading.decoding import MAX_FILE_BYTES, UnreadableArticle, decode_article_file
from storage.reading.facts import find_facts
from storage.reading.language import detect_language
from storage.reading.lines import raw_lines
from storage.reading.national import national_level
from storage.reading.partners import assign_roles, partner_countries
from storage.reading.sector_roles import sector_roles
from storage.reading.sentences import split_body
from storage.reading.summary import summarise
from storage.regions import get_region

__all__ = [
    "READER_VERSION",
    "UnreadableArticle",
    "decode_article_file",
    "read_article",
    "reading_digest",
    "record_to_json",
]

# Stored with every record. Raise it whenever a change to reading can change a record: the next
# load (`/reload`, `python -m storage load`) then re-reads every file, even an unchanged one.
READER_VERSION = 2


def read_article(text: str) -> ArticleRecord:
    """The record of one article text; raises UnreadableArticle when the text is not an article."""
    if len(text) > MAX_FILE_BYTES:
        raise UnreadableArticle("The text is larger than 1 MB.")
    lines = raw_lines(text)
    if not lines:
        raise UnreadableArticle("The text is empty.")
    clean = clean_article(lines)
    if clean.title is None:
        raise UnreadableArticle(clean.rejection)
    sentences = split_body(clean.body_lines)
    regions = assign_roles(clean.title, sentences)
    partners = tuple(m.region_id for m in regions if m.role == "partner")
    main_sectors, mentioned_sectors = sector_roles(clean.title, sentences)
    return ArticleRecord(
        title=clean.title,
        date=clean.date or (date_in_url(clean.url) if clean.url else None),
        lang=detect_language(f"{clean.title}\n{clean.body}"),
        source=clean.source,
        regions=regions,
        national_level=national_level(clean.title, clean.body, partner_countries(regions)),
        sectors=main_sectors,
        summary=summarise(clean.title, sentences, partners),
        facts=find_facts(sentences),
        body=clean.body,
        url=clean.url,
        mentioned_sectors=mentioned_sectors,
    )


def record_to_json(record: ArticleRecord, file_name: str) -> dict[str, Any]:
    """The stable JSON form of a reading (what `python -m storage inspect --json` prints)."""
    regions = []
    for mention in record.regions:
        region = get_region(mention.region_id)
        regions.append(
            {
                "id": mention.region_id,
                "iso": region.iso if region else None,
                "country": region.country if region else None,
                "name_en": region.name_en if region else None,
                "role": mention.role,
            }
        )
    return {
        "file": file_name,
        "title": record.title,
        "date": record.date.isoformat() if record.date else None,
        "lang": record.lang,
        "source": record.source,
        "url": record.url,
        "regions": regions,
        "national_level": list(record.national_level),
        "sectors": [sector for sector, _ in record.sector_roles],
        "sector_roles": [{"id": sector, "role": role} for sector, role in record.sector_roles],
        "summary": record.summary,
        "facts": [{"kind": fact.kind, "text": fact.text} for fact in record.facts],
    }


def reading_digest(record: ArticleRecord) -> str:
    """A digest of everything a reading yields, to tell whether a re-read changed the record."""
    fields = record_to_json(record, "") | {"body": record.body}
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()
