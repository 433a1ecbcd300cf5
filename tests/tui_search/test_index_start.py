"""``/`` pressed before the first screen's refresh still gets an index.

The app starts the index build in a callback run after the browse screen's next refresh. A
search screen pushed before that refresh hides the browse screen, so the callback waits until
the user comes back: the search sat on "indexing…" for good. The search screen now starts the
build itself (once: the app's later call is then a no-op).
"""

from __future__ import annotations

from nlmg_tui.tui.search_state import SearchState
from nlmg_tui.tui.widgets.search_results import SearchResults


async def test_a_search_opened_before_the_first_refresh_builds_the_index(app, monkeypatch):
    # The browse screen's refresh never comes in time: the app's own start is dropped.
    original = app.call_after_refresh
    monkeypatch.setattr(app, "call_after_refresh", lambda callback, *args, **kwargs: (
        True if getattr(callback, "__func__", None) is SearchState.start_building
        else original(callback, *args, **kwargs)))
    async with app.run_test() as pilot:
        await pilot.press("slash", *"hailsham")
        for _ in range(100):  # bounded: 5 s at most
            if app.screen.query_one(SearchResults).option_count:
                break
            await pilot.pause(0.05)
        assert app.search.index is not None
        assert app.screen.query_one(SearchResults).option_count >= 2


async def test_the_index_is_built_once(app):
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        index = app.search.index
        assert index is not None
        app.search.start_building()  # the search screen's call, after the app's
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.search.index is index
        assert [w for w in app.workers if w.group == "search-index"] == []
