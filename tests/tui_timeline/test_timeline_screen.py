"""The reception timeline screen: opened from the palette, rows, keys, small terminals, hostile
names."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.timeline import TimelineScreen

from .conftest import HOSTILE_MARKUP, opens_timeline, settle


def chart_lines(app: NlmgApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    width = screen.chart.content_size.width
    return ["".join(segment.text for segment in screen.chart.render_line(y)).rstrip()[:width]
            for y in range(screen.chart.size.height)]


def status(app: NlmgApp) -> str:
    return str(app.screen.query_one("#timeline-status", Static).render())


def row_of(lines: list[str], text: str) -> int:
    found = [n for n, line in enumerate(lines) if text in line]
    assert found, f"{text!r} not on the chart"
    return found[0]


async def test_the_palette_opens_the_timeline(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"timeline")
        await pilot.pause(0.3)  # the palette searches after a short debounce
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert "Ed Early" in "\n".join(chart_lines(app))


async def test_real_corpus_rows_and_premiere(real_app):
    async with real_app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        lines = chart_lines(real_app)
        chart = "\n".join(lines)
        assert "◆ premiere 2010-09-03 Telluride Film Festival" in chart
        assert "◆" in lines[1]  # the premiere on the axis
        bluemeanie = row_of(lines, "bluemeanie")
        assert "2010-10-28" in lines[bluemeanie] and "10/10" in lines[bluemeanie]
        assert "●" in lines[bluemeanie]
        later = row_of(lines, "2011-01-22  Unsigned…")
        assert row_of(lines, "Dated reviews") < bluemeanie < later
        screen = real_app.screen
        assert isinstance(screen, TimelineScreen) and screen.timeline is not None
        undated = row_of(lines, f"Undated reviews ({len(screen.timeline.undated)})")
        for entry in screen.timeline.undated:  # James Rocchi and Ken Hanke state no date
            assert lines[undated + 1 + screen.timeline.undated.index(entry)].lstrip().startswith(
                "undated")
        assert not real_app.screen.too_small


async def test_undated_reviews_are_listed_apart(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        lines = chart_lines(app)
        undated = row_of(lines, "Undated reviews (2)")
        assert row_of(lines, "Ed Early") < row_of(lines, "Lena Late") < undated  # by date
        nameless = row_of(lines, "  Paper…")
        assert nameless > undated and "2/5" in lines[nameless] and "●" not in lines[nameless]
        assert "undated" in lines[nameless]


async def test_rows_carry_tone_score_and_sparkline(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        lines = chart_lines(app)
        early = lines[row_of(lines, "Ed Early")]
        # 2 words for in each paragraph; the score is the mean of the words' and the 10/10's
        assert "+0.96" in early and early.endswith("+0.96 ▇▇")
        late = lines[row_of(lines, "Lena Late")]
        # two words against, then one for, then one for in the last (a verdict) paragraph
        assert late.endswith("+0.29 ▂▆▆")


async def test_keys_move_open_and_go_back(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert status(app).startswith("Ed Early")
        assert chart_lines(app)[row_of(chart_lines(app), "Ed Early")].startswith("▶")
        await pilot.press("j")
        await pilot.pause()
        assert status(app).startswith("Lena Late")
        await pilot.press("j", "j", "j", "j")  # past the end: stays on the last
        await pilot.pause()
        assert screen.highlighted is not None and screen.highlighted.review.id == "103_nameless"
        await pilot.press("k")
        await pilot.pause()
        assert screen.highlighted is not None and screen.highlighted.review.id == "101_undated"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.review.id == "101_undated"
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and screen.highlighted.review.id == "101_undated"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        app.open_timeline()
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_fits_80x24(real_app):
    async with real_app.run_test(size=(80, 24)) as pilot:
        await opens_timeline(pilot)
        screen = real_app.screen
        assert isinstance(screen, TimelineScreen) and not screen.too_small
        width = screen.chart.content_size.width
        text = screen.chart.draw(screen.timeline, width).plain.splitlines()
        assert max(len(line) for line in text) <= width  # nothing cut at the right
        assert screen.scroll.max_scroll_y == 0  # every row visible at once
        assert "2010-09-03 2011-01-22" in text[0]  # both ends of the axis labelled


async def test_too_small_says_so(app):
    async with app.run_test(size=(50, 12)) as pilot:
        await opens_timeline(pilot)
        assert app.screen.too_small


async def test_hostile_critic_names_are_shown_literally(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        lines = chart_lines(app)
        hostile = lines[row_of(lines, "[@click=app.qu…")]  # cut to the critic column
        assert row_of(lines, "Undated reviews") < lines.index(hostile)
        await pilot.press("j", "j")
        await pilot.pause()
        shown = status(app)
        assert HOSTILE_MARKUP in shown and "\x1b" not in shown and "pwned" not in shown
        assert app.is_running


def plot_rows(lines: list[str]) -> list[str]:
    """The plot's five rows, under its title."""
    title = next(n for n, line in enumerate(lines) if " by date, " in line)
    return lines[title + 1: title + 6]


async def test_the_plot_places_each_dated_review_by_date_and_tone(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        lines = chart_lines(app)
        assert "Tone by date, -1 to +1 · t: plot rating" in "\n".join(lines)
        rows = plot_rows(lines)
        assert rows[0].rstrip().endswith("┤ +1 positive") and rows[4].endswith("┤ -1 negative")
        # Ed Early (+0.96) in the top band, Lena Late (+0.29) in the band below at the far right
        early, late = rows[0].index("●"), rows[1].index("●")
        assert early < late and "●" not in "".join(rows[2] + rows[3] + rows[4])
        assert "┄" in rows[2] and rows[2].rstrip().endswith("┤  0 neutral")
        axis = lines[1]
        assert axis[early] == "┬" and axis[late] == "┬"  # points line up with the date axis
        assert "Undated" not in "".join(rows)


async def test_t_plots_the_rating_and_the_chart_changes(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        tone_rows = plot_rows(chart_lines(app))
        await pilot.press("t")
        await settle(pilot)
        lines = chart_lines(app)
        rows = plot_rows(lines)
        assert rows != tone_rows
        assert "Rating by date, 0 to 1 of its scale · 1 unrated not plotted" in "\n".join(lines)
        assert rows[0].rstrip().endswith("┤ 1.0 top mark")  # Ed Early's 10/10
        assert "".join(rows).count("●") == 1  # Lena Late is unrated: not plotted
        assert "┄" not in "".join(rows)  # no zero line on a rating plot
        assert "● " in lines[row_of(lines, "Lena Late")]  # the lanes stay as they were


async def test_the_palette_toggles_the_plot(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"plot rating")
        await pilot.pause(0.3)  # the palette searches after a short debounce
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.plot == "rating"


def marked_points(screen: TimelineScreen) -> list[int]:
    """Where the plot shows a point in reverse video (the highlighted review's)."""
    drawn = screen.chart.draw(screen.timeline, 96)
    return [span.start for span in drawn.spans
            if drawn.plain[span.start:span.end] == "●" and "reverse" in str(span.style)]


async def test_the_highlighted_review_is_marked_on_the_plot(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_timeline(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        on_early = marked_points(screen)
        await pilot.press("j")
        await settle(pilot)
        on_late = marked_points(screen)
        assert len(on_early) == len(on_late) == 1 and on_early != on_late
        await pilot.press("j")  # an undated review: nothing on the plot is marked
        await settle(pilot)
        assert marked_points(screen) == []
