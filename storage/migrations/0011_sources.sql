-- News sources the archive follows by itself (feeds, sitemaps, pages of links) and every item
-- URL they offered, so that the same URL is never fetched or stored twice.

CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'links')),
    interval_seconds INTEGER NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    etag TEXT,                 -- validators of the last listing, for a conditional GET
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_check TEXT,
    next_check TEXT NOT NULL,  -- ISO UTC; due when <= now and not paused
    failures INTEGER NOT NULL DEFAULT 0,  -- in a row; reset by a successful check
    last_error TEXT,
    pause_notified INTEGER NOT NULL DEFAULT 0 CHECK (pause_notified IN (0, 1)),
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_kept INTEGER NOT NULL DEFAULT 0,
    items_rejected INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX sources_due ON sources (paused, next_check);

-- An item is kept (written into the seeds folder as `file`) or rejected (with its reason and,
-- for the most recent ones, its text, so that an admin can force-keep it).
CREATE TABLE source_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    seen_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('kept', 'rejected')),
    title TEXT NOT NULL,
    reason TEXT,
    file TEXT,
    text TEXT
) STRICT;

CREATE INDEX source_items_by_source ON source_items (source_id, status, id);
