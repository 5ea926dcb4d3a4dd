"""The news archive: reading raw articles into records, the SQLite database and its queries."""
