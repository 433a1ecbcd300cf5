"""Pinning pairs by hand (Meld's synchronisation points): the rest re-aligns around them."""

from __future__ import annotations

from nlmg_tui.tui.screens.compare_alignment import CompareAligning
from nlmg_tui.tui.screens.compare_base import SIDES, WHOLE


class ComparePinning(CompareAligning):
    """``p`` pins (or unpins) the cursor pair; ``m`` marks one end, ``m`` on the other side
    pins the two; a new pin that crosses older ones replaces them."""

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
            ids: list[str] = []
            for side in SIDES:
                views = self.whole_views(side)
                index = self.whole_cursor[side]
                paragraph_id = views[index].paragraph_id if 0 <= index < len(views) else None
                if paragraph_id is None:
                    self.notify(f"The {side} review has no paragraph to pin.", severity="warning")
                    return None
                ids.append(paragraph_id)
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
