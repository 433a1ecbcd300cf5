"""Every key of the Bookmarks, Watchlist and Mentions screens, pressed, with what the screen
then shows and what the store then holds (read by a fresh ``Library`` on the same folder).

``test_every_listed_key_has_a_case`` fails when a binding is added to one of these screens
without a case here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import Input, OptionList, Static

from nlmg_tui.library.library import Library
from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.help import HelpScreen
from nlmg_tui.tui.screens.mentions import MentionsScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.screens.search import SearchScreen
from nlmg_tui.tui.screens.watchlist import WatchlistScreen
from nlmg_tui.tui.widgets.bookmark_choice import ChoicePicker
from nlmg_tui.tui.widgets.bookmark_export import ExportDialog
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker
from nlmg_tui.tui.widgets.note_editor import LinePrompt, NoteEditor
from nlmg_tui.tui.widgets.watchlist_add import AddFilmDialog

from .conftest import SIZE

Check = Callable[[Pilot, NlmgApp], Awaitable[None]]
Store = Callable[[], Library]


def seed(library: Library) -> None:
    """Four bookmarks (the last an orphan) and three films, oldest first."""
    library.add_bookmark("000_alpha", "p1", "Mark Romanek directs Never Let Me Go with care.",
                         note="first note", tags=["cast"])
    library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", tags=["ending"])
    library.add_bookmark("001_beta", "p2", "Atonement comes to mind.", note="compare Wright")
    library.add_bookmark("001_beta", "p9", "A sentence no longer in any review at all.",
                         note="orphaned")
    library.add_film("One Hour Photo", 2002)
    solaris = library.add_film("Solaris", 1972).item
    library.mark_watched(solaris.id, "2026-11-01", rating=3)
    library.add_film("Stalker", note="Tarkovsky again")


def notified(app: NlmgApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


def status(app: NlmgApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


async def settle(pilot: Pilot, app: NlmgApp) -> None:
    """Let workers (search, anchoring) finish and their results reach the screen."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


# Checks shared by all three screens ---------------------------------------------------------

def on_screen(screen_type: type) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert isinstance(app.screen, screen_type), type(app.screen).__name__
    return check


def on_screen_named(name: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert type(app.screen).__name__ == name
    return check


def list_cursor(list_id: str, index: int) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert app.screen.query_one(list_id, OptionList).highlighted == index
    return check


def message(words: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert notified(app, words), [str(n.message) for n in app._notifications]
    return check


def both(*checks: Check) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        for one in checks:
            await one(pilot, app)
    return check


async def palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)


async def theme_palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)
    assert "theme" in app.screen.query_one(Input).placeholder.lower()


def focus_moved(start_id: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert app.focused is not None and app.focused.id != start_id
    return check


TITLES = {"bookmarks": "#bookmarks-title", "watchlist": "#watchlist-title",
          "mentions": "#mentions-title"}


def copies_title(screen_name: str, key: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        title = app.screen.query_one(TITLES[screen_name], Static)
        app.screen.selections = {title: Selection(None, None)}
        await pilot.press(key)
        await pilot.pause()
        assert app.clipboard and app.clipboard.split()[0] in str(title.render())
    return check


# Bookmarks ---------------------------------------------------------------------------------

def reader_at(review_id: str, paragraph_id: str, highlighted: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.current_paragraph is not None
        assert (screen.review.id, screen.current_paragraph.paragraph_id) == (review_id,
                                                                             paragraph_id)
        paragraph = screen.review.paragraph(paragraph_id)
        assert paragraph is not None
        assert [paragraph.text[h.start:h.end] for h in screen.highlights] == [highlighted]
    return check


def bookmark_count(expected: int, shown: int | None = None) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert len(Library(app.library.data_dir).bookmarks()) == expected
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert screen.option_list.option_count == (expected if shown is None else shown)
    return check


async def note_editor_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, NoteEditor)
    assert app.screen.query_one("#note-text").text == "first note"  # type: ignore[attr-defined]


async def tags_prompt_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, LinePrompt)
    assert app.screen.query_one(Input).value == "cast"


async def search_focused(pilot: Pilot, app: NlmgApp) -> None:
    assert app.focused is app.screen.query_one("#bookmark-search", Input)
    await pilot.press(*"hailsham")
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    assert [r.bookmark.quote for r in screen.visible_rows] == ["Kathy remembers Hailsham."]


async def tag_picker_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ChoicePicker)
    await pilot.press("j", "j", "enter")  # All tags, #cast, #ending
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    assert screen.tag_filter == "ending"
    assert [r.bookmark.paragraph_id for r in screen.visible_rows] == ["p3"]
    assert "tag: #ending" in status(app, "#bookmark-filters")


