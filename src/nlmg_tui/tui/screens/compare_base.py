"""The comparison screen's state and what it shows: header, spoiler bars, cursor, status.

``CompareBase`` holds the two reviews, the alignment shown, the view, the side and the cursor,
and draws them; it knows nothing of how the alignment is made (``compare_alignment``), of pins
(``compare_pins``) or of the keys (``compare``: ``CompareScreen``).
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Static

from nlmg_tui.compare.align import AlignedPair
from nlmg_tui.compare.tone_arc import ReviewTone
from nlmg_tui.corpus.gazetteer import Entity, GazetteerError, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.spoiler_shield import SpoilerShield
from nlmg_tui.tui.widgets.compare_header import side_header
from nlmg_tui.tui.widgets.compare_passage import ComparePassage, Hidden
from nlmg_tui.tui.widgets.compare_row import AlignedRow, AlignedView
from nlmg_tui.tui.widgets.compare_status import CompareStatus, status_text
from nlmg_tui.tui.widgets.compare_whole import WholeView

SIDES = ("left", "right")
ALIGNED, WHOLE = "aligned", "whole"


class CompareBase(AppScreen):
    """Compares ``left`` and ``right``; ``pins`` are the pairs the user fixed by hand."""

    MIN_SIZE = (60, 16)
    HELP_TITLE = "Compare"

    DEFAULT_CSS = """
    CompareBase #compare-header {
        height: auto;
        background: $panel;
    }
    CompareBase .compare-side-header {
        width: 1fr;
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    CompareBase #header-left {
        border-right: vkey $secondary;
    }
    CompareBase #compare-views {
        height: 1fr;
    }
    CompareBase #compare-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

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
        yield from self.bottom_bars()

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

    def _cursor_paragraph(self) -> ComparePassage | None:
        """The cursor passage if it is a paragraph; else say why nothing happens."""
        passage = self.current_passage
        if passage is None or passage.paragraph_id is None:
            self.notify(f"No paragraph on the {self.side} here: it faces a gap. "
                        "h and l switch sides.", severity="warning")
            return None
        return passage

    # -- hooks the subclasses fill in -----------------------------------------------------

    def _realign(self) -> None:
        """Align again (``CompareAligning``)."""
        raise NotImplementedError

