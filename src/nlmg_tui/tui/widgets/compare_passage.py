"""One side of a comparison: a paragraph with its shared mentions highlighted, a gap, or, in
spoiler-free mode, a labelled bar in place of a hidden paragraph's text.

Review text is untrusted: it goes into ``rich.text.Text`` and the mentions are styled as spans,
never written as markup. A hidden paragraph's text is never put into the widget at all, so
neither the screen, a text selection nor a copy can show it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nlmg_tui.corpus.gazetteer import Mention
from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.corpus.spoiler_levels import SpoilerLevel
from nlmg_tui.textsafety import one_line, strip_unsafe
from nlmg_tui.tui.spoiler_shield import SHIELD_GLYPH, bar_label

MENTION_STYLE = "bold underline"
"""Shared mentions: bold and underlined, so they show without colour."""
CURSOR_MARK = "▶"
PIN_MARK = "◆"
GAP_NOTE = "no counterpart"
SHIELD_STYLE = "reverse"
"""The bar is reverse video, so it reads as a block without colour too."""

Hidden = Mapping[str, Mapping[str, SpoilerLevel]]
"""Side (``left``/``right``) -> paragraph id -> level, for the paragraphs hidden now."""


def passage_text(paragraph: Paragraph, mentions: Sequence[Mention] = ()) -> Text:
    """The paragraph as ``Text`` with ``mentions`` styled; offsets index the stored text."""
    text = Text(strip_unsafe(paragraph.text))
    for mention in mentions:
        start, end = max(0, mention.start), min(len(text), mention.end)
        if start < end:
            text.stylize(MENTION_STYLE, start, end)
    return text


def shield_bar(paragraph: Paragraph, level: SpoilerLevel, reveal_key: str = "s") -> Text:
    """What a hidden paragraph shows instead of its text: its level and length, never words."""
    label = bar_label(level, len(paragraph.text.split()))
    return Text(f" {SHIELD_GLYPH} {label} · {reveal_key} to show {SHIELD_GLYPH} ",
                style=SHIELD_STYLE)


def passage_label(paragraph: Paragraph, *, cursor: bool, marked: bool, partner: str = "") -> Text:
    """The first line of a passage: its id, where it sits, what it faces (``partner``, in the
    whole view), and the cursor and pin marks."""
    label = Text()
    label.append(f"{CURSOR_MARK} " if cursor else "  ", style="bold")
    label.append(paragraph.id, style="bold" if cursor else "dim")
    if paragraph.section:
        label.append(f" · {one_line(paragraph.section)}", style="dim")
    if paragraph.spoiler_warning:
        label.append(" · ⚠ spoiler warning", style="dim")
    if partner:
        label.append(f" · {partner}", style="italic")
    if marked:
        label.append(f"  {PIN_MARK} marked to pin", style="bold reverse")
    return label


class ComparePassage(Static):
    """A paragraph of one side (``left`` or ``right``), or a gap when ``paragraph`` is None.

    The screen sets ``cursor`` (this is the passage keys act on) and ``marked`` (picked as one
    end of a pin) through ``show_state``, and ``shield`` (the spoiler level while the paragraph
    is hidden, else None) through ``show_shield``.
    """

    DEFAULT_CSS = """
    ComparePassage {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    ComparePassage.-gap {
        height: 3;
        color: $text-muted;
        text-style: italic;
        content-align: center middle;
        hatch: right $panel-lighten-2;
    }
    ComparePassage.-cursor {
        background: $boost;
        border-left: outer $accent;
        padding: 0 1 0 0;
    }
    ComparePassage.-shielded {
        color: $text-muted;
    }
    ComparePassage.-marked {
        border-left: outer $warning;
        padding: 0 1 0 0;
    }
    """

    class Clicked(Message):
        """The passage was clicked: the screen puts its cursor there."""

        def __init__(self, passage: ComparePassage) -> None:
            super().__init__()
            self.passage = passage

    class Reshaped(Message):
        """A reveal or cover changed the passage's size, now laid out: the screen can scroll
        its cursor back into view (positions are only known after the layout)."""

        def __init__(self, passage: ComparePassage) -> None:
            super().__init__()
            self.passage = passage

    def __init__(self, side: str, review_id: str, paragraph: Paragraph | None,
                 mentions: Sequence[Mention] = (), *, row: int = -1, gap_note: str = GAP_NOTE,
                 partner: str = "", shield: SpoilerLevel | None = None) -> None:
        super().__init__(classes="-gap" if paragraph is None else "")
        self.side = side
        self.review_id = review_id
        self.paragraph = paragraph
        self.mentions = tuple(mentions)
        self.row = row
        """Index of the aligned row holding this passage (-1 in the synchronised view)."""
        self.gap_note = gap_note
        self.partner = partner
        """What this paragraph faces, shown in the whole view (``↔ right p5``)."""
        self.cursor = False
        self.marked = False
        self.shield = shield if paragraph is not None else None
        self.set_class(self.shield is not None, "-shielded")
        self._body: Text | None = None
        """The styled text, made when first shown (never for a paragraph kept hidden)."""
        self._reshaping = False

    @property
    def hidden(self) -> bool:
        """True while the paragraph shows as a spoiler bar."""
        return self.shield is not None

    @property
    def paragraph_id(self) -> str | None:
        return self.paragraph.id if self.paragraph is not None else None

    def on_mount(self) -> None:
        self._render_state()

    def show_state(self, *, cursor: bool, marked: bool) -> None:
        if (cursor, marked) == (self.cursor, self.marked) and self.is_mounted:
            return
        self.cursor, self.marked = cursor, marked
        self.set_class(cursor, "-cursor")
        self.set_class(marked, "-marked")
        self._render_state()

    def show_shield(self, level: SpoilerLevel | None) -> None:
        """Hide the paragraph behind a bar for ``level``, or show its text (None)."""
        if self.paragraph is None or level == self.shield:
            return
        self.shield = level
        self.set_class(level is not None, "-shielded")
        self._reshaping = True
        self._render_state()

    def on_resize(self) -> None:
        if self._reshaping:
            self._reshaping = False
            self.post_message(self.Reshaped(self))

    def _render_state(self) -> None:
        if self.paragraph is None:
            note = Text(f"{CURSOR_MARK} " if self.cursor else "", style="bold")
            note.append(f"╌ {self.gap_note} ╌")
            self.update(note)
            return
        text = passage_label(self.paragraph, cursor=self.cursor, marked=self.marked,
                             partner=self.partner)
        text.append("\n")
        if self.shield is not None:
            text.append_text(shield_bar(self.paragraph, self.shield))
        else:
            if self._body is None:
                self._body = passage_text(self.paragraph, self.mentions)
            text.append_text(self._body)
        self.update(text)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))
