"""Every key the comparison, topic-map and picker screens list, pressed, with what then shows.

``test_every_listed_key_has_a_case`` fails when a binding is added without a case here.
The comparison starts on the fixture pair 100_left / 101_right, whose rows are:
0 ``gap | p1``, 1 ``p1 | p2``, 2 ``p2 | p3``, 3 ``p3 | gap``, 4 ``p4 | p4``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from nlmg_tui.library.library import Library
from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.compare import CompareScreen
from nlmg_tui.tui.screens.help import HelpScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.topics import TopicsScreen
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker

from .conftest import opens_compare, opens_topics, settle

RIGHT_NAME = "Hostile [red]Outlet[/red] · Right [@click=app.quit]q[/] and [b]x[/b] and [/"
"""How the review without a critic is named: its outlet and headline."""

SIZE = (100, 32)
Check = Callable[[Pilot, NlmgApp], Awaitable[None]]


def shown(widget: Static) -> str:
    return str(widget.render())


def compare_screen(app: NlmgApp) -> CompareScreen:
    assert isinstance(app.screen, CompareScreen)
    return app.screen


def status(app: NlmgApp) -> str:
    return shown(app.screen.query_one("#compare-status", Static))


def notices(app: NlmgApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# Comparison ----------------------------------------------------------------------------------

def on_row(row: int, side: str = "left") -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = compare_screen(app)
        assert screen.row == row and screen.side == side
        assert f"row {row + 1} of 5" in status(app)
        assert f"{side} side" in status(app)
        cursor_rows = [r.index for r in screen.rows if r.has_class("-cursor")]
        assert cursor_rows == [row]
        passage = screen.rows[row].passage(side)
        assert passage.has_class("-cursor")
        assert shown(passage).startswith("▶")
    return check


async def reader_on_left_p1(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert screen.review.id == "100_left"
    assert screen.current_paragraph is not None
    assert screen.current_paragraph.paragraph_id == "p1"
    text = screen.review.paragraphs[0].text
    highlighted = {text[h.start:h.end] for h in screen.highlights}
    assert highlighted == {"Hailsham", "Kathy", "Ruth", "Tommy"}


async def bookmarked_left_p1(pilot: Pilot, app: NlmgApp) -> None:
    bookmarks = Library(app.settings_file.parent).bookmarks()
    assert [(b.review_id, b.paragraph_id) for b in bookmarks] == [("100_left", "p1")]
    assert "Bookmarked (Lena Left, p1)." in notices(app)


async def pinned_row_1(pilot: Pilot, app: NlmgApp) -> None:
    await settle(pilot)
    screen = compare_screen(app)
    assert screen.applied_pins == (("p1", "p2"),)
    row = screen.rows[1]
    assert (row.pair.left, row.pair.right, row.pair.pinned) == ("p1", "p2", True)
    assert row.has_class("-pinned")
    assert "PINNED" in shown(row.query_one(".compare-gutter", Static))
    assert "pins p1=p2" in status(app)


async def marked_left_p3(pilot: Pilot, app: NlmgApp) -> None:
    screen = compare_screen(app)
    assert screen.marked == ("left", "p3")
    passage = screen.rows[3].left
    assert passage.has_class("-marked") and "◆ marked to pin" in shown(passage)
    assert "◆ left p3 marked" in status(app)


async def whole_view(pilot: Pilot, app: NlmgApp) -> None:
    screen = compare_screen(app)
    assert screen.switcher.current == "whole"
    assert [v.paragraph_id for v in screen.whole_views("left")] == ["p1", "p2", "p3", "p4"]
    assert [v.paragraph_id for v in screen.whole_views("right")] == ["p1", "p2", "p3", "p4"]
    # row 0 faced a gap on the left, so the cursor moved to the right side's p1
    assert screen.side == "right" and screen.whole_views("right")[0].has_class("-cursor")
    assert "Whole reviews · scroll lock on · left ¶ 1/4 · right ¶ 1/4 · right side" in status(app)


async def lock_off(pilot: Pilot, app: NlmgApp) -> None:
    assert not compare_screen(app).whole.locked
    assert "Scroll lock off: each review scrolls on its own." in notices(app)


async def swapped(pilot: Pilot, app: NlmgApp) -> None:
    await settle(pilot)
    screen = compare_screen(app)
    assert (screen.left.id, screen.right.id) == ("101_right", "100_left")
    assert RIGHT_NAME in shown(screen.query_one("#header-left", Static))
    assert "Lena Left" in shown(screen.query_one("#header-right", Static))
    assert [(r.pair.left, r.pair.right) for r in screen.rows][1] == ("p2", "p1")
    # the cursor stays on the same passage (was left p1, now right p1)
    assert screen.side == "right" and screen.current_passage is not None
    assert screen.current_passage.paragraph_id == "p1"


def picker_for(side: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        assert picker.picker_title.startswith(f"{side.capitalize()} side")
        assert [r.id for r in picker.reviews] == ["100_left", "101_right", "102_third"]
    return check


def picker_on(index: int, pair: str) -> Check:
    """The left-side picker's cursor on ``index``, and the pair enter would open named."""
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        assert picker.option_list.highlighted == index
        assert str(picker.query_one("#picker-pair", Static).render()).startswith(pair)
    return check


