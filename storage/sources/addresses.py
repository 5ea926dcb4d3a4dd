"""Which source addresses may be fetched: http(s) only, no credentials, no private networks."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import SplitResult, urlsplit, urlunsplit

MAX_URL_CHARS = 2000


class RefusedAddress(ValueError):
    """An address the fetcher will not ask for; `code` names why (a key of the bot's texts)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def redact(url: str) -> str:
    """The URL without any `user:password@` part, safe to log or show."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


def checked_url(url: str) -> str:
    """The URL, stripped, if its form is acceptable; RefusedAddress otherwise.

    Only http and https; a host is required; a user name or password in the URL is refused
    (it would end up in logs and in the database).
    """
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise RefusedAddress("too_long")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise RefusedAddress("malformed") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise RefusedAddress("scheme")
    if parts.username is not None or parts.password is not None:
        raise RefusedAddress("credentials")
    if not parts.hostname:
        raise RefusedAddress("no_host")
    return urlunsplit(_normalised(parts))


def _normalised(parts: SplitResult) -> SplitResult:
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower(), fragment="")


def is_public(address: str) -> bool:
    """Whether an IP address is a public one (not loopback, private, link-local, reserved)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def check_host(url: str, *, allow_private: bool) -> None:
    """RefusedAddress unless every address the URL's host resolves to is public.

    With `allow_private` (local testing), any address that resolves is accepted.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise RefusedAddress("unresolvable") from None
    if allow_private:
        return
    if not infos or not all(is_public(str(info[4][0])) for info in infos):
        raise RefusedAddress("private")
