-- Backups: a log of the copies made by `python -m storage backup`, for /stats.
CREATE TABLE backup_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,  -- ISO 8601 UTC, e.g. 2026-11-21T09:00:00Z
    path TEXT NOT NULL,  -- where the copy was written, as given
    bytes INTEGER NOT NULL
) STRICT;
