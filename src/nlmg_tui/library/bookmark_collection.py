"""The user's bookmarks in their store: reading, adding, editing, deleting, importing.

Every change runs in one ``Store.transaction`` (locked, fresh from disk, saved as one journal
line before it returns). Duplicates are found through the store's indexes (by id and by
passage), so a change costs the same at 100 or 10,000 bookmarks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Any

from nlmg_tui.library.bookmarks import Bookmark, passage_key
from nlmg_tui.library.canonical_bookmarks import canonical_bookmarks
from nlmg_tui.library.errors import InvalidEntryError
from nlmg_tui.library.records import Added, ImportResult, RecordDecoder, collector_paused, require
from nlmg_tui.library.store import DiskState, Store, Transaction

TABLE = "bookmarks"
_created = attrgetter("created")


def doc_passage_key(doc: Mapping[str, Any]) -> tuple[str, str, str]:
    """The passage a stored record marks; a damaged record (an id missing or not text) keys
    as a blank id, which no valid bookmark has, so it never counts as a duplicate."""
    return passage_key(_text(doc.get("review_id")), _text(doc.get("paragraph_id")),
                       str(doc.get("quote", "")))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def doc_id_key(doc: Mapping[str, Any]) -> object:
    return doc.get("id")


class BookmarkCollection:
    def __init__(self, store: Store, notices: list[str]) -> None:
        self.store = store
        store.add_index(TABLE, "id", doc_id_key)
        store.add_index(TABLE, "passage", doc_passage_key)
        self._decoder: RecordDecoder[Bookmark] = RecordDecoder(
            Bookmark.from_doc, "bookmark", notices, canonical_bookmarks
        )
        self._view: tuple[DiskState | None, list[Bookmark]] | None = None

    def forget_view(self) -> None:
        self._view = None

    # -- reading ---------------------------------------------------------------------------

    def all(self) -> list[Bookmark]:
        """All bookmarks, oldest first (cached until a file changes)."""
        view = self._view
        if view is not None and view[0] == self.store.disk_signature():
            return list(view[1])
        with collector_paused():
            docs, _ = self.store.read_docs(TABLE)
            items = self._decoder.decode_all(list(docs.values()))
        items.sort(key=_created)  # stable: file order within a second
        self._view = (self.store.seen, items)
        return list(items)

    # -- writing ---------------------------------------------------------------------------

    def add(self, candidate: Bookmark) -> Added[Bookmark]:
        """Store ``candidate``; the same passage again returns the existing bookmark."""
        with self.store.transaction(TABLE) as txn:
            existing = self._decodable(txn, txn.lookup("passage", candidate.key))
            if existing is not None:
                return Added(existing, created=False)
            txn.insert(candidate.to_doc())
        self._view = None
        return Added(candidate, created=True)

    def change(self, bookmark_id: str, change: Callable[[Bookmark], Bookmark]) -> Bookmark:
        with self.store.transaction(TABLE) as txn:
            doc_id = require(txn.lookup("id", bookmark_id), "bookmark")
            changed = change(Bookmark.from_doc(txn.docs()[doc_id]))
            txn.replace(doc_id, changed.to_doc())
        self._view = None
        return changed

    def delete(self, bookmark_id: str) -> Bookmark:
        with self.store.transaction(TABLE) as txn:
            doc_id = require(txn.lookup("id", bookmark_id), "bookmark")
            deleted = Bookmark.from_doc(txn.docs()[doc_id])  # first: an unreadable record stays put
            txn.remove(doc_id)
        self._view = None
        return deleted

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back (same id); if it, or a bookmark of the same passage, is
        already there, that one is kept and returned."""
        with self.store.transaction(TABLE) as txn:
            for doc_id in (txn.lookup("id", bookmark.id), txn.lookup("passage", bookmark.key)):
                existing = self._decodable(txn, doc_id)
                if existing is not None:
                    return existing
            txn.insert(bookmark.to_doc())
        self._view = None
        return bookmark

    def merge(self, bookmarks: Iterable[Bookmark]) -> ImportResult:
        """Merge in one change: new ids and passages are added; a known id takes the imported
        note and tags if they are newer; the same passage under another id is left alone."""
        incoming = list(bookmarks)
        with self.store.transaction(TABLE) as txn:
            plan = _MergePlan(txn)
            for bookmark in incoming:
                plan.take(bookmark)
            txn.insert_many(plan.added)
            txn.replace_many(plan.updated)
        self._view = None
        return ImportResult(len(plan.added), len(plan.updated), plan.unchanged)

    @staticmethod
    def _decodable(txn: Transaction, doc_id: str | None) -> Bookmark | None:
        if doc_id is None:
            return None
        try:
            return Bookmark.from_doc(txn.docs()[doc_id])
        except InvalidEntryError:
            return None


class _MergePlan:
    """What an import adds and updates, decided against the store and the import itself."""

    def __init__(self, txn: Transaction) -> None:
        self._txn = txn
        self.added: list[dict[str, Any]] = []
        self.updated: dict[str, dict[str, Any]] = {}
        self.unchanged = 0
        self._new_ids: set[str] = set()
        self._new_keys: set[tuple[str, str, str]] = set()

    def take(self, bookmark: Bookmark) -> None:
        doc_id = self._txn.lookup("id", bookmark.id)
        if doc_id is not None:
            self._update(doc_id, bookmark)
        elif bookmark.id in self._new_ids or bookmark.key in self._new_keys:
            self.unchanged += 1
        elif self._txn.lookup("passage", bookmark.key) is not None:
            self.unchanged += 1
        else:
            self.added.append(bookmark.to_doc())
            self._new_ids.add(bookmark.id)
            self._new_keys.add(bookmark.key)

    def _update(self, doc_id: str, bookmark: Bookmark) -> None:
        existing = self.updated.get(doc_id) or dict(self._txn.docs()[doc_id])
        newer = bookmark.updated > str(existing.get("updated", ""))
        different = (bookmark.note, list(bookmark.tags)) != (existing.get("note"), existing.get("tags"))
        if newer and different:
            existing.update(note=bookmark.note, tags=list(bookmark.tags), updated=bookmark.updated)
            self.updated[doc_id] = existing
        else:
            self.unchanged += 1