async def back_to_browse(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, BrowseScreen)


async def help_for_compare(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)
    assert app.screen.help_title == "Compare"


async def help_for_topics(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)
    assert app.screen.help_title == "Topic map"


async def palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)


async def app_exited(pilot: Pilot, app: NlmgApp) -> None:
    assert app._exit


# Topic map -------------------------------------------------------------------------------------

def detail(app: NlmgApp) -> str:
    return shown(app.screen.query_one("#topic-detail", Static))


def topic_cell(row: int, column: int, *expected: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        assert screen.table.cursor_coordinate == (row, column)
        for text in expected:
            assert text in detail(app)
    return check


async def reader_on_cast_quote(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert screen.review.id == "100_left"
    assert screen.current_paragraph is not None
    assert screen.current_paragraph.paragraph_id == "p2"
    text = screen.review.paragraphs[1].text
    assert [text[h.start:h.end] for h in screen.highlights] == [
        "Carey Mulligan and Andrew Garfield lead a superb cast; the acting is restrained and exact."
    ]


async def bookmarked_cast_quote(pilot: Pilot, app: NlmgApp) -> None:
    bookmarks = Library(app.settings_file.parent).bookmarks()
    assert len(bookmarks) == 1
    assert (bookmarks[0].review_id, bookmarks[0].paragraph_id) == ("100_left", "p2")
    assert bookmarks[0].quote.startswith("Carey Mulligan and Andrew Garfield")


async def picker_compare_with_lena(pilot: Pilot, app: NlmgApp) -> None:
    picker = app.screen
    assert isinstance(picker, ReviewPicker)
    assert picker.picker_title == "Compare Lena Left with…"
    assert [r.id for r in picker.reviews] == ["101_right", "102_third"]


async def back_to_compare(pilot: Pilot, app: NlmgApp) -> None:
    screen = compare_screen(app)
    assert (screen.left.id, screen.right.id) == ("100_left", "101_right")


def notice(text: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert text in notices(app)
    return check


async def spoiler_free_off(pilot: Pilot, app: NlmgApp) -> None:
    """``Z`` (the app's) turns the on-by-default mode off and remembers it."""
    assert not app.spoiler_shield.enabled
    assert "Spoiler-free mode off: every paragraph is shown." in notices(app)
    assert json.loads(app.settings_file.read_text())["spoiler_free"] is False


def on_screen_named(name: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert type(app.screen).__name__ == name

    return check


async def suspend_headless(pilot, app) -> None:
    """ctrl+z suspends to the shell in a real terminal (tests/e2e); the headless test driver
    cannot suspend, so here the app simply keeps running."""
    assert app.is_running and not app._driver.can_suspend


GENERAL: dict[str, Check] = {
    "ctrl+p": palette_open,
    "ctrl+t": palette_open,
    "ctrl+q": app_exited,
    "B": on_screen_named("BookmarksScreen"),
    "W": on_screen_named("WatchlistScreen"),
    "M": on_screen_named("MentionsScreen"),
    "T": on_screen_named("TimelineScreen"),
    "P": on_screen_named("TopicsScreen"),
    "Z": spoiler_free_off,
    "ctrl+z": suspend_headless,
}
MODAL_HIDDEN_KEYS = {"B", "W", "M", "T", "P", "Z", "ctrl+z"}
"""App keys a modal (the picker) does not pass on."""
APP_COPY_KEYS = {"ctrl+c", "super+c"}
"""The app's copy keys: tested with a selection in tests/tui/test_keys.py."""

CASES: dict[str, dict[str, tuple[tuple[str, ...], Check]]] = {
    "compare": {
        "slash": ((), on_screen_named("SearchScreen")),
        "j": ((), on_row(1)),
        "down": ((), on_row(1)),
        "k": (("j", "j"), on_row(1)),
        "up": (("j", "j"), on_row(1)),
        "g": (("j", "j"), on_row(0)),
        "home": (("j", "j"), on_row(0)),
        "G": ((), on_row(4)),
        "end": ((), on_row(4)),
        "l": ((), on_row(0, "right")),
        "right": ((), on_row(0, "right")),
        "h": (("l",), on_row(0, "left")),
        "left": (("l",), on_row(0, "left")),
        "enter": (("j",), reader_on_left_p1),
        "o": (("j",), reader_on_left_p1),
        "b": (("j",), bookmarked_left_p1),
        "p": (("j",), pinned_row_1),
        "m": (("j", "j", "j"), marked_left_p3),
        # the fixture pair gives nothing away; test_spoilers.py has reviews that do
        "s": (("j",), notice("Nothing on this row gives anything away.")),
        "S": ((), notice("Neither review gives anything away.")),
        "v": ((), whole_view),
        "L": ((), lock_off),
        "x": (("j",), swapped),
        "1": ((), picker_for("left")),
        "2": ((), picker_for("right")),
        "q": ((), back_to_browse),
        "escape": ((), back_to_browse),
        "question_mark": ((), help_for_compare),
    },
    "topics": {
        "slash": ((), on_screen_named("SearchScreen")),
        "j": ((), topic_cell(1, 1, "The novel — Lena Left", "Says nothing on this topic.")),
        "down": ((), topic_cell(1, 1, "The novel — Lena Left")),
        "k": (("j", "j"), topic_cell(1, 1, "The novel")),
        "up": (("j", "j"), topic_cell(1, 1, "The novel")),
        "l": ((), topic_cell(0, 2, f"Cast and acting — {RIGHT_NAME}", "The cast is flawless")),
        "right": ((), topic_cell(0, 2, RIGHT_NAME)),
        "h": ((), topic_cell(0, 0, "Cast and acting — 2 of 3 positive",
                              "(2 positive · 1 negative)",
                              "• Thea Third: − negative")),
        "left": ((), topic_cell(0, 0, "Cast and acting — 2 of 3 positive")),
        "enter": ((), reader_on_cast_quote),
        "o": ((), reader_on_cast_quote),
        "b": ((), bookmarked_cast_quote),
        "c": ((), picker_compare_with_lena),
        "q": ((), back_to_browse),
        "escape": ((), back_to_browse),
        "question_mark": ((), help_for_topics),
    },
    "picker": {
        "escape": ((), back_to_compare),
        "q": ((), back_to_compare),
        "j": ((), picker_on(1, f"Compare: {RIGHT_NAME} · {RIGHT_NAME}")),
        "down": ((), picker_on(1, f"Compare: {RIGHT_NAME} · {RIGHT_NAME}")),
        "k": (("j", "j"), picker_on(1, f"Compare: {RIGHT_NAME} · {RIGHT_NAME}")),
        "up": (("j", "j"), picker_on(1, f"Compare: {RIGHT_NAME} · {RIGHT_NAME}")),
    },
}


async def open_screen(pilot: Pilot, name: str) -> None:
    if name == "topics":
        await opens_topics(pilot)
    else:
        await opens_compare("100_left", "101_right")(pilot)
    if name == "picker":
        await pilot.press("1")
        await pilot.pause()


SCREEN_TYPES = {"compare": CompareScreen, "topics": TopicsScreen, "picker": ReviewPicker}


def all_cases() -> list[tuple[str, str]]:
    cases = [(screen, key) for screen, keys in CASES.items() for key in keys]
    return cases + [(screen, key) for screen in CASES for key in sorted(general_keys(screen))]


def general_keys(screen_name: str) -> set[str]:
    """App keys each screen lists (the picker, a modal, does not offer the theme key)."""
    return set(GENERAL) - {"ctrl+t"} - MODAL_HIDDEN_KEYS if screen_name == "picker" else set(GENERAL)


@pytest.mark.parametrize(("screen_name", "key"), all_cases())
async def test_key(app: NlmgApp, screen_name: str, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, screen_name)
        assert isinstance(app.screen, SCREEN_TYPES[screen_name])
        if key in GENERAL:
            before, check = (), GENERAL[key]
        else:
            before, check = CASES[screen_name][key]
        await pilot.press(*before)
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        await check(pilot, app)


@pytest.mark.parametrize("screen_name", ["compare", "topics", "picker"])
async def test_every_listed_key_has_a_case(app: NlmgApp, screen_name: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, screen_name)
        listed = {name for entry in screen_keys(app.screen) for name in entry.key_names}
    assert listed == set(CASES[screen_name]) | general_keys(screen_name) | APP_COPY_KEYS
