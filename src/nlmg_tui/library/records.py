"""What the bookmark and watchlist collections share: results, and decoding stored records."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from nlmg_tui.library.errors import LibraryError, NotFoundError

T = TypeVar("T")

CHUNK = 1_000
"""Records read at once by a ``decode_chunk``: one odd record sends only its chunk down the
slower path of reading records one by one."""


@dataclass(frozen=True)
class Added(Generic[T]):
    """The result of an add: the stored item, and False if it was already there."""

    item: T
    created: bool


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a whole store is parsed and decoded.

    A cold read of 10,000 bookmarks allocates some 50,000 container objects (records, tag
    lists, bookmarks), none of them garbage: with the collector on, they set off a young
    collection every 700 allocations and full ones that walk the whole heap, about a fifth of
    the read. Reference counting still frees everything as usual, and the collector runs again
    as soon as the block ends. If it was already off (paused by another thread's read, or by
    the program), it is left as it was.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def require(doc_id: str | None, what: str) -> str:
    """``doc_id``, or NotFoundError in the user's words if there is none."""
    if doc_id is None:
        raise NotFoundError(f"That {what} no longer exists (perhaps deleted in another window).")
    return doc_id


class RecordDecoder(Generic[T]):
    """Validate stored records into items. Unchanged records reuse their earlier item, so
    re-listing 10,000 bookmarks after one change costs a dict comparison each; unreadable
    records are hidden and reported once (they stay in the file untouched).

    ``decode_chunk``, if given, reads a whole chunk of records at once when every one of them is
    already clean, and answers None otherwise (then that chunk is read one record at a time):
    the cold read of a large store goes through it.
    """

    def __init__(
        self,
        decode: Callable[[Mapping[str, Any]], T],
        what: str,
        notices: list[str],
        decode_chunk: Callable[[list[Any]], list[T] | None] | None = None,
    ) -> None:
        self._decode = decode
        self._decode_chunk = decode_chunk
        self.what = what
        self._notices = notices
        self._last: tuple[list[Mapping[str, Any]], list[T | None]] = ([], [])
        """The records of the last read and what each gave (None: unreadable)."""
        self._hidden = 0

    def decode_all(self, docs: Iterable[Mapping[str, Any]]) -> list[T]:
        """The items of ``docs`` in order, unreadable records left out (and reported)."""
        docs = list(docs)
        if self._last[0]:
            found = self._reuse(docs)
            missing = [position for position, item in enumerate(found) if item is None]
            for start in range(0, len(missing), CHUNK):
                positions = missing[start : start + CHUNK]
                decoded = self._decode_run([docs[position] for position in positions])
                for position, item in zip(positions, decoded, strict=True):
                    found[position] = item
        else:  # a cold read: every record, a chunk at a time
            found = []
            for start in range(0, len(docs), CHUNK):
                found += self._decode_run(docs[start : start + CHUNK])
        items = [item for item in found if item is not None]
        self._last = (docs, found)  # looked up by id only at the next read (see _reuse)
        self._report(len(docs) - len(items))
        return items

    def _reuse(self, docs: list[Mapping[str, Any]]) -> list[T | None]:
        """The items of the last read whose record is unchanged (None for the others)."""
        # Records are never changed in place (see Transaction.replace_many): keep them as keys.
        memo = {doc.get("id"): (doc, item) for doc, item in zip(*self._last, strict=True) if item is not None}
        found: list[T | None] = []
        for doc in docs:
            key = doc.get("id")
            known = memo.get(key) if isinstance(key, str) else None
            found.append(known[1] if known is not None and (known[0] is doc or known[0] == doc) else None)
        return found

    def _decode_run(self, docs: list[Mapping[str, Any]]) -> list[T | None]:
        if self._decode_chunk is not None and len(docs) > 1:
            items = self._decode_chunk(docs)
            if items is not None:
                return list(items)
        return [self._decode_one(doc) for doc in docs]

    def _decode_one(self, doc: Mapping[str, Any]) -> T | None:
        try:
            return self._decode(doc)
        except LibraryError:
            return None

    def _report(self, bad: int) -> None:
        if bad != self._hidden:
            self._hidden = bad
            if bad:
                self._notices.append(
                    f"{bad} {self.what} record(s) could not be read and are hidden; they are kept "
                    "in the file untouched."
                )
