-- A lighter archive, second step: the cleaned body of each article is stored compressed
-- (zlib, about 40 % of its UTF-8 size) in body_zlib, and read back through the SQL function
-- article_body(body_zlib) (storage/article_text.py, registered on every connection with
-- packed_body, its inverse). The full-text triggers index the stems of the same text as before,
-- so the index is kept as it is: a delete replays exactly the stems that were inserted.
--
-- The triggers go first: a column a trigger names cannot be dropped. An existing archive gets
-- the space back with `python -m storage compact` (the bot stopped), and a backup is compact.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;

ALTER TABLE articles ADD COLUMN body_zlib BLOB NOT NULL DEFAULT x'';
UPDATE articles SET body_zlib = packed_body(body);
ALTER TABLE articles DROP COLUMN body;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary, body, tags)
    VALUES (
        new.sort_key,
        fts_stems(new.title, new.lang),
        fts_stems(new.summary, new.lang),
        fts_stems(article_body(new.body_zlib), new.lang),
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
        fts_stems(article_body(old.body_zlib), old.lang),
        old.tags
    );
END;

CREATE TRIGGER articles_fts_update
AFTER UPDATE OF title, summary, body_zlib, lang, sort_key, tags ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, tags)
    VALUES (
        'delete',
        old.sort_key,
        fts_stems(old.title, old.lang),
        fts_stems(old.summary, old.lang),
        fts_stems(article_body(old.body_zlib), old.lang),
        old.tags
    );
    INSERT INTO articles_fts (rowid, title, summary, body, tags)
    VALUES (
        new.sort_key,
        fts_stems(new.title, new.lang),
        fts_stems(new.summary, new.lang),
        fts_stems(article_body(new.body_zlib), new.lang),
        new.tags
    );
END;
