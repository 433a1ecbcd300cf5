"""Every key the timeline screen lists, pressed, with what the screen then shows.

``test_every_listed_key_has_a_case`` fails when a binding is added without a case here. The
fixture timeline lists, in order: 102_early (Ed Early), 100_late (Lena Late), then undated
101_undated and 103_nameless.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.help import HelpScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.timeline import TimelineScreen

from .conftest import opens_timeline, settle

SIZE = (100, 32)
Check = Callable[[Pilot, NlmgApp], Awaitable[None]]


def timeline_screen(app: NlmgApp) -> TimelineScreen:
    assert isinstance(app.screen, TimelineScreen)
    return app.screen


def chart_text(app: NlmgApp) -> str:
    screen = timeline_screen(app)
    return screen.chart.draw(screen.timeline, 96).plain


def cursor_on(review_id: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = timeline_screen(app)
        assert screen.highlighted is not None and screen.highlighted.review.id == review_id
        critic = labels.review_name(screen.highlighted.review)
        assert str(screen.query_one("#timeline-status", Static).render()).startswith(critic)
    return check


async def reader_on_early(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReaderScreen) and app.screen.review.id == "102_early"


async def rating_plotted(pilot: Pilot, app: NlmgApp) -> None:
    screen = timeline_screen(app)
    assert screen.plot == "rating" and screen.chart.plot == "rating"
    chart = chart_text(app)
    assert "Rating by date, 0 to 1 of its scale · 1 unrated not plotted · t: plot tone" in chart
    assert "Tone by date" not in chart


async def back_to_browse(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, BrowseScreen)


async def help_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)


async def palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)


async def app_exited(pilot: Pilot, app: NlmgApp) -> None:
    assert app._exit, "the app should be exiting"


async def spoiler_free_off(pilot: Pilot, app: NlmgApp) -> None:
    assert not app.spoiler_shield.enabled
    assert json.loads(app.settings_file.read_text())["spoiler_free"] is False


def on_screen_named(name: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert type(app.screen).__name__ == name
    return check


# key -> (keys to press first, check); the key itself is pressed in between.
CASES: dict[str, tuple[tuple[str, ...], Check]] = {
    "j": ((), cursor_on("100_late")),
    "down": ((), cursor_on("100_late")),
    "k": (("j", "j"), cursor_on("100_late")),
    "up": (("j", "j"), cursor_on("100_late")),
    "enter": ((), reader_on_early),
    "o": ((), reader_on_early),
    "t": ((), rating_plotted),
    "q": ((), back_to_browse),
    "escape": ((), back_to_browse),
}
async def suspend_headless(pilot, app) -> None:
    """ctrl+z suspends to the shell in a real terminal (tests/e2e); the headless test driver
    cannot suspend, so here the app simply keeps running."""
    assert app.is_running and not app._driver.can_suspend


GENERAL: dict[str, Check] = {
    "question_mark": help_open,
    "ctrl+p": palette_open,
    "ctrl+t": palette_open,
    "ctrl+q": app_exited,
    "slash": on_screen_named("SearchScreen"),
    "B": on_screen_named("BookmarksScreen"),
    "W": on_screen_named("WatchlistScreen"),
    "M": on_screen_named("MentionsScreen"),
    "T": on_screen_named("TimelineScreen"),  # already there: nothing is stacked
    "P": on_screen_named("TopicsScreen"),
    "Z": spoiler_free_off,
    "ctrl+z": suspend_headless,
}
APP_COPY_KEYS = {"ctrl+c", "super+c"}
"""The app's copy keys: tested with a selection in tests/tui/test_keys.py."""


@pytest.mark.parametrize("key", [*CASES, *GENERAL])
async def test_key(app: NlmgApp, key: str) -> None:
    before, check = CASES[key] if key in CASES else ((), GENERAL[key])
    async with app.run_test(size=SIZE) as pilot:
        await opens_timeline(pilot)
        if before:
            await pilot.press(*before)
            await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        await check(pilot, app)


async def test_every_listed_key_has_a_case(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_timeline(pilot)
        listed = {name for entry in screen_keys(app.screen) for name in entry.key_names}
    assert listed == set(CASES) | set(GENERAL) | APP_COPY_KEYS


async def test_t_twice_plots_the_tone_again(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_timeline(pilot)
        await pilot.press("t", "t")
        await settle(pilot)
        assert timeline_screen(app).plot == "tone"
        assert "Tone by date, -1 to +1 · t: plot rating" in chart_text(app)


async def test_help_and_footer_name_the_plot_key(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_timeline(pilot)
        footer = str(app.screen.query_one("KeyFooter").render())
        assert "Plot rating/tone" in footer
        entries = {entry.action: entry for entry in screen_keys(app.screen)}
        assert entries["toggle_plot"].keys == ("t",) and entries["toggle_plot"].group == "Plot"
