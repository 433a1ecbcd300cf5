"""The topic map screen: the table, the panel that explains each tone, loading, sizes, safety."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import LoadingIndicator, Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.screens import topics as topics_module
from nlmg_tui.tui.screens.topics import TopicsScreen
from nlmg_tui.tui.widgets.too_small import TooSmallNote

from .conftest import HOSTILE_MARKUP, opens_topics, settle


def plain_cell(screen: TopicsScreen, row: int, column: int) -> str:
    return screen.table.get_cell_at((row, column)).plain


async def test_table_has_topics_as_rows_and_critics_as_columns(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_topics(pilot)
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        table = screen.table
        headings = [column.label.plain for column in table.columns.values()]
        assert headings == ["Topic", "100 Left", "101 Hostile [red]Outlet[/red]", "102 Third", "Consensus"]
        topics = [plain_cell(screen, r, 0).splitlines()[0] for r in range(table.row_count)]
        assert topics == ["Cast and acting", "The novel", "The twist and the premise",
                          "The ending", "Score and music", "Bleakness"]
        assert plain_cell(screen, 0, 1).splitlines() == [
            "+ positive", "“Carey Mulligan and Andrew Garfield lead a superb cast; the acting "
            "is restrained and exact.”"]
        assert plain_cell(screen, 0, 3).startswith("− negative")
        assert plain_cell(screen, 1, 1).strip() == "·"  # Lena says nothing on the novel
        # ending: 1 positive, 1 negative, 1 without an opinion: no word hides the dissent
        assert plain_cell(screen, 3, 4) == "≠ split of 3\n+1 −1 ?1"
        assert plain_cell(screen, 0, 4) == "2 of 3 positive\n+2 −1"
        title = str(screen.query_one("#topics-title", Static).render())
        assert title.startswith("Where the critics agree · 6 topics × 3 reviews")


async def test_panel_shows_how_the_tone_was_decided(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_topics(pilot)
        await pilot.press("j", "j", "j", "l", "l")  # the ending, Thea Third
        detail = str(app.screen.query_one("#topic-detail", Static).render())
        assert detail.splitlines() == [
            "The ending — Thea Third (102, Third Paper)",
            "Tone: − negative  decided by: against: depressing",
            "“The ending is depressing, and the cast cannot save it.”",
            "Paragraph p2 · tone read from 1 sentence on this topic · enter opens it in the "
            "reader, b bookmarks the quote",
        ]


async def test_hostile_quote_is_shown_literally(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_topics(pilot)
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        await pilot.press("j", "j", "j", "j", "l", "l")  # score and music, Thea Third
        detail = str(screen.query_one("#topic-detail", Static).render())
        assert f"“The music {HOSTILE_MARKUP} is loud.”" in detail
        assert "\x1b" not in detail and "pwned" not in detail
        assert "Hostile [red]Outlet[/red]" not in detail
        await pilot.press("h", "h", "h")  # the topic column: every critic on the topic
        detail = str(screen.query_one("#topic-detail", Static).render())
        assert f"• Thea Third: ? unclear — “The music {HOSTILE_MARKUP} is loud.”" in detail
        assert not app._exit


async def test_map_is_built_off_the_ui_thread_with_a_loading_indicator(
    app: NlmgApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_map = topics_module.topic_map

    def slow_map(*args, **kwargs):
        assert threading.current_thread() is not threading.main_thread()
        release.wait(timeout=10)
        return real_map(*args, **kwargs)

    monkeypatch.setattr(topics_module, "topic_map", slow_map)
    async with app.run_test(size=(100, 32)) as pilot:
        app.open_topics()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TopicsScreen)
        assert screen.table.loading
        assert isinstance(screen.table._cover_widget, LoadingIndicator)
        assert "reading every review" in str(screen.query_one("#topics-title", Static).render())
        await pilot.press("o")  # nothing to open yet: no crash, a hint
        release.set()
        await settle(pilot)
        assert not screen.table.loading and screen.table.row_count == 6


async def test_80_columns_abbreviate_tones_and_fit(real_app: NlmgApp) -> None:
    async with real_app.run_test(size=(80, 24)) as pilot:
        await opens_topics(pilot)
        screen = real_app.screen
        assert isinstance(screen, TopicsScreen)
        assert screen.table.short
        assert screen.table.max_scroll_x == 0
        assert screen.table.get_cell_at((0, 1)).plain.splitlines()[0] in {
            "+ pos", "− neg", "± mix", "○ neu"}


async def test_real_map_has_every_topic_and_five_critics(real_app: NlmgApp) -> None:
    async with real_app.run_test(size=(100, 32)) as pilot:
        await opens_topics(pilot)
        screen = real_app.screen
        assert isinstance(screen, TopicsScreen)
        assert not screen.table.short
        assert len(screen.table.columns) == 7  # topic, five critics, consensus
        assert screen.table.row_count == 12
        assert screen.table.max_scroll_x == 0


async def test_40x12_shows_the_too_small_note(app: NlmgApp) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        await opens_topics(pilot)
        screen = app.screen
        assert isinstance(screen, TopicsScreen) and screen.too_small
        assert "Terminal too small (40x12)" in str(screen.query_one(TooSmallNote).render())
