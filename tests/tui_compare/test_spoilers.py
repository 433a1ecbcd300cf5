"""Spoiler-free mode and tone arcs in the comparison: what the screen shows, and what it never
lets out (selection copies, notices, the status line, the header).

The pair is ``build_spoiler_corpus``: rows 0 ``p1 | p1``, 1 ``p2 | p2`` (both premise reveals),
2 ``p3 | p3``, 3 ``p4 | p4`` (left p4 tells the ending). A fresh data dir starts in spoiler-free
mode, so three paragraphs start hidden.
"""

from __future__ import annotations

import json

import pytest
from rich.text import Text
from textual.selection import Selection
from textual.widgets import Static

from nlmg_tui.compare.tone_arc import sparkline
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.tui.app import NlmgApp, make_app
from nlmg_tui.tui.screens.compare import CompareScreen
from nlmg_tui.tui.settings import settings_path
from nlmg_tui.tui.tone_badge import tone_for
from nlmg_tui.tui.widgets.compare_header import ARC_WIDTH
from nlmg_tui.tui.widgets.compare_passage import ComparePassage

from .conftest import SPOILER_WORDS, build_spoiler_corpus, opens_compare, settle

SIZE = (100, 32)
opens_pair = opens_compare("200_shield", "201_plain")


@pytest.fixture
def corpus() -> Corpus:
    return build_spoiler_corpus()


def shown(widget: Static) -> str:
    return str(widget.render())


def compare_screen(app: NlmgApp) -> CompareScreen:
    assert isinstance(app.screen, CompareScreen)
    return app.screen


def everything_shown(app: NlmgApp) -> str:
    """The text of every Static on the comparison screen, shown or scrolled away."""
    return "\n".join(shown(widget) for widget in app.screen.query(Static))


