"""Enter on a hit opens it where it is (reader, comments) with the match highlighted; ``n``/``N``
in the reader then step through the search's hits across reviews."""

from __future__ import annotations

from rich.text import Text
from textual.pilot import Pilot

from nlmg_tui.tui.screens.comments import CommentsScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_input import SearchInput
from nlmg_tui.tui.widgets.search_results import SearchResults

from .conftest import SIZE, open_search, settle


async def open_row(pilot: Pilot, starts: str, contains: str = "") -> None:
    """Move the cursor to the first row starting with ``starts`` (and holding ``contains``),
    then press enter."""
    results = pilot.app.screen.query_one(SearchResults)
    prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
    row = next(i for i, text in enumerate(prompts) if text.startswith(starts) and contains in text)
    await pilot.press(*["down"] * row, "enter")
    await settle(pilot)


def reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def at(app) -> tuple[str, str]:
    screen = reader(app)
    assert screen.current_paragraph is not None
    return screen.review.id, screen.current_paragraph.paragraph_id


def highlighted(app, paragraph_id: str) -> list[str]:
    """The highlighted parts of a paragraph as the reader renders it."""
    view = next(v for v in reader(app).views if v.paragraph.id == paragraph_id)
    text = view.content
    assert isinstance(text, Text)
    return [text.plain[s.start:s.end] for s in text.spans if "reverse" in str(s.style)]


async def test_enter_opens_the_paragraph_with_the_match_highlighted(real_app):
    async with real_app.run_test(size=SIZE) as pilot:
        await open_search(pilot, '"poisoned grace"')
        await pilot.press("enter")
        await settle(pilot)
        assert at(real_app) == ("000_f2997d8318a5af6f", "p1")
        assert [w.casefold() for w in highlighted(real_app, "p1")] == ["poisoned grace"]
        await pilot.press("escape")  # back to the results, as they were
        await pilot.pause()
        assert isinstance(real_app.screen, SearchScreen)
        assert real_app.screen.query_one(SearchInput).value == '"poisoned grace"'


async def test_every_hit_of_the_review_is_highlighted(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await open_row(pilot, "Alice Critic", "¶ 2")
        assert at(app) == ("000_alpha", "p2")
        assert highlighted(app, "p2") == ["Hailsham"]
        assert highlighted(app, "p4") == ["Hailsham"]
        assert highlighted(app, "p1") == []


async def test_a_pull_quote_hit_is_highlighted_inside_its_paragraph(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "devastating power")
        await open_row(pilot, "Alice Critic", "pull quote ¶ 3")
        assert at(app) == ("000_alpha", "p3")
        assert highlighted(app, "p3") == ["devastating", "power"]


async def test_a_comment_hit_opens_the_comments_at_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "ride home")
        await open_row(pilot, "Ken Hanke", "comment #1")
        assert isinstance(app.screen, CommentsScreen)
        assert app.screen.current_comment_number == 1


async def test_a_critic_hit_opens_the_review_at_the_top(app):
    async with app.run_test(size=SIZE) as pilot:
        app.session.positions["002_gamma"] = 1  # read before: the reader would resume there
        await open_search(pilot, "critic:hanke")
        await open_row(pilot, "Ken Hanke", " · critic\n")
        assert at(app) == ("002_gamma", "p1")


async def test_n_and_shift_n_step_through_hits_across_reviews(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await open_row(pilot, "Alice Critic", "¶ 2")
        # Reading order is the browse list's (newest first: gamma, alpha, beta), then paragraphs;
        # the comment hit has no place in the reader.
        seen = [at(app)]
        for _ in range(4):
            await pilot.press("n")
            await settle(pilot)
            seen.append(at(app))
        assert seen == [("000_alpha", "p2"), ("000_alpha", "p4"), ("001_beta", "p2"),
                        ("002_gamma", "p2"), ("000_alpha", "p2")]
        assert any("wrapped around to the first hit" in str(n.message)
                   for n in app._notifications)
        assert highlighted(app, "p2") == ["Hailsham"]
        back = []
        for _ in range(3):
            await pilot.press("N")
            await settle(pilot)
            back.append(at(app))
        assert back == [("002_gamma", "p2"), ("001_beta", "p2"), ("000_alpha", "p4")]
        assert highlighted(app, "p4") == ["Hailsham"] and highlighted(app, "p2") == ["Hailsham"]


async def test_n_highlights_hits_in_a_review_opened_from_the_list(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        await open_row(pilot, "Ken Hanke", "¶ 2")
        await pilot.press("escape", "escape")  # back to the list
        app.open_reader("000_alpha", "p1")
        await settle(pilot)
        assert highlighted(app, "p2") == []
        await pilot.press("n")
        await settle(pilot)
        assert at(app) == ("000_alpha", "p2")
        assert highlighted(app, "p2") == ["Hailsham"] and highlighted(app, "p4") == ["Hailsham"]


async def test_n_without_a_search_says_how_to_search(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader("000_alpha", "p1")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert at(app) == ("000_alpha", "p1")
        assert any("press / to search" in str(n.message) for n in app._notifications)
