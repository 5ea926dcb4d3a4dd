-- Loads started by a news source's check are logged as such ('source'), not as a /reload.
-- SQLite cannot change a CHECK constraint in place: the small log table is rebuilt.

CREATE TABLE reload_log_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,  -- ISO 8601 UTC, e.g. 2026-11-21T09:00:00Z
    trigger TEXT NOT NULL CHECK (trigger IN ('reload', 'upload', 'source')),
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    seconds REAL NOT NULL DEFAULT 0,
    error TEXT  -- a short reason when ok = 0
) STRICT;

INSERT INTO reload_log_new
    (id, finished_at, trigger, ok, added, updated, unchanged, removed, rejected, seconds, error)
SELECT id, finished_at, trigger, ok, added, updated, unchanged, removed, rejected, seconds, error
FROM reload_log;

DROP TABLE reload_log;
ALTER TABLE reload_log_new RENAME TO reload_log;
