"""The user's library: bookmarked passages and a film watchlist, stored durably in TinyDB.

Plain Python (no Textual): the TUI, the CLI, tests and benchmarks all go through ``Library``.
"""

from __future__ import annotations

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
