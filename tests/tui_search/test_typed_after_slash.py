"""Keys typed right after ``/`` land in the search box (a user types ``/garfield`` in one go,
as in fzf): the app reads the next key only once the box has focus."""

from __future__ import annotations

from textual import events

from nlmg_tui.tui.screens.search import SearchScreen


async def test_a_query_typed_in_one_go_after_slash_is_not_lost(app) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        # All the keys queued at once, as a terminal delivers a fast typist's (no pause).
        for key, character in [("slash", "/"), *[(c, c) for c in "garfield"]]:
            app.post_message(events.Key(key, character))
        for _ in range(100):  # bounded: 5 s at most
            if isinstance(app.screen, SearchScreen) and app.screen.query_box.value:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_box.value == "garfield"


async def test_slash_in_the_filter_box_is_typed_not_a_search(app) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f", "a", "slash", "b")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.screen.filter_text == "a/b"


async def test_a_screen_that_binds_slash_keeps_it(app) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_bookmarks()
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert type(app.screen).__name__ == "BookmarksScreen"


async def test_slash_under_a_dialog_opens_nothing(app) -> None:
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("question_mark")  # the help dialog
        await pilot.pause()
        help_screen = app.screen
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is help_screen
