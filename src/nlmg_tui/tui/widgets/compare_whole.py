"""The comparison's whole view: both reviews in full, side by side, scrolling together.

While ``locked``, scrolling either side scrolls the other through the aligned pairs (see
``compare_sync``): a paired paragraph reaching the top brings its partner to the top.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll

from nlmg_tui.compare.align import AlignedPair
from nlmg_tui.corpus.gazetteer import Mention
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.widgets.compare_passage import ComparePassage, Hidden
from nlmg_tui.tui.widgets.compare_sync import flipped, sync_offset


def partner_notes(pairs: Sequence[AlignedPair]) -> dict[str, dict[str, str]]:
    """For each side, paragraph id -> what it faces (``↔ right p5, pinned``, ``no counterpart``)."""
    notes: dict[str, dict[str, str]] = {"left": {}, "right": {}}
    for pair in pairs:
        pinned = ", pinned" if pair.pinned else ""
        if pair.left is not None:
            notes["left"][pair.left] = (f"↔ right {pair.right}{pinned}" if pair.right
                                        else "no counterpart")
        if pair.right is not None:
            notes["right"][pair.right] = (f"↔ left {pair.left}{pinned}" if pair.left
                                          else "no counterpart")
    return notes


class WholeView(Horizontal):
    """Two scrolling columns of ``ComparePassage``; ``fill`` replaces their contents."""

    DEFAULT_CSS = """
    WholeView > VerticalScroll {
        width: 1fr;
        padding: 1 0 0 0;
    }
    WholeView > #whole-left {
        border-right: vkey $secondary;
    }
    WholeView ComparePassage {
        margin: 0 0 1 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.locked = True
        """Scroll the two sides together."""
        self.pairs: tuple[AlignedPair, ...] = ()
        self._syncing = False

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="whole-left", can_focus=False)
        yield VerticalScroll(id="whole-right", can_focus=False)

    def on_mount(self) -> None:
        self.watch(self.scroll_of("left"), "scroll_y", self._left_scrolled, init=False)
        self.watch(self.scroll_of("right"), "scroll_y", self._right_scrolled, init=False)

    def scroll_of(self, side: str) -> VerticalScroll:
        return self.query_one("#whole-left" if side == "left" else "#whole-right", VerticalScroll)

    def views(self, side: str) -> list[ComparePassage]:
        return list(self.scroll_of(side).query_children(ComparePassage))

    async def fill(self, left: Review, right: Review, pairs: Sequence[AlignedPair],
                   hidden: Hidden | None = None) -> None:
        """Show ``left`` and ``right`` whole, each paragraph with the mentions it shares (or as
        a spoiler bar when ``hidden`` names it)."""
        hidden = hidden or {}
        self.pairs = tuple(pairs)
        mentions: dict[str, dict[str, tuple[Mention, ...]]] = {"left": {}, "right": {}}
        for pair in pairs:
            if pair.left is not None:
                mentions["left"][pair.left] = pair.left_mentions
            if pair.right is not None:
                mentions["right"][pair.right] = pair.right_mentions
        notes = partner_notes(pairs)
        for side, review in (("left", left), ("right", right)):
            scroll = self.scroll_of(side)
            await scroll.remove_children()
            views = [ComparePassage(side, review.id, p, mentions[side].get(p.id, ()),
                                    partner=notes[side].get(p.id, ""),
                                    shield=hidden.get(side, {}).get(p.id))
                     for p in review.paragraphs]
            if views:
                await scroll.mount_all(views)

    def anchors(self) -> list[tuple[float, float]]:
        """``(left_y, right_y)`` of each paired paragraph, between the two tops and ends."""
        left = {v.paragraph_id: v for v in self.views("left")}
        right = {v.paragraph_id: v for v in self.views("right")}
        anchors = [(0.0, 0.0)]
        for pair in self.pairs:
            if pair.left in left and pair.right in right:
                anchors.append((float(left[pair.left].virtual_region.y),
                                float(right[pair.right].virtual_region.y)))
        anchors.append((float(self.scroll_of("left").virtual_size.height),
                        float(self.scroll_of("right").virtual_size.height)))
        increasing = [anchors[0]]
        for anchor in anchors[1:]:
            if anchor[0] > increasing[-1][0] and anchor[1] > increasing[-1][1]:
                increasing.append(anchor)
        return increasing

    def _left_scrolled(self) -> None:
        self.sync_from("left")

    def _right_scrolled(self) -> None:
        self.sync_from("right")

    def sync_from(self, side: str) -> None:
        """Scroll the other side to match ``side``, if the lock is on and this view shows."""
        if not self.locked or self._syncing or not self.display or not self.is_mounted:
            return
        source = self.scroll_of(side)
        target = self.scroll_of("right" if side == "left" else "left")
        anchors = self.anchors() if side == "left" else flipped(self.anchors())
        self._syncing = True
        try:
            target.scroll_to(y=max(0.0, sync_offset(source.scroll_y, anchors)), animate=False,
                             immediate=True)
        finally:
            self._syncing = False
