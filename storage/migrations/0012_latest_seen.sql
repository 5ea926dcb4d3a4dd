-- When each chat last looked at /latest: the newest article id it was shown, so the next
-- /latest shows first the articles loaded since (ids only grow). One row per chat that used
-- /latest, rewritten only when there was something new.
CREATE TABLE latest_seen (
    chat_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,  -- the newest article id in the archive when the chat looked
    seen_at TEXT NOT NULL
) STRICT;
