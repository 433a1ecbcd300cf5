"""``n``/``N`` go through a message: the reader's ``SearchTrail`` widget finds the hit and posts
``SearchTrail.HitReached``; the reader screen acts on it (the widget knows no screen)."""

from __future__ import annotations

from textual.message import Message

from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan
from nlmg_tui.tui.widgets.search_trail import HitStep, SearchTrail

from .conftest import SIZE, open_search, settle
from .test_open_hits import at, highlighted, open_row


async def test_the_reader_goes_where_the_trail_message_says(app):
    """No search at all: the message alone moves the reader to another review's paragraph,
    highlights the spans it carries and gives the wrap-around notice."""
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha", "p1")
        await settle(pilot)
        assert at(app) == ("000_alpha", "p1")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        hit = HitStep("001_beta", 1, "p2", (HighlightSpan("p2", 0, 8),), wrapped=True)
        reader.query_one(SearchTrail).post_message(SearchTrail.HitReached(hit, -1))
        await settle(pilot)
        assert at(app) == ("001_beta", "p2")
        assert highlighted(app, "p2") == ["Hailsham"]
        assert any("wrapped around to the last hit" in str(n.message)
                   for n in app._notifications)
        # Within the review on screen: the cursor moves, the highlights are swapped in place.
        hit = HitStep("001_beta", 2, "p3", (HighlightSpan("p3", 4, 9),), wrapped=False)
        reader.query_one(SearchTrail).post_message(SearchTrail.HitReached(hit, +1))
        await settle(pilot)
        assert at(app) == ("001_beta", "p3")
        assert highlighted(app, "p3") == ["final"] and highlighted(app, "p2") == []


async def test_n_is_answered_by_the_trail_message(app):
    """``n`` makes the trail post one ``HitReached`` naming the next hit; the reader then
    stands on it."""
    posted: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
        await open_search(pilot, "hailsham")
        await open_row(pilot, "Alice Critic", "¶ 2")
        assert at(app) == ("000_alpha", "p2")
        posted.clear()
        await pilot.press("n")
        await settle(pilot)
        # The hook sees a message at every node it bubbles through: count each once.
        reached = list({id(m): m for m in posted if isinstance(m, SearchTrail.HitReached)}.values())
        assert len(reached) == 1
        assert (reached[0].hit.review_id, reached[0].hit.paragraph_id) == ("000_alpha", "p4")
        assert reached[0].step == +1 and not reached[0].hit.wrapped
        assert at(app) == ("000_alpha", "p4")
