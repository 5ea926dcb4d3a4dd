"""Following news sources from the bot: the background checking loop and its admin notices."""
