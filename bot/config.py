"""Settings read from the environment and `.env` (pydantic-settings)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

OFFICIAL_API_URL = "https://api.telegram.org"

TOKEN_SHAPE = re.compile(r"\d+:[\w-]+")
HINTS = {
    "BOT_TOKEN": "set BOT_TOKEN to the token @BotFather gave you (in .env or the environment)",
    "ADMIN_IDS": "give numeric Telegram user ids, e.g. ADMIN_IDS=111 or 111,222 or [111,222]",
    "ADMIN_CHAT_ID": "give a numeric Telegram chat id, e.g. ADMIN_CHAT_ID=-1001234567890",
    "DATABASE_PATH": "give a file path, e.g. DATABASE_PATH=data/archive.sqlite3",
    "SEEDS_DIR": "give a directory path, e.g. SEEDS_DIR=seeds",
    "TELEGRAM_API_URL": "give a base URL such as http://127.0.0.1:8081",
    "DEFAULT_TIMEZONE": "give an IANA time zone name such as Asia/Almaty or Europe/Moscow",
    "LOG_LEVEL": "use one of DEBUG, INFO, WARNING, ERROR",
    "SEND_RATE": "give a number of messages per second between 1 and 30, e.g. SEND_RATE=25",
    "SEND_TIMEOUT": "give whole seconds between 1 and 300, e.g. SEND_TIMEOUT=30",
    "MAX_SUBSCRIPTIONS_PER_CHAT": "give a whole number between 1 and 1000, e.g. 50",
    "WEBHOOK_URL": "give the public https:// base URL Telegram can reach, e.g. https://bot.example.org",
    "WEBHOOK_SECRET": "give 1-256 letters, digits, _ or -, e.g. from `openssl rand -hex 32`",
    "WEBHOOK_HOST": "give an address to listen on, e.g. 0.0.0.0 or 127.0.0.1",
    "WEBHOOK_PORT": "give a port number between 1 and 65535, e.g. WEBHOOK_PORT=8080",
    "METRICS_PORT": "give a port number between 1 and 65535, e.g. METRICS_PORT=9100",
    "SOURCE_INTERVAL_MINUTES": "give whole minutes between 5 and 1440, e.g. 30",
    "SOURCE_TIMEOUT_SECONDS": "give seconds between 1 and 120, e.g. 20",
    "SOURCE_HOST_INTERVAL_SECONDS": "give seconds between 0 and 60, e.g. 1",
    "MAX_SOURCES": "give a number of sources between 1 and 1000, e.g. 100",
    "ALLOW_PRIVATE_SOURCES": "use true or false",
}


class Settings(BaseSettings):
    """All configuration of the bot; see `.env.example` for one line on each field."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    bot_token: SecretStr = Field(min_length=1)
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    admin_chat_id: int | None = None
    database_path: Path = Path("data/archive.sqlite3")
    seeds_dir: Path = Path("seeds")
    telegram_api_url: str = OFFICIAL_API_URL
    default_timezone: str = "Asia/Almaty"
    log_level: str = "INFO"
    send_rate: float = Field(default=25.0, gt=0, le=30)
    send_timeout: int = Field(default=30, ge=1, le=300)
    max_subscriptions_per_chat: int = Field(default=50, ge=1, le=1000)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    source_interval_minutes: int = Field(default=30, ge=5, le=1440)
    source_timeout_seconds: float = Field(default=20.0, ge=1, le=120)
    source_host_interval_seconds: float = Field(default=1.0, ge=0, le=60)
    max_sources: int = Field(default=100, ge=1, le=1000)
    allow_private_sources: bool = False

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: Any) -> Any:
        if isinstance(value, int):
            return (value,)
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return ()
            if text.startswith("["):
                return tuple(json.loads(text))
            return tuple(part.strip() for part in text.split(",") if part.strip())
        return value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        # The Bot would refuse it later with a traceback; the value itself is never echoed.
        if not TOKEN_SHAPE.fullmatch(value.get_secret_value()):
            raise ValueError("not of the form <digits>:<letters, digits, _ or ->")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @field_validator("telegram_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value.rstrip("/")

    @field_validator("webhook_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError(f"not an https URL: {value!r}")
        return value.rstrip("/") if value else value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for secret_token; the value itself never goes into the message.
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()
        ):
            raise ValueError("1-256 characters A-Z, a-z, 0-9, _ and - only")
        return value

    @model_validator(mode="after")
    def _webhook_has_a_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required with WEBHOOK_URL")
        return self


def describe_error(error: ValidationError) -> str:
    """One sentence naming the first bad variable and how to fix it."""
    first = error.errors()[0]
    if not first["loc"]:  # a rule between fields: its message names them
        return f"{first['msg'].removeprefix('Value error, ')}."
    variable = str(first["loc"][0]).upper()
    hint = HINTS.get(variable, "check its value")
    if first["type"] == "missing":
        return f"{variable} is not set: {hint}."
    return f"{variable} is invalid ({first['msg']}): {hint}."
