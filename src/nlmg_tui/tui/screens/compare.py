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

from rich.text import Text
from textual.binding import Binding

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.screens.compare_base import ALIGNED, SIDES, WHOLE
from nlmg_tui.tui.screens.compare_pins import ComparePinning
from nlmg_tui.tui.spoiler_keys import toggle_all_spoilers, toggle_spoilers
from nlmg_tui.tui.widgets.compare_bookmark import bookmark_paragraph
from nlmg_tui.tui.widgets.compare_passage import ComparePassage
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker, compare_pair_line
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan

MOVE = Binding.Group("Move")


class CompareScreen(ComparePinning):
    """The keys of the comparison: moving, reading, bookmarking, spoilers, pins, views, sides.

    Split by concern: ``compare_base`` (state and drawing), ``compare_alignment`` (the worker),
    ``compare_pins`` (pinning), this module (the key actions).
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

    # -- the passage under the cursor -----------------------------------------------------

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

        def pair_line(review: Review) -> Text:
            return (compare_pair_line(review, other) if side == "left"
                    else compare_pair_line(other, review))

        self.app.push_screen(
            ReviewPicker(f"{side.capitalize()} side: compare with…", self.corpus.reviews,
                         current=current.id, notes=notes, pair_line=pair_line),
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
