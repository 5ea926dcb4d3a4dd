"""Names vulture cannot see used: pydantic validators and config, the parameters of interface
methods that aiogram or Python pass by name, and what only tests and benchmarks call."""

# ruff: noqa
# fmt: off
model_config  # unused variable (bot/config.py:31)
_._parse_admin_ids  # unused method (bot/config.py:45)
_._known_timezone  # unused method (bot/config.py:59)
_._known_level  # unused method (bot/config.py:68)
_._http_url  # unused method (bot/config.py:76)
_.stream_content  # unused method (bot/console.py:76)
headers  # unused variable (bot/console.py:79)
timeout  # unused variable (bot/console.py:80)
chunk_size  # unused variable (bot/console.py:81)
raise_for_status  # unused variable (bot/console.py:82)
timeout  # unused variable (bot/console.py:93)
_.run_once  # unused method (bot/digest/scheduler.py:129)
exc_type  # unused variable (bot/instance.py:60)
traceback  # unused variable (bot/instance.py:62)
is_same_story  # unused function (storage/reading/dedup.py:33)
_._https_url  # pydantic validators of the webhook settings (bot/config.py)
_._telegram_secret
_._webhook_has_a_secret
_._known  # pydantic validators of callback data (bot/callbacks.py)
score_sectors  # the lexicon weights, read by tests/test_sectors.py (storage/sectors.py)
_.warm_up  # unused method (bot/sources/poller.py:83): bench/sources.py starts the worker once
_.get_renderer  # called by matplotlib's Agg canvas when it draws (bot/views/charts/canvas.py)
_._lastKey  # read by matplotlib's Agg canvas (bot/views/charts/canvas.py)
_._token_shape  # pydantic validator of BOT_TOKEN (bot/config.py)
resolve_regions  # the gazetteer alone, read by tests/test_regions.py and test_compose.py (storage/regions.py)
_.ensure  # tests set a chat up directly (storage/chats.py)
_.save_settings  # tests set a schedule directly (storage/chats.py)
group_by_subscription  # grouping of single articles, read by tests/test_compose.py (bot/views/digest.py)
