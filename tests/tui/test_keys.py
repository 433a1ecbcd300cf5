"""Every key the help screen lists, pressed on its screen, with what the screen then shows.

``test_every_listed_key_has_a_case`` fails when a binding is added to a screen without a case
here, so the help screen and these tests cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import ContentSwitcher, Input, Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.comments import CommentsScreen
from nlmg_tui.tui.screens.help import HelpScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.compare_marks import CompareMarks
from nlmg_tui.tui.widgets.compare_picker import ReviewPicker

SIZE = (100, 32)
Check = Callable[[Pilot, NlmgApp], Awaitable[None]]


def status(app: NlmgApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


async def open_screen(pilot: Pilot, app: NlmgApp, name: str) -> None:
    """Put the app on screen ``name`` in a state where every key has something to do."""
    if name == "reader":
        app.open_reader("000_alpha", paragraph_id="p3")
    elif name == "comments":
        app.open_comments("002_gamma")
    elif name == "help":
        app.open_reader("000_alpha")
        await pilot.pause()
        await pilot.press("question_mark")
    await pilot.pause()


# Browse ------------------------------------------------------------------------------------

async def browse_opens_reader(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReaderScreen)
    assert app.screen.review.id == "002_gamma"  # newest first: the top row


async def browse_opens_comments(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommentsScreen)
    assert app.screen.review.id == "002_gamma"


def browse_cursor_on(review_id: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert screen.highlighted_review is not None
        assert screen.highlighted_review.id == review_id
        assert screen.table.row_text_of(review_id).startswith("▶")
    return check


async def browse_sorted_by_critic(pilot: Pilot, app: NlmgApp) -> None:
    assert "Sort: critic ↑ A to Z" in status(app, "#sort-order")
    ids = [review.id for review in app.screen.visible_reviews]  # type: ignore[attr-defined]
    assert ids == ["000_alpha", "002_gamma", "001_beta"]  # Alice, Gus, then no critic


async def browse_reversed(pilot: Pilot, app: NlmgApp) -> None:
    assert "Sort: date ↑ oldest first" in status(app, "#sort-order")
    ids = [review.id for review in app.screen.visible_reviews]  # type: ignore[attr-defined]
    assert ids == ["000_alpha", "002_gamma", "001_beta"]  # undated last


async def browse_filter_focused(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.focused, Input)
    await pilot.press(*"mountain")
    ids = [review.id for review in app.screen.visible_reviews]  # type: ignore[attr-defined]
    assert ids == ["002_gamma"]
    assert "1 of 3 reviews" in status(app, "#browse-title")


async def browse_filter_cleared(pilot: Pilot, app: NlmgApp) -> None:
    assert app.screen.query_one("#filter", Input).value == ""
    assert len(app.screen.visible_reviews) == 3  # type: ignore[attr-defined]


async def browse_facts_tab(pilot: Pilot, app: NlmgApp) -> None:
    assert app.screen.query_one(ContentSwitcher).current == "facts-pane"
    assert "▸ Film facts" in str(app.screen.query_one("#pane-tabs", Static).render())
    facts = str(app.screen.query_one("#film-facts", Static).render())
    assert "Mark Romanek" in facts and "said by Alice Critic · Film Weekly (line 3)" in facts


async def browse_marked_for_compare(pilot: Pilot, app: NlmgApp) -> None:
    assert app.screen.query_one(CompareMarks).marked_ids == ["002_gamma"]


async def compare_opened(pilot: Pilot, app: NlmgApp) -> None:
    assert type(app.screen).__name__ == "CompareScreen"


async def compare_picker_opened(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReviewPicker)


async def app_exited(pilot: Pilot, app: NlmgApp) -> None:
    assert app._exit, "the app should be exiting"


async def help_for(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)
    assert app.screen.groups[0][0] == "Everywhere"  # the app-wide keys come first
    listed = {key for entry in app.screen.groups[0][1] for key in entry.key_names}
    assert {"slash", "B", "W", "M", "T", "P", "Z", "question_mark"} <= listed


async def quit_asked(pilot: Pilot, app: NlmgApp) -> None:
    """One q on the list asks; nothing closes (a second q quits: test_exiting_key)."""
    assert not app._exit and isinstance(app.screen, BrowseScreen)
    assert any("Press q again to quit" in n.message for n in app._notifications)


async def import_dialog_opened(pilot: Pilot, app: NlmgApp) -> None:
    from nlmg_tui.tui.screens.import_review import ImportReviewDialog

    assert isinstance(app.screen, ImportReviewDialog)
    assert isinstance(app.focused, Input) and app.focused.id == "import-source"


async def palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)


async def theme_palette_open(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, CommandPalette)
    assert "theme" in app.screen.query_one(Input).placeholder.lower()


async def focus_moved_to_filter(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.focused, Input)


async def focus_moved_to_preview(pilot: Pilot, app: NlmgApp) -> None:
    assert app.focused is not None and app.focused.id == "preview-pane"


SELECTABLE = {BrowseScreen: "#browse-title", ReaderScreen: "#reader-header",
              CommentsScreen: "#comments-header", HelpScreen: "#help-close"}


def copies_selection(key: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        header = app.screen.query_one(SELECTABLE[type(app.screen)], Static)
        app.screen.selections = {header: Selection(None, None)}
        await pilot.press(key)
        await pilot.pause()
        assert app.clipboard and app.clipboard.strip()
        assert app.clipboard.split()[0] in str(header.render())
    return check


async def nothing(pilot: Pilot, app: NlmgApp) -> None:
    """For keys whose check runs after pressing them (see copies_selection)."""


# Reader ------------------------------------------------------------------------------------

def reader_at(paragraph_id: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.current_paragraph is not None
        assert screen.current_paragraph.paragraph_id == paragraph_id
        index = int(paragraph_id[1:])
        assert f"¶ {index}/14" in status(app, "#reader-status")
        cursor_views = [v for v in screen.views if v.has_class("-cursor")]
        assert [v.paragraph.id for v in cursor_views] == [paragraph_id]
    return check


async def reader_paged_down(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert screen.cursor > 2  # started at p3 (index 2)
    cursor_view = screen.views[screen.cursor]
    assert cursor_view.region.y >= screen.body.region.y  # visible after the jump


async def reader_paged_up(pilot: Pilot, app: NlmgApp) -> None:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert 0 < screen.cursor < 12  # from the last paragraph (13), more than one paragraph up


def reader_shows_review(review_id: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.review.id == review_id
        shown = " ".join(str(v.render()) for v in screen.views)
        assert screen.review.paragraphs[0].text.split(".")[0] in shown
    return check


async def comments_of_alpha_absent(pilot: Pilot, app: NlmgApp) -> None:
    # alpha has no comments: the reader stays and says so
    assert isinstance(app.screen, ReaderScreen)
    assert any("no reader comments" in str(n.message) for n in app._notifications)


async def back_to_browse(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, BrowseScreen)


async def reader_asks_for_a_search(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReaderScreen)
    assert any("press / to search" in str(n.message) for n in app._notifications)


async def search_opened(pilot: Pilot, app: NlmgApp) -> None:
    assert type(app.screen).__name__ == "SearchScreen"


# Comments ----------------------------------------------------------------------------------

def comment_cursor(number: int) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        screen = app.screen
        assert isinstance(screen, CommentsScreen)
        assert screen.current_comment_number == number
        assert status(app, "#comments-status").startswith(f"#{number} ")
        marked = [v.comment.number for v in screen.views if v.has_class("-cursor")]
        assert marked == [number]
    return check


async def comments_followed_quote(pilot: Pilot, app: NlmgApp) -> None:
    # from #2 (which quotes #1): land on #1, with a way back
    await comment_cursor(1)(pilot, app)
    assert "< back to #2" in status(app, "#comments-status")


async def comments_jumped_back(pilot: Pilot, app: NlmgApp) -> None:
    await comment_cursor(2)(pilot, app)
    assert "back to" not in status(app, "#comments-status")


# Help --------------------------------------------------------------------------------------

async def help_closed(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, ReaderScreen)


async def help_scrolled(pilot: Pilot, app: NlmgApp) -> None:
    assert isinstance(app.screen, HelpScreen)


def on_screen_named(name: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert type(app.screen).__name__ == name

    return check


async def reader_bookmarked(pilot: Pilot, app: NlmgApp) -> None:
    """b stores the bookmark, then offers its note in place; escape leaves it without one."""
    assert type(app.screen).__name__ == "NoteEditor"
    stored = {(b.review_id, b.paragraph_id): b.note for b in app.library.bookmarks()}
    assert stored.get(("000_alpha", "p3")) == ""
    await pilot.press("escape")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    assert str(screen.views[2].render()).startswith("★")
    assert [b.note for b in app.library.bookmarks()] == [""]


def notified(words: str) -> Check:
    async def check(pilot: Pilot, app: NlmgApp) -> None:
        assert any(words in str(n.message) for n in app._notifications)

    return check


async def spoiler_free_toggled(pilot: Pilot, app: NlmgApp) -> None:
    """Z turns the mode off (on at first run) and remembers it; pressed again, back on."""
    import json

    assert app.spoiler_shield.enabled is False
    assert json.loads(app.settings_file.read_text())["spoiler_free"] is False
    await pilot.press("Z")
    await pilot.pause()
    assert app.spoiler_shield.enabled is True
    assert json.loads(app.settings_file.read_text())["spoiler_free"] is True


async def span_picker_opened(pilot: Pilot, app: NlmgApp) -> None:
    assert type(app.screen).__name__ == "SpanPicker"


async def suspend_headless(pilot, app) -> None:
    """ctrl+z suspends to the shell in a real terminal (tests/e2e); the headless test driver
    cannot suspend, so here the app simply keeps running."""
    assert app.is_running and not app._driver.can_suspend


GENERAL: dict[str, tuple[Callable[..., Awaitable[None]] | None, Check]] = {
    "question_mark": (None, help_for),
    "ctrl+p": (None, palette_open),
    "ctrl+t": (None, theme_palette_open),
    "ctrl+q": (None, app_exited),
    "ctrl+c": (None, nothing),
    "super+c": (None, nothing),
    "slash": (None, search_opened),
    "B": (None, on_screen_named("BookmarksScreen")),
    "W": (None, on_screen_named("WatchlistScreen")),
    "M": (None, on_screen_named("MentionsScreen")),
    "T": (None, on_screen_named("TimelineScreen")),
    "P": (None, on_screen_named("TopicsScreen")),
    "Z": (None, spoiler_free_toggled),
    "ctrl+z": (None, suspend_headless),
}

# screen -> key -> (keys to press first, check). The key itself is pressed in between.
CASES: dict[str, dict[str, tuple[tuple[str, ...], Check]]] = {
    "browse": {
        "enter": ((), browse_opens_reader),
        "o": ((), browse_opens_reader),
        "c": ((), browse_opens_comments),
        "j": ((), browse_cursor_on("000_alpha")),
        "down": ((), browse_cursor_on("000_alpha")),
        "k": (("j", "j"), browse_cursor_on("000_alpha")),
        "up": (("j", "j"), browse_cursor_on("000_alpha")),
        "g": (("j", "j"), browse_cursor_on("002_gamma")),
        "home": (("j", "j"), browse_cursor_on("002_gamma")),
        "G": ((), browse_cursor_on("001_beta")),
        "end": ((), browse_cursor_on("001_beta")),
        "s": ((), browse_sorted_by_critic),
        "r": ((), browse_reversed),
        "f": ((), browse_filter_focused),
        "escape": (("f", "x", "y", "z"), browse_filter_cleared),
        "i": ((), browse_facts_tab),
        "a": ((), import_dialog_opened),  # the import itself: tests/importer_web
        "space": ((), browse_marked_for_compare),
        "C": (("space", "j"), compare_opened),
        "q": ((), quit_asked),
        "tab": ((), focus_moved_to_preview),
        "shift+tab": ((), focus_moved_to_filter),
    },
    "reader": {
        "j": ((), reader_at("p4")),
        "down": ((), reader_at("p4")),
        "k": ((), reader_at("p2")),
        "up": ((), reader_at("p2")),
        "g": ((), reader_at("p1")),
        "home": ((), reader_at("p1")),
        "G": ((), reader_at("p14")),
        "end": ((), reader_at("p14")),
        "pagedown": ((), reader_paged_down),
        "space": ((), reader_paged_down),
        "pageup": (("G",), reader_paged_up),
        "J": ((), reader_shows_review("001_beta")),  # alpha is 2nd of 3 by date
        "right_square_bracket": ((), reader_shows_review("001_beta")),
        "K": ((), reader_shows_review("002_gamma")),
        "left_square_bracket": ((), reader_shows_review("002_gamma")),
        "n": ((), reader_asks_for_a_search),  # with a search: tests/tui_search/test_open_hits.py
        "N": ((), reader_asks_for_a_search),
        "c": ((), comments_of_alpha_absent),
        "C": ((), compare_picker_opened),
        "b": ((), reader_bookmarked),
        "v": ((), span_picker_opened),
        # this corpus gives nothing away; revealing: tests/tui_spoilers
        "s": ((), notified("This paragraph gives nothing away.")),
        "S": ((), notified("This review gives nothing away.")),
        "q": ((), back_to_browse),
        "escape": ((), back_to_browse),
    },
    "comments": {
        "j": ((), comment_cursor(2)),
        "down": ((), comment_cursor(2)),
        "k": (("j", "j"), comment_cursor(2)),
        "up": (("j", "j"), comment_cursor(2)),
        "g": (("j", "j"), comment_cursor(1)),
        "home": (("j", "j"), comment_cursor(1)),
        "G": ((), comment_cursor(4)),
        "end": ((), comment_cursor(4)),
        "enter": (("j",), comments_followed_quote),
        "greater_than_sign": (("j",), comments_followed_quote),
        "backspace": (("j", "enter"), comments_jumped_back),
        "less_than_sign": (("j", "enter"), comments_jumped_back),
        "q": ((), back_to_browse),
        "escape": ((), back_to_browse),
    },
    "help": {
        "escape": ((), help_closed),
        "q": ((), help_closed),
        "question_mark": ((), help_closed),
        "j": ((), help_scrolled),
        "down": ((), help_scrolled),
        "k": ((), help_scrolled),
        "up": ((), help_scrolled),
    },
}
SCREEN_TYPES = {"browse": BrowseScreen, "reader": ReaderScreen, "comments": CommentsScreen,
                "help": HelpScreen}


def general_keys(screen_name: str) -> set[str]:
    """App keys that reach a screen: over the modal help only priority bindings do."""
    if screen_name == "help":
        return {"ctrl+p", "ctrl+q", "ctrl+c", "super+c"}
    return set(GENERAL)


def all_cases() -> list[tuple[str, str]]:
    cases = [(screen, key) for screen, keys in CASES.items() for key in keys]
    cases += [(screen, key) for screen in CASES
              for key in sorted(general_keys(screen) - set(CASES[screen]))]
    return cases


EXITING_KEYS = {("browse", "ctrl+q"), ("reader", "ctrl+q"),
                ("comments", "ctrl+q"), ("help", "ctrl+q")}


async def reset(pilot: Pilot, app: NlmgApp) -> None:
    """Back to a browse screen as it is at start: one app serves many cases (fast suite)."""
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    browse = app.screen
    assert isinstance(browse, BrowseScreen)
    app.session.positions.clear()
    app.session.read.clear()
    app.clear_notifications()
    if browse.filter_input is not None:
        browse.filter_input.value = ""
    browse.sort_name, browse.descending = "date", True
    browse.refresh_list(keep="002_gamma")
    browse.show_pane("preview-pane")
    browse.query_one(CompareMarks).clear()
    browse.table.focus()


async def run_case(pilot: Pilot, app: NlmgApp, screen_name: str, key: str) -> None:
    await open_screen(pilot, app, screen_name)
    assert isinstance(app.screen, SCREEN_TYPES[screen_name])
    if key in CASES[screen_name]:
        before, check = CASES[screen_name][key]
    elif key in ("ctrl+c", "super+c"):
        await copies_selection(key)(pilot, app)
        return
    else:
        before, check = (), GENERAL[key][1]
    if before:
        await pilot.press(*before)
        await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    await check(pilot, app)


@pytest.mark.parametrize("screen_name", list(CASES))
async def test_keys_of_screen(app: NlmgApp, screen_name: str) -> None:
    """Each key in turn on one app, reset to the start state between keys."""
    keys = [key for screen, key in all_cases()
            if screen == screen_name and (screen, key) not in EXITING_KEYS]
    failures: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        for key in keys:
            await reset(pilot, app)
            try:
                await run_case(pilot, app, screen_name, key)
            except AssertionError as error:
                failures.append(f"{key}: {error}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("screen_name", "key"), sorted(EXITING_KEYS))
async def test_exiting_key(app: NlmgApp, screen_name: str, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await run_case(pilot, app, screen_name, key)


async def test_a_second_q_on_the_list_quits(app: NlmgApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app._exit
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


@pytest.mark.parametrize("screen_name", ["browse", "reader", "comments", "help"])
async def test_every_listed_key_has_a_case(app: NlmgApp, screen_name: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, app, screen_name)
        listed = {name for entry in screen_keys(app.screen) for name in entry.key_names}
    covered = set(CASES[screen_name]) | general_keys(screen_name)
    assert listed == covered


async def test_help_scrolls_when_it_does_not_fit(app: NlmgApp) -> None:
    async with app.run_test(size=(100, 20)) as pilot:
        await open_screen(pilot, app, "help")
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0
        for down, up in (("j", "k"), ("down", "up")):
            await pilot.press(down)
            await pilot.pause()
            assert scroll.scroll_y > 0
            await pilot.press(up)
            await pilot.pause()
            assert scroll.scroll_y == 0