def notices(app: NlmgApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def status(app: NlmgApp) -> str:
    return shown(app.screen.query_one("#compare-status", Static))


def hidden_words_absent(app: NlmgApp) -> None:
    text = everything_shown(app) + "\n".join(notices(app))
    for word in SPOILER_WORDS.values():
        assert word not in text
    assert "fence" not in text  # left p4, the ending


def bars(passages: list[ComparePassage]) -> list[tuple[str, str | None]]:
    return [(p.side, p.paragraph_id) for p in passages if p.hidden]


async def test_hidden_paragraphs_show_as_labelled_bars_in_both_views(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        rows = screen.rows
        assert bars([p for row in rows for p in (row.left, row.right)]) == [
            ("left", "p2"), ("right", "p2"), ("left", "p4")]
        premise = shown(rows[1].left)
        assert "Spoiler hidden (premise reveal) · 12 words · s to show" in premise
        assert premise.splitlines()[0].strip() == "p2"  # the label line stays
        assert "Spoiler hidden (ending) · 15 words" in shown(rows[3].left)
        assert "letdown" in shown(rows[3].right)  # right p4 gives nothing away
        assert rows[1].left.has_class("-shielded") and not rows[3].right.has_class("-shielded")
        assert "3 spoilers hidden (s, S)" in status(app)
        hidden_words_absent(app)

        await pilot.press("v")
        await settle(pilot)
        assert bars(screen.whole_views("left") + screen.whole_views("right")) == [
            ("left", "p2"), ("left", "p4"), ("right", "p2")]
        assert "Spoiler hidden (premise reveal)" in shown(screen.whole_views("right")[1])
        hidden_words_absent(app)


async def test_s_reveals_the_cursor_row_and_hides_it_again(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        await pilot.press("j", "s")  # row 1: both sides are premise reveals
        await settle(pilot)
        row = screen.rows[1]
        assert SPOILER_WORDS["left"] in shown(row.left)
        assert SPOILER_WORDS["right"] in shown(row.right)
        assert not row.left.hidden and not row.left.has_class("-shielded")
        assert "1 spoiler hidden (s, S)" in status(app)
        assert "fence" not in everything_shown(app)  # row 3 stays hidden
        # the shield is the app's: the reader sees the same reveals
        shielded = app.corpus.get("200_shield")
        assert shielded is not None and not app.spoiler_shield.hides(shielded, "p2")

        await pilot.press("s")  # nothing on the row is hidden now: hide both again
        await settle(pilot)
        assert row.left.hidden and row.right.hidden
        hidden_words_absent(app)


async def test_s_in_the_whole_view_reveals_only_the_cursor_paragraph(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        await pilot.press("v", "j", "s")  # left p2
        await settle(pilot)
        assert SPOILER_WORDS["left"] in shown(screen.whole_views("left")[1])
        assert screen.whole_views("right")[1].hidden
        assert SPOILER_WORDS["right"] not in everything_shown(app)
        # the aligned view shows the same state
        await pilot.press("v")
        await settle(pilot)
        assert SPOILER_WORDS["left"] in shown(screen.rows[1].left)
        assert screen.rows[1].right.hidden


async def test_s_where_nothing_is_hidden_says_so(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        await pilot.press("s")  # row 0: Hailsham on both sides
        await pilot.pause()
        assert "Nothing on this row gives anything away." in notices(app)
        assert "3 spoilers hidden" in status(app)


async def test_shift_s_reveals_both_reviews_then_hides_them_again(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        await pilot.press("S")
        await settle(pilot)
        assert "Showing 3 spoiler paragraphs." in notices(app)
        text = everything_shown(app)
        assert all(word in text for word in SPOILER_WORDS.values()) and "fence" in text
        assert "spoilers hidden" not in status(app)
        assert not any(p.hidden for row in screen.rows for p in (row.left, row.right))
        await pilot.press("S")
        await settle(pilot)
        assert "Hiding 3 spoiler paragraphs again." in notices(app)
        assert "3 spoilers hidden" in status(app)
        app.clear_notifications()
        await pilot.pause()
        hidden_words_absent(app)


async def test_turning_the_mode_off_and_on_while_the_comparison_is_open(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        await pilot.press("Z")  # the app's key, published through spoiler_shield_changed
        await settle(pilot)
        assert not app.spoiler_shield.enabled
        text = everything_shown(app)
        assert all(word in text for word in SPOILER_WORDS.values()) and "fence" in text
        assert "Spoiler hidden" not in text and "spoilers hidden" not in status(app)
        await pilot.press("s")
        await pilot.pause()
        assert ("Spoiler-free mode is off: every paragraph is shown. Z turns it on."
                in notices(app))
        await pilot.press("Z")
        await settle(pilot)
        assert app.spoiler_shield.enabled
        assert bars([p for row in screen.rows for p in (row.left, row.right)]) == [
            ("left", "p2"), ("right", "p2"), ("left", "p4")]


async def test_a_reveal_made_elsewhere_shows_here(app: NlmgApp) -> None:
    """The reader reveals through the same shield and publishes the same signal."""
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        review = app.corpus.get("200_shield")
        assert review is not None
        app.spoiler_shield.reveal(review, "p4")
        app.spoiler_shield_changed.publish(None)
        await settle(pilot)
        assert "fence" in shown(screen.rows[3].left)
        assert "2 spoilers hidden" in status(app)


async def test_the_mode_remembered_off_shows_everything_from_the_start(
        corpus: Corpus, user_data_dir) -> None:
    user_data_dir.mkdir(parents=True, exist_ok=True)
    settings_path(user_data_dir).write_text(json.dumps({"spoiler_free": False}))
    app = make_app(corpus=corpus, data_dir=user_data_dir)
    assert not app.spoiler_shield.enabled
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        text = everything_shown(app)
        assert all(word in text for word in SPOILER_WORDS.values())
        assert "Spoiler hidden" not in text


async def test_hidden_text_leaves_through_no_other_route(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        passage = screen.rows[1].left
        assert passage.tooltip is None
        # selecting the whole passage and copying gives the bar, not the paragraph
        screen.selections = {passage: Selection(None, None)}
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard and "Spoiler hidden (premise reveal)" in app.clipboard
        assert SPOILER_WORDS["left"] not in app.clipboard
        # bookmarking, marking and pinning a hidden pair name it by id only
        await pilot.press("j", "b", "m", "l", "m")
        await settle(pilot)
        assert "Bookmarked (Sam Shield, p2)." in notices(app)
        assert any(n.startswith("Pinned p2 = p2") for n in notices(app))
        await pilot.press("x")  # the bars follow their reviews to the other side
        await settle(pilot)
        assert bars([p for row in screen.rows for p in (row.left, row.right)]) == [
            ("left", "p2"), ("right", "p2"), ("right", "p4")]
        hidden_words_absent(app)


async def test_each_review_shows_its_tone_arc_and_overall_tone_by_its_rating(
        app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)
        left = shown(screen.query_one("#header-left", Static)).splitlines()
        right = shown(screen.query_one("#header-right", Static)).splitlines()
        left_arc = sparkline(tone_for(screen.left).arc, ARC_WIDTH)
        right_arc = sparkline(tone_for(screen.right).arc, ARC_WIDTH)
        assert left_arc != right_arc  # the right review ends on a complaint
        assert left[2] == f"{left_arc:<{ARC_WIDTH}} mixed +0.43 · 3/5"  # 3/5 reads mixed
        # the closing complaint is a verdict passage: it outweighs the body's praise
        assert right[2] == f"{right_arc:<{ARC_WIDTH}} negative -0.62 · no rating"


async def test_the_arcs_mark_where_the_cursor_is(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await opens_pair(pilot)
        screen = compare_screen(app)

        def reversed_blocks(side: str) -> list[int]:
            """Reversed single characters of the header's tone line (its third)."""
            header = screen.query_one(f"#header-{side}", Static).content
            assert isinstance(header, Text)
            line_start = header.plain.index("\n", header.plain.index("\n") + 1) + 1
            return [span.start - line_start for span in header.spans
                    if "reverse" in str(span.style) and span.start >= line_start
                    and span.end - span.start == 1]

        assert reversed_blocks("left") == [0] and reversed_blocks("right") == [0]
        await pilot.press("G")
        await settle(pilot)
        assert reversed_blocks("left") == [3] and reversed_blocks("right") == [3]


async def test_revealing_keeps_the_cursor_row_in_view(real_app: NlmgApp) -> None:
    """Revealed paragraphs are taller than their bars: the view scrolls back to the cursor."""
    async with real_app.run_test(size=SIZE) as pilot:
        await opens_compare("000", "002")(pilot)
        screen = compare_screen(real_app)
        await pilot.press("j", "j", "j", "j")  # 000 p2 | 002 p5: both premise reveals
        await settle(pilot)
        row = screen.rows[4]
        assert row.left.hidden and row.right.hidden
        await pilot.press("S")
        await settle(pilot)
        assert not row.left.hidden and "Kathy" in shown(row.left)
        body = screen.aligned_body
        top, bottom = body.scroll_y, body.scroll_y + body.scrollable_content_region.height
        assert top <= row.virtual_region.y and row.virtual_region.bottom <= bottom
