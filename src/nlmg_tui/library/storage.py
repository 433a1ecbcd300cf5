"""A TinyDB ``Storage`` that never loses data: atomic writes, a backup, quarantine, schema.

The owning ``Store`` holds the lock and tells this storage (``begin``/``end``). Within one
locked session the file is read once and later reads reuse it, so an add costs one read and one
write. Across sessions the parsed copy is reused only while the file is provably the one it came
from: same (device, inode, size, mtime) and the same random ``generation`` token, re-read from
the file's first bytes; anything else (another instance's save, a sync tool, a hand edit) is
parsed afresh. A session that fails drops the copy, since TinyDB may have changed it in place.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from nlmg_tui.library import atomic_file, schema
from nlmg_tui.library.errors import (
    LibraryError,
    NewerSchemaError,
    StoreReadOnlyError,
    StoreUnavailableError,
    StoreWriteError,
    save_error,
)

Signature = tuple[int, int, int, int]
"""(device, inode, size, mtime ns): changes whenever the file is replaced or edited."""


def file_signature(path: Path) -> Signature | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class DurableStorage(Storage):
    """TinyDB storage over one JSON file; see the module docstring."""

    def __init__(self, path: Path, notify: Callable[[str], None], label: str = "store") -> None:
        super().__init__()
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.label = label
        self._notify = notify
        self.locked = False
        """Set by the Store while it holds the file lock: needed to write or to move files."""
        self.signature: Signature | None = None
        """Signature of the file as last read or written by this process."""
        self.read_only_reason: str | None = None
        """Why writes are refused (newer schema, or a damaged file that couldn't be moved)."""
        self._newer_schema = False
        self.writes = 0
        """How many times this storage has replaced the file (the Store watches it)."""
        self._session = False
        self._checked = False
        self._session_data: schema.Tables | None = None
        self._data: schema.Tables | None = None
        self._data_id: tuple[Signature, str] | None = None

    # -- session (called by Store) ---------------------------------------------------------

    def begin(self, locked: bool) -> None:
        self.locked = locked
        self._session = True
        self._checked = False
        self._session_data = None

    def end(self, failed: bool = False) -> None:
        self.locked = False
        self._session = False
        self._checked = False
        self._session_data = None
        if failed:
            self.forget()

    def forget(self) -> None:
        """Drop the parsed copy (TinyDB may have changed it in place before a failure)."""
        self._data = None
        self._data_id = None

    # -- TinyDB Storage API ----------------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The tables, checked against the disk once per session.

        The parsed copy is reused only while the file is the very one it came from: same
        signature and same random ``generation`` token, re-read from the file's head.
        """
        if self._session and self._checked:
            return self._session_data
        data = self._load()
        if self._session:
            self._session_data, self._checked = data, True
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only_reason:
            error_class = NewerSchemaError if self._newer_schema else StoreReadOnlyError
            raise error_class(self.read_only_reason)
        if not self.locked:
            raise RuntimeError("DurableStorage.write called without the store lock")
        self._save(data)

    # -- reading ---------------------------------------------------------------------------

    def _read_bytes(self) -> bytes | None:
        """The file's bytes, None if there is no file, or ``_UNCHANGED`` if it is the very
        file we hold parsed; StoreUnavailableError for a folder, FIFO, dangling link..."""
        path = self.path
        try:
            link = os.lstat(path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
        if stat.S_ISLNK(link.st_mode) and not path.exists():
            raise StoreUnavailableError(
                f"{path} is a link to a file that does not exist; remove the link or restore its target."
            )
        if path.is_dir():
            raise StoreUnavailableError(f"{path} is a folder, not a file; move it away.")
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise StoreUnavailableError(
                    f"{path} is not a regular file (a pipe or device?); move it away."
                )
            self.signature = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
            head = os.read(fd, schema.HEAD_BYTES)
            if self._data_id is not None and self._data_id == (
                self.signature,
                schema.read_generation(head),
            ):
                return _UNCHANGED
            chunks = [head]
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        except OSError as error:
            raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
        finally:
            os.close(fd)
        return b"".join(chunks)

    def _load(self) -> schema.Tables | None:
        payload = self._read_bytes()
        if payload is _UNCHANGED:
            return self._data
        self.forget()
        self._newer_schema = False
        if payload is None:
            self.signature = None
            self.read_only_reason = None
            return None
        try:
            data = schema.parse_store(payload)
            version = schema.schema_version(data)
        except schema.ShapeError as problem:
            return self._recover(str(problem))
        self.read_only_reason = None
        self._newer_schema = version > schema.SCHEMA_VERSION
        if self._newer_schema:
            self.read_only_reason = (
                f"{self.path} was written by a newer nlmg-tui (schema {version}; this one knows "
                f"{schema.SCHEMA_VERSION}), so it is open read-only; upgrade nlmg-tui to change it."
            )
            return data
        if version < schema.SCHEMA_VERSION:
            data = schema.migrate(data, version)
            self._save_migration(payload, version, data)
            return data
        generation = schema.read_generation(payload)
        if generation is not None and self.signature is not None:
            self._data, self._data_id = data, (self.signature, generation)
        return data

    def _save_migration(self, original: bytes, version: int, data: schema.Tables) -> None:
        if not self.locked:
            return  # shown migrated in memory; saved on the first write that has the lock
        try:
            kept = atomic_file.save_copy(original, self.path, f"schema-v{version}")
            self._save(data)
        except (OSError, LibraryError, ValueError):
            return
        self._notify(
            f"Upgraded the {self.label} file {self.path} from schema {version} to "
            f"{schema.SCHEMA_VERSION}; the old file is kept at {kept}."
        )

    def _parse_backup(self) -> tuple[schema.Tables | None, str | None]:
        """(data, problem): the backup's tables, or why it can't be used."""
        try:
            payload = self.backup_path.read_bytes()
        except FileNotFoundError:
            return None, "there is no backup"
        except OSError as error:
            return None, f"the backup {self.backup_path} could not be read ({error.strerror})"
        try:
            data = schema.parse_store(payload)
            version = schema.schema_version(data)
        except schema.ShapeError as problem:
            return None, f"the backup {self.backup_path} is unreadable too ({problem})"
        if version > schema.SCHEMA_VERSION:
            return None, f"the backup {self.backup_path} is from a newer nlmg-tui"
        return schema.migrate(data, version), None

    def _recover(self, problem: str) -> schema.Tables | None:
        """Quarantine the unreadable file, fall back on the backup, and say so in plain words."""
        backup, backup_problem = self._parse_backup()
        what = f"The {self.label} file {self.path} could not be read ({problem})"
        if self.locked:
            try:
                kept = atomic_file.set_aside(self.path, "corrupt")
            except OSError as error:
                kept = None
                failure = error.strerror or type(error).__name__
        else:
            kept, failure = None, "the folder can't be written"
        if kept is None:
            self.read_only_reason = (
                f"{what}; it was left in place because it could not be moved aside ({failure}), "
                "so changes can't be saved until it is moved or repaired."
            )
            self._notify(self.read_only_reason)
            return backup
        self.read_only_reason = None
        if backup is not None:
            try:
                self._save(backup)
                restored = f"the previous version was restored from {self.backup_path}"
            except (LibraryError, ValueError) as error:
                restored = f"the backup {self.backup_path} is shown but could not be restored ({error})"
            self._notify(
                f"{what}. It was moved to {kept}, and {restored}; the last change before the "
                "damage may be missing."
            )
            return backup
        extra = ""
        if self.backup_path.exists() or self.backup_path.is_symlink():
            try:
                moved = atomic_file.set_aside(self.backup_path, "corrupt")
                extra = f" (moved to {moved})"
            except OSError:
                extra = ""
        self._notify(
            f"{what}. It was moved to {kept}; {backup_problem}{extra}, so the list starts empty. "
            f"Nothing was deleted: your data is in {kept}."
        )
        return None

    # -- writing ---------------------------------------------------------------------------

    def _save(self, data: schema.Tables) -> None:
        """Write ``data`` whole and atomically; keep it as the parsed copy of the new file."""
        self.forget()
        generation = schema.new_generation()
        try:
            payload = schema.serialize_store(data, generation)
        except (ValueError, TypeError) as error:
            raise StoreWriteError(
                f"Could not save {self.path}: a value could not be written ({error})."
            ) from None
        target = self.path
        if target.is_symlink() and target.exists():
            target = target.resolve()  # keep the user's link; replace the file it points to
        try:
            atomic_file.write_atomically(target, payload, backup=self.backup_path)
        except OSError as error:
            raise save_error(self.path, error) from None
        self.writes += 1
        self.signature = file_signature(self.path)
        if self._session:
            self._session_data, self._checked = data, True
        data[schema.META_TABLE] = schema.meta_table(generation)
        if self.signature is not None:
            self._data, self._data_id = data, (self.signature, generation)


_UNCHANGED = b"\x00unchanged"
"""Marker from ``_read_bytes``: the file is the one we hold parsed (never real content: a
real file holding NUL bytes is refused as damaged)."""
