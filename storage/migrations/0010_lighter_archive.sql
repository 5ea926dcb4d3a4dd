-- A lighter archive: the raw text of each article is not kept in the database. It is the file
-- in SEEDS_DIR, identified by the article's file name and SHA-256; the cleaned body (what the
-- bot shows and indexes) stays. This halves the articles table. An existing archive gets its
-- space back on the next VACUUM (`python -m storage backup` writes a compact copy).
ALTER TABLE articles DROP COLUMN raw;
