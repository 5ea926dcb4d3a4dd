"""Polite HTTP fetching of sources: robots.txt, pacing per host, size and redirect limits."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
import urllib.robotparser
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp

from storage.sources.addresses import (
    PrivateAddress,
    PublicResolver,
    RefusedAddress,
    check_host,
    checked_url,
)

logger = logging.getLogger(__name__)

USER_AGENT = "KzRuRegionsNewsBot/1.0 (Telegram bot: Kazakhstan-Russia regional cooperation news)"
ROBOTS_AGENT = "KzRuRegionsNewsBot"
MAX_BYTES = 2 * 1024 * 1024
MAX_ROBOTS_BYTES = 256 * 1024
MAX_REDIRECTS = 5
MAX_IN_FLIGHT = 4
ROBOTS_TTL = dt.timedelta(hours=12)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class FetchFailed(Exception):
    """A fetch that gave nothing usable; the message is short, safe to log and to show.

    `permanent` failures (404, too large, forbidden by robots.txt...) are not worth retrying.
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified, empty body)."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class _Host:
    lock: asyncio.Lock
    last_start: float = float("-inf")


class Fetcher:
    """One aiohttp session for every source; `close()` it (or use `async with`) when done.

    At most `MAX_IN_FLIGHT` requests at once overall and one start every `host_interval`
    seconds per host. Every address, redirects included, is checked before it is asked for.
    """

    def __init__(
        self, *, timeout: float, host_interval: float, allow_private: bool = False
    ) -> None:
        self.timeout = timeout
        self.host_interval = host_interval
        self.allow_private = allow_private
        self._slots = asyncio.Semaphore(MAX_IN_FLIGHT)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        return self

    def _open_session(self) -> aiohttp.ClientSession:
        """The session, opened on first use (inside the running loop); `close` ends it."""
        if self._session is None:
            # Unless private addresses are allowed, every connection goes only to public ones.
            resolver = None if self.allow_private else PublicResolver()
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(resolver=resolver),
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                headers={"User-Agent": USER_AGENT},
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET `url` (conditionally when validators are given); FetchFailed when unusable."""
        headers = {
            k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v
        }
        for _ in range(MAX_REDIRECTS + 1):
            await self._admit(url)
            if not await self._robots_allow(url):
                raise FetchFailed("disallowed by robots.txt", permanent=True)
            fetched_or_next = await self._request(url, headers, MAX_BYTES)
            if isinstance(fetched_or_next, Fetched):
                return fetched_or_next
            url = fetched_or_next
        raise FetchFailed(f"more than {MAX_REDIRECTS} redirects", permanent=True)

    async def _admit(self, url: str) -> None:
        try:
            await check_host(checked_url(url), allow_private=self.allow_private)
        except RefusedAddress as refusal:
            raise FetchFailed(f"address refused ({refusal.code})", permanent=True) from None

    async def _request(self, url: str, headers: dict[str, str], cap: int) -> Fetched | str:
        """The response, or the URL a redirect points to."""
        session = self._open_session()
        try:
            async with (
                self._turn(url),
                session.get(url, headers=headers, allow_redirects=False) as response,
            ):
                if response.status in _REDIRECTS and "Location" in response.headers:
                    return urljoin(url, response.headers["Location"])
                if response.status == 304:
                    return _fetched(response, url, b"")
                if response.status != 200:
                    permanent = response.status in (401, 403, 404, 410, 451)
                    raise FetchFailed(f"HTTP {response.status}", permanent=permanent)
                return _fetched(response, url, await _read_capped(response, cap))
        except TimeoutError:
            raise FetchFailed(f"timed out after {self.timeout:g} s") from None
        except aiohttp.ClientConnectorError as error:
            if isinstance(error.os_error, PrivateAddress):
                raise FetchFailed("address refused (private)", permanent=True) from None
            raise FetchFailed(f"connection failed ({type(error).__name__})") from None
        except aiohttp.ClientError as error:
            raise FetchFailed(f"connection failed ({type(error).__name__})") from None

    @contextlib.asynccontextmanager
    async def _turn(self, url: str) -> AsyncIterator[None]:
        """A slot overall, and this host's next start time (≥ host_interval after the last)."""
        host = self._hosts.setdefault(urlsplit(url).netloc, _Host(asyncio.Lock()))
        async with host.lock:
            wait = host.last_start + self.host_interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            await self._slots.acquire()
            host.last_start = time.monotonic()
        try:
            yield
        finally:
            self._slots.release()

    async def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL.total_seconds():
            cached = (time.monotonic(), await self._read_robots(origin))
            self._robots[origin] = cached
        return cached[1].can_fetch(ROBOTS_AGENT, url)

    async def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """The site's rules: none when robots.txt is missing or broken; all when it is 401/403."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            fetched = await self._request(f"{origin}/robots.txt", {}, MAX_ROBOTS_BYTES)
        except FetchFailed as failure:
            forbidden = str(failure) in ("HTTP 401", "HTTP 403")
            rules.parse(["User-agent: *", "Disallow: /"] if forbidden else [])
            return rules
        lines = (
            fetched.body.decode("utf-8", "replace").splitlines()
            if isinstance(fetched, Fetched)
            else []
        )
        rules.parse(lines)
        return rules


def _fetched(response: aiohttp.ClientResponse, url: str, body: bytes) -> Fetched:
    return Fetched(
        url=url,
        status=response.status,
        body=body,
        content_type=response.content_type,
        charset=response.charset,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )


async def _read_capped(response: aiohttp.ClientResponse, cap: int) -> bytes:
    """The body, or FetchFailed as soon as it passes `cap` bytes (the rest is never read)."""
    limit = f"larger than {cap // (1024 * 1024) or 1} MB" if cap >= 1024 * 1024 else "too large"
    if response.content_length is not None and response.content_length > cap:
        raise FetchFailed(limit, permanent=True)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > cap:
            raise FetchFailed(limit, permanent=True)
        chunks.append(chunk)
    return b"".join(chunks)
