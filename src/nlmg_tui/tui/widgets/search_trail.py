"""Where search hits land in the reader, and ``n``/``N``: the next or previous hit, across reviews.

The hits of the last search the user opened a hit from are laid out in reading order (reviews in
the browse list's order, then paragraphs); ``n`` moves to the first hit after the reader's cursor,
opening the next review when the current one has no more, and wraps at the end. Every hit of the
review on screen is highlighted, the way a pager highlights all matches.

The functions are pure. ``SearchTrail`` is the reader's invisible widget for ``n``/``N``: told
where the reader is, it finds the hit and posts ``SearchTrail.HitReached``; the screen goes
there. The widget knows no screen. ``nlmg_tui.search`` is imported only on the first step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.tui.session import ReadingSession
from nlmg_tui.tui.typed_app import nlmg_app
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan

if TYPE_CHECKING:
    from nlmg_tui.search import SearchResult
    from nlmg_tui.search.results import Hit

PASSAGE_FIELDS = frozenset({"paragraph", "verdict", "quote", "note"})
"""Fields whose hits sit in a paragraph the reader shows."""


@dataclass(frozen=True)
class HitPlace:
    """A paragraph holding hits, and the spans to highlight in it."""

    review_id: str
    paragraph_index: int
    paragraph_id: str
    spans: tuple[HighlightSpan, ...]


def hit_spans(hit: Hit, review: Review) -> tuple[str, tuple[HighlightSpan, ...]] | None:
    """The paragraph a passage hit sits in and its spans there; None for comments, names,
    headlines, and a quote no paragraph holds.

    A pull quote's spans index the quote: they are moved into its paragraph (nothing is
    highlighted if the quote was reworded from it). A note's spans index the note, so its
    bookmarked paragraph is a place with nothing highlighted.
    """
    if hit.field not in PASSAGE_FIELDS:
        return None
    paragraph = None
    if hit.paragraph_id is not None:
        index = review.paragraph_index(hit.paragraph_id)
        paragraph = review.paragraphs[index] if index is not None else None
    elif hit.field == "quote":
        paragraph = next((p for p in review.paragraphs if hit.document.text in p.text), None)
    if paragraph is None:
        return None
    if hit.field == "note":
        return paragraph.id, ()
    from nlmg_tui.search.results import spans_within

    spans = spans_within(hit, paragraph.text) if hit.field == "quote" else hit.spans
    return paragraph.id, tuple(HighlightSpan(paragraph.id, s, e) for s, e in spans)


def hit_places(hits: Iterable[Hit], corpus: Corpus) -> list[HitPlace]:
    """The paragraphs holding passage hits (one place per paragraph, spans merged)."""
    merged: dict[tuple[str, str], list[HighlightSpan]] = {}
    for hit in hits:
        review = corpus.get(hit.review_id)
        found = hit_spans(hit, review) if review is not None else None
        if found is None:
            continue
        paragraph_id, spans = found
        bucket = merged.setdefault((hit.review_id, paragraph_id), [])
        bucket.extend(span for span in spans if span not in bucket)
    places: list[HitPlace] = []
    for (review_id, paragraph_id), merged_spans in merged.items():
        review = corpus.get(review_id)
        index = review.paragraph_index(paragraph_id) if review is not None else None
        if index is not None:
            places.append(HitPlace(review_id, index, paragraph_id, tuple(merged_spans)))
    return places


def review_highlights(places: Iterable[HitPlace], review_id: str) -> tuple[HighlightSpan, ...]:
    """Every hit span in one review."""
    return tuple(span for place in places if place.review_id == review_id
                 for span in place.spans)


def reading_order(list_order: Sequence[str], corpus: Corpus) -> tuple[str, ...]:
    """The browse list's order, then reviews the list's filter hides, in corpus order."""
    shown = set(list_order)
    return tuple(list_order) + tuple(r.id for r in corpus.reviews if r.id not in shown)


def step_place(places: Sequence[HitPlace], order: Sequence[str], review_id: str,
               paragraph_index: int, step: int) -> tuple[HitPlace, bool] | None:
    """The place after (``step`` > 0) or before the position, and whether the search wrapped
    around the end; None when there are no places."""
    rank = {rid: position for position, rid in enumerate(order)}

    def key(review: str, index: int) -> tuple[int, int]:
        return rank.get(review, len(rank)), index

    ordered = sorted(places, key=lambda p: key(p.review_id, p.paragraph_index))
    if not ordered:
        return None
    here = key(review_id, paragraph_index)
    if step > 0:
        after = [p for p in ordered if key(p.review_id, p.paragraph_index) > here]
        return (after[0], False) if after else (ordered[0], True)
    before = [p for p in ordered if key(p.review_id, p.paragraph_index) < here]
    return (before[-1], False) if before else (ordered[-1], True)


@dataclass(frozen=True)
class HitStep:
    """Where ``n``/``N`` takes the reader: a review, a paragraph of it, the spans to highlight
    there, and whether the search wrapped around."""

    review_id: str
    paragraph_index: int
    paragraph_id: str
    highlights: tuple[HighlightSpan, ...]
    wrapped: bool


def step_search_hit(result: SearchResult | None, corpus: Corpus, list_order: Sequence[str],
                    review_id: str, cursor: int, step: int) -> HitStep | str:
    """The next (``step`` = 1) or previous (-1) hit of ``result`` from the reader's position,
    or a sentence saying why there is none. The reader acts on it (this module knows no
    screen)."""
    if result is None:
        return "No search yet: press / to search, then enter on a hit."
    places = hit_places(result.hits, corpus)
    found = step_place(places, reading_order(list_order, corpus), review_id, cursor, step)
    if found is None:
        return "The last search found no passages to show here."
    place, wrapped = found
    return HitStep(place.review_id, place.paragraph_index, place.paragraph_id,
                   review_highlights(places, place.review_id), wrapped)


class SearchTrail(Widget):
    """``n``/``N`` in the reader: the next or previous hit of the last search from where the
    reader is, posted as ``HitReached`` for the screen to show; a toast says why when there is
    none. Invisible."""

    DEFAULT_CSS = "SearchTrail { display: none; }"

    @dataclass
    class HitReached(Message):
        """The trail stepped to ``hit``: the screen opens its review if needed, highlights its
        spans and puts the cursor on its paragraph."""

        hit: HitStep
        step: int
        """+1 (``n``) or -1 (``N``): which way the search went, for the wrap-around notice."""

    def __init__(self, corpus: Corpus, session: ReadingSession) -> None:
        super().__init__()
        self._corpus = corpus
        self._session = session

    def step(self, review_id: str, cursor: int, step: int) -> None:
        """Step from paragraph ``cursor`` of ``review_id``: forward for ``step`` = 1, back for -1."""
        found = step_search_hit(nlmg_app(self).search.last_result, self._corpus,
                                self._session.order, review_id, cursor, step)
        if isinstance(found, str):
            self.notify(found, markup=False)
        else:
            self.post_message(self.HitReached(found, step))