async def critic_picker_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ChoicePicker)
    await pilot.press("j", "enter")  # All critics, Alice Critic, Unnamed critic
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    assert screen.critic_filter == "Alice Critic"
    assert len(screen.visible_rows) == 2


async def filters_cleared(pilot: Pilot, app: NlmgApp) -> None:
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    assert screen.search_input.value == "" and screen.tag_filter is None
    assert len(screen.visible_rows) == 4


async def repair_asks_review(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReviewPicker)


# Watchlist ---------------------------------------------------------------------------------

def film(title: str) -> Callable[[NlmgApp], dict]:
    def get(app: NlmgApp) -> dict:
        entry = Library(app.library.data_dir).find_film(title)
        assert entry is not None, f"{title} is not stored"
        return entry.to_doc()
    return get


def film_count(expected: int) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert len(Library(app.library.data_dir).watchlist()) == expected
        assert app.screen.query_one("#watchlist", OptionList).option_count == expected
    return check


async def add_dialog_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, AddFilmDialog)


async def watched_prompt_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, LinePrompt)
    assert app.screen.query_one(Input).value == date.today().isoformat()


async def solaris_wanted(pilot: Pilot, app: NlmgApp) -> None:
    stored = film("Solaris")(app)
    assert (stored["status"], stored["watched_on"]) == ("want", None)
    assert "○ Solaris" in str(app.screen.query_one("#watchlist", OptionList)
                              .get_option_at_index(1).prompt)


async def rate_prompt_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, LinePrompt)
    assert "0 to 5" in str(app.screen.query_one(".dialog-hint", Static).render())


async def film_note_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, NoteEditor)


async def mentions_of_one_hour_photo(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, MentionsScreen)
    entry = screen.highlighted_entry
    assert entry is not None and entry.entity.id == "film:one-hour-photo"
    assert app.focused is screen.passages and screen.passages.option_count == 2


# Mentions ----------------------------------------------------------------------------------

async def passages_focused(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, MentionsScreen)
    assert app.focused is screen.passages


async def names_focused(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, MentionsScreen)
    assert app.focused is screen.names


async def never_let_me_go_not_added(pilot: Pilot, app: NlmgApp) -> None:
    """The film the reviews are about is not a watchlist candidate: a says so, adds nothing."""
    screen = app.screen
    assert isinstance(screen, MentionsScreen)
    assert Library(app.library.data_dir).find_film("Never Let Me Go") is None
    assert notified(app, "is the film these reviews are about")
    assert not str(screen.names.get_option_at_index(2).prompt).endswith("✓")


async def only_films_shown(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, MentionsScreen)
    assert {e.entity.kind for e in screen.shown_entries} == {"film"}
    assert "films named" in status(app, "#mentions-title")


async def spoiler_free_toggled(pilot: Pilot, app: NlmgApp) -> None:
    """Z flips spoiler-free mode (on at first run); pressed again it is back on."""
    assert app.spoiler_shield.enabled is False
    await pilot.press("Z")
    await pilot.pause()
    assert app.spoiler_shield.enabled is True


async def suspend_headless(pilot, app) -> None:
    """ctrl+z suspends to the shell in a real terminal (tests/e2e); the headless test driver
    cannot suspend, so here the app simply keeps running."""
    assert app.is_running and not app._driver.can_suspend


