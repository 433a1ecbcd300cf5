"""``Library``: the one write path for the user's bookmarks and watchlist.

Two TinyDB files in the user data dir, ``bookmarks.json`` and ``watchlist.json``, each guarded by
its own lock file. Every change locks, re-reads the file, applies itself and saves atomically
before returning: when a method returns, the change is on disk. Problems the user should hear
about (a damaged file moved aside, an upgrade) are collected as plain-words ``notices``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from nlmg_tui import paths
from nlmg_tui.library.bookmarks import Bookmark, clean_note, new_bookmark, passage_key
from nlmg_tui.library.errors import (
    AmbiguousTitleError,
    InvalidEntryError,
    LibraryError,
    NotFoundError,
)
from nlmg_tui.library.passages import Passage
from nlmg_tui.library.store import Store
from nlmg_tui.library.watchlist import (
    WatchlistEntry,
    clean_rating,
    clean_watched_on,
    clean_year,
    new_entry,
    title_key,
)

BOOKMARKS_FILE = "bookmarks.json"
WATCHLIST_FILE = "watchlist.json"
BOOKMARKS_TABLE = "bookmarks"
WATCHLIST_TABLE = "watchlist"

T = TypeVar("T")
_UNSET = object()


@dataclass(frozen=True)
class Added(Generic[T]):
    """The result of an add: the stored item, and False if it was already there."""

    item: T
    created: bool


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


class Library:
    """The user's bookmarks and watchlist, safe across crashes and concurrent instances."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.data_dir: Path = paths.user_data_dir(data_dir)
        self._notices: list[str] = []
        self._bookmarks = Store(self.data_dir / BOOKMARKS_FILE, self._notices.append, "bookmarks")
        self._watchlist = Store(self.data_dir / WATCHLIST_FILE, self._notices.append, "watchlist")
        self._bookmark_view: tuple[object, list[Bookmark]] | None = None
        self._watch_view: tuple[object, list[WatchlistEntry]] | None = None
        self._hidden: dict[str, int] = {}  # unreadable records already reported, per kind
        self._memo: dict[str, dict] = {}  # per kind: id -> (record, decoded item)

    # -- state -----------------------------------------------------------------------------

    @property
    def bookmarks_path(self) -> Path:
        return self._bookmarks.path

    @property
    def watchlist_path(self) -> Path:
        return self._watchlist.path

    def take_notices(self) -> list[str]:
        """Messages for the user since the last call (damaged files moved aside, upgrades)."""
        notices, self._notices[:] = list(self._notices), []
        return notices

    @property
    def read_only_reason(self) -> str | None:
        """Why changes can't be saved (newer schema, damaged file left in place), if known."""
        return self._bookmarks.read_only_reason or self._watchlist.read_only_reason

    @property
    def bookmarks_read_only_reason(self) -> str | None:
        """Why bookmark changes can't be saved; the watchlist file may still be writable."""
        return self._bookmarks.read_only_reason

    @property
    def watchlist_read_only_reason(self) -> str | None:
        """Why watchlist changes can't be saved; bookmarks may still be writable."""
        return self._watchlist.read_only_reason

    def changed_since_last_read(self) -> bool:
        """True if another instance (or a sync tool) changed either file since we read it."""
        return self._bookmarks.changed_on_disk() or self._watchlist.changed_on_disk()

    def reload(self) -> None:
        """Forget cached lists; the next ``bookmarks()``/``watchlist()`` reads the files."""
        self._bookmark_view = None
        self._watch_view = None

    # -- bookmarks: reading ----------------------------------------------------------------

    def bookmarks(self) -> list[Bookmark]:
        """All bookmarks, oldest first (cached until a file changes)."""
        view = self._bookmark_view
        if view is not None and view[0] == self._bookmarks.disk_signature():
            return list(view[1])
        items = self._decode(self._bookmarks.read(BOOKMARKS_TABLE), Bookmark.from_doc, "bookmark")
        items.sort(key=lambda b: b.created)  # stable: file order within a second
        self._bookmark_view = (self._bookmarks.seen, items)
        return list(items)

    def get_bookmark(self, bookmark_id: str) -> Bookmark | None:
        return next((b for b in self.bookmarks() if b.id == bookmark_id), None)

    def find_bookmark(self, review_id: str, paragraph_id: str, quote: str) -> Bookmark | None:
        key = passage_key(review_id, paragraph_id, quote)
        return next((b for b in self.bookmarks() if b.key == key), None)

    def bookmarked_paragraphs(self, review_id: str) -> set[str]:
        """Paragraph ids of ``review_id`` holding at least one bookmark (for the reader)."""
        return {b.paragraph_id for b in self.bookmarks() if b.review_id == review_id}

    # -- bookmarks: writing ----------------------------------------------------------------

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
        key = candidate.key
        with self._bookmarks.transaction(BOOKMARKS_TABLE) as table:
            for doc in table.all():
                same_place = (doc.get("review_id"), doc.get("paragraph_id")) == key[:2]
                if same_place and passage_key(*key[:2], str(doc.get("quote", ""))) == key:
                    try:
                        return Added(Bookmark.from_doc(doc), created=False)
                    except InvalidEntryError:
                        break
            table.insert(candidate.to_doc())
        self._bookmark_view = None
        return Added(candidate, created=True)

    def bookmark_passage(
        self, passage: Passage, *, note: str = "", tags: Iterable[str] = ()
    ) -> Added[Bookmark]:
        """Bookmark a ``Passage`` (see ``passages.passage_from_review``)."""
        return self.add_bookmark(
            passage.review_id,
            passage.paragraph_id,
            passage.quote,
            prefix=passage.prefix,
            suffix=passage.suffix,
            note=note,
            tags=tags,
        )

    def update_note(self, bookmark_id: str, note: str) -> Bookmark:
        return self._change_bookmark(bookmark_id, lambda b: b.with_note(note))

    def set_tags(self, bookmark_id: str, tags: Iterable[str]) -> Bookmark:
        return self._change_bookmark(bookmark_id, lambda b: b.with_tags(tags))

    def delete_bookmark(self, bookmark_id: str) -> Bookmark:
        """Delete and return the bookmark; pass it to ``restore_bookmark`` to undo."""
        with self._bookmarks.transaction(BOOKMARKS_TABLE) as table:
            doc = _find_doc(table.all(), bookmark_id, "bookmark")
            deleted = Bookmark.from_doc(doc)  # before removing: an unreadable record stays put
            table.remove(doc_ids=[doc.doc_id])
        self._bookmark_view = None
        return deleted

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back (same id). If it, or a bookmark of the same passage, is
        already there (undo pressed twice, or bookmarked again meanwhile), that one is kept and
        returned."""
        with self._bookmarks.transaction(BOOKMARKS_TABLE) as table:
            for doc in table.all():
                key = passage_key(doc.get("review_id"), doc.get("paragraph_id"), str(doc.get("quote", "")))
                if doc.get("id") == bookmark.id or key == bookmark.key:
                    try:
                        return Bookmark.from_doc(doc)
                    except InvalidEntryError:
                        continue
            table.insert(bookmark.to_doc())
        self._bookmark_view = None
        return bookmark

    def import_bookmarks(self, bookmarks: Iterable[Bookmark]) -> ImportResult:
        """Merge bookmarks in one atomic write: new ids and passages are added; a known id
        takes the imported note and tags if they are newer; the same passage under another id
        is left alone. Importing the same export twice changes nothing."""
        incoming = list(bookmarks)
        counts = {"added": 0, "updated": 0, "unchanged": 0}

        def merge(docs: dict[int, dict]) -> None:
            by_id = {doc.get("id"): doc for doc in docs.values()}
            keys = {
                passage_key(d.get("review_id"), d.get("paragraph_id"), str(d.get("quote", "")))
                for d in docs.values()
            }
            next_id = max(docs, default=0) + 1
            for bookmark in incoming:
                existing = by_id.get(bookmark.id)
                if existing is not None:
                    newer = bookmark.updated > str(existing.get("updated", ""))
                    different = (bookmark.note, list(bookmark.tags)) != (
                        existing.get("note"),
                        existing.get("tags"),
                    )
                    if newer and different:
                        existing.update(
                            note=bookmark.note, tags=list(bookmark.tags), updated=bookmark.updated
                        )
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
                elif bookmark.key in keys:
                    counts["unchanged"] += 1
                else:
                    doc = bookmark.to_doc()
                    docs[next_id] = doc
                    by_id[bookmark.id] = doc
                    keys.add(bookmark.key)
                    next_id += 1
                    counts["added"] += 1

        with self._bookmarks.transaction(BOOKMARKS_TABLE) as table:
            # One read and one atomic write for the whole file: TinyDB's own single write
            # method, since its public API would need a write per changed record.
            table._update_table(merge)
        self._bookmark_view = None
        return ImportResult(counts["added"], counts["updated"], counts["unchanged"])

    def _change_bookmark(self, bookmark_id: str, change: Callable[[Bookmark], Bookmark]) -> Bookmark:
        with self._bookmarks.transaction(BOOKMARKS_TABLE) as table:
            doc = _find_doc(table.all(), bookmark_id, "bookmark")
            changed = change(Bookmark.from_doc(doc))
            table.update(changed.to_doc(), doc_ids=[doc.doc_id])
        self._bookmark_view = None
        return changed

    # -- watchlist -------------------------------------------------------------------------

    def watchlist(self) -> list[WatchlistEntry]:
        """All entries, oldest first (cached until a file changes)."""
        view = self._watch_view
        if view is not None and view[0] == self._watchlist.disk_signature():
            return list(view[1])
        items = self._decode(
            self._watchlist.read(WATCHLIST_TABLE), WatchlistEntry.from_doc, "watchlist entry"
        )
        items.sort(key=lambda e: e.created)
        self._watch_view = (self._watchlist.seen, items)
        return list(items)

    def find_film(self, title: str, year: int | None = None) -> WatchlistEntry | None:
        """The entry for ``title`` (folded match); AmbiguousTitleError if several years match."""
        matches = [e for e in self.watchlist() if e.matches(title, year)]
        if len(matches) > 1:
            years = ", ".join(str(e.year) for e in matches if e.year)
            raise AmbiguousTitleError(
                f"Several films on the watchlist are called {matches[0].title!r} ({years}); give the year."
            )
        return matches[0] if matches else None

    def suggest_titles(self, title: str, limit: int = 3) -> list[str]:
        """Watchlist titles closest to ``title`` (for "did you mean")."""
        choices = {e.id: e.key for e in self.watchlist()}
        titles = {e.id: e.title for e in self.watchlist()}
        found = process.extract(title_key(title), choices, scorer=fuzz.WRatio, limit=limit)
        return [titles[key] for _, score, key in found if score >= 60]

    def add_film(self, title: str, year: int | None = None, note: str = "") -> Added[WatchlistEntry]:
        """Add a film as "want"; a film already listed is returned (its year filled in if
        it had none)."""
        candidate = new_entry(title, year, note)
        with self._watchlist.transaction(WATCHLIST_TABLE) as table:
            for doc in table.all():
                try:
                    entry = WatchlistEntry.from_doc(doc)
                except InvalidEntryError:
                    continue
                if entry.matches(candidate.title, candidate.year):
                    if entry.year is None and candidate.year is not None:
                        entry = entry.changed(year=candidate.year)
                        table.update(entry.to_doc(), doc_ids=[doc.doc_id])
                        self._watch_view = None
                    return Added(entry, created=False)
            table.insert(candidate.to_doc())
        self._watch_view = None
        return Added(candidate, created=True)

    def remove_film(self, entry_id: str) -> WatchlistEntry:
        """Remove and return the entry; pass it to ``restore_film`` to undo."""
        with self._watchlist.transaction(WATCHLIST_TABLE) as table:
            doc = _find_doc(table.all(), entry_id, "watchlist entry")
            removed = WatchlistEntry.from_doc(doc)
            table.remove(doc_ids=[doc.doc_id])
        self._watch_view = None
        return removed

    def restore_film(self, entry: WatchlistEntry) -> WatchlistEntry:
        """Put a removed entry back (same id); a no-op if it is already there."""
        with self._watchlist.transaction(WATCHLIST_TABLE) as table:
            if any(doc.get("id") == entry.id for doc in table.all()):
                return entry
            table.insert(entry.to_doc())
        self._watch_view = None
        return entry

    def mark_watched(
        self,
        entry_id: str,
        watched_on: date | str | None = None,
        rating: float | None | object = _UNSET,
    ) -> WatchlistEntry:
        """Status "watched", on ``watched_on`` (default today); optionally rate it too."""
        day = clean_watched_on(watched_on) or date.today().isoformat()
        fields: dict[str, object] = {"status": "watched", "watched_on": day}
        if rating is not _UNSET:
            fields["rating"] = clean_rating(rating)
        return self._change_film(entry_id, lambda e: e.changed(**fields))

    def mark_want(self, entry_id: str) -> WatchlistEntry:
        return self._change_film(entry_id, lambda e: e.changed(status="want", watched_on=None))

    def rate_film(self, entry_id: str, rating: float | None) -> WatchlistEntry:
        """Rate 0..5 (None clears); NaN, infinities and out-of-range values are refused."""
        value = clean_rating(rating)
        return self._change_film(entry_id, lambda e: e.changed(rating=value))

    def set_film_note(self, entry_id: str, note: str) -> WatchlistEntry:
        text = clean_note(note)
        return self._change_film(entry_id, lambda e: e.changed(note=text))

    def set_film_year(self, entry_id: str, year: int | None) -> WatchlistEntry:
        value = clean_year(year)
        return self._change_film(entry_id, lambda e: e.changed(year=value))

    def _change_film(
        self, entry_id: str, change: Callable[[WatchlistEntry], WatchlistEntry]
    ) -> WatchlistEntry:
        with self._watchlist.transaction(WATCHLIST_TABLE) as table:
            doc = _find_doc(table.all(), entry_id, "watchlist entry")
            changed = change(WatchlistEntry.from_doc(doc))
            table.update(changed.to_doc(), doc_ids=[doc.doc_id])
        self._watch_view = None
        return changed

    # -- helpers ---------------------------------------------------------------------------

    def _decode(self, docs: list, decode: Callable[[dict], T], what: str) -> list[T]:
        """Validate records into items; unchanged records reuse their earlier item, so
        re-listing 10,000 bookmarks after one change costs a dict comparison each."""
        memo = self._memo.get(what, {})
        fresh: dict[object, tuple[dict, T]] = {}
        items: list[T] = []
        bad = 0
        for doc in docs:
            key = doc.get("id")
            known = memo.get(key) if isinstance(key, str) else None
            if known is not None and known[0] == doc:
                item = known[1]
            else:
                try:
                    item = decode(doc)
                except LibraryError:
                    bad += 1
                    continue
            fresh[key] = (dict(doc), item)
            items.append(item)
        self._memo[what] = fresh
        if bad != self._hidden.get(what, 0):
            self._hidden[what] = bad
        else:
            bad = 0  # already reported
        if bad:
            self._notices.append(
                f"{bad} {what} record(s) could not be read and are hidden; they are kept in "
                "the file untouched."
            )
        return items


def _find_doc(docs: list, item_id: str, what: str):
    for doc in docs:
        if doc.get("id") == item_id:
            return doc
    raise NotFoundError(f"That {what} no longer exists (perhaps deleted in another window).")
