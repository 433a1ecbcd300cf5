"""A cross-process lock on a separate lock file (``filelock``), plus an in-process lock.

The lock file is never replaced or deleted, so every process locks the same file; the operating
system drops the lock when its holder dies (``flock`` on POSIX, ``LockFileEx`` on Windows), so a
killed instance cannot leave the store locked.
"""

from __future__ import annotations

import contextlib
import errno
import threading
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from nlmg_tui.library.errors import StoreBusyError, StoreReadOnlyError, StoreUnavailableError

DIR_MODE = 0o700
LOCK_TIMEOUT_SECONDS = 10.0
_NOT_WRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT)


class StoreLock:
    """Hold ``<store>.lock`` exclusively while reading-then-writing the store."""

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._file_lock = FileLock(str(path), timeout=timeout, mode=0o600, thread_local=False)
        self.held = False
        """True while this process holds the file lock (False for a lock-less read)."""

    @contextlib.contextmanager
    def hold(self, for_writing: bool) -> Iterator[bool]:
        """Lock for the duration of the block; yields whether the file lock is held.

        Reading works without the file lock where it can't be had (no data dir yet, or a
        read-only one: then nobody can replace the files either). Writing creates the data dir
        (0700) and raises StoreReadOnlyError if the lock file can't be created.
        """
        with self._thread_lock:
            if self._depth:
                if for_writing and not self.held:
                    raise StoreReadOnlyError(f"Could not lock {self.path} for writing.")
                self._depth += 1
                try:
                    yield self.held
                finally:
                    self._depth -= 1
                return
            self.held = self._acquire(for_writing)
            self._depth = 1
            try:
                yield self.held
            finally:
                self._depth = 0
                if self.held:
                    self.held = False
                    self._file_lock.release()

    def _acquire(self, for_writing: bool) -> bool:
        if for_writing:
            self._make_folder()
        elif not self.path.parent.is_dir():
            return False  # nothing stored yet: nothing to lock against
        if self.path.is_dir():
            raise StoreUnavailableError(f"The lock file {self.path} is a folder; move it away and try again.")
        try:
            self._file_lock.acquire(timeout=self.timeout)
        except Timeout:
            raise StoreBusyError(
                f"Another nlmg-tui has held {self.path} for over {self.timeout:g} s; try again in a moment."
            ) from None
        except OSError as error:
            if error.errno not in _NOT_WRITABLE:
                raise StoreUnavailableError(
                    f"Could not open the lock file {self.path} ({error.strerror or type(error).__name__})."
                ) from None
            if for_writing:
                raise StoreReadOnlyError(
                    f"Could not save in {self.path.parent}: the folder is read-only "
                    "(your earlier data is untouched)."
                ) from None
            return False
        return True

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreUnavailableError(
                f"The data folder {self.path.parent} is a file, not a folder."
            ) from None
        except OSError as error:
            raise StoreReadOnlyError(
                f"Could not create the data folder {self.path.parent} "
                f"({error.strerror or type(error).__name__})."
            ) from None
