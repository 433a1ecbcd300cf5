"""Selection mode: choose whole sentences of one paragraph to bookmark.

A modal over the reader: a sentence cursor moves with ``h``/``l`` (or arrows), ``H``/``L``
(or shift+arrows) extend the selection, enter or ``b`` answers ``(start, end)`` character
offsets into the paragraph's text, escape answers None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.library.passages import sentence_spans
from nlmg_tui.textsafety import strip_unsafe
from nlmg_tui.tui.widgets.dialog import DialogScreen

SELECTED_STYLE = "bold reverse"
"""Reverse video, so the selection shows without colour."""


class SpanPicker(DialogScreen[tuple[int, int]]):
    """Pick a run of sentences of ``paragraph``; answers ``(start, end)`` or None."""

    BINDINGS = [
        Binding("l,right", "next_sentence", "Next sentence", id="span.next"),
        Binding("h,left", "previous_sentence", "Previous sentence", id="span.previous"),
        Binding("L,shift+right", "extend_forward", "Extend →", id="span.extend_forward"),
        Binding("H,shift+left", "extend_backward", "Extend ←", id="span.extend_backward"),
        Binding("a", "select_all", "Whole ¶", id="span.all"),
        Binding("enter,b", "bookmark", "Bookmark", id="span.bookmark"),
        Binding("escape,q,v", "cancel", "Cancel", id="span.cancel"),
    ]

    SHOW_FOOTER = True

    DEFAULT_CSS = """
    SpanPicker VerticalScroll {
        height: auto;
        max-height: 20;
    }
    SpanPicker #span-status {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, paragraph: Paragraph, title: str = "Select sentences to bookmark") -> None:
        super().__init__(title)
        self.paragraph = paragraph
        self.text = strip_unsafe(paragraph.text)  # stored text is clean: offsets are unchanged
        self.sentences = sentence_spans(self.text) or [(0, len(self.text))]
        self.first = 0
        self.last = 0

    @property
    def span(self) -> tuple[int, int]:
        """Character offsets of the selected sentences in the paragraph's text."""
        return self.sentences[self.first][0], self.sentences[self.last][1]

    @property
    def picker_title(self) -> str:
        return str(self.dialog_title)

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="span-text")
        yield Static(id="span-status", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        start, end = self.span
        text = Text(self.text)
        text.stylize(SELECTED_STYLE, start, end)
        self.query_one("#span-text", Static).update(text)
        count = len(self.sentences)
        which = (f"sentence {self.first + 1}" if self.first == self.last
                 else f"sentences {self.first + 1}–{self.last + 1}")
        self.query_one("#span-status", Static).update(
            Text(f"{which} of {count} · {end - start} characters · enter bookmarks, "
                 "escape cancels"))

    def _choose_sentences(self, first: int, last: int) -> None:
        top = len(self.sentences) - 1
        self.first, self.last = min(max(first, 0), top), min(max(last, 0), top)
        self._show()

    def action_next_sentence(self) -> None:
        self._choose_sentences(self.last + 1, self.last + 1)

    def action_previous_sentence(self) -> None:
        self._choose_sentences(self.first - 1, self.first - 1)

    def action_extend_forward(self) -> None:
        self._choose_sentences(self.first, self.last + 1)

    def action_extend_backward(self) -> None:
        self._choose_sentences(self.first - 1, self.last)

    def action_select_all(self) -> None:
        self._choose_sentences(0, len(self.sentences) - 1)

    def action_bookmark(self) -> None:
        self.dismiss(self.span)
