"""Replace a file whole or not at all: temp file, fsync, ``os.replace``, directory fsync.

A crash at any moment leaves either the old file or the new one, never a mix. The previous
version is kept as a backup by hard-linking it before the replace (a copy where links are not
supported). Temp files are named ``.<name>.<random>.tmp`` so a later run can spot orphans.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

FILE_MODE = 0o600


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (no-op where directories can't be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(directory: Path, prefix: str, payload: bytes, mode: int = FILE_MODE) -> Path:
    """Write ``payload`` to a new temp file (``mode``, 0600 by default) in ``directory``, fsynced."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    temp = Path(name)
    try:
        os.fchmod(fd, mode)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(fd)
    return temp


def _keep_backup(path: Path, backup: Path) -> None:
    """Point ``backup`` at the current ``path`` (a hard link, else a copy), atomically."""
    fd, name = tempfile.mkstemp(prefix=temp_prefix(backup), suffix=".tmp", dir=backup.parent)
    os.close(fd)
    staged = Path(name)
    try:
        staged.unlink()
        try:
            os.link(path, staged)
        except OSError:
            shutil.copyfile(path, staged)
            os.chmod(staged, FILE_MODE)
        os.replace(staged, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise


def write_atomically(
    path: Path,
    payload: bytes,
    backup: Path | None = None,
    on_staged: Callable[[], None] | None = None,
    mode: int = FILE_MODE,
) -> None:
    """Replace ``path`` with ``payload``; keep the old file as ``backup`` if given.

    The one atomic write of the package (the library store, settings, the corpus, imports);
    the new file gets ``mode`` (0600: the user's data is theirs alone).
    ``on_staged`` runs once the new content is a synced temp file, just before the swap (the
    crash tests stop there). Raises OSError on failure, with ``path`` unchanged (unless the
    final directory fsync fails, after the new file is already in place).
    """
    directory = path.parent
    temp = _write_temp(directory, temp_prefix(path), payload, mode)
    try:
        if on_staged is not None:
            on_staged()
        if backup is not None and path.is_file():
            _keep_backup(path, backup)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(directory)


def remove_orphaned_temps(path: Path) -> list[Path]:
    """Delete temp files left by a crashed writer of ``path`` (and of its backup).

    Only call this while holding the store's lock: a live writer holds it for as long as its
    temp file exists, so any temp file seen then is an orphan.
    """
    removed: list[Path] = []
    names = (temp_prefix(path), temp_prefix(path.with_name(path.name + ".bak")))
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.endswith(".tmp") and entry.name.startswith(names):
            with contextlib.suppress(OSError):
                if entry.is_file() and not entry.is_symlink():
                    entry.unlink()
                    removed.append(entry)
    return removed


def set_aside(path: Path, label: str) -> Path:
    """Rename ``path`` to ``<name>.<label>-YYYYmmdd-HHMMSS`` (never overwriting); return it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.{label}-{stamp}")
    target = base
    counter = 1
    while True:
        try:
            os.link(path, target)
        except FileExistsError:
            target = base.with_name(f"{base.name}-{counter}")
            counter += 1
            continue
        except OSError:
            if target.exists():
                target = base.with_name(f"{base.name}-{counter}")
                counter += 1
                continue
            os.rename(path, target)
            break
        path.unlink()
        break
    fsync_directory(path.parent)
    return target


def save_copy(payload: bytes, path: Path, label: str) -> Path:
    """Write ``payload`` next to ``path`` as ``<name>.<label>-<stamp>`` (never overwriting)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.{label}-{stamp}")
    target = base
    counter = 1
    while target.exists():
        target = base.with_name(f"{base.name}-{counter}")
        counter += 1
    temp = _write_temp(path.parent, temp_prefix(path), payload)
    try:
        try:
            os.link(temp, target)
        except FileExistsError:
            raise
        except OSError:
            os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    fsync_directory(path.parent)
    return target
