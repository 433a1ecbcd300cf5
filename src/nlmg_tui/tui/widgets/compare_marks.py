"""The browse screen's compare marks: up to two reviews picked with ``space`` for ``C``.

The marks live here (not in the review table) so re-sorting, filtering or resizing the list
never loses them; this one-line bar shows them while any are set.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review

MARK = "◆"
MAX_MARKS = 2


class CompareMarks(Static):
    """Hidden until a review is marked; marking a third drops the oldest mark."""

    DEFAULT_CSS = """
    CompareMarks {
        display: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    CompareMarks.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.marked: list[Review] = []

    @property
    def marked_ids(self) -> list[str]:
        return [review.id for review in self.marked]

    def toggle(self, review: Review) -> bool:
        """Mark ``review``, or unmark it if marked; True if it is now marked."""
        if review.id in self.marked_ids:
            self.marked = [r for r in self.marked if r.id != review.id]
            now_marked = False
        else:
            self.marked = (self.marked + [review])[-MAX_MARKS:]
            now_marked = True
        self._show()
        return now_marked

    def clear(self) -> None:
        self.marked = []
        self._show()

    def _show(self) -> None:
        self.set_class(bool(self.marked), "-shown")
        text = Text()
        text.append(f"{MARK} Marked to compare: ", style="bold")
        text.append(" · ".join(f"{labels.short_id(r.id)} {labels.review_name(r)}"
                               for r in self.marked))
        hint = ("C compares them" if len(self.marked) == MAX_MARKS
                else "C compares it with the highlighted review")
        text.append(f" — {hint}; space unmarks", style="dim")
        self.update(text)


def compare_pair(marked: list[str], highlighted: str | None) -> tuple[str, str] | None:
    """What ``C`` compares: the two marked reviews, or the marked one with the highlighted one.

    None when that makes only one review (nothing marked, or the marked one highlighted):
    then the screen asks which review to compare it with.
    """
    if len(marked) >= MAX_MARKS:
        return marked[0], marked[1]
    if len(marked) == 1 and highlighted is not None and highlighted != marked[0]:
        return marked[0], highlighted
    return None
