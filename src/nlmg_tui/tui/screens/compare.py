"""The comparison screen: two reviews side by side, aligned passage by passage or whole.

Aligned view (default): the rows of ``align_reviews``; a paragraph with no counterpart faces a
hatched gap; the mentions a pair shares are underlined. The user pins pairs by hand (Meld's
synchronisation points) and the rest re-aligns around them. Whole view: both reviews in full,
scrolling together while the lock is on. Alignment runs in a thread worker; its result comes
back as ``AlignmentReady`` (or ``AlignmentFailed``), and a stale result is dropped.

In spoiler-free mode (``app.spoiler_shield``) a hidden paragraph shows as a labelled bar in both
views; ``s`` and ``S`` reveal (and hide again), and the screen redraws whenever the app's
``spoiler_shield_changed`` signal says the mode or the reveals changed, here or in the reader.
The header draws each review's tone arc beside its rating, the cursor's paragraph reversed.
"""

from __future__ import annotations

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Static

from nlmg_tui.compare.agreement import topics_of
from nlmg_tui.compare.align import AlignedPair, PinError, align_reviews
from nlmg_tui.compare.tone_arc import ReviewTone
from nlmg_tui.corpus.gazetteer import Entity, GazetteerError, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.spoiler_keys import toggle_all_spoilers, toggle_spoilers
from nlmg_tui.tui.spoiler_shield import SpoilerShield
from nlmg_tui.tui.tone_badge import tone_for
from nlmg_tui.tui.widgets.compare_bookmark import bookmark_paragraph
from nlmg_tui.tui.widgets.compare_header import side_header
from nlmg_tui.tui.widgets.compare_passage import ComparePassage, Hidden
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker
from nlmg_tui.tui.widgets.compare_row import AlignedRow, AlignedView
from nlmg_tui.tui.widgets.compare_status import CompareStatus, status_text
from nlmg_tui.tui.widgets.compare_whole import WholeView
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan

MOVE = Binding.Group("Move")
SIDES = ("left", "right")
ALIGNED, WHOLE = "aligned", "whole"


