"""The search box: a one-line ``Input`` that cleans and caps what is pasted into it.

Textual's ``Input`` keeps only a paste's first line and refuses a paste longer than
``max_length`` as a whole; here the lines are joined, control characters removed, and a long
paste is cut to fit, with a ``PasteCut`` message so the screen can say so.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from nlmg_tui.search.query import MAX_QUERY_LENGTH
from nlmg_tui.textsafety import strip_unsafe

RESULTS = Binding.Group("Results")


def clean_query_text(text: str) -> str:
    """Control characters removed, line breaks and tabs turned into spaces."""
    return strip_unsafe(text).replace("\n", " ").replace("\t", " ")


class SearchInput(Input):
    """Holds at most ``MAX_QUERY_LENGTH`` characters: the longest query the index reads.

    Up and down move in the results below (the screen's actions), and the footer says so.
    """

    BINDINGS = [
        Binding("down", "screen.cursor_down", "Next", group=RESULTS, id="search.box.down"),
        Binding("up", "screen.cursor_up", "Previous", group=RESULTS, id="search.box.up"),
        Binding("enter", "submit", "Open", id="search.box.open"),
    ]

    class PasteCut(Message):
        """A paste was cut to fit the box."""

        def __init__(self, dropped: int) -> None:
            super().__init__()
            self.dropped = dropped
            """How many characters of the paste were left out."""

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:  # noqa: A002
        super().__init__(placeholder=placeholder, id=id, max_length=MAX_QUERY_LENGTH,
                         compact=True, select_on_focus=False)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        text = clean_query_text(event.text)
        if not text:
            return
        start, end = sorted(self.selection)
        room = MAX_QUERY_LENGTH - (len(self.value) - (end - start))
        kept = text[: max(room, 0)]
        if kept:
            self.replace(kept, start, end)
        if len(kept) < len(text):
            self.post_message(self.PasteCut(len(text) - len(kept)))
