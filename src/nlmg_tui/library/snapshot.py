"""Reading the snapshot file: the store's tables as of the last compaction.

The snapshot is TinyDB's JSON (see ``schema``), replaced whole and atomically. Reading it refuses
anything that is not a regular file with a message the user can act on, and skips the parse
when the file is provably the one already held: same (device, inode, size, mtime) and the same
random ``generation`` token in its first bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nlmg_tui.library import schema
from nlmg_tui.library.errors import StoreUnavailableError

_ONE_READ_MAX = 1 << 28
"""The most read in one call (a size claimed by ``fstat`` is not trusted for an allocation)."""

Signature = tuple[int, int, int, int]
"""(device, inode, size, mtime ns): changes whenever a file is replaced or edited."""

UNCHANGED = b"\x00unchanged"
"""Returned by ``read_snapshot`` for the very file already parsed (never real content: a real
file holding NUL bytes is refused as damaged)."""


def file_signature(path: Path) -> Signature | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return signature_of(info)


def signature_of(info: os.stat_result) -> Signature:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _check_path(path: Path) -> bool:
    """False if there is no file; StoreUnavailableError for a folder or a dangling link."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
    if stat.S_ISLNK(link.st_mode) and not path.exists():
        raise StoreUnavailableError(
            f"{path} is a link to a file that does not exist; remove the link or restore its target."
        )
    if path.is_dir():
        raise StoreUnavailableError(f"{path} is a folder, not a file; move it away.")
    return True


def read_snapshot(path: Path, known: tuple[Signature, str] | None) -> tuple[bytes | None, Signature | None]:
    """(bytes, signature): None if there is no file, ``UNCHANGED`` if it is the ``known`` one."""
    if not _check_path(path):
        return None, None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None, None
    except OSError as error:
        raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreUnavailableError(f"{path} is not a regular file (a pipe or device?); move it away.")
        signature = signature_of(info)
        head = os.read(fd, schema.HEAD_BYTES)
        if known is not None and known == (signature, schema.read_generation(head)):
            return UNCHANGED, signature
        os.lseek(fd, 0, os.SEEK_SET)
        payload = _read_all(fd, info.st_size)
    except OSError as error:
        raise StoreUnavailableError(f"Could not read {path} ({error.strerror}).") from None
    finally:
        os.close(fd)
    return payload, signature


def _read_all(fd: int, expected: int) -> bytes:
    """The whole file: the size ``fstat`` gave in one read (7 MB joined from 1 MB chunks cost
    a copy), then whatever a concurrent edit appended."""
    chunks = [os.read(fd, min(expected + 1, _ONE_READ_MAX))]
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
