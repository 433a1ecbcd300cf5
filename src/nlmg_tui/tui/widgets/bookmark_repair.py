"""Repairing an orphan: the user picks the review and paragraph that now hold its passage.

The library has no "move": the repaired bookmark is added at the new place with the orphan's
note and tags, and only then is the orphan deleted, so a crash in between leaves both, never
neither. If the new place is already bookmarked, the orphan's note and tags are merged into it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.library.library import Library
from nlmg_tui.library.passages import passage_from_review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.widgets.bookmark_choice import ChoicePicker, paragraph_choices
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker


def ask_new_place(screen: Screen[Any], orphan: Bookmark, corpus: Corpus,
                  chosen: Callable[[Review, str], None]) -> None:
    """Ask for a review, then one of its paragraphs; call ``chosen(review, paragraph_id)``."""

    def review_chosen(review_id: str | None) -> None:
        review = corpus.get(review_id) if review_id else None
        if review is None:
            return

        def paragraph_chosen(paragraph_id: str | None) -> None:
            if paragraph_id is not None:
                chosen(review, paragraph_id)

        hint = f"The orphan's quote: “{one_line(orphan.quote)[:160]}”"
        screen.app.push_screen(
            ChoicePicker(f"Which paragraph of {labels.review_name(review)}?",
                         paragraph_choices(review), hint=hint),
            paragraph_chosen)

    screen.app.push_screen(
        ReviewPicker("Re-anchor the orphan: which review holds it now?", corpus.reviews,
                     current=orphan.review_id),
        review_chosen)


def move_orphan(library: Library, orphan: Bookmark, review: Review, paragraph_id: str) -> Bookmark:
    """Bookmark the paragraph with the orphan's note and tags, then delete the orphan."""
    added = library.bookmark_passage(passage_from_review(review, paragraph_id),
                                     note=orphan.note, tags=orphan.tags)
    kept = added.item
    if not added.created:  # already bookmarked there: keep both notes and all tags
        if orphan.note and orphan.note not in kept.note:
            kept = library.update_note(kept.id, "\n\n".join(filter(None, (kept.note,
                                                                          orphan.note))))
        if set(orphan.tags) - set(kept.tags):
            kept = library.set_tags(kept.id, [*kept.tags, *orphan.tags])
    library.delete_bookmark(orphan.id)
    return kept
