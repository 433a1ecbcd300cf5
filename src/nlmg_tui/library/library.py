"""``Library``: the user's bookmarks and watchlist, the API the app and the CLI use.

Two stores in the user data dir, ``bookmarks.json`` and ``watchlist.json`` (each a snapshot, a
journal and a lock file; see docs/library.md). When a method that changes something returns,
the change is on disk. Problems the user should hear about (a damaged file moved aside, an
upgrade) are collected as plain-words ``notices``. The work is done by ``BookmarkCollection``
and ``WatchlistCollection`` over the shared write path in ``store``.
"""

from __future__ import annotations

import atexit
import os
import weakref
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from nlmg_tui import paths
from nlmg_tui.library.bookmark_collection import BookmarkCollection
from nlmg_tui.library.bookmarks import Bookmark, new_bookmark, passage_key
from nlmg_tui.library.passages import Passage
from nlmg_tui.library.records import Added, ImportResult
from nlmg_tui.library.store import Store
from nlmg_tui.library.watchlist import (
    WatchlistEntry,
    clean_note,
    clean_rating,
    clean_watched_on,
    clean_year,
    new_entry,
)
from nlmg_tui.library.watchlist_collection import WatchlistCollection

BOOKMARKS_FILE = "bookmarks.json"
WATCHLIST_FILE = "watchlist.json"

_UNSET = object()
_OPEN: weakref.WeakSet[Library] = weakref.WeakSet()

__all__ = ["Added", "ImportResult", "Library"]


