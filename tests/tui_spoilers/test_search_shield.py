"""Search in spoiler-free mode: a hit inside a hidden paragraph says so without its text, opens
behind its bar, and shows its snippet once the paragraph is revealed or the mode is off."""

from __future__ import annotations

from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_results import SearchResults

from .conftest import SIZE, settle

QUERY = "clones"  # a premise-reveal term: every passage with it is shielded by the rules


def rows(app) -> list[str]:
    results = app.screen.query_one(SearchResults)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def status(app) -> str:
    return str(app.screen.query_one("#search-status").render())


async def search(pilot, query: str) -> None:
    await settle(pilot)
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*query)
    await settle(pilot)


def hidden_hits(app) -> list[bool]:
    """For each hit: is it in a paragraph the rules shield?"""
    screen = app.screen
    assert isinstance(screen, SearchScreen) and screen.result is not None
    flags = []
    for hit in screen.result.hits:
        review = app.corpus.get(hit.review_id)
        flags.append(hit.paragraph_id is not None
                     and spoiler_levels(review)[hit.paragraph_id].shielded)
    return flags


async def test_hits_in_hidden_paragraphs_say_so_without_text(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await search(pilot, QUERY)
        shown = rows(real_app)
        flags = hidden_hits(real_app)
        assert any(flags)
        assert f"{sum(flags)} in hidden spoiler paragraphs" in status(real_app)
        for text, hidden in zip(shown, flags, strict=True):
            snippet = text.split("\n", 1)[1]
            if hidden:
                assert "In a hidden spoiler paragraph" in snippet
                assert QUERY not in snippet.lower()
            else:
                assert "hidden spoiler" not in snippet


async def test_opening_a_hidden_hit_lands_on_its_bar(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await search(pilot, QUERY)
        row = hidden_hits(real_app).index(True)
        hit = real_app.screen.result.hits[row]
        await pilot.press(*["down"] * row, "enter")
        await settle(pilot)
        screen = real_app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.current_paragraph.paragraph_id == hit.paragraph_id
        view = screen.views[screen.cursor]
        assert str(view.render()).startswith("▒▒ Spoiler hidden")
        assert "holds a search hit" in str(view.render())
        await pilot.press("s")
        await pilot.pause()
        assert QUERY in str(view.render()).lower()  # revealed, with the hit highlighted
        await pilot.press("escape")  # back on the search screen: that hit now shows its text
        await settle(pilot)
        assert isinstance(real_app.screen, SearchScreen)
        assert QUERY in rows(real_app)[row].split("\n", 1)[1].lower()


async def test_turning_the_mode_off_shows_every_snippet_in_place(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await search(pilot, QUERY)
        before = rows(real_app)
        assert any("hidden spoiler" in row for row in before)
        await pilot.press("tab", "Z")  # from the list: Z is a letter in the box
        await settle(pilot)
        after = rows(real_app)
        assert len(after) == len(before)
        assert not any("hidden spoiler" in row for row in after)
        assert "hidden spoiler" not in status(real_app)
        assert all("clon" in row.split("\n", 1)[1].lower() for row in after)  # clone, cloned…
