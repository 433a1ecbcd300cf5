"""The index build starts with the first frame, and a search screen starts it too.

The app once started the build in a callback run after the browse screen's next refresh: a
search screen pushed before that refresh hid the browse screen, the callback waited until the
user came back, and the search sat on "indexing…" for good. The search screen now starts the
build itself (once: a second call is a no-op), and the app starts it when Textual says the first
frame is up (``on_ready``), so a "/" typed at once finds the index on its way.
"""

from __future__ import annotations

from nlmg_tui.tui.search_state import SearchState
from nlmg_tui.tui.widgets.search_results import SearchResults


async def test_a_search_opened_before_the_app_started_the_build_builds_the_index(app,
                                                                                monkeypatch):
    # The app's own start never comes: only the search screen's call can start the build.
    original = SearchState.start_building
    calls = []

    def start_building(self):
        calls.append(self)
        if len(calls) > 1:
            original(self)

    monkeypatch.setattr(SearchState, "start_building", start_building)
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


async def test_the_build_starts_with_the_first_frame(app, monkeypatch):
    """Not after a later refresh: a "/" typed the moment the list shows finds it on its way."""
    screens_at_start = []
    original = SearchState.start_building

    def start_building(self):
        screens_at_start.append(type(app.screen).__name__)
        original(self)

    monkeypatch.setattr(SearchState, "start_building", start_building)
    async with app.run_test() as pilot:
        await pilot.press("slash")
        assert screens_at_start[:1] == ["BrowseScreen"]