class Library:
    """The user's bookmarks and watchlist, safe across crashes and concurrent instances."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.data_dir: Path = paths.user_data_dir(data_dir)
        self._notices: list[str] = []
        notify = self._notices.append
        self.bookmark_collection = BookmarkCollection(
            Store(self.data_dir / BOOKMARKS_FILE, notify, "bookmarks"), self._notices
        )
        self.watchlist_collection = WatchlistCollection(
            Store(self.data_dir / WATCHLIST_FILE, notify, "watchlist"), self._notices
        )
        _OPEN.add(self)

    # -- state -----------------------------------------------------------------------------

    @property
    def bookmarks_path(self) -> Path:
        return self.bookmark_collection.store.path

    @property
    def watchlist_path(self) -> Path:
        return self.watchlist_collection.store.path

    def take_notices(self) -> list[str]:
        """Messages for the user since the last call (damaged files moved aside, upgrades)."""
        notices, self._notices[:] = list(self._notices), []
        return notices

    @property
    def read_only_reason(self) -> str | None:
        """Why changes can't be saved (newer schema, damaged file left in place), if known."""
        return self.bookmarks_read_only_reason or self.watchlist_read_only_reason

    @property
    def bookmarks_read_only_reason(self) -> str | None:
        """Why bookmark changes can't be saved; the watchlist file may still be writable."""
        return self.bookmark_collection.store.read_only_reason

    @property
    def watchlist_read_only_reason(self) -> str | None:
        """Why watchlist changes can't be saved; bookmarks may still be writable."""
        return self.watchlist_collection.store.read_only_reason

    def changed_since_last_read(self) -> bool:
        """True if another instance (or a sync tool) changed either store since we read it."""
        stores = (self.bookmark_collection.store, self.watchlist_collection.store)
        return any(store.changed_on_disk() for store in stores)

    def reload(self) -> None:
        """Forget cached lists; the next ``bookmarks()``/``watchlist()`` reads the files."""
        self.bookmark_collection.forget_view()
        self.watchlist_collection.forget_view()

    def compact(self) -> None:
        """Fold both journals into their snapshots now (safe from a background thread)."""
        self.bookmark_collection.store.compact()
        self.watchlist_collection.store.compact()

    def close(self) -> None:
        """Compact the journals; the Library stays usable. Also run at interpreter exit."""
        self.bookmark_collection.store.close()
        self.watchlist_collection.store.close()

    # -- bookmarks -------------------------------------------------------------------------

    def bookmarks(self) -> list[Bookmark]:
        """All bookmarks, oldest first (cached until a file changes)."""
        return self.bookmark_collection.all()

    def get_bookmark(self, bookmark_id: str) -> Bookmark | None:
        return next((b for b in self.bookmarks() if b.id == bookmark_id), None)

    def find_bookmark(self, review_id: str, paragraph_id: str, quote: str) -> Bookmark | None:
        key = passage_key(review_id, paragraph_id, quote)
        return next((b for b in self.bookmarks() if b.key == key), None)

    def bookmarked_paragraphs(self, review_id: str) -> set[str]:
        """Paragraph ids of ``review_id`` holding at least one bookmark (for the reader)."""
        return {b.paragraph_id for b in self.bookmarks() if b.review_id == review_id}

    def add_bookmark(
        self,
        review_id: str,
        paragraph_id: str,
        quote: str,
        *,
        prefix: str = "",
        suffix: str = "",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Added[Bookmark]:
        """Bookmark a passage; the same passage again returns the existing bookmark."""
        candidate = new_bookmark(review_id, paragraph_id, quote, prefix, suffix, note, tags)
        return self.bookmark_collection.add(candidate)

    def bookmark_passage(
        self, passage: Passage, *, note: str = "", tags: Iterable[str] = ()
    ) -> Added[Bookmark]:
        """Bookmark a ``Passage`` (see ``passages.passage_from_review``)."""
        return self.add_bookmark(
            passage.review_id, passage.paragraph_id, passage.quote,
            prefix=passage.prefix, suffix=passage.suffix, note=note, tags=tags,
        )

    def update_note(self, bookmark_id: str, note: str) -> Bookmark:
        return self.bookmark_collection.change(bookmark_id, lambda b: b.with_note(note))

    def set_tags(self, bookmark_id: str, tags: Iterable[str]) -> Bookmark:
        return self.bookmark_collection.change(bookmark_id, lambda b: b.with_tags(tags))

    def delete_bookmark(self, bookmark_id: str) -> Bookmark:
        """Delete and return the bookmark; pass it to ``restore_bookmark`` to undo."""
        return self.bookmark_collection.delete(bookmark_id)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back (same id); an existing one of that id or passage wins."""
        return self.bookmark_collection.restore(bookmark)

    def import_bookmarks(self, bookmarks: Iterable[Bookmark]) -> ImportResult:
        """Merge bookmarks as one change (see ``BookmarkCollection.merge``); importing the same
        export twice changes nothing."""
        return self.bookmark_collection.merge(bookmarks)

    # -- watchlist -------------------------------------------------------------------------

    def watchlist(self) -> list[WatchlistEntry]:
        """All entries, oldest first (cached until a file changes)."""
        return self.watchlist_collection.all()

    def find_film(self, title: str, year: int | None = None) -> WatchlistEntry | None:
        """The entry for ``title`` (folded match); AmbiguousTitleError if several years match."""
        return self.watchlist_collection.find(title, year)

    def suggest_titles(self, title: str, limit: int = 3) -> list[str]:
        """Watchlist titles closest to ``title`` (for "did you mean")."""
        return self.watchlist_collection.suggest(title, limit)

    def add_film(self, title: str, year: int | None = None, note: str = "") -> Added[WatchlistEntry]:
        """Add a film as "want"; a film already listed is returned (its year filled in)."""
        return self.watchlist_collection.add(new_entry(title, year, note))

    def remove_film(self, entry_id: str) -> WatchlistEntry:
        """Remove and return the entry; pass it to ``restore_film`` to undo."""
        return self.watchlist_collection.remove(entry_id)

    def restore_film(self, entry: WatchlistEntry) -> WatchlistEntry:
        """Put a removed entry back (same id); a no-op if it is already there."""
        return self.watchlist_collection.restore(entry)

    def mark_watched(
        self, entry_id: str, watched_on: date | str | None = None, rating: float | None | object = _UNSET
    ) -> WatchlistEntry:
        """Status "watched", on ``watched_on`` (default today); optionally rate it too."""
        day = clean_watched_on(watched_on) or date.today().isoformat()
        fields: dict[str, object] = {"status": "watched", "watched_on": day}
        if rating is not _UNSET:
            fields["rating"] = clean_rating(rating)
        return self.watchlist_collection.change(entry_id, lambda e: e.changed(**fields))

    def mark_want(self, entry_id: str) -> WatchlistEntry:
        return self.watchlist_collection.change(
            entry_id, lambda e: e.changed(status="want", watched_on=None)
        )

    def rate_film(self, entry_id: str, rating: float | None) -> WatchlistEntry:
        """Rate 0..5 (None clears); NaN, infinities and out-of-range values are refused."""
        value = clean_rating(rating)
        return self.watchlist_collection.change(entry_id, lambda e: e.changed(rating=value))

    def set_film_note(self, entry_id: str, note: str) -> WatchlistEntry:
        text = clean_note(note)
        return self.watchlist_collection.change(entry_id, lambda e: e.changed(note=text))

    def set_film_year(self, entry_id: str, year: int | None) -> WatchlistEntry:
        value = clean_year(year)
        return self.watchlist_collection.change(entry_id, lambda e: e.changed(year=value))


@atexit.register
def _close_open_libraries() -> None:
    """Fold journals into snapshots at a normal exit (a crash leaves them to the next open)."""
    for library in list(_OPEN):
        library.close()
