"""Ways into the comparison and the topic map: browse marks, the reader, the command palette."""

from __future__ import annotations

from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.commands import CompareCommands
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.compare import CompareScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.topics import TopicsScreen
from nlmg_tui.tui.widgets.compare_marks import CompareMarks
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker

from .conftest import settle

RIGHT_NAME = "Hostile [red]Outlet[/red] · Right [@click=app.quit]q[/] and [b]x[/b] and [/"
"""How the review without a critic is named: its outlet and headline."""

# The browse list sorts by date, newest first: 102_third, 100_left, then the undated 101_right.


def marks_bar(app: NlmgApp) -> CompareMarks:
    return app.screen.query_one(CompareMarks)


async def test_space_marks_and_unmarks_visibly(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not marks_bar(app).display
        await pilot.press("space")
        bar = marks_bar(app)
        assert bar.display and bar.marked_ids == ["102_third"]
        assert str(bar.render()).startswith("◆ Marked to compare: 102 Thea Third — C compares "
                                            "it with the highlighted review")
        await pilot.press("space")
        assert not bar.display and bar.marked_ids == []


async def test_C_compares_the_two_marked_reviews(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("j", "space", "j", "space")
        assert "C compares them" in str(marks_bar(app).render())
        await pilot.press("k", "k", "C")  # the highlighted review does not matter now
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("100_left", "101_right")
        await pilot.press("q")
        assert isinstance(app.screen, BrowseScreen)
        assert marks_bar(app).marked_ids == []  # used up


async def test_C_compares_the_marked_review_with_the_highlighted_one(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space", "G", "C")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("102_third", "101_right")


async def test_C_with_nothing_marked_asks_which_review(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        assert picker.picker_title == "Compare Thea Third with…"
        assert [r.id for r in picker.reviews] == ["100_left", "101_right"]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("102_third", "100_left")


async def test_browse_lists_the_compare_keys(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        keys = {entry.action: (entry.key_names, entry.group) for entry in screen_keys(app.screen)}
    assert keys["toggle_mark"] == (("space",), "Compare")
    assert keys["compare"] == (("C",), "Compare")


async def test_reader_compares_this_review_with_a_picked_one(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.open_reader("101_right")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        assert picker.picker_title == f"Compare {RIGHT_NAME} with…"
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("101_right", "102_third")
        await pilot.press("q")
        assert isinstance(app.screen, ReaderScreen)
        keys = {entry.action: entry.key_names for entry in screen_keys(app.screen)}
        assert keys["compare"] == ("C",)


async def test_reader_picker_cancelled_stays_in_the_reader(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.open_reader("100_left")
        await pilot.pause()
        await pilot.press("C", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_palette_offers_every_pair_and_the_topic_map(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        provider = CompareCommands(app.screen)
        names = [hit.text async for hit in provider.search("compare")]
        left, right, _ = app.corpus.reviews
        assert (f"Compare: {labels.short_title(left)} with "
                f"{labels.short_title(right)}") in names
        assert any("Hostile [red]Outlet[/red]" in name for name in names if name)
        assert len([n for n in names if n and n.startswith("Compare: ")]) == 3  # 3 reviews, 3 pairs
        discovered = [hit.text async for hit in provider.discover()]
        assert discovered == ["Topic map: where the critics agree"]
        hits = [hit async for hit in provider.search("topic map")]
        assert hits and hits[0].text == "Topic map: where the critics agree"
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, TopicsScreen)


async def test_palette_compare_command_opens_the_pair(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        provider = CompareCommands(app.screen)
        hits = [hit async for hit in provider.search("Thea Third")]
        pair = next(h for h in hits if h.text == "Compare: Lena Left · The Left Review with "
                                                 "Thea Third · Third Paper")
        pair.command()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("100_left", "102_third")
        assert "Thea Third" in str(screen.query_one("#header-right", Static).render())


async def test_open_compare_with_an_unknown_id_says_so(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.open_compare("100", "999")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert "No review '999'." in [str(n.message) for n in app._notifications]


async def test_picker_moves_with_j_and_k_and_opens_the_pair_it_names(app: NlmgApp) -> None:
    """Issue 15: j/k were ignored in the picker, so enter compared the first review listed
    (102_third with 100_left) instead of the one the user moved to."""
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("C")  # Thea Third highlighted; nothing marked: the picker asks
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        pair = picker.query_one("#picker-pair", Static)
        assert str(pair.render()).startswith("Compare: Thea Third · Lena Left")
        await pilot.press("j")
        assert picker.option_list.highlighted == 1
        assert str(pair.render()).startswith(f"Compare: Thea Third · {RIGHT_NAME}")
        await pilot.press("k", "j")
        assert picker.option_list.highlighted == 1
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("102_third", "101_right")


async def test_newcomer_compares_two_named_critics_in_six_keys(app: NlmgApp) -> None:
    """From launch, with only keys the screens show: the list's footer and marks bar name
    space and C; the picker names j/k and enter. Lena Left with Thea Third."""
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer_keys = {entry.key_names[0] for entry in screen_keys(app.screen)}
        assert {"space", "C"} <= footer_keys
        keys = ("j", "C", "j", "enter")  # Lena Left's row; compare with…; Thea Third
        await pilot.press(*keys[:2])
        await pilot.pause()
        assert isinstance(app.screen, ReviewPicker)
        assert "j k ↑ ↓ move" in str(app.screen.query_one("#picker-hint", Static).render())
        await pilot.press(*keys[2:])
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert len(keys) <= 6
        header = str(screen.query_one("#header-left", Static).render()) + str(
            screen.query_one("#header-right", Static).render())
        assert "Lena Left" in header and "Thea Third" in header
