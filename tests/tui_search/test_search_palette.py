"""The command palette: "Search…" from anywhere, and this session's searches again."""

from __future__ import annotations

from textual.command import CommandPalette

from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_input import SearchInput
from nlmg_tui.tui.widgets.search_results import SearchResults

from .conftest import SIZE, settle


async def run_in_palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    await pilot.pause(0.3)  # the palette searches after a short debounce
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_opens_search(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_in_palette(pilot, "search…")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchInput).has_focus


async def test_palette_runs_a_recent_search_again(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.search.remember("[b]hailsham")  # markup in a query stays text in the palette
        await run_in_palette(pilot, "search again")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchInput).value == "[b]hailsham"
        assert app.screen.result is not None
        assert app.screen.result.query.text == "[b]hailsham"
        assert app.screen.query_one(SearchResults).option_count == len(app.screen.result.hits) > 0
