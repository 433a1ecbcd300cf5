"""The command palette: open any review by critic, outlet or headline; run screen actions."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.command import CommandList, CommandPalette

from nlmg_tui.tui.commands import MIN_SCORE, match
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.comments import CommentsScreen
from nlmg_tui.tui.screens.reader import ReaderScreen


@pytest.mark.parametrize(
    ("query", "candidate", "matches"),
    [
        ("gus", "Read: Gus Gamma · Mountain Paper — Gamma with comments", True),
        ("mountain", "Read: Gus Gamma · Mountain Paper — Gamma with comments", True),
        ("brilliant", "Read: Alice Critic · Film Weekly — Dark, Moving and Brilliant", True),
        ("zzzz", "Read: Alice Critic · Film Weekly — Dark, Moving and Brilliant", False),
        ("[/", "Read: Hostile [red]Outlet[/red] · Beta", True),
        ("", "Read: anything", False),
    ],
)
def test_match(query, candidate, matches):
    score, display = match(query, candidate)
    assert (score >= MIN_SCORE) is matches
    assert isinstance(display, Text) and display.plain == candidate


def test_match_is_bounded_on_hostile_queries():
    for query in ("e" * 10_000, "a" * 30, "[@click=app.quit]", "(" * 500):
        score, display = match(query, "Read: " + "e" * 500)
        assert 0 <= score <= 100 and display.plain.startswith("Read: ")


async def open_palette_and_run(pilot, app, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.3)  # the palette searches in a worker after a short debounce
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_opens_a_review_by_critic(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_palette_and_run(pilot, app, "read alice")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.review.id == "000_alpha"


async def test_palette_opens_comments_by_outlet(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_palette_and_run(pilot, app, "comments mountain")
        assert isinstance(app.screen, CommentsScreen)


async def test_palette_runs_the_screen_actions(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_palette_and_run(pilot, app, "sort (s)")
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.sort_name == "critic"


async def test_palette_shows_hostile_names_literally(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hostile")
        await pilot.pause(0.3)
        command_list = app.screen.query_one(CommandList)
        prompts = [str(command_list.get_option_at_index(i).prompt)
                   for i in range(command_list.option_count)]
        assert any("Hostile [red]Outlet[/red]" in p and "[@click=app.quit]q[/]" in p
                   for p in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)  # a command ran, nothing raised
        assert app.is_running


async def test_palette_opens_the_import_dialog(app):
    from nlmg_tui.tui.screens.import_review import ImportReviewDialog

    async with app.run_test(size=(100, 32)) as pilot:
        await open_palette_and_run(pilot, app, "import")
        assert isinstance(app.screen, ImportReviewDialog)
