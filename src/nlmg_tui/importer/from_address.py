"""One web address to one clean ``Review``: fetch it (or its archived snapshot), then the same
pipeline as saved files.

The review's id comes from the normalised address, so importing the address again replaces
that review in place and bookmarks on it keep pointing at it. The page's source (the address,
where redirects ended, and the snapshot's address and date when archived) goes with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from nlmg_tui.corpus.models import Review
from nlmg_tui.importer.address import FetchError, address_id, normalise_address
from nlmg_tui.importer.fetch import FetchedPage, Fetcher
from nlmg_tui.importer.pipeline import Corrections, Extracted, extract
from nlmg_tui.importer.wayback import DEFAULT_TIMESTAMP, Snapshot, find_snapshot, snapshot_from_url
from nlmg_tui.importer.wayback import strip_toolbar as strip_wayback_toolbar
from nlmg_tui.textsafety import one_line

GONE = ("gone", "dns")
"""Failures after which the archive is asked (404/410, a host that no longer exists)."""
_NAMES = {"text/html": "page.html", "application/xhtml+xml": "page.html", "text/plain": "page.txt",
          "text/markdown": "page.md", "text/x-markdown": "page.md"}


@dataclass(frozen=True)
class ArchiveChoice:
    """When to use the Internet Archive and which snapshot to ask for."""

    always: bool = False
    """``--archive``: the snapshot even if the page is still there."""
    timestamp: str = DEFAULT_TIMESTAMP
    api: str | None = None
    """The availability endpoint; None: ``$NLMG_TUI_WAYBACK_API`` or archive.org."""


@dataclass(frozen=True)
class AddressSource:
    """Where an imported page came from (stored beside the review as ``address``)."""

    url: str
    fetched_from: str
    """The address the bytes came from: the page after redirects, or the raw snapshot."""
    fetched_at: str
    snapshot_url: str | None = None
    snapshot_date: str | None = None
    archived_because: str | None = None
    """Why the snapshot was used: the live page's failure, or ``asked for (--archive)``."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class AddressImport:
    extracted: Extracted
    raw: bytes
    """The bytes as fetched (toolbar cut from snapshots), kept like a saved file's."""
    source: AddressSource

    @property
    def review(self) -> Review:
        return self.extracted.review


def import_address(address: str, fetcher: Fetcher, corrections: Corrections | None = None,
                   archive: ArchiveChoice | None = None) -> AddressImport:
    """Fetch and extract ``address``, falling back to its closest snapshot when the page is
    gone; raise ``FetchError`` (or ``NotTextError`` for a page with no review in it)."""
    archive = archive or ArchiveChoice()
    url = normalise_address(address)
    if archive.always:
        return _from_snapshot(url, fetcher, corrections, archive, "asked for (--archive)")
    try:
        page = fetcher.get(url)
    except FetchError as error:
        if error.kind not in GONE:
            raise
        return _from_snapshot(url, fetcher, corrections, archive, str(error))
    source = AddressSource(url, page.final_url, _now())
    return _extracted(url, page, page.data, corrections, source)


def _from_snapshot(url: str, fetcher: Fetcher, corrections: Corrections | None,
                   archive: ArchiveChoice, because: str) -> AddressImport:
    snapshot = find_snapshot(fetcher, url, archive.timestamp, archive.api)
    try:
        page = fetcher.get(snapshot.raw_url)
    except FetchError as error:
        raise FetchError(error.kind, f"{error} (the archived snapshot of {snapshot.date[:10]})") \
            from None
    snapshot = _landed(snapshot, page)
    source = AddressSource(url, page.final_url, _now(), snapshot.url, snapshot.date, because)
    return _extracted(url, page, strip_wayback_toolbar(page.data), corrections, source)


def _landed(snapshot: Snapshot, page: FetchedPage) -> Snapshot:
    """The archive redirects to the capture it really has: take its address and date."""
    if page.final_url == snapshot.raw_url:
        return snapshot
    try:
        return snapshot_from_url(page.final_url)
    except FetchError:
        return snapshot


def _extracted(url: str, page: FetchedPage, data: bytes, corrections: Corrections | None,
               source: AddressSource) -> AddressImport:
    name = _NAMES.get(page.content_type) or PurePosixPath(urlsplit(page.final_url).path).name
    extracted = extract(data, name or "page", corrections, declared_charset=page.charset)
    review = replace(extracted.review, id=address_id(url), source=one_line(url))
    return AddressImport(replace(extracted, review=review), data, source)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
