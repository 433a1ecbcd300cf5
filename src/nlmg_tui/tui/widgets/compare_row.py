"""The aligned view: rows of left passage, a gutter saying why they pair, right passage."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from nlmg_tui.compare.align import AlignedPair
from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.tui.widgets.compare_passage import ComparePassage, Hidden

GUTTER_TOPICS = 3
"""Topics listed in the gutter; more are counted (the status line names them all)."""
PINNED_LABEL = " PINNED "


def gutter_text(pair: AlignedPair) -> Text:
    """Score, pin and shared topics of a pair; for a gap, which side stands alone."""
    if pair.left is None:
        return Text("gap ▶\nonly right", style="dim")
    if pair.right is None:
        return Text("◀ gap\nonly left", style="dim")
    text = Text()
    text.append(f"{pair.score:.2f}", style="bold")
    if pair.pinned:
        text.append("\n")
        text.append(PINNED_LABEL, style="bold reverse")
    topics = [topic.split(":", 1)[1] for topic in pair.topics]
    for topic in topics[:GUTTER_TOPICS]:
        text.append(f"\n{topic}", style="italic")
    if len(topics) > GUTTER_TOPICS:
        text.append(f"\n+{len(topics) - GUTTER_TOPICS} more", style="dim")
    return text


class AlignedRow(Horizontal):
    """Row ``index`` of the alignment; ``-pinned`` when the user pinned it, ``-gap`` for a gap."""

    DEFAULT_CSS = """
    AlignedRow {
        height: auto;
        margin: 0 0 1 0;
    }
    AlignedRow > .compare-gutter {
        width: 12;
        height: auto;
        padding: 0 1;
        text-align: center;
    }
    AlignedRow.-pinned {
        border-top: heavy $warning;
    }
    AlignedRow.-cursor > .compare-gutter {
        background: $boost;
    }
    """

    def __init__(self, index: int, pair: AlignedPair, left_review_id: str, right_review_id: str,
                 left: Paragraph | None, right: Paragraph | None, hidden: Hidden | None = None
                 ) -> None:
        classes = " ".join(name for name, on in (("-pinned", pair.pinned), ("-gap", pair.is_gap))
                           if on)
        super().__init__(classes=classes)
        self.index = index
        self.pair = pair
        hidden = hidden or {}
        self.left = ComparePassage(
            "left", left_review_id, left, pair.left_mentions, row=index,
            shield=hidden.get("left", {}).get(pair.left) if pair.left else None)
        self.right = ComparePassage(
            "right", right_review_id, right, pair.right_mentions, row=index,
            shield=hidden.get("right", {}).get(pair.right) if pair.right else None)

    def compose(self) -> ComposeResult:
        yield self.left
        yield Static(gutter_text(self.pair), classes="compare-gutter")
        yield self.right

    def passage(self, side: str) -> ComparePassage:
        return self.left if side == "left" else self.right


class AlignedView(VerticalScroll):
    """The aligned view: one ``AlignedRow`` per pair; ``fill`` replaces them."""

    DEFAULT_CSS = """
    AlignedView {
        padding: 1 0 0 0;
    }
    """

    @property
    def rows(self) -> list[AlignedRow]:
        return list(self.query_children(AlignedRow))

    async def fill(self, left: Review, right: Review, pairs: Sequence[AlignedPair],
                   hidden: Hidden | None = None) -> None:
        """One row per pair; the paragraphs in ``hidden`` show as spoiler bars."""
        rows = [
            AlignedRow(index, pair, left.id, right.id,
                       left.paragraph(pair.left) if pair.left else None,
                       right.paragraph(pair.right) if pair.right else None, hidden)
            for index, pair in enumerate(pairs)
        ]
        await self.remove_children()
        if rows:
            await self.mount_all(rows)
        else:
            await self.mount(Static(Text("Neither review has any text.")))

    def scroll_to_row(self, row: AlignedRow) -> None:
        """Show the whole row if it fits; a row taller than the view starts at its top."""
        tall = row.outer_size.height >= self.scrollable_content_region.height
        self.scroll_to_widget(row, animate=False, top=tall)
