"""The topic map as a table: topics down, critics across, each cell a tone and a short quote.

Cells are ``Text`` built from plain strings (quotes are review text), each line cut with an
ellipsis. Tones carry a sign as well as a colour, so they read without colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from nlmg_tui.compare.agreement import TopicCell, TopicMap, TopicRow
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.widgets.spoiler_line import Hides, nothing_hidden, spoiler_line

TOPIC_COLUMN = "topic"
CONSENSUS_COLUMN = "consensus"
TONE_MARKS = {"positive": "+", "negative": "−", "mixed": "±", "unclear": "?", "split": "≠"}
TONE_STYLES = {"positive": "green", "negative": "red", "mixed": "yellow", "unclear": "dim",
               "split": "magenta"}
TONE_SHORT = {"positive": "pos", "negative": "neg", "mixed": "mix", "unclear": "unc",
              "split": "split"}
TOPIC_WIDTH = 18
CONSENSUS_WIDTH = 15
WIDE_CRITIC_WIDTH = 10
"""Below this many columns per critic, tones are abbreviated (``+ pos``)."""
NARROW_TOPIC_WIDTH = 14
NARROW_CONSENSUS_WIDTH = 9
MIN_CRITIC_WIDTH = 6


def tone_label(label: str, short: bool = False) -> Text:
    """``+ positive`` (or ``+ pos``): the sign makes the tone readable without colour."""
    word = TONE_SHORT.get(label, label) if short else label
    return Text(f"{TONE_MARKS.get(label, '?')} {word}", style=TONE_STYLES.get(label, ""))


def critic_heading(review: Review) -> str:
    """``000 Rocchi``: the id prefix and the critic's last name (a review without a critic:
    its outlet or headline)."""
    return f"{labels.short_id(review.id)} {labels.compact_name(review)}"


def cell_text(cell: TopicCell | None, short: bool = False, hidden: bool = False) -> Text:
    """Two lines: the tone, then the quote (or a dot when the critic says nothing on it; a
    bar when the quote's paragraph is hidden as a spoiler)."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if cell is None:
        text.append("·\n", style="dim")
        return text
    text.append_text(tone_label(cell.tone.label, short))
    text.append("\n")
    if hidden:
        text.append_text(spoiler_line())
    else:
        text.append(labels.quoted(cell.quote), style="italic")
    return text


def topic_text(row: TopicRow) -> Text:
    """The topic's name, wrapping onto the row's second line when long."""
    return Text(one_line(row.topic.name), style="bold", end="")


def spread_marks(row: TopicRow) -> Text:
    """Every label's count by its sign, ``+3 ±1 ?1``, each in its tone's style."""
    text = Text(end="")
    for index, (label, count) in enumerate(row.tally.items()):
        text.append(" " if index else "")
        text.append(f"{TONE_MARKS[label]}{count}", style=TONE_STYLES[label])
    return text


def consensus_text(row: TopicRow, short: bool = False) -> Text:
    """Two lines that never hide dissent: the leading label with its count out of all the
    critics on the topic (``3 of 5 positive``, or ``3/5 pos``), then every label's count."""
    label, count = row.leading
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if label == "split":
        line = f"{TONE_MARKS[label]} split" if short else f"{TONE_MARKS[label]} split of {len(row.cells)}"
    else:
        word = TONE_SHORT[label] if short else label
        line = f"{count}/{len(row.cells)} {word}" if short else f"{count} of {len(row.cells)} {word}"
    text.append(line, style=TONE_STYLES[label])
    text.append("\n")
    text.append_text(spread_marks(row))
    return text


class TopicTable(DataTable[Text]):
    """One row per topic any critic addresses; ``show_map`` fills it."""

    DEFAULT_CSS = """
    TopicTable {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="cell", zebra_stripes=False)
        self.topic_map: TopicMap | None = None
        self.reviews: tuple[Review, ...] = ()
        self.short = False
        """Tones abbreviated to fit a narrow terminal."""

    def show_map(self, topic_map: TopicMap, reviews: Sequence[Review],
                 hides: Hides = nothing_hidden) -> None:
        """Fill the table; below ``WIDE_CRITIC_WIDTH`` per critic, tones are abbreviated."""
        self.topic_map = topic_map
        self.reviews = tuple(reviews)
        self.clear(columns=True)
        width = self.size.width or self.app.size.width
        padding = 2 * self.cell_padding * (len(reviews) + 2) + 2  # +2: a scrollbar
        spare = width - padding - TOPIC_WIDTH - CONSENSUS_WIDTH
        critic_width = spare // max(len(reviews), 1)
        self.short = critic_width < WIDE_CRITIC_WIDTH
        topic_width, consensus_width = TOPIC_WIDTH, CONSENSUS_WIDTH
        if self.short:
            topic_width, consensus_width = NARROW_TOPIC_WIDTH, NARROW_CONSENSUS_WIDTH
            spare = width - padding - topic_width - consensus_width
            critic_width = max(MIN_CRITIC_WIDTH, spare // max(len(reviews), 1))
        self.add_column(Text("Topic"), key=TOPIC_COLUMN, width=topic_width)
        for review in reviews:
            self.add_column(Text(critic_heading(review), no_wrap=True, overflow="ellipsis"),
                            key=review.id, width=critic_width)
        self.add_column(Text("Consensus" if not self.short else "Agree"), key=CONSENSUS_COLUMN,
                        width=consensus_width)
        for row in self.rows_shown:
            cells = {cell.review_id: cell for cell in row.cells}
            self.add_row(topic_text(row),
                         *(cell_text(cells.get(r.id), self.short,
                                     r.id in cells and hides(r, cells[r.id].paragraph_id))
                           for r in reviews),
                         consensus_text(row, self.short), key=row.topic.id, height=2)
        if self.row_count:
            self.move_cursor(row=0, column=1 if reviews else 0, animate=False)

    @property
    def rows_shown(self) -> list[TopicRow]:
        """Topics at least one critic addresses, in the gazetteer's order."""
        return [row for row in self.topic_map.rows if row.cells] if self.topic_map else []

    def selected(self) -> tuple[TopicRow | None, str | None, TopicCell | None]:
        """The topic row under the cursor, the column key (a review id, ``topic`` or
        ``consensus``), and the critic's cell there (None if they don't address it)."""
        rows = self.rows_shown
        if not rows or not 0 <= self.cursor_row < len(rows):
            return None, None, None
        row = rows[self.cursor_row]
        columns = [TOPIC_COLUMN, *(r.id for r in self.reviews), CONSENSUS_COLUMN]
        column = columns[self.cursor_column] if 0 <= self.cursor_column < len(columns) else None
        cell = next((c for c in row.cells if c.review_id == column), None)
        return row, column, cell
