"""SVG snapshots of the timeline screen, plotting tone (the default) and rating (fixture
reviews, so they stay put).

Update with ``pytest tests/tui_timeline/test_snapshots.py --snapshot-update`` only after looking
at the report of what changed.
"""

from __future__ import annotations

from textual.pilot import Pilot

from nlmg_tui.tui.app import NlmgApp

from .conftest import opens_timeline, settle


async def timeline_on_an_undated_review(pilot: Pilot) -> None:
    await opens_timeline(pilot)
    await pilot.press("j", "j")  # the first undated review (a hostile critic name)
    await settle(pilot)


def test_timeline(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(100, 32), run_before=timeline_on_an_undated_review)


async def timeline_plotting_the_rating(pilot: Pilot) -> None:
    await opens_timeline(pilot)
    await pilot.press("t")
    await settle(pilot)


def test_timeline_rating_plot(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(100, 32), run_before=timeline_plotting_the_rating)
