"""What the storage does with files it can't use: quarantine, the backup, upgrades, strays.

Nothing is deleted and nothing is reset silently: an unreadable snapshot is moved aside and
the previous state rebuilt from the backup plus the journal it was folded from (plus the live
journal, best effort), and every step is told to the user with the path of the kept copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlmg_tui import atomic_file
from nlmg_tui.library import journal, schema
from nlmg_tui.library.errors import LibraryError

if TYPE_CHECKING:
    from nlmg_tui.library.storage import JournaledStorage


def save_migration(storage: JournaledStorage, original: bytes, version: int, data: schema.Tables) -> None:
    """Save a file migrated from an older schema, keeping the original beside it."""
    if not storage.locked:
        return  # shown migrated in memory; saved on the first write that has the lock
    try:
        kept = atomic_file.save_copy(original, storage.path, f"schema-v{version}")
        storage.write_snapshot(data)
    except (OSError, LibraryError, ValueError):
        return
    storage.notify(
        f"Upgraded the {storage.label} file {storage.path} from schema {version} to "
        f"{schema.SCHEMA_VERSION}; the old file is kept at {kept}."
    )


def _journal_records(path) -> list[journal.Record]:
    try:
        result = journal.read_journal(path)
    except OSError:
        return []
    return result[0].records if result else []


def parse_backup(storage: JournaledStorage) -> tuple[schema.Tables | None, str | None]:
    """(data, problem): the backup's tables plus the journal folded after it, or why not."""
    backup_path = storage.backup_path
    try:
        payload = backup_path.read_bytes()
    except FileNotFoundError:
        return None, "there is no backup"
    except OSError as error:
        return None, f"the backup {backup_path} could not be read ({error.strerror})"
    try:
        data = schema.parse_store(payload)
        version = schema.schema_version(data)
    except schema.ShapeError as problem:
        return None, f"the backup {backup_path} is unreadable too ({problem})"
    if version > schema.SCHEMA_VERSION:
        return None, f"the backup {backup_path} is from a newer nlmg-tui"
    generation = schema.generation_of(data)
    data = schema.migrate(data, version)
    folded = [r for r in _journal_records(storage.journal_backup_path) if r["b"] == generation]
    journal.apply_records(data, folded)
    return data, None


def recover(storage: JournaledStorage, problem: str) -> schema.Tables | None:
    """Quarantine the unreadable snapshot, fall back on the backup, and say so in plain words."""
    backup, backup_problem = parse_backup(storage)
    live = _journal_records(storage.journal_path)
    if backup is not None and live:
        journal.apply_records(backup, live)  # best effort: they were made on top of the lost file
    what = f"The {storage.label} file {storage.path} could not be read ({problem})"
    kept, failure = None, "the folder can't be written"
    if storage.locked:
        try:
            kept = atomic_file.set_aside(storage.path, "corrupt")
        except OSError as error:
            failure = error.strerror or type(error).__name__
    if kept is None:
        storage.read_only_reason = (
            f"{what}; it was left in place because it could not be moved aside ({failure}), "
            "so changes can't be saved until it is moved or repaired."
        )
        storage.notify(storage.read_only_reason)
        return backup
    storage.read_only_reason = None
    replayed = _keep_live_journal(storage) if live else ""
    if backup is not None:
        _restore(storage, backup, what, kept, replayed)
        return backup
    extra = ""
    if storage.backup_path.exists() or storage.backup_path.is_symlink():
        try:
            extra = f" (moved to {atomic_file.set_aside(storage.backup_path, 'corrupt')})"
        except OSError:
            extra = ""
    storage.notify(
        f"{what}. It was moved to {kept}; {backup_problem}{extra}, so the list starts empty{replayed}. "
        f"Nothing was deleted: your data is in {kept}."
    )
    return None


def _keep_live_journal(storage: JournaledStorage) -> str:
    try:
        moved = atomic_file.set_aside(storage.journal_path, "replayed")
    except OSError:
        return ""
    return f"; the changes saved after it were re-applied from {moved}"


def _restore(storage: JournaledStorage, backup: schema.Tables, what: str, kept, replayed: str) -> None:
    try:
        storage.write_snapshot(backup)
        restored = f"the previous version was restored from {storage.backup_path}"
    except (LibraryError, ValueError) as error:
        restored = f"the backup {storage.backup_path} is shown but could not be restored ({error})"
    storage.notify(
        f"{what}. It was moved to {kept}, and {restored}{replayed}; the last change before "
        "the damage may be missing."
    )


def report_damaged_journal(storage: JournaledStorage, bad_lines: int) -> None:
    """A journal with bad lines between good ones: keep a copy, apply the good lines, tell."""
    where = ""
    if storage.locked:
        try:
            payload = storage.journal_path.read_bytes()
            where = f"; a copy is kept at {atomic_file.save_copy(payload, storage.journal_path, 'damaged')}"
        except OSError:
            where = ""
    storage.notify(
        f"The {storage.label} journal {storage.journal_path} has {bad_lines} damaged line(s) "
        f"between good ones; the good lines were applied{where}."
    )


def set_aside_orphan_journal(storage: JournaledStorage) -> None:
    """A journal written on top of another snapshot (the file was replaced): not applied."""
    if not storage.locked:
        storage.notify(
            f"The {storage.label} journal {storage.journal_path} does not belong to {storage.path} "
            "(was the file replaced?); it is not applied and is left in place."
        )
        return
    try:
        kept = atomic_file.set_aside(storage.journal_path, "orphan")
    except OSError:
        return
    storage.notify(
        f"The {storage.label} journal {storage.journal_path} does not belong to {storage.path} "
        f"(was the file replaced?); its changes were not applied and are kept in {kept}."
    )
