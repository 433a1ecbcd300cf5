"""Calling the app's ``Library`` from a screen: errors and notices become notifications.

Every library call the bookmark, watchlist and mentions screens (and the reader's ``b``) make
goes through ``library_call``: a ``LibraryError`` is shown as its one-sentence message (never
parsed as markup) and the call returns None, so the UI keeps working; the notices the library
collected (a damaged file moved aside, an upgrade) are shown after every call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual.dom import DOMNode
from textual.widgets import Static

from nlmg_tui.library.errors import LibraryError
from nlmg_tui.library.library import Library
from nlmg_tui.tui.typed_app import nlmg_app

T = TypeVar("T")

POLL_SECONDS = 2.0
"""How often the library screens look for changes made by another running instance."""

_FALLBACK: dict[str, Library] = {}


def app_library(node: DOMNode) -> Library:
    """The app's shared ``Library`` (``app.library``); one on the app's data dir otherwise."""
    library = getattr(node.app, "library", None)
    if isinstance(library, Library):
        return library
    data_dir = nlmg_app(node).settings_file.parent
    return _FALLBACK.setdefault(str(data_dir), Library(data_dir))


def show_notices(node: DOMNode, library: Library) -> None:
    """Show what the library wants the user to know (files moved aside, upgrades)."""
    for notice in library.take_notices():
        node.app.notify(notice, title="Library", severity="warning", timeout=12, markup=False)


def library_call(node: DOMNode, call: Callable[[Library], T], *, failed: str = "",
                 quiet: bool = False) -> T | None:
    """``call(library)``; on a ``LibraryError`` notify ``failed`` + its message (unless
    ``quiet``: for reads that only decorate, like the reader's marks) and return None."""
    library = app_library(node)
    try:
        return call(library)
    except LibraryError as error:
        if not quiet:
            message = f"{failed} {error}" if failed else str(error)
            node.app.notify(message, severity="error", timeout=10, markup=False)
        return None
    finally:
        show_notices(node, library)


def read_only_note(library: Library, part: str) -> str | None:
    """Why ``part`` ("bookmarks" or "watchlist") can't be changed (shown as a banner), or None.
    Each file has its own reason: a read-only watchlist leaves bookmarks editable."""
    reason = (library.bookmarks_read_only_reason if part == "bookmarks"
              else library.watchlist_read_only_reason)
    return f"Read-only: {reason} Browsing still works; changes are turned off." if reason else None


LIBRARY_SCREEN_CSS = """
.library-banner {
    display: none;
    height: auto;
    padding: 0 1;
    background: $warning 30%;
    text-style: bold;
}
.library-banner.-shown {
    display: block;
}
.library-controls {
    height: 1;
    margin: 1 0 0 0;
}
.library-label {
    width: auto;
    padding: 0 0 0 1;
}
.library-controls Input {
    width: 1fr;
}
.library-filters {
    width: auto;
    max-width: 50%;
    padding: 0 1;
}
.library-list {
    height: 1fr;
    margin: 1 0 0 0;
}
.library-detail {
    height: auto;
    max-height: 9;
    padding: 0 1;
    border-top: solid $panel-lighten-2;
}
"""
"""Styles the Bookmarks and Watchlist screens share (their ``DEFAULT_CSS``)."""


def show_banner(banner: Static, note: str | None) -> None:
    """Show ``note`` in the warning banner, or hide it."""
    banner.update(Text(f"⚠ {note}") if note else Text())
    banner.set_class(bool(note), "-shown")
