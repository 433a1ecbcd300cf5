"""The store file's shape, its schema version, and migrations from older versions.

A store file is TinyDB's JSON: ``{table: {doc_id: document}}``. Ours adds a ``_meta`` table
holding ``{"1": {"schema": N, "app": "nlmg-tui"}}``. Version 0 is a file without ``_meta``
(written by plain TinyDB, as the first prototype did): its bookmarks lack ids, context, tags
and times, which the 0 -> 1 migration fills in.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from nlmg_tui.library import json_text

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Tables = dict[str, dict[str, Any]]


class ShapeError(ValueError):
    """The file parsed but is not a library store; the message says how, in plain words."""


def meta_table(generation: str | None = None, folded: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``_meta`` table; ``folded`` names the journal this snapshot already contains
    (``{"base": token, "seq": n}``), so a journal left behind by a crash is not applied twice."""
    record: dict[str, Any] = {"schema": SCHEMA_VERSION, "app": "nlmg-tui"}
    if generation:
        record["generation"] = generation
    if folded:
        record["folded"] = folded
    return {"1": record}


def folded_journal(data: Tables) -> tuple[str, int] | None:
    """(base, seq) of the journal folded into this snapshot, if it says."""
    folded = data.get(META_TABLE, {}).get("1", {}).get("folded")
    if not isinstance(folded, dict):
        return None
    if isinstance(folded.get("base"), str) and isinstance(folded.get("seq"), int):
        return folded["base"], folded["seq"]
    return None


def generation_of(data: Tables) -> str | None:
    token = data.get(META_TABLE, {}).get("1", {}).get("generation")
    return token if isinstance(token, str) else None


def parse_store(payload: bytes) -> Tables:
    """Decode and check a store file; raise ShapeError describing what is wrong."""
    try:
        data = json_text.decode_fast(payload)  # strict UTF-8 JSON: what the checks below pass
    except json_text.Refused:
        data = _parse_slowly(payload)
    check_shape(data)
    return data


def _parse_slowly(payload: bytes) -> Any:
    """``json.loads`` of the text (a BOM allowed), or ShapeError saying what is wrong."""
    if not payload or payload.isspace():  # (isspace stops at the first other byte: no copy)
        raise ShapeError("it is empty" if not payload else "it holds only blank space")
    if b"\x00" in payload:
        raise ShapeError("it holds NUL bytes, as a file cut short by a crash often does")
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ShapeError(f"it is not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ShapeError(
            f"it is cut short or not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ShapeError("it is nested too deeply to be a store") from None


def check_shape(data: Any) -> None:
    if not isinstance(data, dict):
        raise ShapeError(f"it holds a JSON {type(data).__name__}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ShapeError(f"its table {name!r} is not an object of records")
        if all(map(str.isdigit, table)) and set(map(type, table.values())) <= {dict}:
            continue  # the usual case, checked at C speed; the loop below names the culprit
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise ShapeError(f"its table {name!r} has a malformed record {doc_id!r}")


def schema_version(data: Tables) -> int:
    meta = data.get(META_TABLE)
    if not meta:
        return 0
    record = meta.get("1", {})
    version = record.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ShapeError("its schema version is missing or not a whole number")
    return version


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _v0_to_v1(data: Tables) -> Tables:
    """Version 0 bookmarks had only review_id, paragraph_id, quote and maybe a note."""
    stamp = _now()
    for doc in data.get("bookmarks", {}).values():
        doc.setdefault("id", uuid.uuid4().hex)
        doc.setdefault("prefix", "")
        doc.setdefault("suffix", "")
        doc.setdefault("note", "")
        doc.setdefault("tags", [])
        doc.setdefault("created", stamp)
        doc.setdefault("updated", doc["created"])
    for doc in data.get("watchlist", {}).values():
        doc.setdefault("id", uuid.uuid4().hex)
        doc.setdefault("year", None)
        doc.setdefault("status", "want")
        doc.setdefault("watched_on", None)
        doc.setdefault("rating", None)
        doc.setdefault("note", "")
        doc.setdefault("created", stamp)
        doc.setdefault("updated", doc["created"])
    data[META_TABLE] = {"1": {"schema": 1, "app": "nlmg-tui"}}
    return data


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1}
"""``MIGRATIONS[n]`` turns a version-n file into version n+1."""


def migrate(data: Tables, version: int) -> Tables:
    """Bring ``data`` from ``version`` up to SCHEMA_VERSION, one step at a time."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data[META_TABLE] = meta_table()
    return data


_ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
_GENERATION = re.compile(rb'"generation"\s*:\s*"([0-9a-f]{32})"')
HEAD_BYTES = 256
"""The generation token sits within the first HEAD_BYTES of every file we write."""


def new_generation() -> str:
    """A fresh token for each write: lets a reader tell "the file I wrote" from any other."""
    return uuid.uuid4().hex


def read_generation(head: bytes) -> str | None:
    match = _GENERATION.search(head[:HEAD_BYTES])
    return match.group(1).decode("ascii") if match else None


_RECORD_BREAK = re.compile(r'\},"(?=\d+":\{)')


def _records_by_line(table: dict[str, Any]) -> str:
    """``{"1":{..},"2":{..}}`` with a newline before each record.

    The whole table goes through the C encoder in one call. A ``},"12":{`` match is always
    between tokens: with ASCII output every quote inside a string is escaped (``\\"``), so the
    unescaped quote opens a key, and whitespace between tokens is valid JSON.
    """
    text = _ENCODER.encode(table)
    if text == "{}":
        return text
    return "{\n" + _RECORD_BREAK.sub('},\n"', text[1:-1]) + "\n}"


def serialize_store(data: Tables, generation: str, folded: dict[str, Any] | None = None) -> bytes:
    """One record per line, ``_meta`` (with ``generation``) first, non-ASCII escaped.

    Per-record lines keep the file repairable by hand; the ASCII-only C encoder is several
    times faster than ``ensure_ascii=False`` and cannot emit unencodable text. Raises
    ValueError for NaN or infinity before any file is touched.
    """
    tables = {META_TABLE: meta_table(generation, folded)}
    tables.update((name, table) for name, table in data.items() if name != META_TABLE)
    body = ",\n".join(f"{_ENCODER.encode(name)}:{_records_by_line(table)}" for name, table in tables.items())
    return ("{\n" + body + "\n}\n").encode("ascii")
