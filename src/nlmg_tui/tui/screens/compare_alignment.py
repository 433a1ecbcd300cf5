"""Aligning the two reviews in a thread worker, and showing the result when it comes back.

The worker posts ``AlignmentReady`` (or ``AlignmentFailed``) tagged with the request's
generation; a stale result (the user pinned, swapped or picked again meanwhile) is dropped.
"""

from __future__ import annotations

from textual import on, work
from textual.message import Message

from nlmg_tui.compare.agreement import topics_of
from nlmg_tui.compare.align import AlignedPair, PinError, align_reviews
from nlmg_tui.compare.tone_arc import ReviewTone
from nlmg_tui.corpus.gazetteer import Entity, GazetteerError, default_gazetteer
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.screens.compare_base import ALIGNED, SIDES, CompareBase
from nlmg_tui.tui.tone_badge import tone_for

FIRST_PAIR_LINES_SEEN = 4
"""Lines of the first matched pair (its label and three of text) that must show on opening."""


class CompareAligning(CompareBase):
    """Runs ``align_reviews`` off the UI thread and fills both views with the result."""

    class AlignmentReady(Message):
        """The worker aligned the reviews for request ``generation``."""

        def __init__(self, generation: int, pairs: list[AlignedPair],
                     pins: tuple[tuple[str, str], ...],
                     topics: tuple[tuple[Entity, ...], tuple[Entity, ...]],
                     tones: tuple[ReviewTone, ReviewTone]) -> None:
            super().__init__()
            self.generation = generation
            self.pairs = pairs
            self.pins = pins
            self.topics = topics
            self.tones = tones

    class AlignmentFailed(Message):
        """The worker could not align (a pin crosses another, or the gazetteer is unreadable)."""

        def __init__(self, generation: int, problem: str) -> None:
            super().__init__()
            self.generation = generation
            self.problem = problem

    def on_mount(self) -> None:
        self._show_header()
        self.aligned_body.loading = True
        self.nlmg.spoiler_shield_changed.subscribe(
            self, lambda _: self._apply_shield())
        self._realign()

    # -- alignment ------------------------------------------------------------------------

    def _realign(self) -> None:
        """Align again in a worker (after a pin, a swap or another review)."""
        self.generation += 1
        self._show_status(busy=True)
        self._align(self.generation, self.left, self.right, self.pins)

    @work(thread=True, exclusive=True, group="compare-align")
    def _align(self, generation: int, left: Review, right: Review,
               pins: tuple[tuple[str, str], ...]) -> None:
        try:
            gazetteer = default_gazetteer()
            pairs = align_reviews(left, right, pins=pins, gazetteer=gazetteer)
            topics = (topics_of(left, gazetteer), topics_of(right, gazetteer))
            tones = (tone_for(left), tone_for(right))
        except (PinError, GazetteerError) as error:
            self.post_message(self.AlignmentFailed(generation, str(error)))
            return
        self.post_message(self.AlignmentReady(generation, pairs, pins, topics, tones))

    @on(AlignmentFailed)
    def _alignment_failed(self, message: AlignmentFailed) -> None:
        if message.generation != self.generation:
            return
        self.aligned_body.loading = False
        if self.pins != self.applied_pins and self.pairs:
            self.pins = self.applied_pins
            self.notify(f"Not pinned: {message.problem}", severity="warning", markup=False)
        else:
            self.problem = message.problem
            self.notify(f"Cannot compare: {message.problem}", severity="error", markup=False)
            self._show_header()
        self._show_status()

    @on(AlignmentReady)
    async def _alignment_ready(self, message: AlignmentReady) -> None:
        if message.generation != self.generation:
            return
        follow = self._follow or self._current_ids()
        self._follow = None
        first_alignment = not self.pairs
        self.pairs = message.pairs
        self.applied_pins = message.pins
        self.problem = None
        self.topics = {"left": message.topics[0], "right": message.topics[1]}
        self.tones = {"left": message.tones[0], "right": message.tones[1]}
        await self._fill_views()
        self.aligned_body.loading = False
        self.row = self._row_of(follow)
        self._show_cursor()
        if first_alignment:
            self.call_after_refresh(self._start_at_first_pair)

    def _start_at_first_pair(self) -> None:
        """On opening, when the paragraphs with no counterpart at the top fill the view (a
        short terminal, long openings: 000 and 002 at 80x24 showed one line of their first
        pair), start at the first matched pair instead, so the first rows the user sees
        compare something. ``k`` still goes up to the gaps."""
        first = next((i for i, pair in enumerate(self.pairs) if not pair.is_gap), None)
        rows = self.rows
        if not first or self.row != 0 or self.view != ALIGNED or first >= len(rows):
            return
        body = self.aligned_body
        seen_to = body.scroll_offset.y + body.scrollable_content_region.height
        if seen_to - rows[first].virtual_region.y >= FIRST_PAIR_LINES_SEEN:
            return  # enough of it shows below the gaps
        self.row = first
        self._show_cursor(scroll=False)
        body.scroll_to_widget(rows[first], animate=False, top=True)

    def _current_ids(self) -> tuple[str, str] | None:
        """What the cursor is on, to find it again after a re-alignment."""
        passage = self.current_passage
        if passage is None or passage.paragraph_id is None:
            if self.view == ALIGNED and self.pairs and self.row < len(self.pairs):
                pair = self.pairs[self.row]
                if pair.left is not None:
                    return ("left", pair.left)
                if pair.right is not None:
                    return ("right", pair.right)
            return None
        return (passage.side, passage.paragraph_id)

    def _row_of(self, target: tuple[str, str] | None) -> int:
        if target is not None:
            side, paragraph_id = target
            for index, pair in enumerate(self.pairs):
                if (pair.left if side == "left" else pair.right) == paragraph_id:
                    return index
        return min(self.row, max(len(self.pairs) - 1, 0))

    async def _fill_views(self) -> None:
        hidden = self.hidden()
        with self.app.batch_update():
            await self.aligned_body.fill(self.left, self.right, self.pairs, hidden)
            await self.whole.fill(self.left, self.right, self.pairs, hidden)
        for side in SIDES:
            count = len(self.review_on(side).paragraphs)
            self.whole_cursor[side] = min(self.whole_cursor[side], max(count - 1, 0))
