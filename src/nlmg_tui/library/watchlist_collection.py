"""The user's watchlist in its store: films to watch, watched, rated.

Same write path as the bookmarks (``Store.transaction``: locked, fresh from disk, one journal
line per change). Watchlists are short, so finding a film scans the entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rapidfuzz import fuzz, process

from nlmg_tui.library.errors import AmbiguousTitleError, InvalidEntryError
from nlmg_tui.library.records import Added, RecordDecoder, collector_paused, require
from nlmg_tui.library.store import DiskState, Store
from nlmg_tui.library.watchlist import WatchlistEntry, title_key

TABLE = "watchlist"


def doc_id_key(doc: Mapping[str, Any]) -> object:
    return doc.get("id")


class WatchlistCollection:
    def __init__(self, store: Store, notices: list[str]) -> None:
        self.store = store
        store.add_index(TABLE, "id", doc_id_key)
        self._decoder: RecordDecoder[WatchlistEntry] = RecordDecoder(
            WatchlistEntry.from_doc, "watchlist entry", notices
        )
        self._view: tuple[DiskState | None, list[WatchlistEntry]] | None = None

    def forget_view(self) -> None:
        self._view = None

    def all(self) -> list[WatchlistEntry]:
        """All entries, oldest first (cached until a file changes)."""
        view = self._view
        if view is not None and view[0] == self.store.disk_signature():
            return list(view[1])
        with collector_paused():
            docs, _ = self.store.read_docs(TABLE)
            items = self._decoder.decode_all(list(docs.values()))
        items.sort(key=lambda e: e.created)
        self._view = (self.store.seen, items)
        return list(items)

    def find(self, title: str, year: int | None = None) -> WatchlistEntry | None:
        """The entry for ``title`` (folded match); AmbiguousTitleError if several years match."""
        matches = [e for e in self.all() if e.matches(title, year)]
        if len(matches) > 1:
            years = ", ".join(str(e.year) for e in matches if e.year)
            raise AmbiguousTitleError(
                f"Several films on the watchlist are called {matches[0].title!r} ({years}); give the year."
            )
        return matches[0] if matches else None

    def suggest(self, title: str, limit: int = 3) -> list[str]:
        """Watchlist titles closest to ``title`` (for "did you mean")."""
        entries = self.all()
        choices = {e.id: e.key for e in entries}
        titles = {e.id: e.title for e in entries}
        found = process.extract(title_key(title), choices, scorer=fuzz.WRatio, limit=limit)
        return [titles[key] for _, score, key in found if score >= 60]

    def add(self, candidate: WatchlistEntry) -> Added[WatchlistEntry]:
        """Add a film as "want"; a film already listed is returned (its year filled in if
        it had none)."""
        with self.store.transaction(TABLE) as txn:
            for doc_id, doc in list(txn.docs().items()):
                try:
                    entry = WatchlistEntry.from_doc(doc)
                except InvalidEntryError:
                    continue
                if entry.matches(candidate.title, candidate.year):
                    if entry.year is None and candidate.year is not None:
                        entry = entry.changed(year=candidate.year)
                        txn.replace(doc_id, entry.to_doc())
                        self._view = None
                    return Added(entry, created=False)
            txn.insert(candidate.to_doc())
        self._view = None
        return Added(candidate, created=True)

    def remove(self, entry_id: str) -> WatchlistEntry:
        with self.store.transaction(TABLE) as txn:
            doc_id = require(txn.lookup("id", entry_id), "watchlist entry")
            removed = WatchlistEntry.from_doc(txn.docs()[doc_id])
            txn.remove(doc_id)
        self._view = None
        return removed

    def restore(self, entry: WatchlistEntry) -> WatchlistEntry:
        """Put a removed entry back (same id); a no-op if it is already there."""
        with self.store.transaction(TABLE) as txn:
            if txn.lookup("id", entry.id) is not None:
                return entry
            txn.insert(entry.to_doc())
        self._view = None
        return entry

    def change(self, entry_id: str, change: Callable[[WatchlistEntry], WatchlistEntry]) -> WatchlistEntry:
        with self.store.transaction(TABLE) as txn:
            doc_id = require(txn.lookup("id", entry_id), "watchlist entry")
            changed = change(WatchlistEntry.from_doc(txn.docs()[doc_id]))
            txn.replace(doc_id, changed.to_doc())
        self._view = None
        return changed