GENERAL: dict[str, tuple[tuple[str, ...], Check]] = {
    "question_mark": ((), on_screen(HelpScreen)),
    "ctrl+p": ((), palette_open),
    "ctrl+t": ((), theme_palette_open),
    "B": ((), on_screen(BookmarksScreen)),
    "W": ((), on_screen(WatchlistScreen)),
    "M": ((), on_screen(MentionsScreen)),
    "T": ((), on_screen_named("TimelineScreen")),
    "P": ((), on_screen_named("TopicsScreen")),
    "Z": ((), spoiler_free_toggled),
    "ctrl+z": ((), suspend_headless),
}
COPY_KEYS = ("ctrl+c", "super+c")

# screen -> key -> (keys to press first, check)
CASES: dict[str, dict[str, tuple[tuple[str, ...], Check]]] = {
    "bookmarks": {
        "enter": ((), reader_at("000_alpha", "p1",
                                "Mark Romanek directs Never Let Me Go with care.")),
        "o": (("j",), reader_at("000_alpha", "p3", "Kathy remembers Hailsham.")),
        "n": ((), note_editor_open),
        "e": ((), message("Set $EDITOR")),
        "t": ((), tags_prompt_open),
        "d": ((), bookmark_count(3)),
        "delete": ((), bookmark_count(3)),
        "u": (("d",), both(bookmark_count(4), message("Bookmark restored"))),
        "r": (("G",), repair_asks_review),
        "slash": ((), search_focused),
        "f": ((), search_focused),
        "T": ((), tag_picker_open),
        "c": ((), critic_picker_open),
        "x": (("slash", "h", "a", "i", "l", "escape", "T", "j", "enter"), filters_cleared),
        "E": ((), on_screen(ExportDialog)),
        "j": ((), list_cursor("#bookmark-list", 1)),
        "down": ((), list_cursor("#bookmark-list", 1)),
        "k": (("j", "j"), list_cursor("#bookmark-list", 1)),
        "up": (("j", "j"), list_cursor("#bookmark-list", 1)),
        "g": (("j", "j"), list_cursor("#bookmark-list", 0)),
        "home": (("j", "j"), list_cursor("#bookmark-list", 0)),
        "G": ((), list_cursor("#bookmark-list", 3)),
        "end": ((), list_cursor("#bookmark-list", 3)),
        "q": ((), on_screen(BrowseScreen)),
        "escape": ((), on_screen(BrowseScreen)),
        "tab": ((), focus_moved("bookmark-list")),
        "shift+tab": ((), focus_moved("bookmark-list")),
        **{key: value for key, value in GENERAL.items() if key not in ("B", "T")},
        "B": ((), both(on_screen(BookmarksScreen), lambda p, a: _one_screen(a, BookmarksScreen))),
    },
    "watchlist": {
        "slash": ((), on_screen(SearchScreen)),
        "a": ((), add_dialog_open),
        "w": ((), watched_prompt_open),
        "m": (("j",), solaris_wanted),
        "r": ((), rate_prompt_open),
        "n": ((), film_note_open),
        "enter": ((), mentions_of_one_hour_photo),
        "o": ((), mentions_of_one_hour_photo),
        "d": ((), film_count(2)),
        "delete": ((), film_count(2)),
        "u": (("d",), both(film_count(3), message("back on the watchlist"))),
        "j": ((), list_cursor("#watchlist", 1)),
        "down": ((), list_cursor("#watchlist", 1)),
        "k": (("j", "j"), list_cursor("#watchlist", 1)),
        "up": (("j", "j"), list_cursor("#watchlist", 1)),
        "g": (("j", "j"), list_cursor("#watchlist", 0)),
        "home": (("j", "j"), list_cursor("#watchlist", 0)),
        "G": ((), list_cursor("#watchlist", 2)),
        "end": ((), list_cursor("#watchlist", 2)),
        "q": ((), on_screen(BrowseScreen)),
        "escape": ((), on_screen(BrowseScreen)),
        "tab": ((), focus_moved("watchlist")),
        "shift+tab": ((), focus_moved("watchlist")),
        **{key: value for key, value in GENERAL.items() if key != "W"},
        "W": ((), both(on_screen(WatchlistScreen), lambda p, a: _one_screen(a, WatchlistScreen))),
    },
    "mentions": {
        "slash": ((), on_screen(SearchScreen)),
        "enter": ((), passages_focused),
        "o": ((), reader_at("000_alpha", "p1", "Carey Mulligan")),
        "a": (("j", "j"), never_let_me_go_not_added),
        "f": ((), only_films_shown),
        "l": ((), passages_focused),
        "right": ((), passages_focused),
        "h": (("l",), names_focused),
        "left": (("l",), names_focused),
        "j": ((), list_cursor("#mention-names", 1)),
        "down": ((), list_cursor("#mention-names", 1)),
        "k": (("j", "j"), list_cursor("#mention-names", 1)),
        "up": (("j", "j"), list_cursor("#mention-names", 1)),
        "g": (("j", "j"), list_cursor("#mention-names", 0)),
        "home": (("j", "j"), list_cursor("#mention-names", 0)),
        "G": ((), list_cursor("#mention-names", 8)),
        "end": ((), list_cursor("#mention-names", 8)),
        "q": ((), on_screen(BrowseScreen)),
        "escape": ((), on_screen(BrowseScreen)),
        "tab": ((), focus_moved("mention-names")),
        "shift+tab": ((), focus_moved("mention-names")),
        **{key: value for key, value in GENERAL.items() if key != "M"},
        "M": ((), both(on_screen(MentionsScreen), lambda p, a: _one_screen(a, MentionsScreen))),
    },
}


