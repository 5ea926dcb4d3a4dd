"""Which source addresses may be fetched: http(s) only, no credentials, no private networks."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import socket
from urllib.parse import SplitResult, urlsplit, urlunsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

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


class PrivateAddress(OSError):
    """The host resolved, at connection time, to loopback, private or link-local addresses."""

    def __init__(self, host: str) -> None:
        super().__init__(errno.EACCES, f"{host} resolves to a private address")


class PublicResolver(AbstractResolver):
    """aiohttp's resolver, keeping only public addresses: the check holds when the connection
    is made, not only when the address was checked (a name may resolve to a public address
    then and to a private one a moment later: DNS rebinding). An address given as an IP
    literal never reaches a resolver: `check_host` refuses a private one before the request.
    """

    def __init__(self) -> None:
        self._resolver = aiohttp.DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        resolved = await self._resolver.resolve(host, port, family)
        public = [result for result in resolved if is_public(result["host"])]
        if not public:
            raise PrivateAddress(host)
        return public

    async def close(self) -> None:
        await self._resolver.close()
