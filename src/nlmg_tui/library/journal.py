"""The journal: one line per committed change, appended and synced before the change returns.

A line is ``J <length> <crc32> <json>\\n``: the byte length and CRC-32 (8 hex digits) of the
JSON that follows. A line whose length or checksum doesn't match was cut short by a crash
during the append (it was never acknowledged): at the end of the file it is dropped on read
and cut off before the next append. A bad line with good lines after it is damage, reported.

Each record is ``{"b": base, "n": seq, "t": {table: {"put": {doc_id: doc}, "del": [doc_id]}}}``:
``base`` is the generation token of the snapshot the journal applies to and ``seq`` counts
from 1 within one journal. See docs/library.md for how compaction folds it into the snapshot.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlmg_tui.library import json_text
from nlmg_tui.library.crash_points import crash_point

_ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
_MAX_LINE_BYTES = 64 * 1024 * 1024

Record = dict[str, Any]


def encode_line(record: Record) -> bytes:
    """The journal line for ``record``; ValueError for NaN or infinity (nothing written)."""
    payload = _ENCODER.encode(record).encode("ascii")
    return b"J %d %08x " % (len(payload), zlib.crc32(payload)) + payload + b"\n"


def _decode_line(line: bytes) -> Record | None:
    """The record in one line (without its newline), or None if the line is not whole."""
    parts = line.split(b" ", 3)
    if len(parts) != 4 or parts[0] != b"J" or not parts[1].isdigit():
        return None
    length, checksum, payload = int(parts[1]), parts[2], parts[3]
    if length != len(payload) or checksum != b"%08x" % zlib.crc32(payload):
        return None
    try:
        record = json_text.loads(payload)
    except ValueError:
        return None
    return record if _well_formed(record) else None


def _well_formed(record: Any) -> bool:
    if not isinstance(record, dict) or not isinstance(record.get("b"), str):
        return False
    if not isinstance(record.get("n"), int) or not isinstance(record.get("t"), dict):
        return False
    for change in record["t"].values():
        puts, deletes = change.get("put", {}), change.get("del", [])
        if not isinstance(puts, dict) or not isinstance(deletes, list):
            return False
        if not all(isinstance(k, str) and k.isdigit() and isinstance(v, dict) for k, v in puts.items()):
            return False
        if not all(isinstance(k, str) and k.isdigit() for k in deletes):
            return False
    return True


@dataclass
class JournalRead:
    """What reading a journal (or its new tail) found."""

    records: list[Record] = field(default_factory=list)
    valid_end: int = 0
    """Offset just after the last whole line: the next append goes here."""
    damaged_lines: int = 0
    """Bad lines followed by good ones (not a torn tail): reported, the good lines kept."""


def parse_lines(data: bytes, start: int = 0) -> JournalRead:
    """Records in ``data`` (read from offset ``start`` of the file); a torn tail is left out."""
    found = JournalRead(valid_end=start)
    position = 0
    pending_damage = 0
    while position < len(data):
        newline = data.find(b"\n", position)
        end = len(data) if newline < 0 else newline
        record = _decode_line(data[position:end]) if newline >= 0 else None
        position = end + 1
        if record is None:
            pending_damage += 1
            continue
        found.records.append(record)
        found.damaged_lines += pending_damage
        pending_damage = 0
        found.valid_end = start + position
    return found


def read_journal(path: Path, start: int = 0) -> tuple[JournalRead, os.stat_result] | None:
    """Parse ``path`` from ``start``; None if there is no journal. OSError if unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        size = min(info.st_size, _MAX_LINE_BYTES * 4)
        os.lseek(fd, start, os.SEEK_SET)
        chunks = []
        remaining = size - start
        while remaining > 0 and (chunk := os.read(fd, min(remaining, 1 << 20))):
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    return parse_lines(b"".join(chunks), start), info


def sync_data(fd: int) -> None:
    """Make the bytes written to ``fd`` durable: ``fdatasync`` where there is one (it still
    records a grown file size), else ``fsync``."""
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def append_line(path: Path, line: bytes, valid_end: int) -> os.stat_result:
    """Write ``line`` at ``valid_end`` (cutting off any torn tail first) and sync it.

    On failure the file is cut back to ``valid_end`` where possible and the OSError raised.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        try:
            if os.fstat(fd).st_size != valid_end:
                os.ftruncate(fd, valid_end)
            half = len(line) // 2
            _write_all(fd, line[:half], valid_end)
            crash_point("append-torn")
            _write_all(fd, line[half:], valid_end + half)
            crash_point("append-written")
            sync_data(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, valid_end)
            raise
        return os.fstat(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view = view[written:]
        offset += written


def apply_records(tables: dict[str, dict[str, Any]], records: list[Record]) -> set[tuple[str, str]]:
    """Apply journal records to ``tables`` in place; return the (table, doc_id) pairs touched."""
    touched: set[tuple[str, str]] = set()
    for record in records:
        for name, change in record["t"].items():
            table = tables.setdefault(name, {})
            for doc_id, doc in change.get("put", {}).items():
                table[doc_id] = doc
                touched.add((name, doc_id))
            for doc_id in change.get("del", []):
                table.pop(doc_id, None)
                touched.add((name, doc_id))
    return touched
