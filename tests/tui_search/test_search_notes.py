"""The user's bookmark notes in the search screen: found by their words and tags, current when a
search runs, opened on the Bookmarks screen, shown literally, and never a crash when the
bookmarks file can't be read."""

from __future__ import annotations

from textual.widgets import Static

from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.library.library import Library
from nlmg_tui.search.notes import build_notes_index, search_with_notes
from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.widgets.search_input import SearchInput
from nlmg_tui.tui.widgets.search_results import SearchResults
from nlmg_tui.tui.widgets.search_trail import hit_spans

from .conftest import HOSTILE_MARKUP, OSC_TITLE, SIZE, open_search, settle

KATHY = "Kathy remembers Hailsham, the school by the fields."


def rows(app) -> list[str]:
    results = app.screen.query_one(SearchResults)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def note_rows(app) -> list[str]:
    return [row for row in rows(app) if "✎ note" in row]


def status(app) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


async def search_for(pilot, text: str) -> None:
    box = pilot.app.screen.query_one(SearchInput)
    box.value = text
    await settle(pilot)


def add(library: Library, paragraph_id: str, quote: str, note: str, tags=()):
    return library.add_bookmark("000_alpha", paragraph_id, quote, note=note, tags=tags).item


async def test_a_notes_word_finds_it_and_enter_opens_bookmarks_on_it(app, user_data_dir):
    library = Library(user_data_dir)
    add(library, "p1", "Andrew Garfield plays Tommy with a poisoned grace.", "first one")
    wanted = add(library, "p2", KATHY, "zanzibar memories", tags=["school"])
    add(library, "p4", "Back at Hailsham the guardians watch.", "third one")
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "zanzibar")
        assert rows(app) == ["Alice Critic · Dark, Moving and Brilliant · ✎ note on ¶ 2\n"
                             "  zanzibar memories #school"]
        hit = app.screen.result.hits[0]
        assert (hit.field, hit.bookmark_id) == ("note", wanted.id)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert screen.option_list.highlighted_option.id == wanted.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_a_note_changed_after_the_index_was_built_is_found_by_its_new_words(
        app, user_data_dir):
    bookmark = add(app.library, "p2", KATHY, "zanzibar memories")
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "zanzibar")
        assert len(note_rows(app)) == 1
        app.library.update_note(bookmark.id, "tangerine dreams")  # as the Bookmarks screen does
        await search_for(pilot, "tangerine")
        assert note_rows(app) and "tangerine dreams" in note_rows(app)[0]
        await search_for(pilot, "zanzibar")
        assert note_rows(app) == [] and status(app).startswith("No hits")
        other = Library(user_data_dir)  # another running instance on the same files
        other.update_note(bookmark.id, "quokka island")
        other.add_bookmark("002_gamma", "p2", "Hailsham is a boarding school with a secret.",
                           note="quokka again")
        await search_for(pilot, "quokka")
        assert [row.split("\n")[1].strip() for row in note_rows(app)] == [
            "quokka again", "quokka island"]


async def test_an_unreadable_bookmarks_file_leaves_the_corpus_hits_and_says_so(
        app, user_data_dir):
    (user_data_dir / "bookmarks.json").mkdir(parents=True)  # a folder where the file should be
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham")
        shown = rows(app)
        assert len(shown) == 5 and not note_rows(app)
        line = status(app)
        assert line.startswith("5 hits") and "Bookmark notes not searched:" in line
        assert "bookmarks.json" in line and "\n" not in line
        assert app.is_running


async def test_a_hostile_note_is_shown_literally(app):
    add(app.library, "p2", KATHY, f"quokka {HOSTILE_MARKUP} {OSC_TITLE}end")
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "quokka")
        [row] = note_rows(app)
        assert HOSTILE_MARKUP in row
        assert "\x1b" not in row and "\x07" not in row and "pwned" not in row
        await pilot.press("down", "up")
        assert app.is_running and isinstance(app.screen, SearchScreen)


async def test_in_notes_keeps_only_note_hits(app):
    add(app.library, "p2", KATHY, "remember this one", tags=["hailsham"])
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "hailsham ")
        everything = rows(app)
        assert len(note_rows(app)) == 1 and len(everything) > 1
        assert "✎ note" in everything[-1]  # equal scores: the reviews' own text first
        await search_for(pilot, "in:notes hailsham ")
        assert rows(app) == note_rows(app) and len(rows(app)) == 1
        await search_for(pilot, "in:comments hailsham ")
        assert rows(app) and not note_rows(app)


async def test_a_note_on_a_hidden_paragraph_shows_the_note_not_the_paragraph(real_app):
    review = max(real_app.corpus.reviews,
                 key=lambda r: sum(level.shielded for level in spoiler_levels(r).values()))
    levels = spoiler_levels(review)
    paragraph = next(p for p in review.paragraphs if levels[p.id].shielded)
    real_app.library.add_bookmark(review.id, paragraph.id, paragraph.text,
                                  note="my zanzibar thought")
    real_app.spoiler_shield.enabled = True
    async with real_app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "zanzibar")
        [row] = rows(real_app)
        assert "✎ note on ¶" in row and row.endswith("my zanzibar thought")
        assert paragraph.text[:20] not in row and "hidden spoiler" not in row
        assert "hidden spoiler paragraphs" not in status(real_app)


def test_a_note_hit_lands_on_its_paragraph_with_nothing_highlighted(corpus):
    class Mark:
        id, review_id, paragraph_id, note, tags = "bm", "000_alpha", "p2", "zanzibar", ()

    from nlmg_tui.search import SearchIndex, documents_from_corpus

    index = SearchIndex.build(documents_from_corpus(corpus))
    hit = search_with_notes(index, build_notes_index([Mark()], corpus), "zanzibar ").hits[0]
    assert hit_spans(hit, corpus.get("000_alpha")) == ("p2", ())
