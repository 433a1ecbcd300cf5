"""One store file with its lock: the only path by which library data is read or written."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document, Table

from nlmg_tui.library import atomic_file
from nlmg_tui.library.lock import StoreLock
from nlmg_tui.library.storage import DurableStorage, Signature, file_signature


class Store:
    """A TinyDB file guarded by ``<file>.lock``.

    Every read and write runs in a locked session in which the file is read fresh from disk;
    writes are whole-file atomic replacements (see ``DurableStorage``).
    """

    def __init__(self, path: Path, notify: Callable[[str], None], label: str) -> None:
        self.path = Path(path)
        self._lock = StoreLock(self.path.with_name(self.path.name + ".lock"))
        self._db = TinyDB(self.path, storage=DurableStorage, notify=notify, label=label)
        self._storage: DurableStorage = self._db.storage  # type: ignore[assignment]
        self._cleaned_temps = False
        self._depth = 0
        self.seen: Signature | None = None
        """The file as this process last read it (``read``) or wrote it (a transaction)."""

    @property
    def read_only_reason(self) -> str | None:
        return self._storage.read_only_reason

    def disk_signature(self) -> Signature | None:
        return file_signature(self.path)

    def changed_on_disk(self) -> bool:
        """True if another process (or a sync tool) replaced or edited the file since we
        last read it (our own writes don't count)."""
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
                failed = False
            finally:
                self._depth = 0
                self._storage.end(failed)

    def _table(self, name: str) -> Table:
        table = self._db.table(name)
        # TinyDB caches query results and the next document id per table: both go stale when
        # another process writes, so drop them before every use (we hold the lock).
        table.clear_cache()
        table._next_id = None
        return table

    def read(self, table: str) -> list[Document]:
        """All documents of ``table`` as on disk now."""
        with self._session(for_writing=False):
            documents = self._table(table).all()
            self.seen = self._storage.signature
            return documents

    @contextlib.contextmanager
    def transaction(self, table: str) -> Iterator[Table]:
        """Lock, then yield ``table`` fresh from disk; each TinyDB write in the block is saved
        atomically before it returns. Raises a LibraryError if it can't be saved."""
        with self._session(for_writing=True):
            writes = self._storage.writes
            yield self._table(table)
            if self._storage.writes != writes:
                self.seen = self._storage.signature
