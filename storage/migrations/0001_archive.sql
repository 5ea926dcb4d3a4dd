-- The news archive: articles, their regions, sectors, facts, story groups and full-text index.
--
-- Ordering: every listing is newest first (date descending, undated last, then later loads
-- first). Article ids are stable and insert-ordered, so they cannot carry that order; instead
-- each article has sort_key = date ordinal * 2^32 + id (0 * 2^32 + id when undated), which is
-- unique, stable for an unchanged article, copied into the link tables next to the filter column,
-- and used as the FTS rowid. A listing is then an index walk and a date range is a sort_key range;
-- a text search reads the FTS rowids backwards and never sorts.

CREATE TABLE regions (
    id TEXT PRIMARY KEY,
    iso TEXT,
    country TEXT NOT NULL CHECK (country IN ('KZ', 'RU')),
    kind TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    name_en TEXT NOT NULL
) STRICT;

CREATE TABLE sectors (
    id TEXT PRIMARY KEY,
    label_ru TEXT NOT NULL,
    label_kk TEXT NOT NULL,
    label_en TEXT NOT NULL
) STRICT;

-- One story reported by several outlets (near-duplicate articles).
CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    lang TEXT NOT NULL,
    source TEXT,
    national_level TEXT NOT NULL DEFAULT '',  -- country codes, comma-separated, e.g. 'KZ'
    story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    sort_key INTEGER NOT NULL UNIQUE,
    tags TEXT NOT NULL DEFAULT '',  -- region and sector tokens for the full-text index (fts.py)
    loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- the long texts last, so reading the short columns never walks overflow pages
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    raw TEXT NOT NULL
) STRICT;

CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;

CREATE TABLE article_regions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    region_id TEXT NOT NULL REFERENCES regions (id),
    role TEXT NOT NULL CHECK (role IN ('partner', 'mentioned')),
    score REAL NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,  -- order of relevance within the article, 0 first
    sort_key INTEGER NOT NULL,  -- copy of articles.sort_key
    PRIMARY KEY (article_id, region_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_regions_by_region ON article_regions (region_id, sort_key);
CREATE INDEX article_regions_by_region_role ON article_regions (region_id, role, sort_key);

CREATE TABLE article_sectors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sector_id TEXT NOT NULL REFERENCES sectors (id),
    rank INTEGER NOT NULL,  -- 0 is the strongest
    sort_key INTEGER NOT NULL,  -- copy of articles.sort_key
    PRIMARY KEY (article_id, sector_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_sectors_by_sector ON article_sectors (sector_id, sort_key);

CREATE TABLE facts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    sort_key INTEGER NOT NULL,  -- copy of articles.sort_key
    PRIMARY KEY (article_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX facts_by_sort_key ON facts (sort_key);

-- Counts kept up to date by every write (storage/facets.py), so that the overview and the total of
-- a whole region, sector, pair or of everything read a few rows instead of counting every
-- article of it: how many articles a subject has ('articles'), and how many of them have each
-- region in any role ('region'), each partner region, sector and national-level side.
CREATE TABLE facet_counts (
    subject TEXT NOT NULL,  -- '*' (every article), 'r:<region id>' (any role), 's:<sector id>'
    facet TEXT NOT NULL CHECK (facet IN ('articles', 'region', 'partner', 'sector', 'national')),
    value TEXT NOT NULL,  -- region id, sector id, country code ('' for 'articles')
    count INTEGER NOT NULL,
    PRIMARY KEY (subject, facet, value)
) STRICT, WITHOUT ROWID;

-- The index holds word stems, not the words (storage/fts.py): fts_stems() is a function every
-- connection registers (storage/db.py). It is contentless (the text lives in articles), keeps
-- only which articles hold a stem (detail none: no phrase queries, a smaller, faster index), and
-- its rowid is the article's sort_key, so matches come out newest first without a sort.
-- The tags column holds one token per region, partner region and sector of the article, so a
-- search within a region, or a pair of regions, is an intersection inside the index.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body, tags,
    content = '',
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary, body, tags)
    VALUES (
        new.sort_key,
        fts_stems(new.title, new.lang),
        fts_stems(new.summary, new.lang),
        fts_stems(new.body, new.lang),
        new.tags
    );
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, tags)
    VALUES (
        'delete',
        old.sort_key,
        fts_stems(old.title, old.lang),
        fts_stems(old.summary, old.lang),
        fts_stems(old.body, old.lang),
        old.tags
    );
END;

CREATE TRIGGER articles_fts_update
AFTER UPDATE OF title, summary, body, lang, sort_key, tags ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, tags)
    VALUES (
        'delete',
        old.sort_key,
        fts_stems(old.title, old.lang),
        fts_stems(old.summary, old.lang),
        fts_stems(old.body, old.lang),
        old.tags
    );
    INSERT INTO articles_fts (rowid, title, summary, body, tags)
    VALUES (
        new.sort_key,
        fts_stems(new.title, new.lang),
        fts_stems(new.summary, new.lang),
        fts_stems(new.body, new.lang),
        new.tags
    );
END;
