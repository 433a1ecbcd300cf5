"""Where each bookmark is now, remembered per bookmark (the corpus doesn't change while the
app runs). A bookmark still in its own paragraph is placed at once; the others (moved, or
orphans) need a fuzzy scan of the corpus, about 10 ms each, which the screen runs in a worker.
"""

from __future__ import annotations

from collections.abc import Iterable

from nlmg_tui.corpus.models import Corpus
from nlmg_tui.library.anchoring import Anchor, anchor_bookmark
from nlmg_tui.library.bookmarks import Bookmark

AnchorKey = tuple[str, str, str, str]


def anchor_key(bookmark: Bookmark) -> AnchorKey:
    """Changes when the bookmark's place or quote changes (not when its note does)."""
    return (bookmark.id, bookmark.review_id, bookmark.paragraph_id, bookmark.quote)


class AnchorCache:
    """``get`` answers an ``Anchor``, None (an orphan) or ``KeyError`` (not located yet)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._found: dict[AnchorKey, Anchor | None] = {}

    def __contains__(self, bookmark: Bookmark) -> bool:
        return anchor_key(bookmark) in self._found

    def get(self, bookmark: Bookmark) -> Anchor | None:
        return self._found[anchor_key(bookmark)]

    def place_quickly(self, bookmarks: Iterable[Bookmark]) -> list[Bookmark]:
        """Place those still in their own paragraph; return the ones left for ``locate``."""
        slow = []
        for bookmark in bookmarks:
            if bookmark in self:
                continue
            review = self.corpus.get(bookmark.review_id)
            paragraph = review.paragraph(bookmark.paragraph_id) if review else None
            if paragraph is not None and bookmark.quote in paragraph.text:
                self._found[anchor_key(bookmark)] = anchor_bookmark(bookmark, self.corpus)
            else:
                slow.append(bookmark)
        return slow

    def locate(self, bookmark: Bookmark) -> tuple[AnchorKey, Anchor | None]:
        """The slow path (thread-safe: reads the corpus only)."""
        return anchor_key(bookmark), anchor_bookmark(bookmark, self.corpus)

    def update(self, found: dict[AnchorKey, Anchor | None]) -> None:
        self._found.update(found)
