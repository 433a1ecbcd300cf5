"""The user's library: bookmarked passages and a film watchlist, stored durably in TinyDB.

Plain Python (no Textual): the TUI, the CLI, tests and benchmarks all go through ``Library``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the checker sees the real names; at run time they load on first use
    from nlmg_tui.library.anchoring import Anchor, anchor_bookmark, anchor_bookmarks, orphans
    from nlmg_tui.library.bookmarks import Bookmark
    from nlmg_tui.library.errors import (
        AmbiguousTitleError,
        DiskFullError,
        ImportFileError,
        InvalidEntryError,
        LibraryError,
        NewerSchemaError,
        NotFoundError,
        StoreBusyError,
        StoreReadOnlyError,
        StoreUnavailableError,
        StoreWriteError,
    )
    from nlmg_tui.library.library import Added, ImportResult, Library
    from nlmg_tui.library.passages import Passage, passage_from_review, sentence_spans
    from nlmg_tui.library.watchlist import WatchlistEntry, title_key

# Names load on first use (PEP 562): importing one submodule, such as ``errors`` for a screen,
# must not pull TinyDB and rapidfuzz into the app's start-up.
_EXPORTS = {
    "Anchor": "anchoring", "anchor_bookmark": "anchoring", "anchor_bookmarks": "anchoring",
    "orphans": "anchoring", "Bookmark": "bookmarks",
    "AmbiguousTitleError": "errors", "DiskFullError": "errors", "ImportFileError": "errors",
    "InvalidEntryError": "errors", "LibraryError": "errors", "NewerSchemaError": "errors",
    "NotFoundError": "errors", "StoreBusyError": "errors", "StoreReadOnlyError": "errors",
    "StoreUnavailableError": "errors", "StoreWriteError": "errors",
    "Added": "library", "ImportResult": "library", "Library": "library",
    "Passage": "passages", "passage_from_review": "passages", "sentence_spans": "passages",
    "WatchlistEntry": "watchlist", "title_key": "watchlist",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "Added",
    "AmbiguousTitleError",
    "Anchor",
    "Bookmark",
    "DiskFullError",
    "ImportFileError",
    "ImportResult",
    "InvalidEntryError",
    "Library",
    "LibraryError",
    "NewerSchemaError",
    "NotFoundError",
    "Passage",
    "StoreBusyError",
    "StoreReadOnlyError",
    "StoreUnavailableError",
    "StoreWriteError",
    "WatchlistEntry",
    "anchor_bookmark",
    "anchor_bookmarks",
    "orphans",
    "passage_from_review",
    "sentence_spans",
    "title_key",
]
