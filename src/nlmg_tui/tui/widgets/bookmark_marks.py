"""Bookmarking from the reader, and the ★ that marks bookmarked paragraphs there.

The mark is a glyph at the start of the paragraph (visible without colour) plus the
``-bookmarked`` class for styling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.screen import Screen

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.library.passages import passage_from_review
from nlmg_tui.tui.widgets.bookmark_library import library_call
from nlmg_tui.tui.widgets.paragraph_view import BOOKMARK_GLYPH, ParagraphView

__all__ = ["BOOKMARK_GLYPH", "bookmark_in_reader", "paragraph_label", "show_bookmark_marks"]



def paragraph_label(review: Review | None, paragraph_id: str) -> str:
    """``¶ 3`` (the paragraph's position in the review), or ``¶ p3`` if it is not there."""
    index = review.paragraph_index(paragraph_id) if review is not None else None
    return f"¶ {index + 1}" if index is not None else f"¶ {paragraph_id}"


def show_bookmark_marks(screen: Screen[Any], review: Review,
                        views: Iterable[ParagraphView]) -> None:
    """Mark the views of ``review`` whose paragraph holds a bookmark (and unmark the others)."""
    # Quiet: a store that can't be read is reported by ``b`` and the Bookmarks screen, not
    # again every time a review opens.
    marked = library_call(screen, lambda library: library.bookmarked_paragraphs(review.id),
                          quiet=True)
    marked = marked or set()
    for view in views:
        is_marked = view.paragraph.id in marked
        if is_marked != view.marked:
            view.marked = is_marked
            view.redraw()


def bookmark_in_reader(screen: Screen[Any], review: Review, paragraph_id: str,
                       start: int | None = None, end: int | None = None,
                       on_created: Callable[[Bookmark], object] | None = None) -> bool:
    """Bookmark the paragraph (or its ``[start:end]`` span) and say so; True if it is stored.

    The notification appears after the change is on disk. The same passage again is not
    duplicated: the library returns the bookmark already there and the user is told so.
    """
    added = library_call(
        screen,
        lambda library: library.bookmark_passage(
            passage_from_review(review, paragraph_id, start, end)),
        failed="Not bookmarked:",
    )
    if added is None:
        return False
    what = "Passage" if start is not None else "Paragraph"
    where = f"{labels.review_name(review)}, {paragraph_label(review, paragraph_id)}"
    if added.created:
        screen.notify(f"{what} bookmarked ({where}). B lists bookmarks.", markup=False)
        if on_created is not None:
            on_created(added.item)
    else:
        screen.notify(f"Already bookmarked ({where}).", markup=False)
    return True
