"""One paragraph in the reader, with optional highlighted spans (e.g. search hits)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.textsafety import strip_unsafe

HIGHLIGHT_STYLE = "bold reverse"
"""Reverse video, so a highlight stays visible without colour."""


@dataclass(frozen=True)
class HighlightSpan:
    """Characters ``start``..``end`` of paragraph ``paragraph_id`` to highlight."""

    paragraph_id: str
    start: int
    end: int


def paragraph_text(paragraph: Paragraph, spans: Sequence[HighlightSpan] = ()) -> Text:
    """The paragraph as ``Text`` with spans styled.

    Span offsets index the stored paragraph text; strip_unsafe keeps stored (already clean)
    text unchanged, so offsets stay valid.
    """
    text = Text(strip_unsafe(paragraph.text))
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        if start < end:
            text.stylize(HIGHLIGHT_STYLE, start, end)
    return text


class ParagraphView(Static):
    """A paragraph; the reader gives the cursor paragraph the ``-cursor`` class."""

    DEFAULT_CSS = """
    ParagraphView {
        padding: 0 1 0 1;
        margin: 0 0 1 0;
        border-left: blank;
    }
    ParagraphView.-cursor {
        border-left: outer $accent;
        background: $boost;
    }
    """

    class Clicked(Message):
        """The paragraph was clicked: the reader moves its cursor there."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, paragraph: Paragraph, index: int, spans: Sequence[HighlightSpan] = (),
                 *, classes: str = "") -> None:
        super().__init__(paragraph_text(paragraph, spans), classes=classes)
        self.paragraph = paragraph
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.index))
