-- A lighter archive: the raw text of each article is not kept in the database. It is the file
-- in SEEDS_DIR, identified by the article's file name and SHA-256; the cleaned body (what the
-- bot shows and indexes) stays. This halves the articles table. An existing archive gets its
-- space back on the next VACUUM (`python -m storage backup` writes a compact copy).
--
-- Articles stored before identities (0006) and not loaded since get their identity now, from
-- the raw text while it is still here (the same functions as storage/identity.py, registered
-- on every connection), so they keep their ids when their files are renamed.
UPDATE articles SET content_key = article_content_key(raw), url = article_url(source)
WHERE content_key IS NULL;
ALTER TABLE articles DROP COLUMN raw;
