"""What the bookmark and watchlist collections share: results, and decoding stored records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from nlmg_tui.library.errors import LibraryError, NotFoundError

T = TypeVar("T")


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


def require(doc_id: str | None, what: str) -> str:
    """``doc_id``, or NotFoundError in the user's words if there is none."""
    if doc_id is None:
        raise NotFoundError(f"That {what} no longer exists (perhaps deleted in another window).")
    return doc_id


class RecordDecoder(Generic[T]):
    """Validate stored records into items. Unchanged records reuse their earlier item, so
    re-listing 10,000 bookmarks after one change costs a dict comparison each; unreadable
    records are hidden and reported once (they stay in the file untouched)."""

    def __init__(self, decode: Callable[[Mapping[str, Any]], T], what: str, notices: list[str]) -> None:
        self._decode = decode
        self.what = what
        self._notices = notices
        self._memo: dict[object, tuple[Mapping[str, Any], T]] = {}
        self._hidden = 0

    def decode_all(self, docs: Iterable[Mapping[str, Any]]) -> list[T]:
        memo = self._memo
        fresh: dict[object, tuple[Mapping[str, Any], T]] = {}
        items: list[T] = []
        bad = 0
        for doc in docs:
            key = doc.get("id")
            known = memo.get(key) if isinstance(key, str) else None
            if known is not None and (known[0] is doc or known[0] == doc):
                item = known[1]
            else:
                try:
                    item = self._decode(doc)
                except LibraryError:
                    bad += 1
                    continue
            fresh[key] = (doc, item)  # never changed in place: see Transaction.replace_many
            items.append(item)
        self._memo = fresh
        if bad != self._hidden:
            self._hidden = bad
            if bad:
                self._notices.append(
                    f"{bad} {self.what} record(s) could not be read and are hidden; they are kept "
                    "in the file untouched."
                )
        return items
