"""Plain dataclasses shared by the reading code, the archive and the bot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Country = Literal["KZ", "RU"]
Role = Literal["partner", "mentioned"]
SectorRole = Literal["main", "mentioned"]
Lang = Literal["ru", "kk", "en"]  # the languages of the interface
LANGUAGES: tuple[Lang, ...] = ("ru", "kk", "en")


@dataclass(frozen=True, slots=True)
class Region:
    """One of the 109 first-level units (20 of Kazakhstan, 89 of Russia)."""

    id: str  # stable slug, e.g. "kz-west", "ru-astrakhan"
    iso: str | None  # ISO 3166-2 code where one exists, e.g. "KZ-27"
    country: Country
    kind: str  # oblast, krai, republic, city, federal city, autonomous okrug...
    name_ru: str
    name_kk: str
    name_en: str

    def name(self, lang: Lang) -> str:
        """Display name in a UI language (ru, kk, en); Kazakh falls back to Russian."""
        if lang == "en":
            return self.name_en
        if lang == "kk" and self.name_kk:
            return self.name_kk
        return self.name_ru


@dataclass(frozen=True, slots=True)
class Sector:
    """One of the 21 fixed sectors of cooperation."""

    id: str
    label_ru: str
    label_kk: str
    label_en: str

    def label(self, lang: Lang) -> str:
        return {"en": self.label_en, "kk": self.label_kk}.get(lang, self.label_ru)


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A region found in an article, with its role there."""

    region_id: str
    role: Role
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Fact:
    """A key fact: kind is "money", "agreement" or "event"."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What reading one raw article yields."""

    title: str
    date: dt.date | None
    lang: str  # "ru" or "kk"
    source: str | None
    regions: tuple[RegionMention, ...]  # ordered by relevance
    national_level: tuple[str, ...]  # country codes whose side is the country itself
    sectors: tuple[str, ...]  # the main sectors (one to three), strongest first
    summary: str
    facts: tuple[Fact, ...]
    body: str  # the cleaned article text
    url: str | None = None  # the article's web address, when the text names it
    mentioned_sectors: tuple[str, ...] = ()  # named in passing or in a long list

    @property
    def sector_roles(self) -> tuple[tuple[str, SectorRole], ...]:
        """Every sector named, main first: (sector id, role)."""
        main: tuple[tuple[str, SectorRole], ...] = tuple((s, "main") for s in self.sectors)
        return main + tuple((sector, "mentioned") for sector in self.mentioned_sectors)

    @property
    def partners(self) -> tuple[str, ...]:
        return tuple(m.region_id for m in self.regions if m.role == "partner")


@dataclass(frozen=True, slots=True)
class Snippet:
    """The passage of an article where a search matched; `marks` are (start, end) of the
    matching words in `text`; `cut_before` / `cut_after` say whether text was left out."""

    text: str
    marks: tuple[tuple[int, int], ...]
    cut_before: bool = False
    cut_after: bool = False


@dataclass(frozen=True, slots=True)
class ArticleCard:
    """An article as the bot lists it."""

    id: int
    title: str
    date: dt.date | None
    lang: str  # the article's language, "ru" or "kk"
    summary: str
    sectors: tuple[str, ...]
    regions: tuple[RegionMention, ...]
    national_level: tuple[str, ...] = ()
    snippet: Snippet | None = None  # set in search results: where the words were found


@dataclass(frozen=True, slots=True)
class StoryVersion:
    """Another outlet's version of the same story."""

    article_id: int
    title: str
    source: str | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One article in full detail."""

    card: ArticleCard
    file: str
    source: str | None
    facts: tuple[Fact, ...]
    body: str
    same_story: tuple[StoryVersion, ...] = ()
    url: str | None = None
    mentioned_sectors: tuple[str, ...] = ()  # the card's sectors are the main ones


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles a query is about; empty fields do not filter.

    Several region ids mean articles that involve all of them (a pair across the border).
    """

    region_ids: tuple[str, ...] = ()
    role: Role | None = None
    sector: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    query: str | None = None
    loaded_after: int | None = None  # only articles loaded after this article id (/latest)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of article cards."""

    items: tuple[ArticleCard, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class Overview:
    """The summary header of a selection of articles."""

    count: int
    dated_count: int
    first_date: dt.date | None
    last_date: dt.date | None
    partners: tuple[tuple[str, int], ...]  # (region id, article count), most first
    sectors: tuple[tuple[str, int], ...]  # (sector id, article count), most first
    facts: tuple[tuple[int, Fact], ...]  # (article id, fact), most recent first
    national_level: tuple[tuple[str, int], ...] = field(default=())
    mentioned: tuple[tuple[str, int], ...] = ()  # regions named, never as partners, most first
    home_mentioned: int = 0  # articles naming the one region of the selection only in passing


@dataclass(frozen=True, slots=True)
class Coverage:
    """What the archive covers, for /start and /stats."""

    articles: int
    regions: int
    first_date: dt.date | None
    last_date: dt.date | None
