"""Everything Telegram: handlers, rendering, texts, the digest scheduler and sender."""
