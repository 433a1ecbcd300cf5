"""Re-anchoring: finding where a bookmark's quote sits in the current corpus.

After a corpus rebuild or a re-import, paragraph ids can shift and text can change. Each
bookmark is placed by, in order: its own paragraph (quote still inside), any paragraph of its
review holding the exact quote, the exact quote in any other review, then a fuzzy match
(rapidfuzz ``partial_ratio`` >= 90) in its review and then everywhere. Prefix and suffix
context break ties between several occurrences. A bookmark that can't be placed is an orphan:
reported for repair, never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from nlmg_tui.corpus.models import Corpus, Paragraph, Review
from nlmg_tui.library.bookmarks import Bookmark

FUZZY_THRESHOLD = 90.0
MIN_FUZZY_QUOTE = 12


@dataclass(frozen=True)
class Anchor:
    """Where a bookmark's quote is now: ``text[start:end]`` of the paragraph.

    ``how`` is "exact" (own paragraph), "moved" (exact text elsewhere) or "fuzzy" (changed text;
    ``score`` says how close).
    """

    review_id: str
    paragraph_id: str
    start: int
    end: int
    how: str
    score: float = 100.0


def _context_score(text: str, start: int, end: int, bookmark: Bookmark) -> float:
    """How well the text around an occurrence agrees with the stored prefix/suffix."""
    score = 0.0
    if bookmark.prefix:
        tail = bookmark.prefix.rsplit("\n\n", 1)[-1]
        if tail:
            score += fuzz.ratio(tail, text[max(0, start - len(tail)) : start])
    if bookmark.suffix:
        head = bookmark.suffix.split("\n\n", 1)[0]
        if head:
            score += fuzz.ratio(head, text[end : end + len(head)])
    return score


def _occurrences(text: str, quote: str) -> Iterator[int]:
    start = text.find(quote)
    while start != -1:
        yield start
        start = text.find(quote, start + 1)


Place = tuple[str, Paragraph]
"""A paragraph and the id of the review holding it."""


def _places(reviews: Iterable[Review]) -> list[Place]:
    return [(review.id, paragraph) for review in reviews for paragraph in review.paragraphs]


def _exact(places: Iterable[Place], bookmark: Bookmark, how: str) -> Anchor | None:
    best: tuple[float, Anchor] | None = None
    for review_id, paragraph in places:
        for start in _occurrences(paragraph.text, bookmark.quote):
            end = start + len(bookmark.quote)
            score = _context_score(paragraph.text, start, end, bookmark)
            if paragraph.id == bookmark.paragraph_id and review_id == bookmark.review_id:
                score += 1.0  # prefer the original place on a tie
            if best is None or score > best[0]:
                best = (score, Anchor(review_id, paragraph.id, start, end, how))
    return best[1] if best else None


def _fuzzy(places: Iterable[Place], bookmark: Bookmark) -> Anchor | None:
    quote = bookmark.quote
    if len(quote) < MIN_FUZZY_QUOTE:
        return None
    best: Anchor | None = None
    for review_id, paragraph in places:
        text = paragraph.text
        score, start, end = 0.0, 0, 0
        if len(text) < len(quote) * 1.25:  # about the whole paragraph: compare whole texts
            score, start, end = fuzz.ratio(quote, text), 0, len(text)
        if len(text) >= len(quote):
            alignment = fuzz.partial_ratio_alignment(quote, text, score_cutoff=FUZZY_THRESHOLD)
            if alignment is not None and alignment.score > score:
                score, start, end = alignment.score, alignment.dest_start, alignment.dest_end
        if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
            best = Anchor(review_id, paragraph.id, start, end, "fuzzy", score)
    return best


def anchor_bookmark(bookmark: Bookmark, corpus: Corpus) -> Anchor | None:
    """The bookmark's place in ``corpus``, or None if it is an orphan."""
    review = corpus.get(bookmark.review_id)
    if review is not None:
        paragraph = review.paragraph(bookmark.paragraph_id)
        if paragraph is not None and bookmark.quote in paragraph.text:
            return _exact([(review.id, paragraph)], bookmark, "exact")
    own_review = _places([review] if review is not None else [])
    others = _places(r for r in corpus.reviews if r.id != bookmark.review_id)
    return (
        _exact(own_review, bookmark, "moved")
        or _exact(others, bookmark, "moved")
        or _fuzzy(own_review, bookmark)
        or _fuzzy(others, bookmark)
    )


def anchor_bookmarks(bookmarks: Iterable[Bookmark], corpus: Corpus) -> dict[str, Anchor | None]:
    """``{bookmark id: anchor or None}``; the None ones are orphans to show for repair."""
    return {b.id: anchor_bookmark(b, corpus) for b in bookmarks}


def orphans(bookmarks: Iterable[Bookmark], corpus: Corpus) -> list[Bookmark]:
    return [b for b in bookmarks if anchor_bookmark(b, corpus) is None]