async def _one_screen(app: NlmgApp, screen_type: type) -> None:
    """The screen's own global key doesn't stack a second copy of it."""
    assert sum(isinstance(s, screen_type) for s in app.screen_stack) == 1


OPEN = {"bookmarks": "B", "watchlist": "W", "mentions": "M"}


async def reset(pilot: Pilot, app: NlmgApp) -> None:
    """Back to the browse screen with the seeded library: one app serves many cases."""
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    app.clear_notifications()
    library = app.library
    for bookmark in library.bookmarks():
        library.delete_bookmark(bookmark.id)
    for entry in library.watchlist():
        library.remove_film(entry.id)
    seed(library)


async def run_case(pilot: Pilot, app: NlmgApp, screen_name: str, key: str) -> None:
    await pilot.press(OPEN[screen_name])
    await settle(pilot, app)
    if key in COPY_KEYS:
        await copies_title(screen_name, key)(pilot, app)
        return
    before, check = CASES[screen_name][key]
    if before:
        await pilot.press(*before)
        await settle(pilot, app)
    await pilot.press(key)
    await settle(pilot, app)
    await check(pilot, app)


@pytest.fixture(autouse=True)
def no_editor(monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)


@pytest.mark.parametrize("screen_name", list(CASES))
async def test_keys_of_screen(app: NlmgApp, screen_name: str) -> None:
    """Each key in turn on one app, reset to the seeded state between keys."""
    failures: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        for key in [*CASES[screen_name], *COPY_KEYS]:
            await reset(pilot, app)
            try:
                await run_case(pilot, app, screen_name, key)
            except AssertionError as error:
                failures.append(f"{key}: {error}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("screen_name", list(CASES))
async def test_quit_key(app: NlmgApp, screen_name: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(OPEN[screen_name])
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


@pytest.mark.parametrize("screen_name", list(CASES))
async def test_every_listed_key_has_a_case(app: NlmgApp, screen_name: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        seed(app.library)
        await pilot.press(OPEN[screen_name])
        await settle(pilot, app)
        listed = {name for entry in screen_keys(app.screen) for name in entry.key_names}
    assert listed == set(CASES[screen_name]) | set(COPY_KEYS) | {"ctrl+q"}
