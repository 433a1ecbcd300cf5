"""How a bookmark is shown: a list row (critic, review, quote, note, tags) and a detail pane.

Everything from the store or a review is untrusted: rows are ``Text`` built from plain strings.
A bookmark whose passage can't be found in the current corpus is an *orphan*: shown with ⚠ and
the word, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.library.anchoring import Anchor
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.textsafety import one_line, strip_unsafe
from nlmg_tui.tui.widgets.bookmark_marks import BOOKMARK_GLYPH, paragraph_label
from nlmg_tui.tui.widgets.spoiler_line import spoiler_line

QUOTE_CHARS = 190
NOTE_CHARS = 90
ORPHAN_GLYPH = "⚠"
PENDING = "pending"
"""Anchor placeholder while a worker is still looking for the passage."""
INDENT = "  "
"""The quote, note and tag lines sit under the row's first line, indented."""
MIN_WRAP_CELLS = 12
_WRAP_CONSOLE = Console(width=200, color_system=None, legacy_windows=False)
"""Only used to wrap ``Text`` (``Text.wrap`` needs a console); never prints."""


@dataclass(frozen=True)
class BookmarkRow:
    """A bookmark with where it is now: ``anchor`` None is an orphan; ``review`` is the review
    it sits in now (or the one it was made in, when that still exists)."""

    bookmark: Bookmark
    anchor: Anchor | None | str
    review: Review | None

    @property
    def is_orphan(self) -> bool:
        return self.anchor is None

    @property
    def critic(self) -> str:
        return labels.review_name(self.review) if self.review else "Unknown review"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` terminal cells (a CJK character takes two)."""
    line = one_line(text)
    if cell_len(line) <= limit:
        return line
    return set_cell_size(line, limit - 1).rstrip() + "…"


def hanging(text: Text, width: int | None, indent: str) -> Text:
    """``text`` wrapped to ``width`` cells, every line after the first starting with
    ``indent`` (the list would otherwise wrap them to the left edge). ``width`` None (not
    laid out yet): unchanged."""
    if width is None or width - cell_len(indent) < MIN_WRAP_CELLS:
        return text
    lines = text.wrap(_WRAP_CONSOLE, width - cell_len(indent), overflow="fold")
    wrapped = Text()
    for number, line in enumerate(lines):
        if number:
            wrapped.append("\n" + indent)
        line.rstrip()
        wrapped.append_text(line)
    return wrapped


def _place(row: BookmarkRow) -> Text:
    text = Text()
    review, anchor = row.review, row.anchor
    if row.is_orphan:
        text.append(f"{ORPHAN_GLYPH} ORPHAN ", style="bold reverse")
        text.append(" ")
    else:
        text.append(f"{BOOKMARK_GLYPH} ", style="bold")
    if review is not None:
        text.append(labels.short_title(review), style="bold")
        if headline := labels.headline_after_name(review):
            text.append(f" — {headline}", style="dim")
    else:
        text.append(f"review {one_line(row.bookmark.review_id)} (not in the corpus)", style="bold")
    if isinstance(anchor, Anchor):
        text.append(f"  {paragraph_label(review, anchor.paragraph_id)}")
        if anchor.how == "moved":
            text.append("  ↪ moved", style="italic")
        elif anchor.how == "fuzzy":
            text.append(f"  ≈ text changed ({anchor.score:.0f}%)", style="italic")
    elif anchor == PENDING:
        text.append("  locating…", style="italic dim")
    else:
        text.append(f"  was {paragraph_label(None, row.bookmark.paragraph_id)}")
    return text


def bookmark_row_text(row: BookmarkRow, hidden: bool = False, width: int | None = None) -> Text:
    """Two or three lines: where, the quote (a bar when its paragraph is hidden as a spoiler),
    then the note and tags if any. Given the list's ``width`` in cells, long lines wrap under
    their own indent."""
    bookmark = row.bookmark
    text = hanging(_place(row), width, INDENT)
    text.append("\n" + INDENT)
    if hidden:
        text.append_text(spoiler_line())
    else:
        quote = Text("“")
        quote.append(shorten(bookmark.quote, QUOTE_CHARS))
        quote.append("”")
        text.append_text(hanging(quote, width and width - len(INDENT), INDENT + " "))
    if bookmark.note or bookmark.tags:
        text.append("\n" + INDENT)
        extras = Text()
        if bookmark.note:
            extras.append("✎ ")
            extras.append(shorten(bookmark.note, NOTE_CHARS), style="italic")
            extras.append("  ")
        for tag in bookmark.tags:
            extras.append(f"#{one_line(tag)} ", style="bold")
        extras.rstrip()
        text.append_text(hanging(extras, width and width - len(INDENT), INDENT + "  "))
    return text


def bookmark_detail_text(row: BookmarkRow, hidden: bool = False) -> Text:
    """The full quote (unless hidden as a spoiler), note, tags and dates of the highlighted
    bookmark."""
    bookmark = row.bookmark
    text = Text()
    if row.is_orphan:
        text.append(f"{ORPHAN_GLYPH} Orphan: ", style="bold")
        text.append("this passage is not in the current text of any review (the review was "
                    "changed or removed). It is kept; r re-anchors it to a paragraph you "
                    "choose.\n\n")
    if hidden:
        text.append_text(spoiler_line(hint="enter opens it in the reader behind its bar, "
                                           "Z shows every spoiler"))
    else:
        text.append(strip_unsafe(bookmark.quote))
    text.append("\n\nNote: ", style="bold")
    text.append(strip_unsafe(bookmark.note) if bookmark.note else "(none — n adds one)")
    text.append("\nTags: ", style="bold")
    text.append(", ".join(one_line(t) for t in bookmark.tags) if bookmark.tags else "(none — t)")
    text.append(f"\nSaved {bookmark.created[:16].replace('T', ' ')} UTC", style="dim")
    if bookmark.updated != bookmark.created:
        text.append(f" · changed {bookmark.updated[:16].replace('T', ' ')} UTC", style="dim")
    return text
