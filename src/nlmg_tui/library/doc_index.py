"""A lookup from a key (a bookmark's id, its passage) to the TinyDB doc id holding it.

Kept in step with the storage's data: rebuilt lazily after a full load, patched per document
after a journal line (ours or another instance's), so a duplicate check costs a dict lookup
instead of a scan of every record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Key = Callable[[Mapping[str, Any]], object]


class DocIndex:
    def __init__(self, key: Key) -> None:
        self._key = key
        self._by_key: dict[object, str] = {}
        self._key_of: dict[str, object] = {}
        self.stale = True
        self._shared_keys = False

    def invalidate(self) -> None:
        self.stale = True
        self._by_key.clear()
        self._key_of.clear()
        self._shared_keys = False

    def rebuild(self, docs: Mapping[str, Mapping[str, Any]]) -> None:
        self.invalidate()
        for doc_id, doc in docs.items():
            self._add(doc_id, doc)
        self.stale = False

    def update(self, doc_id: str, doc: Mapping[str, Any] | None) -> None:
        """``doc_id`` now holds ``doc`` (None: it was deleted)."""
        if self.stale:
            return
        old = self._key_of.pop(doc_id, None)
        if old is not None and self._by_key.get(old) == doc_id:
            if self._shared_keys:  # another record may hold the same key: look again
                self.invalidate()
                return
            del self._by_key[old]
        if doc is not None:
            self._add(doc_id, doc)

    def find(self, value: object) -> str | None:
        return self._by_key.get(value)

    def _add(self, doc_id: str, doc: Mapping[str, Any]) -> None:
        try:
            key = self._key(doc)
        except (TypeError, ValueError, AttributeError):
            return  # an unreadable record: hidden by the library, never a duplicate of anything
        if key is None:
            return
        self._key_of[doc_id] = key
        if self._by_key.setdefault(key, doc_id) != doc_id:
            self._shared_keys = True
