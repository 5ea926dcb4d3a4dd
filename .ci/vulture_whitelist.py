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
