"""A small modal that asks which review: answers a review id, or None when cancelled."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.typed_app import nlmg_app


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


class ReviewPicker(ModalScreen[str | None]):
    """Lists ``reviews``; enter picks the highlighted one, escape cancels.

    ``notes`` maps review ids to a word shown after them (e.g. ``"now left"``); ``current`` is
    highlighted first.
    """

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="picker.cancel"),
    ]

    DEFAULT_CSS = """
    ReviewPicker {
        align: center middle;
    }
    ReviewPicker > Vertical {
        width: 90;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    ReviewPicker OptionList {
        height: auto;
        max-height: 16;
    }
    ReviewPicker #picker-hint {
        color: $text-muted;
    }
    """

    def __init__(self, title: str, reviews: Sequence[Review], *, current: str | None = None,
                 notes: dict[str, str] | None = None) -> None:
        super().__init__()
        self.picker_title = title
        self.reviews = tuple(reviews)
        self.current = current
        self.notes = dict(notes or {})

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = Text(self.picker_title)  # names are untrusted: no markup
            yield OptionList(
                *(Option(review_option_text(r, self.notes.get(r.id, "")), id=r.id)
                  for r in self.reviews),
                id="picker-options",
                markup=False,
            )
            yield Static(Text("enter picks · escape cancels"), id="picker-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [review.id for review in self.reviews]
        if self.current in ids:
            options.highlighted = ids.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_compare_with(screen: Screen[Any], review: Review, reviews: Sequence[Review]) -> None:
    """Ask which of ``reviews`` to compare ``review`` with, then open the comparison."""

    def chosen(other_id: str | None) -> None:
        if other_id:
            nlmg_app(screen).open_compare(review.id, other_id)

    others = [r for r in reviews if r.id != review.id]
    title = f"Compare {labels.review_name(review)} with…"
    screen.app.push_screen(ReviewPicker(title, others), chosen)
