"""A summary of the imported reviews in the user's cache dir, so a large library lists at once.

``imports-summary.json`` holds, per import (in ``ImportedReviews.all()`` order), the fields the
review list needs (names, date, ratings, pull quotes, film), the word and paragraph counts and
the paragraphs' content hash (one JSON line: a flat array per import, ``ENTRY_FIELDS`` in order,
the ratings and pull quotes as JSON text, so that listing a thousand imports before the first
frame makes a few objects each, not a tree), then each stored derived entry's stamp and tone
(another line, parsed only when the tones are first asked for, after the first frame; spoiler
levels and mentions are read with the review's text). The app builds its
list from it (``corpus.lazy_review.LazyReview``) and reads a review's file only when its text is
first needed, instead of parsing a thousand files before its first frame.

The header names the *imports key* (``imports_key``: each import file's name, size,
modification time and inode, hashed with this module's and the models' source, the way
``search.index_cache`` keys the search index) and a CRC-32 of the body. A missing, damaged,
foreign or stale summary is never used: ``read_summary`` returns None and the caller reads every
file, then writes a new summary. Imports are written by atomic rename, so any change to one
changes the key.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlmg_tui import paths
from nlmg_tui.corpus.lazy_review import JSON_FIELDS

try:  # hashlib loads OpenSSL first (~2.5 ms at each start); blake2 alone is ~0.2 ms
    from _blake2 import blake2b
except ImportError:  # an interpreter without CPython's module
    from hashlib import blake2b

if TYPE_CHECKING:
    from nlmg_tui.corpus.models import Review
    from nlmg_tui.importer.store import ImportedReview

FORMAT = 2
MAGIC = "nlmg-tui imports summary"
CACHE_NAME = "imports-summary.json"
LISTED_FIELDS = ("id", "source", "headline", "critic", "outlet", "published", "rating",
                 "site_rating", "pull_quotes", "critic_bio", "film")
"""The review fields kept in the summary (the rest are read from the file on first use)."""
_PLAIN_FIELDS = tuple(name for name in LISTED_FIELDS if name not in JSON_FIELDS)
ENTRY_FIELDS = (*_PLAIN_FIELDS, *JSON_FIELDS, "word_count", "paragraph_count", "content_hash")
"""One import's entry, in order: its plain listed fields, then its ``JSON_FIELDS`` as JSON
text (null for none), then what the summary knows about its text (``ListedFacts``)."""
_SOURCES = ("importer/summary.py", "corpus/models.py", "corpus/lazy_review.py")
"""Code that decides what a summary holds and how it is read back: part of the key."""


def summary_file(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return paths.user_cache_dir(data_dir=data_dir) / CACHE_NAME


def imports_key(stamps: str) -> str:
    """A hash of the summary's code and of the import files' stamps (``file_stamps``)."""
    digest = blake2b(f"{MAGIC} {FORMAT}".encode(), digest_size=20)
    package = Path(__file__).resolve().parent.parent
    for source in _SOURCES:
        try:
            digest.update((package / source).read_bytes())
        except OSError:
            digest.update(f"missing {source}".encode())
    digest.update(stamps.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def summary_entry(record: ImportedReview) -> list[Any]:
    """One import's entry (``ENTRY_FIELDS``): its listed fields, counts and content hash."""
    from nlmg_tui.corpus.derived import content_hash

    review = record.review
    data = review.to_json()
    return [*(data[name] for name in _PLAIN_FIELDS),
            *(None if data[name] in (None, []) else _json_text(data[name]) for name in JSON_FIELDS),
            review.word_count, len(review.paragraphs), content_hash(review)]


def tone_entry(record: ImportedReview) -> dict[str, Any] | None:
    """The stamp and tone of the import's stored derived entry (unchecked here)."""
    derived = record.derived
    if not isinstance(derived, dict):
        return None
    return {"stamp": derived.get("stamp"), "tone": derived.get("tone")}


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_line(value: Any) -> bytes:
    return _json_text(value).encode("utf-8", "surrogatepass") + b"\n"


def write_summary(records: Sequence[ImportedReview], key: str, path: Path) -> bool:
    """Write atomically; False (nothing raised) when the cache dir is not writable."""
    body = (_json_line([summary_entry(r) for r in records])
            + _json_line([tone_entry(r) for r in records]))
    header = {"magic": MAGIC, "format": FORMAT, "key": key, "checksum": zlib.crc32(body)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(_json_line(header) + body)
        tmp.replace(path)
    except OSError:
        return False
    return True


class StoredTones:
    """The summary's tone line, parsed when first asked for (then kept); thread-safe."""

    def __init__(self, data: bytes, count: int) -> None:
        self._data: bytes | None = data
        self._count = count
        self._entries: list[Any] = []
        self._lock = threading.Lock()

    def entry(self, index: int) -> Any:
        """The raw entry for the ``index``-th import (None when the line is damaged)."""
        with self._lock:
            if self._data is not None:
                try:
                    entries = json.loads(self._data)
                except ValueError:
                    entries = None
                valid = isinstance(entries, list) and len(entries) == self._count
                self._entries = entries if valid else [None] * self._count
                self._data = None
        return self._entries[index]


def read_summary(key: str, path: Path) -> tuple[list[dict[str, Any]], StoredTones] | None:
    """The entries and the stored tones if the file was written for ``key`` and is intact,
    else None."""
    try:
        with path.open("rb") as file:
            header = json.loads(file.readline(4096))
            if not isinstance(header, dict) or header.get("magic") != MAGIC \
                    or header.get("format") != FORMAT or header.get("key") != key:
                return None
            body = file.read()
        if zlib.crc32(body) != header.get("checksum"):
            return None
        listed, _, tones = body.partition(b"\n")
        entries = json.loads(listed)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(entries, list):
        return None
    return entries, StoredTones(tones, len(entries))


def listed_reviews(entries: list[Any], tones: StoredTones,
                   load: Callable[[str], Review | None]) -> list[Review] | None:
    """``LazyReview`` objects for the entries (``load(review_id)`` reads one whole review);
    None when any entry is malformed (the caller then reads the files). The ratings and pull
    quotes stay JSON text until first read (``LazyReview.JSON_FIELDS``)."""
    from nlmg_tui.corpus.lazy_review import LazyReview, ListedFacts

    plain, json_end, size = len(_PLAIN_FIELDS), len(_PLAIN_FIELDS) + len(JSON_FIELDS), len(ENTRY_FIELDS)
    reviews: list[Review] = []
    try:
        for index, entry in enumerate(entries):
            if type(entry) is not list or len(entry) != size:
                raise ValueError("not an entry")
            values = dict(zip(_PLAIN_FIELDS, entry, strict=False))  # the entry goes on
            review_id = values["id"]
            if type(review_id) is not str or not review_id.startswith("imp-"):
                raise ValueError("not an import id")
            json_fields = dict(zip(JSON_FIELDS, entry[plain:json_end], strict=True))
            for raw in json_fields.values():
                if raw is not None and type(raw) is not str:
                    raise ValueError("not JSON text")
            facts = ListedFacts(_count(entry[json_end]), _count(entry[json_end + 1]),
                                str(entry[json_end + 2]), partial(tones.entry, index))
            reviews.append(LazyReview.from_values(values, facts, partial(load, review_id),
                                                  json_fields))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return reviews


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a count")
    return value
