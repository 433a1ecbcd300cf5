"""The Watchlist and Mentions screens: adding, watching, rating, notes, passages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.screens.mentions import MentionsScreen, snippet
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.watchlist import WatchlistScreen
from nlmg_tui.tui.widgets.watchlist_add import AddFilmDialog, parse_title
from nlmg_tui.tui.widgets.watchlist_films import rating_stars

from .conftest import HOSTILE_MARKUP, SIZE


async def open_watchlist(pilot: Pilot, app: NlmgApp) -> WatchlistScreen:
    await pilot.press("W")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WatchlistScreen)
    return screen


async def open_add_dialog(pilot: Pilot, app: NlmgApp) -> OptionList:
    """Open the watchlist's Add dialog from the browse screen; its suggestion list."""
    await open_watchlist(pilot, app)
    await pilot.press("a")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, AddFilmDialog)
    return dialog.query_one("#film-suggestions", OptionList)


def rows(screen: WatchlistScreen) -> list[str]:
    options = screen.query_one("#watchlist", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def messages(app: NlmgApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_add_any_title_with_a_year(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_watchlist(pilot, app)
        assert "Your watchlist is empty" in str(screen.query_one("#watchlist-detail",
                                                                 Static).render())
        await pilot.press("a", *"Solaris (1972)", "enter")
        await pilot.pause()
        [entry] = store().watchlist()
        assert (entry.title, entry.year, entry.status) == ("Solaris", 1972, "want")
        assert rows(screen)[0].startswith("○ Solaris (1972)")
        await pilot.press("a", *"solaris", "enter")  # the same film: not added twice
        await pilot.pause()
        assert len(store().watchlist()) == 1
        assert "Solaris is already on the watchlist." in messages(app)


async def test_add_from_suggestions(app, store):
    async with app.run_test(size=SIZE) as pilot:
        suggestions = await open_add_dialog(pilot, app)
        first = str(suggestions.get_option_at_index(0).prompt)
        assert not first.startswith("Never Let Me Go")  # issue 15: never a suggestion
        await pilot.press(*"hour phot")  # narrows the suggestions, fuzzily
        await pilot.pause()
        assert str(suggestions.get_option_at_index(0).prompt).startswith("One Hour Photo (2002)")
        await pilot.press("down", "enter")
        await pilot.pause()
        [entry] = store().watchlist()
        assert (entry.title, entry.year) == ("One Hour Photo", 2002)
        assert "named in 2 passages" in rows(app.screen)[0]  # type: ignore[arg-type]


async def test_the_reviewed_film_is_never_offered(app, store):
    """Issue 15: typing the start of *Never Let Me Go* offers other films, never the film the
    reviews are about (the Mentions screen's rule: the gazetteer's ``subject``)."""
    async with app.run_test(size=SIZE) as pilot:
        suggestions = await open_add_dialog(pilot, app)

        def offered() -> list[str]:
            return [str(suggestions.get_option_at_index(i).prompt).split(" (")[0]
                    for i in range(suggestions.option_count)]

        assert "Never Let Me Go" not in offered() and "One Hour Photo" in offered()
        await pilot.press(*"Nev")
        await pilot.pause()
        assert "Never Let Me Go" not in offered()
        assert "Sunshine" in offered()  # a film matching the prefix is still offered
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [entry.title for entry in store().watchlist()] == ["Sunshine"]  # the best match


async def test_suggestions_move_with_j_and_k_while_the_title_box_takes_them(app, store):
    """Issue 15/16: every list moves with j/k. In the title box j and k are letters; in the
    suggestions they move, and q cancels there."""
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("a", "j", "k")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddFilmDialog)
        assert dialog.query_one("#film-title", Input).value == "jk"
        await pilot.press("backspace", "backspace", "down")
        suggestions = dialog.query_one("#film-suggestions", OptionList)
        assert app.focused is suggestions and suggestions.highlighted == 0
        await pilot.press("j", "j", "k")
        assert suggestions.highlighted == 1
        second = str(suggestions.get_option_at_index(1).prompt).split(" (")[0]
        await pilot.press("enter")
        await pilot.pause()
        [entry] = store().watchlist()
        assert entry.title == second
        await pilot.press("a", "down", "q")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)


async def test_add_cancelled_and_empty_title(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AddFilmDialog)  # nothing typed: stays open
        await pilot.press(*"abc", "escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        assert store().watchlist() == []


async def test_mark_watched_on_a_date_rate_and_note(app, store):
    app.library.add_film("Stalker", 1979)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_watchlist(pilot, app)
        await pilot.press("w", "ctrl+a", "ctrl+k", *"2026-11-20", "enter")
        await pilot.pause()
        entry = store().watchlist()[0]
        assert (entry.status, entry.watched_on) == ("watched", "2026-11-20")
        await pilot.press("r", "ctrl+a", "ctrl+k", *"4.5", "enter")
        await pilot.pause()
        assert store().watchlist()[0].rating == 4.5
        await pilot.press("n", *"slow, [b]great[/b]", "ctrl+s")
        await pilot.pause()
        assert store().watchlist()[0].note == "slow, [b]great[/b]"
        [row] = rows(screen)
        assert "✓ Stalker (1979)" in row and "watched 2026-11-20" in row
        assert "★★★★½ 4.5/5" in row and "slow, [b]great[/b]" in row
        await pilot.press("r", "ctrl+a", "ctrl+k", "enter")  # empty clears the rating
        await pilot.pause()
        assert store().watchlist()[0].rating is None
        await pilot.press("w", "ctrl+a", "ctrl+k", "enter")  # empty means today
        await pilot.pause()
        assert store().watchlist()[0].watched_on == date.today().isoformat()


@pytest.mark.parametrize(("typed", "words"), [
    ("abc", "must be a number"),
    ("nan", "must be a number from 0 to 5"),
    ("7", "must be a number from 0 to 5"),
])
async def test_bad_ratings_are_refused_with_a_message(app, store, typed, words):
    app.library.add_film("Stalker", 1979)
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("r", *typed, "enter")
        await pilot.pause()
        assert any(words in m for m in messages(app)), messages(app)
        assert store().watchlist()[0].rating is None
        assert isinstance(app.screen, WatchlistScreen)


async def test_bad_date_is_refused_with_a_message(app, store):
    app.library.add_film("Stalker", 1979)
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("w", "ctrl+a", "ctrl+k", *"yesterday", "enter")
        await pilot.pause()
        assert any("2026-11-21" in m and "Not saved" in m for m in messages(app))
        assert store().watchlist()[0].status == "want"


async def test_hostile_title_and_note_shown_literally(app):
    app.library.add_film(f"Title {HOSTILE_MARKUP}", note="\x1b]0;pwned\x07[i]n[/i]")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_watchlist(pilot, app)
        [row] = rows(screen)
        assert HOSTILE_MARKUP in row and "[i]n[/i]" in row and "pwned" not in row
        assert app.is_running


async def test_passages_of_a_film_open_in_the_reader(app):
    app.library.add_film("One-Hour Photo")  # spelled differently from the gazetteer
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        mentions = app.screen
        assert isinstance(mentions, MentionsScreen)
        await pilot.press("j", "enter")  # the second passage: Gus Gamma's
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.review.id == "002_gamma" and reader.current_paragraph is not None
        assert reader.current_paragraph.paragraph_id == "p2"
        paragraph = reader.review.paragraphs[1].text
        assert [paragraph[h.start:h.end] for h in reader.highlights] == ["One Hour Photo"]


async def test_a_film_no_review_names(app):
    app.library.add_film("Stalker")
    async with app.run_test(size=SIZE) as pilot:
        await open_watchlist(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        assert "No review names Stalker." in messages(app)


async def test_read_only_watchlist(app, user_data_dir, store):
    user_data_dir.mkdir(parents=True)
    record = {"id": "f1", "title": "Stalker", "year": 1979, "status": "want", "watched_on": None,
              "rating": None, "note": "", "created": "2026-01-01T00:00:00+00:00",
              "updated": "2026-01-01T00:00:00+00:00"}
    payload = json.dumps({"_meta": {"1": {"schema": 7}}, "watchlist": {"1": record}}).encode()
    (user_data_dir / "watchlist.json").write_bytes(payload)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_watchlist(pilot, app)
        assert "newer nlmg-tui" in str(screen.query_one("#watchlist-banner", Static).render())
        assert len(rows(screen)) == 1
        await pilot.press("a", "w", "r", "n", "d", "m", "u")
        await pilot.pause()
        assert app.screen is screen
        assert (user_data_dir / "watchlist.json").read_bytes() == payload
        await pilot.press("M", "f", "j", "a")  # adding a film from Mentions says why it can't
        await pilot.pause()
        assert any(m.startswith("Not added:") for m in messages(app))
        assert (user_data_dir / "watchlist.json").read_bytes() == payload


async def test_a_read_only_watchlist_leaves_bookmarks_editable(app, user_data_dir, store):
    user_data_dir.mkdir(parents=True)
    payload = json.dumps({"_meta": {"1": {"schema": 7}}, "watchlist": {}}).encode()
    (user_data_dir / "watchlist.json").write_bytes(payload)
    async with app.run_test(size=SIZE) as pilot:
        app.open_bookmarks()
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "BookmarksScreen"
        assert screen.read_only is None
        assert "Read-only" not in str(screen.query_one("#bookmarks-banner", Static).render())
        await open_watchlist(pilot, app)
        assert "newer nlmg-tui" in str(app.screen.query_one("#watchlist-banner", Static).render())


async def test_watchlist_picks_up_another_instance(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_watchlist(pilot, app)
        store().add_film("Stalker")
        screen._poll_library()
        await pilot.pause()
        assert rows(screen)[0].startswith("○ Stalker")


async def test_mentions_lists_people_and_films_with_counts(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MentionsScreen)
        names = [str(screen.names.get_option_at_index(i).prompt)
                 for i in range(screen.names.option_count)]
        assert names[0].split() == ["person", "Carey", "Mulligan", "2×"]
        assert any("One Hour Photo (2002)  2×" in n for n in names)
        assert {e.entity.kind for e in screen.shown_entries} == {"film", "person"}
        passages = [str(screen.passages.get_option_at_index(i).prompt)
                    for i in range(screen.passages.option_count)]
        assert passages[0].startswith("Alice Critic · Film Weekly  ¶ 1")
        assert "Carey Mulligan is superb" in passages[0]
        for _ in range(3):
            await pilot.press("f")
        await pilot.pause()
        assert "Hailsham" in {e.entity.name for e in screen.shown_entries}  # every name


def test_snippet_marks_mentions_and_keeps_spaces():
    from nlmg_tui.corpus.gazetteer import Mention

    text = "word " * 30 + "Romanek made One Hour Photo." + " tail" * 40
    start = text.index("One Hour Photo")
    shown = snippet(text, (Mention("film:one-hour-photo", "film", start, start + 14, ""),))
    assert "made One Hour Photo." in shown.plain
    assert shown.plain.startswith("…") and shown.plain.endswith("…")
    [span] = [s for s in shown.spans if "reverse" in str(s.style)]
    assert shown.plain[span.start:span.end] == "One Hour Photo"


@pytest.mark.parametrize(("line", "parsed"), [
    ("Solaris (1972)", ("Solaris", 1972)),
    ("  Solaris  ", ("Solaris", None)),
    ("2001 (1968)", ("2001", 1968)),
    ("(1999)", ("(1999)", None)),
])
def test_parse_title(line, parsed):
    assert parse_title(line) == parsed


@pytest.mark.parametrize(("rating", "shown"), [
    (None, ""), (0, "☆☆☆☆☆ 0/5"), (3, "★★★☆☆ 3/5"), (4.5, "★★★★½ 4.5/5"), (5, "★★★★★ 5/5"),
])
def test_rating_stars(rating, shown):
    assert rating_stars(rating) == shown


@pytest.mark.parametrize("key", ["B", "W", "M"])
async def test_too_small_terminal_shows_the_note_and_recovers(app, key):
    from nlmg_tui.tui.widgets.too_small import TooSmallNote

    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-too-small")
        assert screen.query_one(TooSmallNote).display
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        assert not screen.has_class("-too-small")


@pytest.mark.parametrize("key", ["B", "W", "M"])
async def test_help_lists_the_screen_keys_in_groups(app, key):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert type(help_screen).__name__ == "HelpScreen"
        groups = dict(help_screen.groups)  # type: ignore[attr-defined]
        assert "Move" in groups and "General" in groups
        described = {entry.description for entries in groups.values() for entry in entries}
        assert "Back" in described and "" not in described
