"""The reception timeline drawn by hand with Rich: a date axis, a lane per dated review, the
undated reviews apart. Everything from a review goes into ``Text`` as plain strings."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from nlmg_tui.compare.timeline import Timeline, TimelineEntry, position
from nlmg_tui.compare.tone_arc import sparkline
from nlmg_tui.tui import review_labels

CRITIC_WIDTH = 15
RATING_WIDTH = 6
SPARK_WIDTH = 12
DATE_WIDTH = 10
MIN_LANE = 12
FILM_MARKS = {"premiere": "◆", "release": "▼"}
TONE_STYLES = {"positive": "green", "negative": "red", "mixed": "yellow", "neutral": "dim"}


def lane_width(width: int) -> int:
    """Columns left for the date lane after the fixed columns of a row."""
    fixed = 2 + 2 + DATE_WIDTH + 2 + CRITIC_WIDTH + 1 + RATING_WIDTH + 6 + 1 + SPARK_WIDTH
    return max(MIN_LANE, width - fixed)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with an ellipsis, padded to ``width``."""
    if len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def rating_text(entry: TimelineEntry) -> str:
    if entry.review.rating is None:
        return "—"
    return review_labels.rating_label(entry.review) or "—"


def indented(text: str, style: str = "") -> Text:
    """A line under the lanes' left edge; the indent unstyled (a styled one is lost)."""
    line = Text("  ")
    line.append(text, style=style)
    return line


class TimelineChart(Widget):
    """The whole chart as one renderable; ``cursor`` indexes ``timeline.entries``."""

    DEFAULT_CSS = """
    TimelineChart {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.timeline: Timeline | None = None
        self.cursor = 0
        self.cursor_line = 0
        """The line of the cursor row in the last render (to scroll it into view)."""

    def show(self, timeline: Timeline, cursor: int) -> None:
        self.timeline = timeline
        self.cursor = cursor
        self.refresh(layout=True)

    def render(self) -> Text:
        if self.timeline is None:
            return Text("Reading the reviews…")
        return self.draw(self.timeline, self.content_size.width or 78)

    def draw(self, timeline: Timeline, width: int) -> Text:
        lines: list[Text] = []
        lane = lane_width(width)
        start, end = timeline.start, timeline.end
        if start is not None and end is not None:
            dates = (fit(start.isoformat(), lane - DATE_WIDTH) + end.isoformat().rjust(DATE_WIDTH)
                     if lane >= 2 * DATE_WIDTH + 1 else start.isoformat())
            lines.append(indented(dates))
            axis = ["─"] * lane
            axis[0], axis[-1] = "├", "┤"
            for film_date in timeline.film_dates:
                axis[position(film_date.date, start, end, lane)] = FILM_MARKS[film_date.kind]
            for entry in timeline.dated:
                if entry.date is not None:
                    column = position(entry.date, start, end, lane)
                    if axis[column] in "─├┤":
                        axis[column] = "┬"
            lines.append(indented("".join(axis), "bold"))
            for film_date in timeline.film_dates:
                mark = FILM_MARKS[film_date.kind]
                lines.append(indented(f"{mark} {film_date.kind} {film_date.date.isoformat()} "
                                      f"{film_date.label}".rstrip(), "dim"))
        else:
            lines.append(indented("No review or film date to place on a time axis.", "dim"))
        lines.append(Text(""))
        columns = ("  " + "published".ljust(DATE_WIDTH) + "  " + "critic".ljust(CRITIC_WIDTH)
                   + " " + "rating".ljust(RATING_WIDTH) + " tone  ¶ arc")
        lines.append(indented(fit("Dated reviews", lane) + columns, "bold"))
        index = 0
        for entry in timeline.dated:
            lines.append(self._row(entry, index, self._lane(entry, timeline, lane)))
            index += 1
        if not timeline.dated:
            lines.append(indented("(none)", "dim"))
        lines.append(Text(""))
        lines.append(indented(f"Undated reviews ({len(timeline.undated)})", "bold"))
        for entry in timeline.undated:
            lines.append(self._row(entry, index, Text(" " * lane)))
            index += 1
        if not timeline.undated:
            lines.append(indented("(none)", "dim"))
        self.cursor_line = next((n for n, line in enumerate(lines)
                                 if line.plain.startswith("▶")), 0)
        return Text("\n", no_wrap=True).join(lines)

    def _lane(self, entry: TimelineEntry, timeline: Timeline, lane: int) -> Text:
        start, end = timeline.start, timeline.end
        cells = ["─"] * lane
        if start is None or end is None or entry.date is None:
            return Text("".join(cells), style="dim")
        for film_date in timeline.film_dates:
            cells[position(film_date.date, start, end, lane)] = "┊"
        column = position(entry.date, start, end, lane)
        text = Text("".join(cells[:column]), style="dim")
        text.append("●", style="bold")
        text.append("".join(cells[column + 1:]), style="dim")
        return text

    def _row(self, entry: TimelineEntry, index: int, lane: Text) -> Text:
        selected = index == self.cursor
        row = Text("▶ " if selected else "  ")
        row.append_text(lane)
        row.append("  " + fit(entry.date.isoformat() if entry.date else "undated", DATE_WIDTH))
        row.append("  " + fit(review_labels.critic_name(entry.review), CRITIC_WIDTH))
        row.append(" " + fit(rating_text(entry), RATING_WIDTH))
        row.append(f" {entry.tone.score:+.2f} ", style=TONE_STYLES.get(entry.tone.label, ""))
        row.append(sparkline(entry.tone.arc, SPARK_WIDTH),
                   style=TONE_STYLES.get(entry.tone.label, ""))
        if selected:
            row.stylize("reverse")
        return row
