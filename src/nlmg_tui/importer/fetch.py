"""Fetch one web page politely and within bounds, with the standard library.

Why ``http.client`` and not httpx: the importer needs to check every address a host resolves
to and then connect to the checked address (so a second DNS answer cannot swap in a local one),
re-check each redirect hop itself, stream with a byte cap and a whole-response deadline, and
run synchronously in a CLI loop or a thread worker. ``http.client`` does all of that in a few
lines and adds no dependency; httpx would need a custom transport for the pinned address.

Bounds: a timeout on connecting and on each read, a deadline for the whole response, the 5 MB
cap (``Content-Length`` checked first, then counted while reading, stopping past the cap),
at most ``max_redirects`` hops with loops detected, robots.txt asked for every hop, one request
per second per host, and only HTML or text content types. Every refusal is a ``FetchError``
with a one-sentence message.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import SplitResult, urljoin

from nlmg_tui import __version__
from nlmg_tui.importer.address import FetchError, Resolved, normalise_address, parse_address, resolve
from nlmg_tui.importer.pipeline import MAX_BYTES
from nlmg_tui.importer.robots import ROBOTS_MAX_BYTES, HostPacer, RobotsRules

USER_AGENT = f"nlmg-tui/{__version__} (review importer; run by a user, one page at a time)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown",
              "text/x-markdown")
JSON_TYPES = ("application/json", "text/json", "text/plain")
REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchSettings:
    """The bounds of every request (defaults are the CLI's)."""

    timeout: float = 15.0
    """Seconds to connect, and to wait for each read."""
    deadline: float = 60.0
    """Seconds for a whole response, however slowly it trickles in."""
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    allow_local: bool = False
    min_interval: float = 1.0
    """Seconds between two requests to the same host."""
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class FetchedPage:
    url: str
    """The address asked for."""
    final_url: str
    """The address the content came from, after redirects."""
    content_type: str
    charset: str | None
    data: bytes
    redirects: tuple[str, ...] = field(default=())


@dataclass
class _Answer:
    status: int
    reason: str
    headers: Message
    body: bytes


class Fetcher:
    """Fetches pages under one ``FetchSettings``; keeps robots.txt and pacing across calls."""

    def __init__(self, settings: FetchSettings | None = None, pacer: HostPacer | None = None,
                 on_request: Callable[[str], object] | None = None) -> None:
        """``on_request(url)`` is called before each request (robots.txt, redirects, the
        archive too): progress for the app's import dialog. It may run in a worker thread."""
        self.settings = settings or FetchSettings()
        self.on_request = on_request
        self.pacer = pacer or HostPacer(self.settings.min_interval)
        self.robots = RobotsRules(self._fetch_robots)
        self._tls: ssl.SSLContext | None = None  # made on first https use (loading CAs takes ~50 ms)

    def get(self, url: str, accept: tuple[str, ...] = PAGE_TYPES) -> FetchedPage:
        """The page at ``url`` (following redirects); raise ``FetchError``."""
        answer, final_url, hops = self._follow(url, accept, self.settings.max_bytes, check_robots=True)
        if answer.status in (404, 410):
            raise FetchError("gone", f"the page is gone (the server answered {answer.status})")
        if not 200 <= answer.status < 300:
            raise FetchError("http", f"the server answered {answer.status} {answer.reason}".strip())
        content_type = answer.headers.get_content_type() if answer.headers.get("Content-Type") else ""
        if not answer.body.strip():
            raise FetchError("not-text", "the page is empty")
        return FetchedPage(url, final_url, content_type, answer.headers.get_content_charset(),
                           answer.body, hops)

    def _follow(self, url: str, accept: tuple[str, ...] | None, limit: int,
                check_robots: bool) -> tuple[_Answer, str, tuple[str, ...]]:
        seen: set[str] = set()
        hops: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            parts = parse_address(current)
            key = normalise_address(current)
            if key in seen:
                raise FetchError("redirects", "the address redirects in a loop")
            seen.add(key)
            resolved = resolve(parts, self.settings.allow_local, self.settings.timeout)
            if check_robots:
                self._obey_robots(current, parts, resolved.host)
            if self.on_request is not None:
                self.on_request(current)
            self.pacer.wait_turn(resolved.host)
            try:
                answer = self._request(parts, resolved, accept, limit)
            finally:
                self.pacer.finished(resolved.host)
            location = answer.headers.get("Location")
            if answer.status not in REDIRECTS or not location:
                return answer, current, tuple(hops)
            current = urljoin(current, location.strip())
            hops.append(current)
        raise FetchError("redirects", f"the address redirects more than {self.settings.max_redirects} times")

    def _obey_robots(self, url: str, parts: SplitResult, host: str) -> None:
        if not self.robots.allows(url):
            raise FetchError("robots", f"the site's robots.txt does not allow fetching {parts.path or '/'}")
        delay = self.robots.crawl_delay(url)
        if delay:
            self.pacer.slow_down(host, delay)

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes]:
        try:
            answer, _, _ = self._follow(robots_url, None, ROBOTS_MAX_BYTES, check_robots=False)
        except FetchError as error:
            if error.kind in ("too-large", "redirects"):
                return 500, b""  # unreadable: RFC 9309 says treat it as "disallow all"
            raise
        return answer.status, answer.body if 200 <= answer.status < 300 else b""

    def _request(self, parts: SplitResult, resolved: Resolved, accept: tuple[str, ...] | None,
                 limit: int) -> _Answer:
        connection = self._connect(parts, resolved)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        try:
            connection.request("GET", target, headers={
                "User-Agent": self.settings.user_agent,
                "Accept": ", ".join((*(accept or ()), "*/*;q=0.1")),
                "Accept-Encoding": "gzip, deflate",
                "Connection": "close",
            })
            response = connection.getresponse()
            if response.status in REDIRECTS:
                return _Answer(response.status, response.reason, response.headers, b"")
            if accept is not None and 200 <= response.status < 300:
                _check_type(response.headers, accept)
            return _Answer(response.status, response.reason, response.headers,
                           self._read_body(response, limit))
        except TimeoutError:
            raise FetchError("timeout", f"the server did not answer within {self.settings.timeout:g} s") \
                from None
        except (http.client.HTTPException, ssl.SSLError, OSError) as error:
            raise FetchError("connect", f"the connection to {resolved.host} failed ({_reason(error)})") \
                from None
        finally:
            connection.close()

    def _connect(self, parts: SplitResult, resolved: Resolved) -> http.client.HTTPConnection:
        timeout = self.settings.timeout
        if parts.scheme.lower() == "https":
            if self._tls is None:
                self._tls = ssl.create_default_context()
            return _PinnedHTTPS(resolved, timeout, self._tls)
        return _PinnedHTTP(resolved, timeout)

    def _read_body(self, response: http.client.HTTPResponse, limit: int) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            raise _too_large(limit)
        ends = time.monotonic() + self.settings.deadline
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            if time.monotonic() > ends:
                raise FetchError("timeout", f"the page took longer than {self.settings.deadline:g} s "
                                            "to arrive")
            chunks.append(chunk)
        body = b"".join(chunks)
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        return _decompress(body, encoding, limit) if encoding in ("gzip", "x-gzip", "deflate") else body


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the checked address, not to whatever the host name resolves to next."""

    def __init__(self, resolved: Resolved, timeout: float) -> None:
        super().__init__(resolved.host, resolved.port, timeout=timeout)
        self.addresses = resolved.addresses

    def connect(self) -> None:
        self.sock = _open_socket(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, resolved: Resolved, timeout: float, tls: ssl.SSLContext) -> None:
        super().__init__(resolved.host, resolved.port, timeout=timeout, context=tls)
        self.addresses = resolved.addresses
        self.tls = tls

    def connect(self) -> None:
        plain = _open_socket(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(plain, server_hostname=self.host)


def _open_socket(addresses: tuple[str, ...], port: int, timeout: float | None) -> socket.socket:
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as failure:
            error = failure
    raise error


def _check_type(headers: Message, accept: tuple[str, ...]) -> None:
    if not headers.get("Content-Type"):
        return  # no type declared: the decoder sniffs text from binary
    kind = headers.get_content_type()
    if kind not in accept:
        raise FetchError("not-text", f"the address serves {kind}, not an HTML or text page")


def _decompress(body: bytes, encoding: str, limit: int) -> bytes:
    """Undo gzip/deflate, stopping past ``limit`` bytes (a small body can inflate enormously).
    "deflate" is zlib-wrapped by the standard, raw on some servers: both are read."""
    formats = [16 + zlib.MAX_WBITS] if "gzip" in encoding else [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    for wbits in formats:
        try:
            data = zlib.decompressobj(wbits).decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(data) > limit:
            raise _too_large(limit)
        return data
    raise FetchError("http", "the server sent a corrupt compressed page")


def _too_large(limit: int) -> FetchError:
    return FetchError("too-large", f"the page is larger than {limit:,} bytes")


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__ if not str(error) else str(error).splitlines()[0][:120]
