"""User-facing wording in kk: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    # --- end commands ---
    # --- subscriptions, settings, digests ---
    # --- end subscriptions ---
    # --- admin, errors ---
    # --- end admin ---
}
