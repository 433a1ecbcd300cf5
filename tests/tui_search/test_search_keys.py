"""Every key the search screen lists (help screen, palette), pressed, with what it then shows.

``test_every_listed_key_has_a_case`` fails when a binding is added without a case here. The
screen starts with "hailsham" searched and the box focused: letter keys act once ``tab`` has
moved the focus to the list (in the box they are typed).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.help import HelpScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_input import SearchInput
from nlmg_tui.tui.widgets.search_results import SearchResults

from .conftest import SIZE, open_search, settle

Check = Callable[[Pilot, NlmgApp], Awaitable[None]]


def on_row(row: int) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchResults).highlighted == row
    return check


def on_screen(name: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert type(app.screen).__name__ == name
    return check


def focused(kind: type) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, kind)
    return check


async def reader_on_first_hit(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReaderScreen)
    first = app.screen_stack[-2].query_one(SearchResults).hits[0]
    assert app.screen.current_paragraph is not None
    assert (app.screen.review.id, app.screen.current_paragraph.paragraph_id) == (
        first.review_id, first.paragraph_id)


async def back_to_browse(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, BrowseScreen)


async def box_selected(pilot: Pilot, app: NlmgApp) -> None:
    box = app.screen.query_one(SearchInput)
    assert box.has_focus and box.selected_text == "hailsham"


async def help_lists_search_keys(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)
    assert app.screen.help_title == "Search"


async def palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)


async def theme_palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)
    assert "theme" in app.screen.query_one(Input).placeholder.lower()


def copies_query(key: str) -> tuple[tuple[str, ...], Check]:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert app.clipboard == "hailsham"
    return ("ctrl+shift+a",), check


async def spoiler_free_off(pilot: Pilot, app: NlmgApp) -> None:
    assert app.spoiler_shield.enabled is False  # on at first run; Z turned it off


async def suspend_headless(pilot, app) -> None:
    """ctrl+z suspends to the shell in a real terminal (tests/e2e); the headless test driver
    cannot suspend, so here the app simply keeps running."""
    assert app.is_running and not app._driver.can_suspend


CASES: dict[str, tuple[tuple[str, ...], Check]] = {
    "down": ((), on_row(1)),
    "up": (("down", "down"), on_row(1)),
    "j": (("tab",), on_row(1)),
    "k": (("tab", "j", "j"), on_row(1)),
    "enter": ((), reader_on_first_hit),
    "escape": ((), back_to_browse),
    "q": (("tab",), back_to_browse),
    "tab": ((), focused(SearchResults)),
    "shift+tab": (("tab",), focused(SearchInput)),
    "ctrl+c": copies_query("ctrl+c"),
    "super+c": copies_query("super+c"),
    "question_mark": (("tab",), help_lists_search_keys),
    "ctrl+p": ((), palette_open),
    "ctrl+t": ((), theme_palette_open),
    "B": (("tab",), on_screen("BookmarksScreen")),
    "W": (("tab",), on_screen("WatchlistScreen")),
    "M": (("tab",), on_screen("MentionsScreen")),
    "T": (("tab",), on_screen("TimelineScreen")),
    "P": (("tab",), on_screen("TopicsScreen")),
    "slash": (("tab",), box_selected),
    "Z": (("tab",), spoiler_free_off),
    "ctrl+z": ((), suspend_headless),
}


@pytest.mark.parametrize("key", sorted(CASES))
async def test_key(app: NlmgApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        before, check = CASES[key]
        await pilot.press(*before)
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        await check(pilot, app)


async def test_quit_key(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.parametrize("key", ["q", "j", "k", "question_mark", "slash", "B"])
async def test_letter_keys_are_typed_in_the_box(app: NlmgApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hails")
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        char = {"question_mark": "?", "slash": "/"}.get(key, key)
        assert app.screen.query_one(SearchInput).value == "hails" + char


async def test_every_listed_key_has_a_case(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        listed = {name for entry in screen_keys(app.screen) for name in entry.key_names}
    assert listed == set(CASES) | {"ctrl+q"}


async def test_slash_opens_search_from_the_reader(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchInput).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
