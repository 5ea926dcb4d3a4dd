-- Admin: a log of archive reloads (by /reload or an upload), for /stats and for the record,
-- and an index that lets /stats count articles by language and date without reading the rows.

CREATE TABLE reload_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,  -- ISO 8601 UTC, e.g. 2026-11-21T09:00:00Z
    trigger TEXT NOT NULL CHECK (trigger IN ('reload', 'upload')),
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    seconds REAL NOT NULL DEFAULT 0,
    error TEXT  -- a short reason when ok = 0
) STRICT;

-- Covering index: count(*), count(date) and GROUP BY lang read this small index instead of the
-- article rows (which carry the full text).
CREATE INDEX articles_lang_date ON articles (lang, date);
