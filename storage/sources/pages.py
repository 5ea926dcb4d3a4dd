"""What a fetched source says: its kind, the items it lists, and an article page's text."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from storage.sources.addresses import RefusedAddress, checked_url
from storage.sources.article_file import WebArticle
from storage.sources.registry import SourceKind

MAX_LISTED = 200  # items read from one listing; more are left for later checks
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})""", re.I)
_SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]{1,2000})\s*</loc>", re.I)
_ASSET = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|zip|mp[34]|css|js)$", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


class UnusableListing(ValueError):
    """A listing that cannot be read (a malformed feed, not a feed, sitemap or HTML page)."""


@dataclass(frozen=True, slots=True)
class Listed:
    """One item a listing offers: its address, and the title and date the listing gives."""

    url: str
    title: str = ""
    date: dt.date | None = None


def detect_kind(body: bytes, content_type: str) -> SourceKind | None:
    """feed, sitemap or links (an HTML page), by the document's own first element."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head or content_type in _FEED_TYPES:
        return "feed"
    if content_type in _HTML_TYPES or b"<html" in head or b"<!doctype html" in head:
        return "links"
    return None


def decode_page(body: bytes, header_charset: str | None) -> str:
    """The page's text in its declared encoding (header, then <meta>), else UTF-8 or cp1251."""
    declared = header_charset or _meta_charset(body)
    if declared:
        try:
            return body.decode(codecs.lookup(declared).name, "replace")
        except LookupError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1251", "replace")


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def listed_items(
    kind: SourceKind, body: bytes, base_url: str, charset: str | None
) -> list[Listed]:
    """The items of a listing, in its order, each address absolute and acceptable."""
    if kind == "feed":
        found = _feed_items(body)
    elif kind == "sitemap":
        found = [Listed(url) for url in _SITEMAP_LOC.findall(decode_page(body, charset))]
        if b"<sitemapindex" in body[:4096].lower():
            raise UnusableListing("a sitemap index: add one of the sitemaps it names")
    else:
        found = _page_links(decode_page(body, charset), base_url)
    unique: dict[str, Listed] = {}
    for item in found:
        try:
            url = checked_url(urljoin(base_url, item.url))
        except RefusedAddress:
            continue
        unique.setdefault(url, Listed(url, item.title, item.date))
    return list(unique.values())[:MAX_LISTED]


def feed_title(body: bytes) -> str:
    import feedparser  # imported on first use, like trafilatura: the bot starts faster

    return str(feedparser.parse(body).feed.get("title", "")).strip()


def _feed_items(body: bytes) -> list[Listed]:
    import feedparser

    parsed: Any = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise UnusableListing("malformed feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            items.append(Listed(str(link), " ".join(str(entry.get("title", "")).split()),
                                _entry_date(entry)))  # fmt: skip
    return items


def _entry_date(entry: Any) -> dt.date | None:
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _page_links(html: str, base_url: str) -> list[Listed]:
    """Links of a page of article links: same site, deeper than the page, not a file."""
    try:
        document = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        raise UnusableListing("unreadable HTML page") from None
    base = urlsplit(base_url)
    items = []
    for anchor in document.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        target = urlsplit(urljoin(base_url, href))
        path = target.path.rstrip("/")
        if target.netloc != base.netloc or _ASSET.search(path) or path == base.path.rstrip("/"):
            continue
        if path.count("/") >= 2 or any(ch.isdigit() for ch in path):
            items.append(
                Listed(target._replace(fragment="").geturl(), anchor.text_content().strip())
            )
    return items


def extract_article(html: str, url: str) -> WebArticle | None:
    """The main text and metadata of an article page; None when it has no article text.

    The date is read only from the page's markup (meta tags, time elements, structured data),
    never guessed from the text or the clock.
    """
    # Imported on first use: the bot process starts faster, and in the bot the reading runs in
    # a worker process, which is the one that needs it.
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not document.text or not document.title:
        return None
    title = " ".join(str(document.title).split())
    lines = [line for line in str(document.text).split("\n") if line.strip()]
    if lines and " ".join(lines[0].split()) == title:
        lines = lines[1:]  # the headline repeated at the top of the text
    if not lines:
        return None
    return WebArticle(url, title, _iso_date(document.date), "\n".join(lines))


def _iso_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
