-- Operations: a log of the copies made by `python -m storage backup` (for /stats), and a row
-- the health check writes.
CREATE TABLE backup_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,  -- ISO 8601 UTC, e.g. 2026-11-21T09:00:00Z
    path TEXT NOT NULL,  -- where the copy was written, as given
    bytes INTEGER NOT NULL
) STRICT;

-- The health check's write probe: one row, rewritten by every probe, so "writable" is tested by
-- a real write (a full disk, a read-only file or a lost lock all fail it).
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
) STRICT;
