"""News sources: the registry of feeds and pages, what is kept from them and why, fetching."""
