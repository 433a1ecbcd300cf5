"""The comparison screen beyond single keys: pins, pickers, scrolling together, sizes, safety."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from textual.widgets import LoadingIndicator, OptionList, Static

from nlmg_tui.compare.align import align_reviews
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.tui.app import NlmgApp, make_app
from nlmg_tui.tui.screens import compare_alignment as compare_module
from nlmg_tui.tui.screens.compare import CompareScreen
from nlmg_tui.tui.tone_badge import tone_for
from nlmg_tui.tui.widgets.compare_passage import MENTION_STYLE
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker
from nlmg_tui.tui.widgets.too_small import TooSmallNote

from .conftest import HOSTILE_MARKUP, build_corpus, opens_compare, settle

RIGHT_NAME = "Hostile [red]Outlet[/red] · Right [@click=app.quit]q[/] and [b]x[/b] and [/"
"""How the review without a critic is named: its outlet and headline."""


def rows_of(screen: CompareScreen) -> list[tuple[str | None, str | None]]:
    return [(row.pair.left, row.pair.right) for row in screen.rows]


def shown(widget: Static) -> str:
    return str(widget.render())


async def test_marking_two_paragraphs_pins_them_and_the_rest_realigns(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert rows_of(screen) == [(None, "p1"), ("p1", "p2"), ("p2", "p3"), ("p3", None),
                                   ("p4", "p4")]
        # left p3 (row 3), then right p1 (row 0): m, m
        await pilot.press("j", "j", "j", "m", "g", "l", "m")
        await settle(pilot)
        assert screen.applied_pins == (("p3", "p1"),)
        assert screen.marked is None
        assert rows_of(screen) == [("p1", None), ("p2", None), ("p3", "p1"), (None, "p2"),
                                   (None, "p3"), ("p4", "p4")]
        pinned = [row for row in screen.rows if row.has_class("-pinned")]
        assert [(row.pair.left, row.pair.right) for row in pinned] == [("p3", "p1")]
        assert screen.row == 2  # the cursor follows the new pin
        # p on the pinned row unpins it: back to the computed alignment
        await pilot.press("p")
        await settle(pilot)
        assert screen.applied_pins == ()
        assert rows_of(screen)[1] == ("p1", "p2")


async def test_a_new_pin_replaces_a_crossing_one(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("G", "p")  # pin p4 = p4
        await settle(pilot)
        await pilot.press("g", "j", "j", "j", "m", "G", "l", "m")  # left p3 with right p4
        await settle(pilot)
        assert screen.applied_pins == (("p3", "p4"),)
        assert any("1 crossing pin removed" in str(n.message) for n in app._notifications)


async def test_gap_rows_refuse_pin_open_and_bookmark_with_a_reason(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        await pilot.press("p", "enter", "b")  # row 0: the left side is a gap
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("This row faces a gap") for m in messages)
        assert sum("No paragraph on the left here" in m for m in messages) == 2
        assert isinstance(app.screen, CompareScreen)


async def test_picking_another_review_for_a_side(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        await pilot.press("2")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ReviewPicker)
        options = picker.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[1].startswith(f"101 · {RIGHT_NAME}")
        assert labels[1].endswith("(now right)")
        await pilot.press("down", "enter")  # from 101 (highlighted) to 102
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left.id, screen.right.id) == ("100_left", "102_third")
        assert "Thea Third" in shown(screen.query_one("#header-right", Static))
        assert {row.pair.right for row in screen.rows} == {None, "p1", "p2", "p3"}


async def test_header_compares_the_two(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        left = shown(app.screen.query_one("#header-left", Static)).splitlines()
        right = shown(app.screen.query_one("#header-right", Static)).splitlines()
        assert left[0] == "◀ LEFT   100 Lena Left · The Left Review"
        assert left[1] == "2010-09-15 · 55 words · 1 min"
        assert left[2] == "▄▆▄▆       positive +0.70 · 4/5"  # tone arc, tone, rating
        assert left[3] == "“A quiet, devastating film.”"
        assert left[4] == "Topics: 3 · shared: cast, ending, score"
        assert right[0] == f"RIGHT ▶   101 {RIGHT_NAME}"
        assert right[1] == "54 words · 1 min"  # no date: left out
        assert right[2] == "▄▄▆▄       unclear +0.50 · no rating"  # one word: too weak
        assert right[4] == "Topics: 4 · only here: premise · shared: cast, ending, score"


async def test_hostile_text_is_shown_literally(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        aside = shown(screen.rows[3].left)
        assert HOSTILE_MARKUP in aside
        assert "\x1b" not in aside and "\x07" not in aside and "pwned" not in aside
        await pilot.click(screen.rows[3].left)  # a [@click=app.quit] in text must not run
        await pilot.pause()
        assert not app._exit
        assert screen.row == 3


async def test_shared_mentions_are_highlighted_as_spans(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        passage = screen.rows[2].right  # "The cast is flawless: Carey Mulligan ..."
        body = passage._body
        assert body is not None
        styled = sorted(body.plain[s.start:s.end] for s in body.spans
                        if str(s.style) == MENTION_STYLE)
        assert styled == ["Andrew Garfield", "Carey Mulligan", "cast"]
        await pilot.press("j", "j")
        status = shown(screen.query_one("#compare-status", Static))
        assert "score 0.87" in status and "shared: Carey Mulligan, Andrew Garfield" in status


async def test_whole_view_scrolls_together_while_locked(real_app: NlmgApp) -> None:
    async with real_app.run_test(size=(100, 32)) as pilot:
        await opens_compare("000", "002")(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = real_app.screen
        assert isinstance(screen, CompareScreen)
        left_scroll, right_scroll = screen.whole.scroll_of("left"), screen.whole.scroll_of("right")
        left = {v.paragraph_id: v for v in screen.whole_views("left")}
        right = {v.paragraph_id: v for v in screen.whole_views("right")}
        assert "↔ right p5" in shown(left["p2"])
        # 000 p2 pairs with 002 p5 (both introduce Kathy, Ruth and Tommy)
        left_scroll.scroll_to(y=left["p2"].virtual_region.y, animate=False, immediate=True)
        await pilot.pause()
        assert right_scroll.scroll_y == min(right["p5"].virtual_region.y, right_scroll.max_scroll_y)
        assert right_scroll.scroll_y > 0
        await pilot.press("L")  # unlock: the right side stays where it is
        before = right_scroll.scroll_y
        left_scroll.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        assert right_scroll.scroll_y == before
        assert "scroll lock off" in shown(screen.query_one("#compare-status", Static))
        # the cursor started on the right (row 0 faces a gap on the left): act on the left,
        # lock again, and the right side follows the left back to the top
        await pilot.press("h", "L")
        await pilot.pause()
        assert left_scroll.scroll_y == 0
        assert right_scroll.scroll_y == 0


async def test_cursor_moves_per_side_in_the_whole_view(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        await pilot.press("j", "v", "j", "j")  # row 1: left p1; then p2, p3 on the left
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.whole_cursor == {"left": 2, "right": 1}
        assert screen.current_passage is not None
        assert screen.current_passage.paragraph_id == "p3"
        await pilot.press("l", "p")  # pin left p3 with right p2 from the whole view
        await settle(pilot)
        assert screen.applied_pins == (("p3", "p2"),)
        await pilot.press("v")  # back to rows, on the row holding the cursor paragraph
        assert screen.view == "aligned"
        assert screen.rows[screen.row].pair.right == "p2"


async def test_real_reviews_000_and_002_align_as_documented(real_app: NlmgApp) -> None:
    real_app.spoiler_shield.enabled = False  # about the pairs: p2 and p5 reveal the premise
    async with real_app.run_test(size=(100, 32)) as pilot:
        await opens_compare("000", "002")(pilot)
        screen = real_app.screen
        assert isinstance(screen, CompareScreen)
        expected = align_reviews(screen.left, screen.right)
        assert rows_of(screen) == [(p.left, p.right) for p in expected]
        assert ("p2", "p5") in rows_of(screen)  # Kathy, Ruth and Tommy introduced
        assert ("p4", "p9") in rows_of(screen)  # the cast praised
        kathy_row = screen.rows[rows_of(screen).index(("p2", "p5"))]
        assert "Kathy" in shown(kathy_row.left) and "Kathy" in shown(kathy_row.right)
        gaps = [row for row in screen.rows if row.pair.is_gap]
        assert gaps and all(row.passage("left" if row.pair.left is None else "right")
                            .has_class("-gap") for row in gaps)
        assert "no counterpart" in shown(gaps[0].passage("left" if gaps[0].pair.left is None
                                                          else "right"))


async def test_80_columns_fit_side_by_side(real_app: NlmgApp) -> None:
    async with real_app.run_test(size=(80, 24)) as pilot:
        await opens_compare("000", "002")(pilot)
        screen = real_app.screen
        assert isinstance(screen, CompareScreen)
        assert not screen.too_small
        row = screen.rows[0]
        assert row.left.size.width >= 30 and row.right.size.width >= 30
        assert screen.aligned_body.max_scroll_x == 0  # nothing hidden sideways
        assert screen.query_one("#compare-status", Static).region.bottom <= 23


async def test_40x12_shows_the_too_small_note(app: NlmgApp) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.too_small
        note = screen.query_one(TooSmallNote)
        assert note.display and "Terminal too small (40x12)" in shown(note)
        assert not screen.query_one("#compare-views").display  # hidden, still mounted
        await pilot.press("q")
        assert not isinstance(app.screen, CompareScreen)


async def test_alignment_runs_off_the_ui_thread_with_a_loading_indicator(
    app: NlmgApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_align = compare_module.align_reviews

    def slow_align(*args, **kwargs):
        assert threading.current_thread() is not threading.main_thread()
        release.wait(timeout=10)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(compare_module, "align_reviews", slow_align)
    async with app.run_test(size=(100, 32)) as pilot:
        app.open_compare("100_left", "101_right")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.aligned_body.loading
        assert isinstance(screen.aligned_body._cover_widget, LoadingIndicator)
        assert "aligning…" in shown(screen.query_one("#compare-status", Static))
        await pilot.press("j")  # keys still answer while it aligns
        release.set()
        await settle(pilot)
        assert not screen.aligned_body.loading
        assert screen.aligned_body._cover_widget is None
        assert len(screen.rows) == 5


async def test_a_stale_alignment_is_dropped(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        tones = (tone_for(screen.left), tone_for(screen.right))
        stale = CompareScreen.AlignmentReady(screen.generation - 1, [], (), ((), ()), tones)
        screen.post_message(stale)
        await pilot.pause()
        assert len(screen.rows) == 5


async def test_a_review_with_no_text_and_a_review_with_itself(user_data_dir) -> None:
    left, right, third = build_corpus().reviews
    empty = replace(third, id="103_empty", paragraphs=())
    app = make_app(corpus=Corpus((left, right, third, empty)), data_dir=user_data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "103_empty")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert rows_of(screen) == [("p1", None), ("p2", None), ("p3", None), ("p4", None)]
        await pilot.press("l", "enter", "b", "p", "m", "v", "j", "p", "x")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and screen.applied_pins == ()
        assert (screen.left.id, screen.right.id) == ("103_empty", "100_left")
        await pilot.press("q")
        await pilot.pause()
        await opens_compare("100_left", "100_left")(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert rows_of(screen) == [(f"p{n}", f"p{n}") for n in range(1, 5)]


async def test_a_bookmark_that_cannot_be_saved_says_why(app: NlmgApp, user_data_dir) -> None:
    (user_data_dir / "bookmarks.json").mkdir(parents=True)  # not a file: the store refuses
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        await pilot.press("j", "b")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Not bookmarked: ") for m in messages), messages
        assert isinstance(app.screen, CompareScreen)


async def test_80x24_opens_on_matched_paragraphs_not_gaps(real_app: NlmgApp) -> None:
    """000 and 002 start with two paragraphs of 002 that face gaps; at 80x24 they would fill
    the view, so the comparison opens at the first matched pair (k goes back up to them)."""
    real_app.spoiler_shield.enabled = False
    async with real_app.run_test(size=(80, 24)) as pilot:
        await opens_compare("000", "002")(pilot)
        await pilot.pause()
        screen = real_app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.pairs[0].is_gap  # the case this is about
        first = next(i for i, pair in enumerate(screen.pairs) if not pair.is_gap)
        assert screen.row == first
        body = screen.aligned_body
        visible = [row for row in screen.rows
                   if row.virtual_region.y < body.scroll_offset.y + body.size.height
                   and row.virtual_region.bottom > body.scroll_offset.y]
        assert visible and not visible[0].pair.is_gap
        assert shown(visible[0].left).startswith("▶")
        await pilot.press("k")
        assert screen.row == first - 1


async def test_100x32_fixture_opens_at_the_top_when_a_pair_is_in_view(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 32)) as pilot:
        await opens_compare("100_left", "101_right")(pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.pairs[0].is_gap and screen.row == 0
