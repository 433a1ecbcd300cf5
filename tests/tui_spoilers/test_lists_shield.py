"""Spoiler-free mode in the lists that quote passages: Mentions, the topic map, Bookmarks.
Each shows a bar where the passage is hidden, and the text once the mode is off."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from nlmg_tui.corpus.mentions import index_mentions
from nlmg_tui.library.passages import passage_from_review
from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
from nlmg_tui.tui.screens.mentions import MentionsScreen
from nlmg_tui.tui.screens.topics import TopicsScreen

from .conftest import SIZE, review_with_most_spoilers, settle, shielded_ids


def option_texts(screen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def first_entity_with_hidden_passage(corpus) -> tuple[str, int]:
    """An entity (chosen by the data) with a passage in a shielded paragraph, and how many of
    its passages are shielded."""
    index = index_mentions(corpus)
    for entry in index.entries:
        hidden = sum(1 for p in entry.passages
                     if p.paragraph_id in shielded_ids(corpus.get(p.review_id)))
        if hidden and hidden < len(entry.passages):
            return entry.entity.id, hidden
    raise AssertionError("no entity has both hidden and shown passages")


async def test_mentions_hide_passages_in_spoiler_paragraphs(real_app, real_corpus):
    entity_id, hidden = first_entity_with_hidden_passage(real_corpus)
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_mentions(entity_id)
        await pilot.pause()
        assert isinstance(real_app.screen, MentionsScreen)
        rows = option_texts(real_app.screen, "#mention-passages")
        assert sum("▒▒ Spoiler hidden" in row for row in rows) == hidden
        await pilot.press("Z")
        await pilot.pause()
        rows = option_texts(real_app.screen, "#mention-passages")
        assert not any("Spoiler hidden" in row for row in rows)


async def test_topic_map_hides_quotes_from_spoiler_paragraphs(real_app, real_corpus):
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_topics()
        await settle(pilot)
        screen = real_app.screen
        assert isinstance(screen, TopicsScreen) and screen.topic_map is not None
        expected = sum(1 for row in screen.table.rows_shown for cell in row.cells
                       if cell.paragraph_id in shielded_ids(real_corpus.get(cell.review_id)))
        assert expected  # the twist topic quotes the twist

        def cells_hidden() -> int:
            table = screen.table
            return sum("Spoiler hidden" in table.get_cell_at((r, c)).plain
                       for r in range(table.row_count) for c in range(1, len(table.columns) - 1))

        assert cells_hidden() == expected
        await pilot.press("Z")
        await pilot.pause()
        assert cells_hidden() == 0


async def test_bookmark_of_a_hidden_paragraph_shows_a_bar_until_revealed(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[0]
    passage = passage_from_review(review, target)
    real_app.library.bookmark_passage(passage, note="read after watching")
    async with real_app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        screen = real_app.screen
        assert isinstance(screen, BookmarksScreen)
        row = option_texts(screen, "#bookmark-list")[0]
        detail = str(screen.query_one("#bookmark-detail", Static).render())
        assert "▒▒ Spoiler hidden" in row and passage.quote[:30] not in row
        assert "Spoiler hidden" in detail and passage.quote[:30] not in detail
        assert "read after watching" in detail  # the user's own note stays visible
        real_app.spoiler_shield.reveal(review, target)  # revealed in the reader, say
        real_app.spoiler_shield_changed.publish(None)
        await pilot.pause()
        row = option_texts(screen, "#bookmark-list")[0]
        assert passage.quote[:30].replace("\n", " ") in row.replace("\n", " ")
