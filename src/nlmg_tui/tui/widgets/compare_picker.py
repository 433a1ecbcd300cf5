"""A small modal that asks which review: answers a review id, or None when cancelled.

When the answer makes a pair (compare this review with…), the line under the list names the
pair the highlighted row would open ("Compare: Lena Left · Thea Third"), so enter never opens
a pair the user did not see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.typed_app import nlmg_app
from nlmg_tui.tui.widgets.dialog import ListDialog

PairLine = Callable[[Review], Text]
"""What enter would do with the highlighted review, as a line under the list."""


def review_option_text(review: Review, note: str = "") -> Text:
    """``000 · critic · outlet — headline`` as ``Text`` (names are untrusted)."""
    text = Text()
    text.append(labels.short_id(review.id), style="bold")
    text.append(f" · {labels.short_title(review)}")
    if headline := labels.headline_after_name(review):
        text.append(f" — {headline}", style="dim")
    if note:
        text.append(f"  ({note})", style="italic")
    return text


def compare_pair_line(left: Review, right: Review) -> Text:
    """``Compare: <critic A> · <critic B>`` for the pair enter would open."""
    text = Text("Compare: ", style="bold")
    text.append(labels.review_name(left), style="bold")
    text.append(" · ")
    text.append(labels.review_name(right), style="bold")
    return text


class ReviewPicker(ListDialog[str]):
    """Lists ``reviews``; j/k/arrows move, enter picks the highlighted one, escape cancels.

    ``notes`` maps review ids to a word shown after them (e.g. ``"now left"``); ``current`` is
    highlighted first; ``pair_line``, when given, names under the list what the highlighted
    review would open.
    """

    DEFAULT_CSS = """
    ReviewPicker #picker-pair {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, title: str, reviews: Sequence[Review], *, current: str | None = None,
                 notes: dict[str, str] | None = None, pair_line: PairLine | None = None) -> None:
        super().__init__(title)
        self.reviews = tuple(reviews)
        self.current = current
        self.notes = dict(notes or {})
        self.pair_line = pair_line

    @property
    def picker_title(self) -> str:
        return str(self.dialog_title)

    def compose_dialog(self) -> ComposeResult:
        yield OptionList(
            *(Option(review_option_text(r, self.notes.get(r.id, "")), id=r.id)
              for r in self.reviews),
            id="picker-options",
            markup=False,
        )
        if self.pair_line is not None:
            yield Static(id="picker-pair")
        yield Static(Text("j k ↑ ↓ move · enter picks · escape cancels"), id="picker-hint",
                     classes="dialog-hint")

    def on_mount(self) -> None:
        self.highlight_first(self.current)
        self._show_pair()

    @property
    def highlighted_review(self) -> Review | None:
        option = self.option_list.highlighted_option
        return next((r for r in self.reviews if option is not None and r.id == option.id), None)

    @on(OptionList.OptionHighlighted)
    def _show_pair(self) -> None:
        if self.pair_line is None:
            return
        review = self.highlighted_review
        line = self.pair_line(review) if review is not None else Text()
        if review is not None:
            line.append("  (enter opens)", style="dim")
        self.query_one("#picker-pair", Static).update(line)

    def picked(self, option_id: str | None) -> str | None:
        return option_id


def ask_compare_with(screen: Screen[Any], review: Review, reviews: Sequence[Review]) -> None:
    """Ask which of ``reviews`` to compare ``review`` with, then open the comparison."""

    def chosen(other_id: str | None) -> None:
        if other_id:
            nlmg_app(screen).open_compare(review.id, other_id)

    others = [r for r in reviews if r.id != review.id]
    title = f"Compare {labels.review_name(review)} with…"
    screen.app.push_screen(
        ReviewPicker(title, others, pair_line=lambda other: compare_pair_line(review, other)),
        chosen)
