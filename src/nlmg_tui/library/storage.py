"""A TinyDB ``Storage`` that never loses data and does not rewrite the file per change.

On disk a store is a snapshot (``bookmarks.json``, TinyDB's JSON, replaced whole and atomically)
plus a journal (``bookmarks.json.journal``, one synced line per committed change, see
``journal``). The owning ``Store`` holds the lock and runs each change as a session:
``begin`` -> TinyDB reads and writes -> ``commit`` -> ``end``. Reads within a session are
checked against the disk once; TinyDB's writes only mark the session dirty, and ``commit``
appends one journal line holding every document the session touched (the ``Store`` names
them with ``expect``), or writes a whole snapshot when it can't (first save, a write it was
not told about, a journal past its bound). Compaction writes the snapshot, keeps the old one
as ``.bak`` and renames the journal to ``.journal.bak``, so backup + old journal still give
the previous state. Damaged files are handled by ``recovery``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from nlmg_tui import atomic_file
from nlmg_tui.library import journal, recovery, schema
from nlmg_tui.library.crash_points import crash_point
from nlmg_tui.library.doc_index import DocIndex, Key
from nlmg_tui.library.errors import (
    NewerSchemaError,
    StoreReadOnlyError,
    StoreUnavailableError,
    StoreWriteError,
    save_error,
)
from nlmg_tui.library.snapshot import UNCHANGED, Signature, file_signature, read_snapshot, signature_of

COMPACT_RECORDS = 1_000
"""Compact when the journal holds this many records..."""
COMPACT_BYTES = 4 * 1024 * 1024
"""...or this many bytes (whichever comes first): bounds replay time on open."""
COMPACT_ON_CLOSE_RECORDS = 1
"""``close`` folds any journal into the snapshot."""


def unwritable_value(path: Path, error: Exception) -> StoreWriteError:
    return StoreWriteError(f"Could not save {path}: a value could not be written ({error}).")


class JournaledStorage(Storage):
    """TinyDB storage over a snapshot file and its journal; see the module docstring."""

    def __init__(self, path: Path, notify: Callable[[str], None], label: str = "store") -> None:
        super().__init__()
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.journal_backup_path = self.path.with_name(self.path.name + ".journal.bak")
        self.label = label
        self.notify = notify
        self.locked = False
        """Set by the Store while it holds the file lock: needed to write or to move files."""
        self.read_only_reason: str | None = None
        """Why writes are refused (newer schema, or a damaged file that couldn't be moved)."""
        self.newer_schema = False
        self.version = 0
        """Bumped whenever the data changes (a load, another writer's lines, our commit)."""
        self.indexes: dict[str, dict[str, DocIndex]] = {}
        self._session = False
        self._checked = False
        self._dirty = False
        self._hinted = False
        self._needs_snapshot = False
        self._touched: dict[str, set[str]] = {}
        self._forget()

    # -- state -----------------------------------------------------------------------------

    def _forget(self) -> None:
        """Drop the parsed copy (TinyDB may have changed it in place before a failure)."""
        self._data: schema.Tables | None = None
        self._loaded = False
        self._snapshot_id: tuple[Signature, str] | None = None
        self.generation: str | None = None
        self._journal_sig: Signature | None = None
        self._journal_end = 0
        self._journal_seq = 0
        self._journal_stale = False
        self._max_ids: dict[str, int] = {}
        self.version += 1
        for table in self.indexes.values():
            for index in table.values():
                index.invalidate()

    @property
    def journal_records(self) -> int:
        return self._journal_seq

    def signature(self) -> tuple[Signature | None, Signature | None]:
        """The files as they are on disk now: (snapshot, journal)."""
        return file_signature(self.path), file_signature(self.journal_path)

    def add_index(self, table: str, name: str, key: Key) -> None:
        self.indexes.setdefault(table, {})[name] = DocIndex(key)

    def lookup(self, table: str, name: str, value: object) -> str | None:
        """The doc id whose ``name`` key is ``value`` (an index kept in step with the data)."""
        index = self.indexes[table][name]
        if index.stale:
            index.rebuild(self.table_docs(table))
        return index.find(value)

    def table_docs(self, table: str) -> dict[str, dict[str, Any]]:
        """The raw documents of ``table`` as held now (read-only: change them through TinyDB)."""
        return (self._data or {}).get(table, {})

    def detach(self, table: str, doc_id: str) -> None:
        """Replace the held document ``doc_id`` with a copy before TinyDB changes it in place."""
        docs = self.table_docs(table)
        if doc_id in docs:
            docs[doc_id] = dict(docs[doc_id])

    def reserve_doc_ids(self, table: str, count: int) -> int:
        """The first of ``count`` unused doc ids (above every id held now); kept in step with
        every change, so this is a dict lookup, not a scan."""
        if table not in self._max_ids:
            self._max_ids[table] = max(map(int, self.table_docs(table)), default=0)
        first = self._max_ids[table] + 1
        self._max_ids[table] += count
        return first

    # -- session (called by the Store) -----------------------------------------------------

    def begin(self, locked: bool) -> None:
        self.locked = locked
        self._session = True
        self._checked = False
        self._dirty = self._hinted = self._needs_snapshot = False
        self._touched = {}

    def expect(self, table: str, doc_ids: list[str]) -> None:
        """The next TinyDB write changes only ``doc_ids`` of ``table`` (journal it as such)."""
        self._touched.setdefault(table, set()).update(doc_ids)
        self._hinted = True

    def end(self, failed: bool = False) -> None:
        self.locked = False
        self._session = False
        self._checked = False
        self._touched = {}
        if failed:
            self._forget()

    # -- TinyDB Storage API ----------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The tables, checked against the disk once per session."""
        if not (self._session and self._checked):
            self._refresh()
            self._checked = self._session
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only_reason:
            error_class = NewerSchemaError if self.newer_schema else StoreReadOnlyError
            raise error_class(self.read_only_reason)
        if not self.locked:
            raise RuntimeError("JournaledStorage.write called without the store lock")
        self._data = data
        self._dirty = True
        self._needs_snapshot = self._needs_snapshot or not self._hinted
        self._hinted = False

    # -- reading ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        journal_sig = file_signature(self.journal_path)
        payload, snapshot_sig = read_snapshot(self.path, self._snapshot_id if self._loaded else None)
        if payload is UNCHANGED:
            if journal_sig == self._journal_sig or self._follow_journal(journal_sig):
                return
            payload, snapshot_sig = read_snapshot(self.path, None)
        self._load(payload, snapshot_sig)

    def _follow_journal(self, journal_sig: Signature | None) -> bool:
        """Apply lines another instance appended since we read; False if a full load is due."""
        known = self._journal_sig
        if journal_sig is None or self._journal_stale or self._data is None:
            return False
        if known is not None and (known[:2] != journal_sig[:2] or journal_sig[2] < self._journal_end):
            return False
        try:
            result = journal.read_journal(self.journal_path, self._journal_end if known else 0)
        except OSError:
            return False
        if result is None:
            return False
        found, info = result
        records = found.records
        expected = self._journal_seq + 1
        if found.damaged_lines or any(
            r["b"] != self.generation or r["n"] != expected + i for i, r in enumerate(records)
        ):
            return False
        self._apply(records)
        self._journal_end = found.valid_end
        self._journal_sig = signature_of(info)
        return True

    def _apply(self, records: list[journal.Record]) -> None:
        if not records:
            return
        assert self._data is not None
        touched = journal.apply_records(self._data, records)
        self._journal_seq = records[-1]["n"]
        self._update_indexes(touched)
        self.version += 1

    def _update_indexes(self, touched: set[tuple[str, str]]) -> None:
        for table, doc_id in touched:
            if table in self._max_ids:
                self._max_ids[table] = max(self._max_ids[table], int(doc_id))
            for index in self.indexes.get(table, {}).values():
                index.update(doc_id, self.table_docs(table).get(doc_id))

    def _load(self, payload: bytes | None, snapshot_sig: Signature | None) -> None:
        self._forget()
        self.newer_schema = False
        self.read_only_reason = None
        data: schema.Tables | None = None
        if payload is not None:
            try:
                data = schema.parse_store(payload)
                version = schema.schema_version(data)
            except schema.ShapeError as problem:
                self._data = recovery.recover(self, str(problem))
                self._loaded = True
                return
            data = self._check_version(data, version, payload)
        self._data = data
        self.generation = schema.generation_of(data) if data else None
        if self.generation and snapshot_sig:
            self._snapshot_id = (snapshot_sig, self.generation)
        self._load_journal(schema.folded_journal(data) if data else None)
        self._loaded = True

    def _check_version(self, data: schema.Tables, version: int, payload: bytes) -> schema.Tables:
        self.newer_schema = version > schema.SCHEMA_VERSION
        if self.newer_schema:
            self.read_only_reason = (
                f"{self.path} was written by a newer nlmg-tui (schema {version}; this one knows "
                f"{schema.SCHEMA_VERSION}), so it is open read-only; upgrade nlmg-tui to change it."
            )
        elif version < schema.SCHEMA_VERSION:
            data = schema.migrate(data, version)
            recovery.save_migration(self, payload, version, data)
        return data

    def _load_journal(self, folded: tuple[str, int] | None) -> None:
        try:
            result = journal.read_journal(self.journal_path)
        except OSError as error:
            raise StoreUnavailableError(f"Could not read {self.journal_path} ({error.strerror}).") from None
        if result is None:
            return
        found, info = result
        self._journal_sig = signature_of(info)
        self._journal_end = found.valid_end
        if found.damaged_lines:
            recovery.report_damaged_journal(self, found.damaged_lines)
        if not found.records:
            return
        base = found.records[0]["b"]
        if self.generation and base == self.generation and self._data is not None:
            self._apply([r for r in found.records if r["b"] == base])
        elif folded is not None and base == folded[0]:
            # A crash came between compaction and retiring this journal: it is in the snapshot.
            self._journal_stale = True
        else:
            self._journal_stale = True
            recovery.set_aside_orphan_journal(self)

    # -- writing ---------------------------------------------------------------------------

    def commit(self) -> None:
        """Make the session's writes durable: one journal line, or a whole snapshot."""
        if not self._dirty:
            return
        self._dirty = False
        data = self._data if self._data is not None else {}
        if self._needs_snapshot or not self.generation or self._journal_stale:
            self.write_snapshot(data)
            return
        changes: dict[str, dict[str, Any]] = {}
        for table, doc_ids in self._touched.items():
            docs = data.get(table, {})
            puts = {i: docs[i] for i in sorted(doc_ids, key=int) if i in docs}
            deletes = sorted((i for i in doc_ids if i not in docs), key=int)
            changes[table] = {"put": puts, "del": deletes}
        record = {"b": self.generation, "n": self._journal_seq + 1, "t": changes}
        try:
            line = journal.encode_line(record)
        except (ValueError, TypeError) as error:
            raise unwritable_value(self.path, error) from None
        try:
            info = journal.append_line(self.journal_path, line, self._journal_end)
        except OSError as error:
            raise save_error(self.path, error) from None
        self._journal_seq += 1
        self._journal_end += len(line)
        self._journal_sig = signature_of(info)
        self._update_indexes({(t, i) for t, ids in self._touched.items() for i in ids})
        self.version += 1
        if self._journal_seq >= COMPACT_RECORDS or self._journal_end >= COMPACT_BYTES:
            self.write_snapshot(data)

    def write_snapshot(self, data: schema.Tables) -> None:
        """Compaction: write ``data`` whole and atomically (old snapshot kept as the backup),
        then retire the journal it folds in. Needs the lock."""
        generation = schema.new_generation()
        folded = None
        if self.generation and self._journal_seq and not self._journal_stale:
            folded = {"base": self.generation, "seq": self._journal_seq}
        try:
            payload = schema.serialize_store(data, generation, folded)
        except (ValueError, TypeError) as error:
            raise unwritable_value(self.path, error) from None
        target = self.path
        if target.is_symlink() and target.exists():
            target = target.resolve()  # keep the user's link; replace the file it points to
        try:
            atomic_file.write_atomically(
                target, payload, backup=self.backup_path, on_staged=lambda: crash_point("compact-staged")
            )
            crash_point("compact-replaced")
            self._retire_journal()
        except OSError as error:
            self._forget()
            raise save_error(self.path, error) from None
        data[schema.META_TABLE] = schema.meta_table(generation, folded)
        snapshot_sig = file_signature(self.path)
        self._forget()  # indexes are rebuilt on their next lookup
        self._data, self._loaded, self.generation = data, True, generation
        if snapshot_sig is not None:
            self._snapshot_id = (snapshot_sig, generation)

    def _retire_journal(self) -> None:
        if os.path.lexists(self.journal_path):
            os.replace(self.journal_path, self.journal_backup_path)
            atomic_file.fsync_directory(self.path.parent)

    def compact(self, min_records: int = 1) -> bool:
        """Fold the journal into the snapshot if it holds ``min_records`` or more (under the
        lock, in a session). True if it did."""
        if self.read_only_reason or not self.locked:
            return False
        if self._journal_seq < min_records and not self._journal_stale:
            return False
        self.write_snapshot(self._data if self._data is not None else {})
        return True
