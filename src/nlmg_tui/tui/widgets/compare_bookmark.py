"""Bookmarking a passage from the comparison and topic-map screens, through the ``Library``."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.library.errors import LibraryError
from nlmg_tui.library.library import Library
from nlmg_tui.library.passages import passage_from_review
from nlmg_tui.tui.typed_app import nlmg_app

_LIBRARIES: dict[str, Library] = {}


def app_library(screen: Screen[Any]) -> Library:
    """The app's ``Library`` when it has one; else one on the app's data dir, made once."""
    library = getattr(screen.app, "library", None)
    if isinstance(library, Library):
        return library
    data_dir = nlmg_app(screen).settings_file.parent
    key = str(data_dir)
    if key not in _LIBRARIES:
        _LIBRARIES[key] = Library(data_dir)
    return _LIBRARIES[key]


def bookmark_paragraph(screen: Screen[Any], review: Review, paragraph_id: str,
                       start: int | None = None, end: int | None = None) -> None:
    """Bookmark a paragraph (or its ``[start:end]`` span) and say so in a notification.

    The change is on disk when the notice appears; library problems (a full disk, a read-only
    folder, a newer file) become an error notice instead.
    """
    try:
        added = app_library(screen).bookmark_passage(
            passage_from_review(review, paragraph_id, start, end))
    except LibraryError as error:
        screen.notify(f"Not bookmarked: {error}", severity="error", markup=False)
        return
    where = f"{labels.review_name(review)}, {paragraph_id}"
    screen.notify(f"Bookmarked ({where})." if added.created else f"Already bookmarked ({where}).",
                  markup=False)
