"""The search screen: results as you type, hostile queries, stale answers dropped, the index
still building, recent searches."""

from __future__ import annotations

import asyncio
import threading

from textual import events
from textual.widgets import Static

from nlmg_tui.search import SearchIndex
from nlmg_tui.search.query import MAX_QUERY_LENGTH
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_input import SearchInput
from nlmg_tui.tui.widgets.search_results import SearchResults

from .conftest import SIZE, open_search, settle


def search_screen(app) -> SearchScreen:
    assert isinstance(app.screen, SearchScreen)
    return app.screen


def rows(app) -> list[str]:
    """What each result row says, as plain text."""
    results = app.screen.query_one(SearchResults)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def status(app) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


def highlighted_words(app, row: int) -> list[str]:
    """The parts of a row's snippet styled as a match."""
    prompt = app.screen.query_one(SearchResults).get_option_at_index(row).prompt
    return [prompt.plain[span.start:span.end] for span in prompt.spans
            if "reverse" in str(span.style)]


async def test_typo_finds_garfield(real_app):
    real_app.spoiler_shield.enabled = False  # every snippet shown; shielded hits: tests/tui_spoilers
    async with real_app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "garfeild")
        screen = search_screen(real_app)
        assert screen.result is not None and screen.result.hits
        shown = rows(real_app)
        assert len(shown) == len(screen.result.hits)
        assert all("Garfield" in row for row in shown)
        assert highlighted_words(real_app, 0) == ["Garfield"]
        assert status(real_app).startswith(f"{len(shown)} hit")


async def test_critic_filter_puts_the_critic_first(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "critic:hanke")
        first = rows(real_app)[0]
        assert first.startswith("Ken Hanke · ") and " · critic\n" in first


