"""The topic map: for each topic, which critics address it, a quote and the tone of each.

``topic_map`` reads every sentence of the corpus (tens of milliseconds), so it runs in a thread
worker while the table shows a loading indicator; ``TopicMapReady`` brings the result back.
The panel under the table shows the highlighted cell in full, with the words that decided its
tone, so a reader can overrule the lexicon.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from nlmg_tui.compare.agreement import TopicMap, topic_map
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.gazetteer import GazetteerError, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.widgets.compare_bookmark import bookmark_paragraph
from nlmg_tui.tui.widgets.compare_picker import ask_compare_with
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan
from nlmg_tui.tui.widgets.spoiler_line import Hides
from nlmg_tui.tui.widgets.topic_detail import cell_detail, quote_span, row_detail
from nlmg_tui.tui.widgets.topic_table import TopicTable

MOVE = Binding.Group("Move")


class TopicsScreen(AppScreen):
    """Topics as rows, critics as columns; enter on a cell opens that passage."""

    MIN_SIZE = (60, 14)
    HELP_TITLE = "Topic map"
    AUTO_FOCUS = "#topic-table"

    DEFAULT_CSS = """
    TopicsScreen #topics-title {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    TopicsScreen #topic-table {
        height: 1fr;
        min-height: 5;
    }
    TopicsScreen #topic-detail-scroll {
        height: auto;
        max-height: 40%;
        border-top: solid $secondary;
        padding: 0 1;
    }
    TopicsScreen #topic-detail {
        height: auto;
    }
    """

    BINDINGS = [
        Binding("enter,o", "open_passage", "Read passage", id="topics.read"),
        Binding("b", "bookmark", "Bookmark quote", id="topics.bookmark"),
        Binding("c", "compare", "Compare…", id="topics.compare"),
        Binding("j,down", "cursor_down", "Next topic", group=MOVE, show=False,
                id="topics.down"),
        Binding("k,up", "cursor_up", "Previous topic", group=MOVE, show=False, id="topics.up"),
        Binding("l,right", "cursor_right", "Next critic", group=MOVE, show=False,
                id="topics.right"),
        Binding("h,left", "cursor_left", "Previous critic", group=MOVE, show=False,
                id="topics.left"),
        Binding("q,escape", "back", "Back", id="topics.back"),
    ]

    KEY_GROUPS = {
        "Passage": ("open_passage", "bookmark", "compare"),
        "Move": ("cursor_down", "cursor_up", "cursor_right", "cursor_left"),
    }

    class TopicMapReady(Message):
        def __init__(self, topics: TopicMap) -> None:
            super().__init__()
            self.topics = topics

    class TopicMapFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    table = getters.query_one("#topic-table", TopicTable)
    detail = getters.query_one("#topic-detail", Static)

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.topic_map: TopicMap | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="topics-title", classes="screen-title")
        yield TopicTable(id="topic-table")
        with VerticalScroll(id="topic-detail-scroll", can_focus=False):
            yield Static(id="topic-detail")
        yield from self.bottom_bars()

    def _title(self) -> Text:
        if self.topic_map is None:
            return Text("Where the critics agree · reading every review…")
        shown = len(self.table.rows_shown)
        return Text(f"Where the critics agree · {shown} topics × {len(self.corpus.reviews)} "
                    "reviews · + positive  − negative  ± mixed  ? unclear")

    def on_mount(self) -> None:
        self.table.loading = True
        self._build_map(self.corpus)
        self.nlmg.spoiler_shield_changed.subscribe(self, self._shield_changed)

    @property
    def _hides(self) -> Hides:
        return self.nlmg.spoiler_shield.hides

    def _show_map(self) -> None:
        if self.topic_map is not None:
            self.table.show_map(self.topic_map, self.corpus.reviews, self._hides)

    def _shield_changed(self, _: None) -> None:
        if self.topic_map is None:
            return
        where = self.table.cursor_coordinate
        self._show_map()
        self.table.move_cursor(row=where.row, column=where.column, animate=False)
        self._show_detail()

    @work(thread=True, exclusive=True, group="topic-map")
    def _build_map(self, corpus: Corpus) -> None:
        try:
            topics = topic_map(corpus, default_gazetteer())
        except GazetteerError as error:
            self.post_message(self.TopicMapFailed(str(error)))
            return
        self.post_message(self.TopicMapReady(topics))

    @on(TopicMapReady)
    def _map_ready(self, message: TopicMapReady) -> None:
        self.topic_map = message.topics
        self._show_map()
        self.table.loading = False
        self.query_one("#topics-title", Static).update(self._title())
        self._show_detail()

    @on(TopicMapFailed)
    def _map_failed(self, message: TopicMapFailed) -> None:
        self.table.loading = False
        self.detail.update(Text(f"The topic map could not be made: {message.problem}"))
        self.notify(message.problem, severity="error", markup=False)

    @on(DataTable.CellHighlighted, "#topic-table")
    def _cell_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.CellSelected, "#topic-table")
    def _cell_selected(self) -> None:
        self.action_open_passage()

    def _show_detail(self) -> None:
        row, column, cell = self.table.selected()
        if row is None:
            return
        review = self.corpus.get(column) if column else None
        if review is None:  # the topic or consensus column: the whole row
            self.detail.update(row_detail(row, self.corpus.reviews, self._hides))
        else:
            self.detail.update(cell_detail(row, cell, review, self._hides))

    def _selected_passage(self) -> tuple[Review, str, tuple[int, int] | None] | None:
        """The review, paragraph and quote span of the highlighted cell, or say why none."""
        row, column, cell = self.table.selected()
        review = self.corpus.get(column) if column else None
        if row is None or review is None:
            self.notify("Move to a critic's cell (l, →) to open or bookmark a passage.",
                        severity="warning")
            return None
        if cell is None:
            self.notify(f"{labels.review_name(review)} says nothing on this topic.",
                        severity="warning", markup=False)
            return None
        paragraph = review.paragraph(cell.paragraph_id)
        span = quote_span(paragraph.text, cell.quote) if paragraph else None
        return review, cell.paragraph_id, span

    def action_open_passage(self) -> None:
        """Open the highlighted critic's passage on this topic, the quote highlighted."""
        found = self._selected_passage()
        if found is None:
            return
        review, paragraph_id, span = found
        highlights = [HighlightSpan(paragraph_id, *span)] if span else []
        self.nlmg.open_reader(review.id, paragraph_id, highlights)

    def action_bookmark(self) -> None:
        found = self._selected_passage()
        if found is None:
            return
        review, paragraph_id, span = found
        start, end = span if span else (None, None)
        bookmark_paragraph(self, review, paragraph_id, start, end)

    def action_compare(self) -> None:
        """Compare the highlighted critic's review with another one (asks which)."""
        _, column, _ = self.table.selected()
        review = self.corpus.get(column) if column else None
        if review is None:
            self.notify("Move to a critic's column (l, →) to compare that review.",
                        severity="warning")
            return
        ask_compare_with(self, review, self.corpus.reviews)

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_cursor_right(self) -> None:
        self.table.action_cursor_right()

    def action_cursor_left(self) -> None:
        self.table.action_cursor_left()
