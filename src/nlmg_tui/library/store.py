"""One store (snapshot + journal) with its lock: the only path by which library data is read or
written. ``Transaction`` is the write API the bookmark and watchlist modules use: TinyDB's
public table methods, each told to the storage so the session commits as one journal line."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from nlmg_tui import atomic_file
from nlmg_tui.library.doc_index import Key
from nlmg_tui.library.lock import StoreLock
from nlmg_tui.library.snapshot import Signature
from nlmg_tui.library.storage import COMPACT_ON_CLOSE_RECORDS, JournaledStorage

DiskState = tuple[Signature | None, Signature | None]


class StoreTable(Table):
    """TinyDB's Table with doc ids kept as the strings the file holds (``document_id_class``,
    TinyDB's documented hook): each write then skips converting every id to int and back.

    TinyDB's annotations say every doc id is an int whatever that hook says, so the calls
    below passing our str ids carry a ``type: ignore`` naming that (the only ones here)."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB types the hook as type[int]


class Transaction:
    """A table, fresh from disk under the lock, and the changes allowed on it."""

    def __init__(self, storage: JournaledStorage, table: Table) -> None:
        self._storage = storage
        self.table = table
        self.name = table.name

    def docs(self) -> Mapping[str, Mapping[str, Any]]:
        """Every raw document by doc id (read-only; cheap: no copies)."""
        return self._storage.table_docs(self.name)

    def lookup(self, index: str, value: object) -> str | None:
        return self._storage.lookup(self.name, index, value)

    def get(self, doc_id: str) -> Document | None:
        return self.table.get(doc_id=doc_id)  # type: ignore[call-overload]  # str doc ids

    def insert(self, doc: Mapping[str, Any]) -> str:
        return self.insert_many([doc])[0]

    def insert_many(self, docs: Iterable[Mapping[str, Any]]) -> list[str]:
        """Insert under new doc ids, chosen from the data as it is now (stable across writers)."""
        docs = list(docs)
        if not docs:
            return []
        first = self._storage.reserve_doc_ids(self.name, len(docs))
        ids = [str(first + offset) for offset in range(len(docs))]
        batch = [Document(doc, doc_id=doc_id)  # type: ignore[arg-type]  # str doc ids
                 for doc_id, doc in zip(ids, docs, strict=True)]
        self._storage.expect(self.name, ids)
        self.table.insert_multiple(batch)
        return ids

    def replace(self, doc_id: str, doc: Mapping[str, Any]) -> None:
        """Store ``doc`` (every field) under ``doc_id``."""
        self.replace_many({doc_id: doc})

    def replace_many(self, docs: Mapping[str, Mapping[str, Any]]) -> None:
        """One TinyDB update per document (each told to the storage); still one commit.

        TinyDB updates a document in place; the storage first puts a copy in its place, so a
        document object once handed out never changes (readers may keep it as a memo key).
        """
        for doc_id, doc in docs.items():
            self._storage.detach(self.name, doc_id)
            self._storage.expect(self.name, [doc_id])
            self.table.update(dict(doc), doc_ids=[doc_id])  # type: ignore[list-item]  # str doc ids

    def remove(self, doc_id: str) -> None:
        self._storage.expect(self.name, [doc_id])
        self.table.remove(doc_ids=[doc_id])  # type: ignore[list-item]  # str doc ids


class Store:
    """A TinyDB store guarded by ``<file>.lock``.

    Every read and write runs in a locked session that first brings the data up to date with
    the disk (a stat of two files when nothing changed); a write session commits as one synced
    journal line (see ``JournaledStorage``).
    """

    def __init__(self, path: Path, notify: Callable[[str], None], label: str) -> None:
        self.path = Path(path)
        self._lock = StoreLock(self.path.with_name(self.path.name + ".lock"))
        self._db = TinyDB(self.path, storage=JournaledStorage, notify=notify, label=label)
        storage = self._db.storage
        if not isinstance(storage, JournaledStorage):  # TinyDB made it from the class above
            raise TypeError(f"unexpected TinyDB storage {type(storage).__name__}")
        self._storage = storage
        self._cleaned_temps = False
        self._depth = 0
        self.seen: DiskState = (None, None)
        """The files as this process last read them or wrote them."""

    @property
    def lock(self) -> StoreLock:
        return self._lock

    @property
    def read_only_reason(self) -> str | None:
        return self._storage.read_only_reason

    @property
    def journal_path(self) -> Path:
        return self._storage.journal_path

    def add_index(self, table: str, name: str, key: Key) -> None:
        self._storage.add_index(table, name, key)

    def disk_signature(self) -> DiskState:
        return self._storage.signature()

    def changed_on_disk(self) -> bool:
        """True if another process (or a sync tool) changed the files since we last read
        them (our own writes don't count)."""
        return self.disk_signature() != self.seen

    @contextlib.contextmanager
    def _session(self, for_writing: bool) -> Iterator[None]:
        with self._lock.hold(for_writing) as locked:
            if self._depth:  # nested in an outer session: it already set the storage up
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            if locked and for_writing and not self._cleaned_temps:
                atomic_file.remove_orphaned_temps(self.path)
                self._cleaned_temps = True
            self._storage.begin(locked)
            self._depth = 1
            failed = True
            try:
                yield
                if for_writing:
                    self._storage.commit()
                failed = False
            finally:
                self._depth = 0
                self._storage.end(failed)

    def _table(self, name: str) -> Table:
        """A new Table object per session: TinyDB caches query results and the next id per
        Table object, and both go stale when another process writes."""
        return StoreTable(self._storage, name, cache_size=0)

    def read(self, table: str) -> list[Document]:
        """All documents of ``table`` as on disk now."""
        with self._session(for_writing=False):
            documents = self._table(table).all()
            self.seen = self.disk_signature()
            return documents

    def read_docs(self, table: str) -> tuple[Mapping[str, Mapping[str, Any]], int]:
        """(raw documents by doc id, data version) as on disk now; read-only, no copies."""
        with self._session(for_writing=False):
            self._storage.read()
            self.seen = self.disk_signature()
            return self._storage.table_docs(table), self._storage.version

    @contextlib.contextmanager
    def transaction(self, table: str) -> Iterator[Transaction]:
        """Lock, then yield ``table`` fresh from disk; the block's writes are saved as one
        change before it exits. Raises a LibraryError if they can't be saved."""
        with self._session(for_writing=True):
            self._storage.read()
            yield Transaction(self._storage, self._table(table))
        self.seen = self.disk_signature()

    def compact(self, min_records: int = 1) -> bool:
        """Fold the journal into the snapshot now (e.g. from a background worker)."""
        with self._session(for_writing=True):
            self._storage.read()
            done = self._storage.compact(min_records)
        self.seen = self.disk_signature()
        return done

    def close(self) -> None:
        """Compact if there is a journal; never raises (called at exit)."""
        with contextlib.suppress(Exception):
            if self._storage.journal_path.exists():
                self.compact(COMPACT_ON_CLOSE_RECORDS)
