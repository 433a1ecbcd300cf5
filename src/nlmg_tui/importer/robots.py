"""robots.txt, read once per site and asked before every page request, and per-host pacing.

Rules follow RFC 9309: a robots.txt answering 4xx (none) allows everything; a 5xx answer means
the site is not readable now, so nothing is fetched. The standard library's parser matches:
the group for the ``nlmg-tui`` agent (else ``*``), its first matching rule in file order (RFC
9309 prefers the longest; files that put ``Allow`` lines first read the same either way).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512 * 1024
AGENT = "nlmg-tui"
MAX_CRAWL_DELAY = 30.0
"""A site's ``Crawl-delay`` is honoured up to this many seconds (a larger one would stall an
import of a single page for minutes)."""

RobotsFetch = Callable[[str], tuple[int, bytes]]
"""Fetch a robots.txt address: (status, body). Raises ``FetchError`` when unreachable."""


class RobotsRules:
    """robots.txt per site (scheme, host, port), fetched on first use and kept for the run."""

    def __init__(self, fetch: RobotsFetch, agent: str = AGENT) -> None:
        self._fetch = fetch
        self._agent = agent
        self._sites: dict[str, RobotFileParser] = {}
        self._lock = threading.Lock()

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        site = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        with self._lock:
            parser = self._sites.get(site)
        if parser is None:
            parser = self._load(site)
            with self._lock:
                self._sites[site] = parser
        return parser.can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The site's ``Crawl-delay`` for our agent (capped), once ``allows`` has read it."""
        parts = urlsplit(url)
        site = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        with self._lock:
            parser = self._sites.get(site)
        delay = parser.crawl_delay(self._agent) if parser is not None else None
        try:
            return min(float(delay), MAX_CRAWL_DELAY) if delay is not None else None
        except (TypeError, ValueError):
            return None

    def _load(self, site: str) -> RobotFileParser:
        parser = RobotFileParser(f"{site}/robots.txt")
        status, body = self._fetch(f"{site}/robots.txt")
        if 200 <= status < 300:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            parser.parse([])  # no robots.txt: every path allowed
        else:
            parser.parse(["User-agent: *", "Disallow: /"])  # the server failed: stay away
        # parse() marks the parser as read, without which can_fetch answers no to everything.
        return parser


class HostPacer:
    """At most one request per ``interval`` seconds to each host, across threads, counted
    from the end of the previous request.

    Each call reserves the host's next slot under a lock and then sleeps outside it, so
    requests to other hosts never wait for this one.
    """

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next_slot: dict[str, float] = {}
        self._host_interval: dict[str, float] = {}
        self._lock = threading.Lock()
        self.waited = 0.0
        """Seconds spent waiting so far (the politeness delay, for benchmarks and reports)."""

    def wait_turn(self, host: str) -> None:
        host = host.lower()
        with self._lock:
            now = self._clock()
            start = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = start + self._host_interval.get(host, self.interval)
            self.waited += start - now
        if start > now:
            self._sleep(start - now)

    def finished(self, host: str) -> None:
        """A request to ``host`` has ended: the next one waits a whole interval from now, so
        a slow first request never lets the second arrive sooner than ``interval`` after it."""
        host = host.lower()
        with self._lock:
            interval = self._host_interval.get(host, self.interval)
            self._next_slot[host] = max(self._next_slot.get(host, 0.0), self._clock() + interval)

    def slow_down(self, host: str, interval: float) -> None:
        """Space requests to ``host`` at least ``interval`` apart (a robots.txt Crawl-delay)."""
        host = host.lower()
        with self._lock:
            self._host_interval[host] = max(self.interval, interval)
