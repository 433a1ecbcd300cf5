"""The reception timeline: the reviews by publication date with rating and tone, the film's
premiere and release on the same axis, undated reviews listed apart. ``t`` switches the plot
between tone and rating.

The tones read every paragraph of the corpus (about a tenth of a second), so the timeline is
built in a thread worker; ``TimelineReady`` brings it back.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from nlmg_tui.compare.timeline import Timeline, TimelineEntry, timeline
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.gazetteer import GazetteerError
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.tone_badge import tone_for, tone_label, tone_reason
from nlmg_tui.tui.widgets.timeline_chart import TimelineChart

MOVE = Binding.Group("Move")


class TimelineScreen(AppScreen):
    """One row per review; enter opens the highlighted one in the reader."""

    MIN_SIZE = (60, 14)
    HELP_TITLE = "Reception timeline"

    DEFAULT_CSS = """
    TimelineScreen #timeline-title, TimelineScreen #timeline-status {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    TimelineScreen #timeline-scroll {
        height: 1fr;
    }
    TimelineScreen #timeline-status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    BINDINGS = [
        Binding("enter,o", "open_review", "Read", id="timeline.read"),
        Binding("j,down", "cursor_down", "Next review", group=MOVE, show=False,
                id="timeline.down"),
        Binding("k,up", "cursor_up", "Previous review", group=MOVE, show=False,
                id="timeline.up"),
        Binding("t", "toggle_plot", "Plot rating/tone", id="timeline.plot"),
        Binding("q,escape", "back", "Back", id="timeline.back"),
    ]

    KEY_GROUPS = {"Move": ("cursor_down", "cursor_up"), "Plot": ("toggle_plot",)}
    PLOTS = ("tone", "rating")

    class TimelineReady(Message):
        def __init__(self, timeline: Timeline) -> None:
            super().__init__()
            self.timeline = timeline

    class TimelineFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    chart = getters.query_one("#timeline-chart", TimelineChart)
    scroll = getters.query_one("#timeline-scroll", VerticalScroll)

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.timeline: Timeline | None = None
        self.cursor = 0
        self.plot = "tone"
        """What the chart plots against the date: ``tone`` or ``rating``."""

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="timeline-title", classes="screen-title")
        with VerticalScroll(id="timeline-scroll"):
            yield TimelineChart(id="timeline-chart")
        yield Static(id="timeline-status")
        yield from self.bottom_bars()

    def on_mount(self) -> None:
        super().on_mount()
        self._build(self.corpus)

    def _title(self) -> Text:
        title = Text()
        title.append("Reception timeline", style="bold")
        if self.timeline is None:
            title.append(" · reading every review…")
            return title
        title.append(f" · {len(self.timeline.dated)} dated, {len(self.timeline.undated)} "
                     "undated · tone ▁ negative ▄ neutral █ positive")
        return title

    @work(thread=True, exclusive=True, group="timeline")
    def _build(self, corpus: Corpus) -> None:
        try:
            built = timeline(corpus, tone_of=tone_for)
        except GazetteerError as error:
            self.post_message(self.TimelineFailed(str(error)))
            return
        self.post_message(self.TimelineReady(built))

    @on(TimelineReady)
    def _ready(self, message: TimelineReady) -> None:
        self.timeline = message.timeline
        self.query_one("#timeline-title", Static).update(self._title())
        self._show()

    @on(TimelineFailed)
    def _failed(self, message: TimelineFailed) -> None:
        self.query_one("#timeline-status", Static).update(
            Text(f"The timeline could not be made: {message.problem}"))
        self.notify(message.problem, severity="error", markup=False)

    @property
    def highlighted(self) -> TimelineEntry | None:
        if self.timeline is None or not self.timeline.entries:
            return None
        return self.timeline.entries[self.cursor]

    def _show(self) -> None:
        if self.timeline is None:
            return
        self.chart.show(self.timeline, self.cursor, self.plot)
        self.call_after_refresh(self._scroll_to_cursor)
        entry = self.highlighted
        status = Text()
        if entry is not None:
            review = entry.review
            status.append(" · ".join(p for p in (labels.short_title(review),
                                                  labels.date_label(review)) if p))
            rating = labels.rating_label(review)
            status.append((f" · rating {rating}" if rating else "") + " · tone ")
            status.append_text(tone_label(entry.tone))
            status.append(f" ({tone_reason(entry.tone)})")
        self.query_one("#timeline-status", Static).update(status)

    def _scroll_to_cursor(self) -> None:
        line = self.chart.cursor_line
        self.scroll.scroll_to_region(Region(0, line, 1, 1), animate=False, immediate=True)

    def _move(self, step: int) -> None:
        if self.timeline is None or not self.timeline.entries:
            return
        self.cursor = max(0, min(len(self.timeline.entries) - 1, self.cursor + step))
        self._show()

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_toggle_plot(self) -> None:
        """Plot the rating instead of the tone, or back."""
        self.plot = self.PLOTS[(self.PLOTS.index(self.plot) + 1) % len(self.PLOTS)]
        self._show()

    def action_open_review(self) -> None:
        entry = self.highlighted
        if entry is None:
            self.notify("No review to open yet.", severity="warning")
            return
        self.nlmg.open_reader(entry.review.id)
