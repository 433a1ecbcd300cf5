"""The Internet Archive's Wayback Machine: the closest snapshot of a gone page, fetched raw.

The availability API (``https://archive.org/wayback/available?url=…&timestamp=…``) answers
``{"archived_snapshots": {"closest": {"available": true, "status": "200", "url": …,
"timestamp": "YYYYMMDDhhmmss"}}}`` or ``{"archived_snapshots": {}}``. The snapshot is fetched in
its ``id_`` form (``/web/<timestamp>id_/<address>``), the bytes as archived, without the
Wayback toolbar; any toolbar markup that still slips through is cut out before decoding.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from nlmg_tui.importer.address import FetchError
from nlmg_tui.importer.fetch import JSON_TYPES, Fetcher

AVAILABILITY_API = "https://archive.org/wayback/available"
API_ENV = "NLMG_TUI_WAYBACK_API"
"""Overrides the availability endpoint (tests point it at a local server)."""
DEFAULT_TIMESTAMP = "20101001"
"""Closest to the film's release: the page as its first readers saw it."""

_SNAPSHOT_PATH = re.compile(r"^/web/(\d{4,14})(?:[a-z]{2}_)?/(.+)$", re.DOTALL)
_TOOLBAR = [
    re.compile(rb"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
               re.DOTALL | re.IGNORECASE),
    re.compile(rb"<div[^>]*\bid=[\"']?wm-ipp[\w-]*[\"']?[^>]*>.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
               re.DOTALL | re.IGNORECASE),
    re.compile(rb"<!--\s*(?:FILE ARCHIVED ON|playback timings).*?-->", re.DOTALL | re.IGNORECASE),
    re.compile(rb"<script[^>]*(?:web-static\.archive\.org|archive\.org/_static|wombat)[^>]*>.*?</script>",
               re.DOTALL | re.IGNORECASE),
    re.compile(rb"<link[^>]*(?:web-static\.archive\.org|archive\.org/_static)[^>]*>", re.IGNORECASE),
]


@dataclass(frozen=True)
class Snapshot:
    url: str
    """The snapshot as a person would open it (with the toolbar)."""
    raw_url: str
    """The same snapshot in its ``id_`` form: the archived bytes only."""
    timestamp: str
    """``YYYYMMDDhhmmss`` as the archive gives it."""

    @property
    def date(self) -> str:
        """The capture time as ISO 8601 (UTC), as precise as the timestamp."""
        stamp = self.timestamp.ljust(14, "0")
        return (f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:"
                f"{stamp[12:14]}Z")


def availability_api() -> str:
    return os.environ.get(API_ENV) or AVAILABILITY_API


def find_snapshot(fetcher: Fetcher, address: str, timestamp: str = DEFAULT_TIMESTAMP,
                  api: str | None = None) -> Snapshot:
    """The snapshot of ``address`` closest to ``timestamp``; raise ``FetchError`` if none."""
    query = urlencode({"url": address, "timestamp": timestamp})
    try:
        answer = fetcher.get(f"{api or availability_api()}?{query}", accept=JSON_TYPES)
        closest = json.loads(answer.data.decode("utf-8"))["archived_snapshots"].get("closest")
    except FetchError as error:
        raise FetchError("no-snapshot", f"the Internet Archive could not be asked ({error})") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FetchError("no-snapshot", "the Internet Archive gave an answer that could not be read") \
            from None
    if not isinstance(closest, dict) or not closest.get("available") \
            or str(closest.get("status", "200")) != "200":
        raise FetchError("no-snapshot", "the Internet Archive has no snapshot of the address")
    return snapshot_from_url(str(closest.get("url", "")), str(closest.get("timestamp", "")))


def snapshot_from_url(url: str, timestamp: str = "") -> Snapshot:
    """A snapshot from its address (``…/web/<timestamp>/<original>``); the raw form is built."""
    parts = urlsplit(url)
    match = _SNAPSHOT_PATH.match(parts.path)
    if parts.scheme.lower() not in ("http", "https") or match is None:
        raise FetchError("no-snapshot", "the Internet Archive answered with an unusable address")
    stamp, original = match.groups()
    scheme = "https" if parts.hostname == "web.archive.org" else parts.scheme
    raw_path = f"/web/{stamp}id_/{original}"
    return Snapshot(urlunsplit((scheme, parts.netloc, f"/web/{stamp}/{original}", parts.query, "")),
                    urlunsplit((scheme, parts.netloc, raw_path, parts.query, "")),
                    timestamp if timestamp.isdigit() else stamp)


def strip_toolbar(data: bytes) -> bytes:
    """Cut the Wayback toolbar, its scripts and its archive notes out of an archived page."""
    for pattern in _TOOLBAR:
        data = pattern.sub(b"", data)
    return data
