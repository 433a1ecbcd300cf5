"""The filter box is mounted on first use: the first screen shows its placeholder; ``f`` (or a
click) puts the real box in its place, and keys typed right after ``f`` land in it."""

from __future__ import annotations

from textual.widgets import Input

from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.widgets.filter_prompt import FilterPrompt


async def test_the_first_screen_shows_the_placeholder_not_a_box(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        assert not browse.query(Input) and browse.filter_input is None
        assert "critic, outlet, words… (f)" in str(browse.query_one(FilterPrompt).render())
        assert len(browse.visible_reviews) == len(app.corpus.reviews)


async def test_keys_typed_right_after_f_filter_the_list(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        browse = app.screen
        await pilot.press("f", *"alice")  # no pause between f and the query
        await pilot.pause()
        box = browse.filter_input
        assert box is not None and box.value == "alice" and app.focused is box
        assert not browse.query(FilterPrompt)
        assert [r.critic for r in browse.visible_reviews] == ["Alice Critic"]
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == "" and len(browse.visible_reviews) == len(app.corpus.reviews)
        await pilot.press("f")  # the same box again, not a second one
        await pilot.pause()
        assert browse.query(Input).results(Input) and len(browse.query("#filter")) == 1


async def test_a_click_on_the_placeholder_opens_the_box(app) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.click(FilterPrompt)
        await pilot.pause()
        box = app.screen.filter_input
        assert box is not None and app.focused is box


async def test_a_filter_typed_in_one_go_after_f_is_not_lost(app) -> None:
    from textual import events

    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key in "falice":  # all queued at once, as a terminal delivers fast typing
            app.post_message(events.Key(key, key))
        for _ in range(100):  # bounded: 5 s at most
            if app.screen.filter_text == "alice":
                break
            await pilot.pause(0.05)
        assert app.screen.filter_text == "alice"
