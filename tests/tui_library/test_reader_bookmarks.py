"""Bookmarking from the reader: ``b`` (the paragraph), ``v`` (sentences), and the ★ marks."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.bookmark_marks import BOOKMARK_GLYPH
from nlmg_tui.tui.widgets.bookmark_span_picker import SpanPicker

from .conftest import SIZE

ALPHA_P1 = ("Mark Romanek directs Never Let Me Go with care. Carey Mulligan is superb as Kathy. "
            "The school feels cold.")
SENTENCES = ("Mark Romanek directs Never Let Me Go with care.",
             "Carey Mulligan is superb as Kathy.", "The school feels cold.")


async def open_alpha(pilot: Pilot, app: NlmgApp, paragraph_id: str = "p1") -> ReaderScreen:
    app.open_reader("000_alpha", paragraph_id=paragraph_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def marked(screen: ReaderScreen) -> list[str]:
    return [v.paragraph.id for v in screen.views if str(v.render()).startswith(BOOKMARK_GLYPH)]


async def test_b_bookmarks_the_cursor_paragraph_and_marks_it(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_alpha(pilot, app)
        assert marked(screen) == []
        await pilot.press("j", "b")
        await pilot.pause()
        [bookmark] = store().bookmarks()
        assert (bookmark.review_id, bookmark.paragraph_id) == ("000_alpha", "p2")
        assert bookmark.quote == screen.review.paragraphs[1].text
        assert bookmark.suffix.startswith("\n\nKathy remembers")  # context for re-anchoring
        assert marked(screen) == ["p2"]
        assert screen.views[1].has_class("-bookmarked")
        assert any("Paragraph bookmarked (Alice Critic, ¶ 2)" in str(n.message)
                   for n in app._notifications)


async def test_b_pressed_20_times_gives_one_bookmark(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_alpha(pilot, app)
        await pilot.press("b", "escape")  # the first one offers its note: none
        for _ in range(19):
            await pilot.press("b")
        await pilot.pause()
        assert len(store().bookmarks()) == 1
        messages = [str(n.message) for n in app._notifications]
        assert sum("Already bookmarked" in m for m in messages) == 19
        assert marked(screen) == ["p1"]


async def test_marks_follow_the_review_and_deletions(app, store):
    async with app.run_test(size=SIZE) as pilot:
        app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.")
        screen = await open_alpha(pilot, app)
        assert marked(screen) == ["p3"]
        await pilot.press("J")  # the next review has none
        await pilot.pause()
        assert marked(screen) == []
        await pilot.press("K")
        await pilot.pause()
        assert marked(screen) == ["p3"]
        await pilot.press("B")  # delete it on the Bookmarks screen, come back
        await pilot.pause()
        await pilot.press("d", "q")
        await pilot.pause()
        assert app.screen is screen and marked(screen) == []
        assert store().bookmarks() == []


@pytest.mark.parametrize(
    ("keys", "quote"),
    [
        (("enter",), SENTENCES[0]),
        (("b",), SENTENCES[0]),
        (("l", "enter"), SENTENCES[1]),
        (("right", "enter"), SENTENCES[1]),
        (("l", "l", "h", "enter"), SENTENCES[1]),
        (("l", "l", "left", "enter"), SENTENCES[1]),
        (("L", "enter"), " ".join(SENTENCES[:2])),
        (("shift+right", "enter"), " ".join(SENTENCES[:2])),
        (("l", "l", "H", "enter"), " ".join(SENTENCES[1:])),
        (("l", "l", "shift+left", "enter"), " ".join(SENTENCES[1:])),
        (("a", "enter"), ALPHA_P1),
        (("l", "l", "l", "l", "enter"), SENTENCES[2]),  # the cursor stops at the last sentence
    ],
)
async def test_selection_mode_bookmarks_a_span(app, store, keys, quote):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_alpha(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, SpanPicker)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen is screen
        [bookmark] = store().bookmarks()
        assert bookmark.quote == quote
        assert ALPHA_P1[:ALPHA_P1.index(quote)].endswith(bookmark.prefix)  # context kept
        assert marked(screen) == ["p1"]


@pytest.mark.parametrize("key", ["escape", "q", "v"])
async def test_selection_mode_cancels(app, store, key):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_alpha(pilot, app)
        await pilot.press("v", "l", key)
        await pilot.pause()
        assert app.screen is screen
        assert store().bookmarks() == []


async def test_selection_mode_shows_the_selection(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_alpha(pilot, app)
        await pilot.press("v", "L")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpanPicker)
        status = str(picker.query_one("#span-status").render())
        assert status.startswith("sentences 1–2 of 3")
        shown = picker.query_one("#span-text", Static).content
        assert isinstance(shown, Text)
        styled = [shown.plain[s.start:s.end] for s in shown.spans if "reverse" in str(s.style)]
        assert styled == [" ".join(SENTENCES[:2])]


async def test_same_span_twice_is_one_bookmark(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await open_alpha(pilot, app)
        for _ in range(3):
            await pilot.press("v", "l", "enter")
            await pilot.pause()
        assert len(store().bookmarks()) == 1
