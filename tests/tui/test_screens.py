"""Behaviour across screens: untrusted text, positions, highlights, mouse, small terminals."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widgets import Input, Static

from nlmg_tui.tui.app import make_app
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.comments import CommentsScreen
from nlmg_tui.tui.screens.reader import ParagraphRef, ReaderScreen
from nlmg_tui.tui.widgets.comment_view import CommentView
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan, ParagraphView
from nlmg_tui.tui.widgets.too_small import TooSmallNote

from .conftest import HOSTILE_MARKUP

SIZE = (100, 32)


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_untrusted_text_shows_literally_and_never_acts(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("001_beta")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        header = text_of(screen.query_one("#reader-header", Static))
        assert HOSTILE_MARKUP in header and "Unnamed" not in header
        assert "Hostile [red]Outlet[/red] · Beta [@click=app.quit]" in header  # named by both
        first = screen.views[0]
        assert HOSTILE_MARKUP in text_of(first)
        assert "\x1b" not in text_of(first) and "\x07" not in text_of(first)
        assert "Title: done." in text_of(first)  # the OSC title sequence is gone
        await pilot.click(first, offset=(28, 0))  # on the [@click=app.quit] text
        await pilot.pause()
        assert app.is_running and app.screen is screen
        svg = app.export_screenshot()
        assert "pwned" not in svg


async def test_reading_position_is_remembered_per_review(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha")
        await pilot.pause()
        await pilot.press("j", "j", "j", "j")  # p5
        await pilot.press("J")  # next review in list order: beta
        await pilot.pause()
        assert app.screen.review.id == "001_beta"  # type: ignore[attr-defined]
        await pilot.press("j")
        await pilot.press("K")  # back to alpha, at p5 again
        await pilot.pause()
        assert app.screen.current_paragraph == ParagraphRef("000_alpha", "p5")  # type: ignore[attr-defined]
        await pilot.press("q")
        await pilot.pause()
        app.open_reader("001_beta")
        await pilot.pause()
        assert app.screen.current_paragraph == ParagraphRef("001_beta", "p2")  # type: ignore[attr-defined]


async def test_next_review_at_the_end_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("001_beta")  # last in date order (undated)
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause()
        assert app.screen.review.id == "001_beta"  # type: ignore[attr-defined]
        assert any("last review" in str(n.message) for n in app._notifications)


async def test_reader_opens_at_a_paragraph_with_highlights(app):
    spans = [HighlightSpan("p4", 0, 5), HighlightSpan("p4", 200, 9999)]
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha", paragraph_id="p4", highlights=spans)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.current_paragraph == ParagraphRef("000_alpha", "p4")
        view = screen.views[3]
        content = view.content
        assert isinstance(content, Text)
        styled = [(s.start, s.end) for s in content.spans if "reverse" in str(s.style)]
        assert (0, 5) in styled and any(start == 200 for start, _ in styled)
        assert view.region.y >= screen.body.region.y  # scrolled into view
        assert view.region.bottom <= screen.body.region.bottom + 1


async def test_opening_an_unknown_review_is_a_notice(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("999")
        app.open_comments("000_alpha")  # no comments
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        messages = [str(n.message) for n in app._notifications]
        assert "No review '999'." in messages
        assert "This review has no reader comments." in messages


async def test_mouse_click_selects_and_opens_a_review(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#reviews")
        await pilot.click(table, offset=(10, 2))  # second data row: alpha
        await pilot.pause()
        assert app.screen.highlighted_review.id == "000_alpha"  # type: ignore[attr-defined]
        await pilot.click(table, offset=(10, 2))
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.review.id == "000_alpha"
        await pilot.click(app.screen.views[1])
        await pilot.pause()
        assert app.screen.cursor == 1


async def test_mouse_click_switches_the_pane(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#pane-tabs", Static)
        await pilot.click(tabs, offset=(18, 0))  # on "Film facts"
        await pilot.pause()
        assert app.screen.query_one("#panes").current == "facts-pane"
        await pilot.click(tabs, offset=(4, 0))  # on "Preview"
        await pilot.pause()
        assert app.screen.query_one("#panes").current == "preview-pane"


async def test_mouse_click_moves_the_comment_cursor(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_comments("002_gamma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CommentsScreen)
        await pilot.click(screen.query(CommentView)[2])
        await pilot.pause()
        assert screen.current_comment_number == 3
        shown = text_of(screen.query(CommentView)[1])
        assert "Second [b]Reader[/b]" in shown and "[b]we said nothing" in shown


async def test_small_terminal_shows_a_note_and_loses_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        await pilot.press("f", *"film", "enter", "s")
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        note = browse.query_one(TooSmallNote)
        assert browse.too_small and note.display
        assert "Terminal too small (40x12)" in text_of(note)
        assert not browse.query_one("#reviews").display or not browse.query_one("#reviews").region
        await pilot.press("j")  # keys still work underneath
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not browse.too_small
        assert browse.query_one("#filter", Input).value == "film"
        assert browse.sort_name == "critic"
        assert browse.highlighted_review is not None
        assert app.focused is browse.table.options


def resize_without_waiting(app, width: int, height: int) -> None:
    """What ``pilot.resize_terminal`` does, minus its wait for the app to go idle."""
    size = Size(width, height)
    app._driver._size = size
    app.post_message(events.Resize(size, size))


async def test_rapid_resizes_raise_nothing(app):
    sizes = [(20 + (i * 7) % 110, 6 + (i * 5) % 34) for i in range(100)]  # some too small
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha", paragraph_id="p6")
        await pilot.pause()
        for index, (width, height) in enumerate(sizes):
            # As a window being dragged: sizes arrive faster than frames; every few, a frame.
            resize_without_waiting(app, width, height)
            await asyncio.sleep(0.01 if index % 4 == 0 else 0)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and not screen.too_small
        assert screen.current_paragraph == ParagraphRef("000_alpha", "p6")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and not app.screen.too_small


async def test_reader_fits_40x12(app):
    async with app.run_test(size=(40, 12)) as pilot:
        app.open_reader("000_alpha")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and not screen.too_small
        assert screen.views[0].region.height > 0


async def test_no_color_keeps_the_cursor_visible(corpus, user_data_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(corpus=corpus, data_dir=user_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.no_color
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert screen.table.row_text_of("002_gamma").startswith("▶")
        cursor_style = screen.table.options.get_component_styles("option-list--option-highlighted")
        assert cursor_style.text_style.reverse
        app.open_reader("000_alpha")
        await pilot.pause()
        cursor_view = app.screen.views[0]
        assert isinstance(cursor_view, ParagraphView)
        assert cursor_view.styles.border_left[0] != ""  # a drawn bar, not only a colour


async def test_a_cursor_move_repaints_the_mark_and_keeps_every_row(app):
    """The mark follows the cursor on screen while the rows themselves stay as they were
    (a move replaced two options before, which re-measured every row of a long list)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        options = app.screen.table.options
        rows = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        drawn = [options.render_line(y).text for y in range(options.option_count)]
        assert [line[0] for line in drawn] == ["▶"] + [" "] * (len(rows) - 1)
        await pilot.press("j")
        await pilot.pause()
        assert options.highlighted == 1
        assert all(options.get_option_at_index(i).prompt is row for i, row in enumerate(rows))
        after = [options.render_line(y).text for y in range(options.option_count)]
        assert [line[0] for line in after] == [" ", "▶"] + [" "] * (len(rows) - 2)
        assert [line[1:] for line in after] == [line[1:] for line in drawn]
        second = app.screen.table.reviews[1].id
        assert app.screen.table.row_text_of(second).startswith("▶")


async def test_the_preview_keeps_its_size_from_review_to_review(app):
    """A cursor move repaints the preview in place: it fills its pane whatever the review's
    length, so nothing is laid out again (a quick next key never waits behind that)."""
    from nlmg_tui.tui.widgets.review_preview import ReviewPreview

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = app.screen.query_one(ReviewPreview)
        pane = app.screen.query_one("#preview-pane")
        shown = []
        for _ in range(app.screen.table.row_count):
            await pilot.pause()
            assert preview.region == pane.region
            shown.append(str(preview.render()))
            await pilot.press("j")
        assert len(set(shown)) == app.screen.table.row_count  # each review had its preview
