"""SVG snapshots of the comparison and topic-map screens (fixture reviews, so they stay put).

Update with ``pytest tests/tui_compare/test_snapshots.py --snapshot-update`` only after looking
at the report of what changed.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nlmg_tui.tui.app import NlmgApp, make_app

from .conftest import build_spoiler_corpus, opens_compare, opens_topics, settle


@pytest.fixture
def spoiler_app(user_data_dir) -> NlmgApp:
    """The app on two reviews that give the premise and the ending away (spoiler-free mode is
    on in a fresh data dir)."""
    return make_app(corpus=build_spoiler_corpus(), data_dir=user_data_dir)


async def compare_on_a_pair(pilot: Pilot) -> None:
    await opens_compare("100_left", "101_right")(pilot)
    await pilot.press("j", "j")  # the cast row
    await settle(pilot)


async def compare_with_a_pin(pilot: Pilot) -> None:
    await opens_compare("100_left", "101_right")(pilot)
    await pilot.press("j", "j", "j", "m", "g", "l", "m")  # pin left p3 with right p1
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


async def compare_spoiler_free(pilot: Pilot) -> None:
    await opens_compare("200_shield", "201_plain")(pilot)
    await pilot.press("j", "j", "j", "l")  # the ending row: a bar beside a complaint
    await settle(pilot)


async def topics_on_a_cell(pilot: Pilot) -> None:
    await opens_topics(pilot)
    await pilot.press("j", "j", "j", "l", "l")  # the ending, Thea Third
    await settle(pilot)


def test_compare_aligned(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(100, 32), run_before=compare_on_a_pair)


def test_compare_pinned(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(100, 32), run_before=compare_with_a_pin)


def test_compare_at_80_columns(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=compare_on_a_pair)


def test_compare_spoiler_free_with_tone_arcs(snap_compare, spoiler_app: NlmgApp) -> None:
    assert snap_compare(spoiler_app, terminal_size=(100, 32), run_before=compare_spoiler_free)


def test_topic_map(snap_compare, app: NlmgApp) -> None:
    assert snap_compare(app, terminal_size=(100, 32), run_before=topics_on_a_cell)


async def picker_on_the_second_review(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("j", "C", "j")  # Lena Left; compare with…; Thea Third highlighted
    await settle(pilot)


def test_compare_picker_names_the_pair(snap_compare, app: NlmgApp) -> None:
    """The picker over the list: j/k move, the line under it names the pair enter opens."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=picker_on_the_second_review)
