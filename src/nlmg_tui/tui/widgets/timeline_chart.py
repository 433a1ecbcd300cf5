"""The reception timeline drawn by hand with Rich: a date axis, a plot of tone or rating by
date, a lane per dated review, the undated reviews apart. Everything from a review goes into
``Text`` as plain strings."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from nlmg_tui.compare.timeline import (
    Timeline,
    TimelineEntry,
    plot_level,
    plot_value,
    position,
)
from nlmg_tui.corpus import labels
from nlmg_tui.tui.tone_badge import tone_spark, tone_style

CRITIC_WIDTH = 15
RATING_WIDTH = 6
SPARK_WIDTH = 12
DATE_WIDTH = 10
MIN_LANE = 12
FILM_MARKS = {"premiere": "◆", "release": "▼"}
PLOT_ROWS = 5
PLOT_LABELS = {"tone": {0: "+1 positive", 2: " 0 neutral", 4: "-1 negative"},
               "rating": {0: "1.0 top mark", 2: "0.5", 4: "0.0"}}
"""The plot's scale, written beside its top, middle and bottom rows."""
PLOT_TITLES = {"tone": "Tone by date, -1 to +1", "rating": "Rating by date, 0 to 1 of its scale"}


def lane_width(width: int) -> int:
    """Columns left for the date lane after the fixed columns of a row."""
    fixed = 2 + 2 + DATE_WIDTH + 2 + CRITIC_WIDTH + 1 + RATING_WIDTH + 6 + 1 + SPARK_WIDTH
    return max(MIN_LANE, width - fixed)


def fit(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut at a word boundary with an ellipsis, padded."""
    return labels.pad(text, width)


def rating_text(entry: TimelineEntry) -> str:
    """The rating as printed, or "" when the review has none (left out, not a dash)."""
    return labels.rating_label(entry.review)


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
        self.plot = "tone"
        """What the plot shows against the date: ``tone`` or ``rating``."""
        self.cursor_line = 0
        """The line of the cursor row in the last render (to scroll it into view)."""

    def show(self, timeline: Timeline, cursor: int, plot: str = "tone") -> None:
        self.timeline = timeline
        self.cursor = cursor
        self.plot = plot
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
            lines.append(Text(""))
            lines.extend(self._plot(timeline, lane, width))
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

    def _plot(self, timeline: Timeline, lane: int, width: int) -> list[Text]:
        """A title, then ``PLOT_ROWS`` lines: each dated review with a value at (its date's
        column, its value's band), a digit where several share a cell, the scale at the right."""
        start, end = timeline.start, timeline.end
        assert start is not None and end is not None
        kind = self.plot
        cells: dict[tuple[int, int], list[int]] = {}
        plotted = 0
        for index, entry in enumerate(timeline.dated):
            value = plot_value(entry, kind)
            if value is None or entry.date is None:
                continue
            plotted += 1
            at = (plot_level(value, kind, PLOT_ROWS), position(entry.date, start, end, lane))
            cells.setdefault(at, []).append(index)
        title = PLOT_TITLES[kind]
        if plotted < len(timeline.dated):
            title += f" · {len(timeline.dated) - plotted} unrated not plotted"
        title += " · t: plot " + ("rating" if kind == "tone" else "tone")
        lines = [indented(fit(title, max(1, width - 2)).rstrip(), "bold")]
        film_columns = {position(d.date, start, end, lane) for d in timeline.film_dates}
        for row in range(PLOT_ROWS):
            line = Text("  ")
            for column in range(lane):
                in_cell = cells.get((row, column))
                if in_cell is None:
                    background = "┄" if kind == "tone" and row == PLOT_ROWS // 2 else " "
                    line.append("┊" if column in film_columns else background, style="dim")
                    continue
                mark = "●" if len(in_cell) == 1 else str(min(len(in_cell), 9))
                line.append(mark, style=self._point_style(timeline.dated[in_cell[0]],
                                                         self.cursor in in_cell))
            label = PLOT_LABELS[kind].get(row)
            line.append(" ┤ " + label if label else " │", style="dim")
            lines.append(line)
        return lines

    def _point_style(self, entry: TimelineEntry, selected: bool) -> str:
        style = "bold " + (tone_style(entry.tone) if self.plot == "tone" else "")
        return style + " reverse" if selected else style

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
        row.append("  " + fit(labels.review_name(entry.review), CRITIC_WIDTH))
        row.append(" " + fit(rating_text(entry), RATING_WIDTH))
        row.append(f" {entry.tone.score:+.2f} ", style=tone_style(entry.tone))
        row.append_text(tone_spark(entry.tone, SPARK_WIDTH))
        if selected:
            row.stylize("reverse")
        return row