async def test_phrase_finds_its_one_passage(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await open_search(pilot, '"poisoned grace"')
        shown = rows(real_app)
        assert len(shown) == 1 and shown[0].startswith("James Rocchi · ")
        assert [w.casefold() for w in highlighted_words(real_app, 0)] == ["poisoned grace"]


async def test_the_last_word_completes_while_typing(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hails")
        assert len(rows(app)) == 5  # 4 paragraphs and a comment say "Hailsham"
        assert all(words == ["Hailsham"] for words in
                   (highlighted_words(app, i) for i in range(5)))


async def test_rows_name_critic_review_and_field(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        shown = rows(app)
        assert "Alice Critic · Dark, Moving and Brilliant · ¶ 2\n" in "\n".join(shown)
        assert any(row.startswith("Hostile [red]Outlet[/red] · Beta [@click=app.quit]q[/]") for row in shown)
        assert any(row.startswith("Ken Hanke · Gamma with comments · comment #2\n")
                   for row in shown)
        app.screen.query_one(SearchInput).value = "final word"
        await settle(pilot)
        assert rows(app)[0].startswith("Hostile [red]Outlet[/red] · Beta ")
        assert " · verdict ¶ 3\n" in rows(app)[0]


async def paste(pilot, text: str) -> None:
    pilot.app.screen.query_one(SearchInput).post_message(events.Paste(text))
    await settle(pilot)


async def test_markup_in_a_query_is_typed_literally(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "[/b]")
        box = app.screen.query_one(SearchInput)
        assert box.value == "[/b]"
        await pilot.press(*["backspace"] * 4)
        await paste(pilot, "[@click=app.quit]")
        assert box.value == "[@click=app.quit]"
        assert not app._exit
        assert isinstance(app.screen, SearchScreen)
        assert any("[@click=app.quit]q[/]" in row for row in rows(app))  # found in beta


async def test_control_sequences_never_reach_the_box(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot)
        box = app.screen.query_one(SearchInput)
        await paste(pilot, "\x1b]0;x\x07hailsham\x1b[31m")
        assert box.value == "hailsham"
        box.value = "\x1b]0;x\x07garfield\x07"  # set around the paste filter
        await settle(pilot)
        assert box.value == "garfield"
        assert rows(app)[0].startswith("Alice Critic")


async def test_a_huge_paste_is_capped_with_a_note(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot)
        await paste(pilot, "hailsham " + "x" * 10_000)
        box = app.screen.query_one(SearchInput)
        assert len(box.value) == MAX_QUERY_LENGTH
        assert f"cut to {MAX_QUERY_LENGTH} characters" in status(app)
        assert "9,809 left out" in status(app)
        await pilot.press("backspace")
        await settle(pilot)
        assert "cut to" not in status(app)


async def test_pathological_and_empty_queries(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot)
        box = app.screen.query_one(SearchInput)
        for query in ("(", "\\", "+?", "a{1000000}", "eeeeee", "a" * 30, "😀", "   "):
            box.value = query
            await settle(pilot)
            assert isinstance(app.screen, SearchScreen)
        assert rows(app) == []  # whitespace only: no hits, no recent searches yet
        assert status(app).startswith("Type to search")


async def test_a_slow_older_search_never_replaces_a_newer_one(app, monkeypatch):
    release, finished = threading.Event(), threading.Event()
    original = SearchIndex.search

    def slow_for_hailsham(self, query, **options):
        if str(query).strip() == "hailsham":
            release.wait(10)
            try:
                return original(self, query, **options)
            finally:
                finished.set()
        return original(self, query, **options)

    monkeypatch.setattr(SearchIndex, "search", slow_for_hailsham)
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot)
        box = app.screen.query_one(SearchInput)
        box.value = "hailsham"  # blocks in its worker
        await pilot.pause()
        box.value = "garfield"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(app)[0].startswith("Alice Critic") and len(rows(app)) == 1
        release.set()
        assert await asyncio.to_thread(finished.wait, 10)
        await settle(pilot)
        screen = search_screen(app)
        assert screen.result is not None and screen.result.query.text == "garfield"
        assert len(rows(app)) == 1 and "Garfield" in rows(app)[0]
        assert "searching" not in status(app)


async def test_typing_before_the_index_is_ready_runs_when_it_is(app, monkeypatch):
    ready = threading.Event()
    original = SearchIndex.build.__func__

    def slow_build(cls, documents, cancelled=None):
        ready.wait(10)
        return original(cls, documents, cancelled)

    monkeypatch.setattr(SearchIndex, "build", classmethod(slow_build))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"hailsham")
        await pilot.pause()
        assert "indexing…" in status(app)
        assert rows(app) == []
        ready.set()
        await settle(pilot)
        assert len(rows(app)) == 5
        assert "indexing" not in status(app)
        assert "texts indexed" in str(app.screen.query_one("#search-title", Static).render())


async def test_enter_while_a_search_runs_opens_its_first_hit(app, monkeypatch):
    ready = threading.Event()
    original = SearchIndex.build.__func__

    def slow_build(cls, documents, cancelled=None):
        ready.wait(10)
        return original(cls, documents, cancelled)

    monkeypatch.setattr(SearchIndex, "build", classmethod(slow_build))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.press(*"garfield", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        ready.set()
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.review.id == "000_alpha"


async def test_recent_searches_are_kept_for_the_session(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "garfield")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # back to the search
        await pilot.pause()
        await pilot.press(*["backspace"] * 8, *"hailsham")
        await settle(pilot)
        await pilot.press("escape")  # leaving with hits keeps the query too
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.search.history == ["hailsham", "garfield"]
        await pilot.press("slash")
        await settle(pilot)
        assert rows(app) == ["↻ hailsham", "↻ garfield"]
        await pilot.press("up")  # in the empty box: the last search comes back
        await settle(pilot)
        box = app.screen.query_one(SearchInput)
        assert box.value == "hailsham" and len(rows(app)) == 5
        await pilot.press(*["backspace"] * 8, "down", "down", "enter")  # the list: garfield
        await settle(pilot)
        assert box.value == "garfield" and box.has_focus
        assert len(rows(app)) == 1


async def test_slash_on_the_search_screen_focuses_the_box(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await pilot.press("tab")
        assert isinstance(app.focused, SearchResults)
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one(SearchInput)
        assert box.has_focus and box.selected_text == "hailsham"
        await pilot.press(*"garfield")  # typing replaces the selected query
        await settle(pilot)
        assert box.value == "garfield"
        assert len(app.screen_stack) == 2


async def test_an_index_that_fails_to_build_is_reported(app, monkeypatch):
    def broken(cls, documents, cancelled=None):
        raise MemoryError("no room for the index")

    monkeypatch.setattr(SearchIndex, "build", classmethod(broken))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app._exit
        await pilot.press("slash", *"hailsham")
        await settle(pilot)
        assert status(app) == "Search is unavailable: no room for the index"
        assert rows(app) == []


async def test_too_small_a_terminal_hides_the_screen_until_it_grows(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert search_screen(app).too_small
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not search_screen(app).too_small
        assert app.screen.query_one(SearchInput).value == "hailsham" and len(rows(app)) == 5