class CompareScreen(AppScreen):
    """Compares ``left`` and ``right``; ``pins`` are the pairs the user fixed by hand."""

    MIN_SIZE = (60, 16)
    HELP_TITLE = "Compare"

    DEFAULT_CSS = """
    CompareScreen #compare-header {
        height: auto;
        background: $panel;
    }
    CompareScreen .compare-side-header {
        width: 1fr;
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    CompareScreen #header-left {
        border-right: vkey $secondary;
    }
    CompareScreen #compare-views {
        height: 1fr;
    }
    CompareScreen #compare-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Next row", group=MOVE, show=False, id="compare.down"),
        Binding("k,up", "cursor_up", "Previous row", group=MOVE, show=False, id="compare.up"),
        Binding("g,home", "cursor_first", "First row", group=MOVE, show=False,
                id="compare.first"),
        Binding("G,end", "cursor_last", "Last row", group=MOVE, show=False, id="compare.last"),
        Binding("h,left", "side_left", "Left side", group=MOVE, show=False, id="compare.left"),
        Binding("l,right", "side_right", "Right side", group=MOVE, show=False,
                id="compare.right"),
        Binding("enter,o", "open_passage", "Read", id="compare.read"),
        Binding("b", "bookmark", "Bookmark", id="compare.bookmark"),
        Binding("p", "toggle_pin", "Pin", id="compare.pin"),
        Binding("m", "mark_pin", "Mark to pin", show=False, id="compare.mark"),
        Binding("s", "toggle_spoiler", "Spoiler", id="compare.spoiler"),
        Binding("S", "toggle_all_spoilers", "Show/hide all spoilers", show=False,
                id="compare.all_spoilers"),
        # Footer room at 80 columns: "s" took "x"'s place there, "v" got a shorter name.
        Binding("v", "toggle_view", "Rows/whole", id="compare.view"),
        Binding("L", "toggle_lock", "Scroll lock", show=False, id="compare.lock"),
        Binding("x", "swap", "Swap", show=False, id="compare.swap"),
        Binding("1", "pick_left", "Pick left review…", show=False, id="compare.pick_left"),
        Binding("2", "pick_right", "Pick right review…", show=False, id="compare.pick_right"),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    KEY_GROUPS = {
        "Move": ("cursor_down", "cursor_up", "cursor_first", "cursor_last", "side_left",
                 "side_right"),
        "Passage": ("open_passage", "bookmark"),
        "Spoilers": ("toggle_spoiler", "toggle_all_spoilers"),
        "Alignment": ("toggle_pin", "mark_pin", "toggle_view", "toggle_lock"),
        "Reviews": ("swap", "pick_left", "pick_right", "back"),
    }

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

    switcher = getters.query_one("#compare-views", ContentSwitcher)
    aligned_body = getters.query_one("#aligned", AlignedView)
    whole = getters.query_one("#whole", WholeView)

    def __init__(self, corpus: Corpus, left: Review, right: Review) -> None:
        super().__init__()
        self.corpus = corpus
        self.left = left
        self.right = right
        self.pairs: list[AlignedPair] = []
        self.pins: tuple[tuple[str, str], ...] = ()
        """Pins requested; ``applied_pins`` are those the shown alignment honours."""
        self.applied_pins: tuple[tuple[str, str], ...] = ()
        self.topics: dict[str, tuple[Entity, ...] | None] = {"left": None, "right": None}
        self.tones: dict[str, ReviewTone | None] = {"left": None, "right": None}
        self.view = ALIGNED
        self.side = "left"
        self.row = 0
        self.whole_cursor = {"left": 0, "right": 0}
        self.marked: tuple[str, str] | None = None
        """``(side, paragraph_id)`` picked as one end of a pin."""
        self.generation = 0
        self.problem: str | None = None
        self._follow: tuple[str, str] | None = None

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-header"):
            yield Static(id="header-left", classes="compare-side-header")
            yield Static(id="header-right", classes="compare-side-header")
        with ContentSwitcher(initial=ALIGNED, id="compare-views"):
            yield AlignedView(id=ALIGNED, can_focus=False)
            yield WholeView(id=WHOLE)
        yield Static(id="compare-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_header()
        self.aligned_body.loading = True
        self.nlmg.spoiler_shield_changed.subscribe(
            self, lambda _: self._apply_shield())
        self._realign()

    def _show_header(self) -> None:
        waiting = "not available" if self.problem and not self.pairs else "reading…"
        for side, review in (("left", self.left), ("right", self.right)):
            other = "right" if side == "left" else "left"
            text = side_header(review, side, self.topics[side], self.topics[other],
                               self.tones[side], arc_cursor=self._arc_cursor(side),
                               tone_waiting=waiting)
            self.query_one(f"#header-{side}", Static).update(text)

    def _arc_cursor(self, side: str) -> int | None:
        """The index of the paragraph the cursor is on in ``side``'s review (None on a gap)."""
        if self.view == WHOLE:
            return self.whole_cursor[side]
        if not self.pairs or self.row >= len(self.pairs):
            return None
        pair = self.pairs[self.row]
        paragraph_id = pair.left if side == "left" else pair.right
        return self.review_on(side).paragraph_index(paragraph_id) if paragraph_id else None

    # -- spoiler-free mode ----------------------------------------------------------------

    @property
    def shield(self) -> SpoilerShield:
        return self.nlmg.spoiler_shield

    def hidden(self) -> Hidden:
        """The paragraphs of each side that show as spoiler bars now."""
        shield = self.shield
        return {side: {pid: shield.level(review, pid) for pid in shield.hidden_ids(review)}
                for side, review in (("left", self.left), ("right", self.right))}

    def _apply_shield(self) -> None:
        """Show or hide paragraphs after the mode changed or something was revealed."""
        hidden = self.hidden()
        for row in self.rows:
            for side in SIDES:
                passage = row.passage(side)
                passage.show_shield(hidden[side].get(passage.paragraph_id or ""))
        for side in SIDES:
            for passage in self.whole_views(side):
                passage.show_shield(hidden[side].get(passage.paragraph_id or ""))
        self._show_status()

    @on(ComparePassage.Reshaped)
    def _passage_reshaped(self, message: ComparePassage.Reshaped) -> None:
        """A revealed paragraph is taller than its bar: keep the cursor in view."""
        message.stop()
        self._scroll_to_cursor()

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
        self.pairs = message.pairs
        self.applied_pins = message.pins
        self.problem = None
        self.topics = {"left": message.topics[0], "right": message.topics[1]}
        self.tones = {"left": message.tones[0], "right": message.tones[1]}
        await self._fill_views()
        self.aligned_body.loading = False
        self.row = self._row_of(follow)
        self._show_cursor()

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

    # -- where the cursor is --------------------------------------------------------------

    @property
    def rows(self) -> list[AlignedRow]:
        return self.aligned_body.rows

    def whole_views(self, side: str) -> list[ComparePassage]:
        return self.whole.views(side)

    @property
    def current_row(self) -> AlignedRow | None:
        rows = self.rows
        return rows[self.row] if 0 <= self.row < len(rows) else None

    @property
    def current_passage(self) -> ComparePassage | None:
        """The passage keys act on: the active side of the cursor row, or of the whole view."""
        if self.view == ALIGNED:
            row = self.current_row
            return row.passage(self.side) if row is not None else None
        views = self.whole_views(self.side)
        index = self.whole_cursor[self.side]
        return views[index] if 0 <= index < len(views) else None

    def review_on(self, side: str) -> Review:
        return self.left if side == "left" else self.right

    def _show_cursor(self, *, scroll: bool = True) -> None:
        marked = self.marked
        for row in self.rows:
            on_row = row.index == self.row
            row.set_class(on_row, "-cursor")
            for side in SIDES:
                passage = row.passage(side)
                passage.show_state(
                    cursor=on_row and side == self.side,
                    marked=marked is not None and (side, passage.paragraph_id) == marked)
        for side in SIDES:
            for index, passage in enumerate(self.whole_views(side)):
                passage.show_state(
                    cursor=side == self.side and index == self.whole_cursor[side],
                    marked=marked is not None and (side, passage.paragraph_id) == marked)
        self._show_header()
        self._show_status()
        if scroll:
            self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self.view == ALIGNED:
            row = self.current_row
            if row is not None:
                self.call_after_refresh(self.aligned_body.scroll_to_row, row)
            return
        passage = self.current_passage
        if passage is not None:
            self.call_after_refresh(self.whole.scroll_of(self.side).scroll_to_widget, passage,
                                    animate=False, top=True)

    def _show_status(self, *, busy: bool = False) -> None:
        pair = self.pairs[min(self.row, len(self.pairs) - 1)] if self.pairs else None
        state = CompareStatus(
            view=self.view, side=self.side, pairs=self.pairs, row=self.row,
            locked=self.whole.locked, whole_cursor=dict(self.whole_cursor),
            paragraph_counts={side: len(self.review_on(side).paragraphs) for side in SIDES},
            pins=self.applied_pins, marked=self.marked, busy=busy, problem=self.problem,
            shared_names=[self._entity_name(e) for e in pair.shared] if pair else [],
            hidden_spoilers=sum(len(ids) for ids in self.hidden().values()),
        )
        self.query_one("#compare-status", Static).update(status_text(state))

    @staticmethod
    def _entity_name(entity_id: str) -> str:
        try:
            entity = default_gazetteer().get(entity_id)
        except GazetteerError:
            entity = None
        return one_line(entity.name) if entity is not None else entity_id

    @on(ComparePassage.Clicked)
    def _passage_clicked(self, message: ComparePassage.Clicked) -> None:
        passage = message.passage
        self.side = passage.side
        if passage.row >= 0:
            self.row = passage.row
        else:
            views = self.whole_views(passage.side)
            if passage in views:
                self.whole_cursor[passage.side] = views.index(passage)
        self._show_cursor(scroll=False)

    # -- moving ---------------------------------------------------------------------------

    def _move(self, index: int) -> None:
        if self.view == ALIGNED:
            if self.pairs:
                self.row = min(max(index, 0), len(self.pairs) - 1)
        else:
            count = len(self.whole_views(self.side))
            if count:
                self.whole_cursor[self.side] = min(max(index, 0), count - 1)
        self._show_cursor()

    @property
    def _position(self) -> int:
        return self.row if self.view == ALIGNED else self.whole_cursor[self.side]

    def action_cursor_down(self) -> None:
        self._move(self._position + 1)

    def action_cursor_up(self) -> None:
        self._move(self._position - 1)

    def action_cursor_first(self) -> None:
        self._move(0)

    def action_cursor_last(self) -> None:
        self._move(10**9)

    def action_side_left(self) -> None:
        self.side = "left"
        self._show_cursor()

    def action_side_right(self) -> None:
        self.side = "right"
        self._show_cursor()

    # -- the passage under the cursor -----------------------------------------------------

    def _cursor_paragraph(self) -> ComparePassage | None:
        """The cursor passage if it is a paragraph; else say why nothing happens."""
        passage = self.current_passage
        if passage is None or passage.paragraph_id is None:
            self.notify(f"No paragraph on the {self.side} here: it faces a gap. "
                        "h and l switch sides.", severity="warning")
            return None
        return passage

    def action_open_passage(self) -> None:
        """Open the cursor passage in the reader, its shared mentions highlighted."""
        passage = self._cursor_paragraph()
        if passage is None or passage.paragraph_id is None:
            return
        highlights = [HighlightSpan(passage.paragraph_id, m.start, m.end)
                      for m in passage.mentions]
        self.nlmg.open_reader(passage.review_id, passage.paragraph_id,
                             highlights)

    def action_bookmark(self) -> None:
        passage = self._cursor_paragraph()
        if passage is None or passage.paragraph_id is None:
            return
        bookmark_paragraph(self, self.review_on(passage.side), passage.paragraph_id)

    # -- spoilers -------------------------------------------------------------------------

    def _passages_under_cursor(self) -> list[ComparePassage]:
        """The paragraphs ``s`` acts on: both sides of the cursor row (aligned view), or the
        cursor paragraph of the active side (whole view)."""
        if self.view == ALIGNED:
            row = self.current_row
            found = [row.passage(side) for side in SIDES] if row is not None else []
        else:
            passage = self.current_passage
            found = [passage] if passage is not None else []
        return [passage for passage in found if passage.paragraph_id is not None]

    def action_toggle_spoiler(self) -> None:
        """Show the spoilers under the cursor if any is hidden; hide them again if all show."""
        places = [(self.review_on(p.side), p.paragraph_id) for p in self._passages_under_cursor()
                  if p.paragraph_id is not None]
        where = "on this row" if self.view == ALIGNED else "in this paragraph"
        toggle_spoilers(self, places, f"Nothing {where} gives anything away.")

    def action_toggle_all_spoilers(self) -> None:
        """Show every hidden spoiler of both reviews; when none is hidden, hide them all again."""
        reviews = [self.left] if self.left.id == self.right.id else [self.left, self.right]
        toggle_all_spoilers(self, reviews, "Neither review gives anything away.")

    # -- pins -----------------------------------------------------------------------------

    def action_toggle_pin(self) -> None:
        """Pin the cursor pair (or, in the whole view, the two cursor paragraphs); unpin a
        pinned one."""
        pair = self._cursor_pair()
        if pair is None:
            return
        if pair in self.applied_pins:
            self._set_pins(tuple(p for p in self.applied_pins if p != pair), follow=None)
            self.notify(f"Unpinned {pair[0]} = {pair[1]}.", markup=False)
        else:
            self._pin(pair)

    def _cursor_pair(self) -> tuple[str, str] | None:
        if self.view == WHOLE:
            ids = []
            for side in SIDES:
                views = self.whole_views(side)
                index = self.whole_cursor[side]
                if not 0 <= index < len(views) or views[index].paragraph_id is None:
                    self.notify(f"The {side} review has no paragraph to pin.", severity="warning")
                    return None
                ids.append(views[index].paragraph_id)
            return (ids[0], ids[1])
        if not self.pairs:
            return None
        pair = self.pairs[self.row]
        if pair.left is None or pair.right is None:
            self.notify("This row faces a gap: press m here and m on the paragraph it should "
                        "face to pin them.", severity="warning")
            return None
        return (pair.left, pair.right)

    def action_mark_pin(self) -> None:
        """Mark the cursor paragraph as one end of a pin; marking one on the other side pins
        the two (marking the same paragraph again unmarks it)."""
        passage = self._cursor_paragraph()
        if passage is None or passage.paragraph_id is None:
            return
        here = (passage.side, passage.paragraph_id)
        if self.marked == here:
            self.marked = None
        elif self.marked is not None and self.marked[0] != passage.side:
            ends = {self.marked[0]: self.marked[1], here[0]: here[1]}
            self.marked = None
            self._pin((ends["left"], ends["right"]))
        else:
            self.marked = here
        self._show_cursor(scroll=False)

    def _pin(self, pair: tuple[str, str]) -> None:
        """Add a pin; earlier pins that share a paragraph with it or cross it give way."""
        kept = tuple(p for p in self.applied_pins if not self._conflict(p, pair))
        dropped = len(self.applied_pins) - len(kept)
        self._set_pins(kept + (pair,), follow=("left", pair[0]))
        note = f" ({dropped} crossing pin{'s' if dropped > 1 else ''} removed)" if dropped else ""
        self.notify(f"Pinned {pair[0]} = {pair[1]}; the rest re-aligns around it{note}.",
                    markup=False)

    def _conflict(self, a: tuple[str, str], b: tuple[str, str]) -> bool:
        left_a, left_b = self.left.paragraph_index(a[0]), self.left.paragraph_index(b[0])
        right_a, right_b = self.right.paragraph_index(a[1]), self.right.paragraph_index(b[1])
        if None in (left_a, left_b, right_a, right_b):
            return True
        assert left_a is not None and left_b is not None  # for the type checker
        assert right_a is not None and right_b is not None
        return (left_a - left_b) * (right_a - right_b) <= 0

    def _set_pins(self, pins: tuple[tuple[str, str], ...], follow: tuple[str, str] | None) -> None:
        self.pins = pins
        self._follow = follow
        self._realign()

    # -- views and sides ------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        """Switch between the aligned rows and the two whole reviews, keeping the place."""
        if self.view == ALIGNED:
            if self.pairs:
                pair = self.pairs[self.row]
                for side in SIDES:
                    paragraph_id = self._nearest_on(side, self.row)
                    review = self.review_on(side)
                    index = review.paragraph_index(paragraph_id) if paragraph_id else None
                    self.whole_cursor[side] = index or 0
                if (pair.left if self.side == "left" else pair.right) is None:
                    self.side = "left" if pair.left is not None else "right"
            self.view = WHOLE
        else:
            passage = self.current_passage
            self.view = ALIGNED
            if passage is not None and passage.paragraph_id is not None:
                self.row = self._row_of((passage.side, passage.paragraph_id))
        self.switcher.current = self.view
        self._show_cursor()
        if self.view == WHOLE:
            self.call_after_refresh(self.whole.sync_from, self.side)

    def _nearest_on(self, side: str, row: int) -> str | None:
        """The paragraph of ``side`` at ``row``, or the closest one above it (then below)."""
        order = list(range(row, -1, -1)) + list(range(row + 1, len(self.pairs)))
        for index in order:
            paragraph_id = self.pairs[index].left if side == "left" else self.pairs[index].right
            if paragraph_id is not None:
                return paragraph_id
        return None

    def action_toggle_lock(self) -> None:
        """Scroll the two whole reviews together, or each on its own."""
        self.whole.locked = not self.whole.locked
        self.notify("Scroll lock on: the two reviews scroll together." if self.whole.locked
                    else "Scroll lock off: each review scrolls on its own.")
        self._show_status()
        self.whole.sync_from(self.side)

    def action_swap(self) -> None:
        """Put the left review on the right and back; pins and marks follow their sides."""
        follow = self._current_ids()
        if follow is not None:
            follow = ("right" if follow[0] == "left" else "left", follow[1])
        self.left, self.right = self.right, self.left
        self.side = "right" if self.side == "left" else "left"
        self.whole_cursor = {"left": self.whole_cursor["right"],
                             "right": self.whole_cursor["left"]}
        self.topics = {"left": self.topics["right"], "right": self.topics["left"]}
        self.tones = {"left": self.tones["right"], "right": self.tones["left"]}
        if self.marked is not None:
            self.marked = ("right" if self.marked[0] == "left" else "left", self.marked[1])
        swapped = tuple((b, a) for a, b in self.applied_pins)
        self.applied_pins = swapped
        self._show_header()
        self._set_pins(swapped, follow)

    def action_pick_left(self) -> None:
        self._pick("left")

    def action_pick_right(self) -> None:
        self._pick("right")

    def _pick(self, side: str) -> None:
        current = self.review_on(side)
        other = self.review_on("right" if side == "left" else "left")
        notes = {current.id: f"now {side}"}
        notes[other.id] = notes.get(other.id, "") + (" and " if other.id in notes else "") + (
            "now right" if side == "left" else "now left")

        def chosen(review_id: str | None) -> None:
            review = self.corpus.get(review_id) if review_id else None
            if review is not None and review.id != current.id:
                self._replace(side, review)

        self.app.push_screen(
            ReviewPicker(f"{side.capitalize()} side: compare with…", self.corpus.reviews,
                         current=current.id, notes=notes),
            chosen,
        )

    def _replace(self, side: str, review: Review) -> None:
        if side == "left":
            self.left = review
        else:
            self.right = review
        self.topics = {"left": None, "right": None}
        self.tones[side] = None
        self.marked = None
        self.applied_pins = ()
        self.whole_cursor[side] = 0
        self.row = 0
        self._show_header()
        self._set_pins((), follow=None)
