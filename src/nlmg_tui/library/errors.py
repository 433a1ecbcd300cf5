"""Errors the library raises: each message is one plain sentence the user can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class LibraryError(Exception):
    """Base class; ``str(error)`` is a one-sentence message for the user."""


class StoreUnavailableError(LibraryError):
    """The store path is not a readable regular file (a directory, FIFO, dangling symlink...)."""


class StoreReadOnlyError(LibraryError):
    """Changes cannot be saved: the folder is read-only, or the file is from a newer version."""


class NewerSchemaError(StoreReadOnlyError):
    """The file was written by a newer nlmg-tui; it is shown but never overwritten."""


class DiskFullError(LibraryError):
    """The disk (or a size limit) ran out during a save; the earlier file is untouched."""


class StoreWriteError(LibraryError):
    """Any other failure while saving (an I/O error, for example)."""


class StoreBusyError(LibraryError):
    """Another nlmg-tui held the store's lock for too long."""


class InvalidEntryError(LibraryError, ValueError):
    """A value was refused (a NaN rating, an over-long note, an empty title...)."""


class NotFoundError(LibraryError, LookupError):
    """No bookmark or watchlist entry with that id or title (perhaps deleted elsewhere)."""


class AmbiguousTitleError(LibraryError, LookupError):
    """A title matches several watchlist entries (different years); give the year."""


class ImportFileError(LibraryError):
    """A file given to import could not be used; nothing from it was imported."""


_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def save_error(path: Path, error: OSError) -> LibraryError:
    """Turn an OSError raised while saving ``path`` into a clear LibraryError."""
    code = error.errno
    if code in _READ_ONLY:
        return StoreReadOnlyError(
            f"Could not save {path}: the folder {path.parent} is read-only or not yours "
            "(your earlier data is untouched)."
        )
    if code in _FULL:
        reason = "a file-size limit was reached" if code == errno.EFBIG else "the disk is full"
        return DiskFullError(
            f"Could not save {path}: {reason}; free some space and try again "
            "(your earlier data is untouched)."
        )
    if code == errno.EIO:
        return StoreWriteError(
            f"Could not save {path}: the disk reported an input/output error "
            "(your earlier data is untouched)."
        )
    return StoreWriteError(
        f"Could not save {path}: {error.strerror or type(error).__name__} (your earlier data is untouched)."
    )
