"""One paragraph in the reader, with optional highlighted spans (e.g. search hits), a ★ when it
is bookmarked, or, in spoiler-free mode, a labelled bar in place of its text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.corpus.spoiler_levels import SpoilerLevel
from nlmg_tui.textsafety import strip_unsafe
from nlmg_tui.tui.spoiler_shield import SHIELD_GLYPH, bar_label

HIGHLIGHT_STYLE = "bold reverse"
"""Reverse video, so a highlight stays visible without colour."""
BOOKMARK_GLYPH = "★"


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


def shield_text(paragraph: Paragraph, level: SpoilerLevel, *, has_hit: bool,
                reveal_key: str = "s") -> Text:
    """The bar a hidden paragraph shows: its level and length, never its words."""
    text = Text(end="")
    text.append(f"{SHIELD_GLYPH} ", style="bold")
    text.append(bar_label(level, len(paragraph.text.split()), has_hit=has_hit), style="bold")
    text.append(f" · {reveal_key} to show", style="italic")
    return text


class ParagraphView(Static):
    """A paragraph; the reader gives the cursor paragraph the ``-cursor`` class.

    What it shows follows three attributes set by the reader (then ``redraw``): ``spans``
    (highlights), ``marked`` (bookmarked: ★) and ``shield`` (the spoiler level when the
    paragraph is hidden, else None).
    """

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
    ParagraphView.-shielded {
        color: $text-muted;
        background: $panel;
    }
    ParagraphView.-shielded.-cursor {
        background: $accent 25%;
    }
    """

    class Clicked(Message):
        """The paragraph was clicked: the reader moves its cursor there."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, paragraph: Paragraph, index: int, spans: Sequence[HighlightSpan] = (),
                 *, shield: SpoilerLevel | None = None, classes: str = "") -> None:
        self.paragraph = paragraph
        self.index = index
        self.spans = tuple(spans)
        self.marked = False
        self.shield = shield
        super().__init__(self.content_text(), classes=classes)
        self.set_class(shield is not None, "-shielded")

    @property
    def hidden(self) -> bool:
        return self.shield is not None

    def content_text(self) -> Text:
        if self.shield is not None:
            text = shield_text(self.paragraph, self.shield, has_hit=bool(self.spans))
        else:
            text = paragraph_text(self.paragraph, self.spans)
        if self.marked:
            text = Text.assemble((f"{BOOKMARK_GLYPH} ", "bold"), text)
        return text

    def redraw(self) -> None:
        """Show the current spans, mark and shield."""
        self.set_class(self.shield is not None, "-shielded")
        self.set_class(self.marked, "-bookmarked")
        self.update(self.content_text())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.index))
