"""Layout: every message text and inline keyboard the bot builds, from plain data."""
