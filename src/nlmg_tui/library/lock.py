"""A cross-process lock on a separate lock file (``fcntl.flock``), plus an in-process lock.

The lock file is never replaced, so every process locks the same inode; the kernel drops a
flock when its holder dies, so a killed instance cannot leave the store locked.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from nlmg_tui.library.errors import StoreBusyError, StoreReadOnlyError, StoreUnavailableError

DIR_MODE = 0o700
LOCK_TIMEOUT_SECONDS = 10.0


class StoreLock:
    """Hold ``<store>.lock`` exclusively while reading-then-writing the store."""

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self.held = False
        """True while this process holds the file lock (False for a lock-less read)."""

    @contextlib.contextmanager
    def hold(self, for_writing: bool) -> Iterator[bool]:
        """Lock for the duration of the block; yields whether the file lock is held.

        Reading works without the file lock where it can't be had (no data dir yet, or a
        read-only one: then nobody can replace the file either). Writing creates the data dir
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
            self._fd = self._open(for_writing)
            self._depth = 1
            try:
                if self._fd is not None:
                    self._acquire(self._fd)
                    self.held = True
                yield self.held
            finally:
                self._depth = 0
                self.held = False
                if self._fd is not None:
                    os.close(self._fd)  # closing releases the flock
                    self._fd = None

    def _open(self, for_writing: bool) -> int | None:
        if for_writing:
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
        flags = os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | flags, 0o600)
        except FileNotFoundError:
            if for_writing:
                raise StoreReadOnlyError(f"Could not create the lock file {self.path}.") from None
            return None
        except IsADirectoryError:
            raise StoreUnavailableError(
                f"The lock file {self.path} is a folder; move it away and try again."
            ) from None
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreUnavailableError(
                    f"Could not open the lock file {self.path} ({error.strerror or type(error).__name__})."
                ) from None
        try:
            return os.open(self.path, os.O_RDONLY | flags)
        except OSError:
            if for_writing:
                raise StoreReadOnlyError(
                    f"Could not save in {self.path.parent}: the folder is read-only "
                    "(your earlier data is untouched)."
                ) from None
            return None

    def _acquire(self, fd: int) -> None:
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if time.monotonic() >= deadline:
                os.close(fd)
                self._fd = None
                raise StoreBusyError(
                    f"Another nlmg-tui has held {self.path} for over {self.timeout:g} s; "
                    "try again in a moment."
                )
            time.sleep(delay)  # polling keeps the timeout; contention lasts milliseconds
            delay = min(delay * 2, 0.002)
