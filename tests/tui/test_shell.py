"""The app shell (issue 15): the app-wide key line and spoiler indicator, q on the list, read
marks, the footer in a browser tab, 80x24, and the newcomer tasks from launch."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict

from textual import events
from textual.widgets import Static

from nlmg_tui.tui.app import NlmgApp, make_app
from nlmg_tui.tui.app_keys import AppKeyBar
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.key_footer import KeyFooter
from nlmg_tui.tui.widgets.search_results import SearchResults

SMALL = (80, 24)


def bar(app: NlmgApp) -> str:
    return str(app.screen.query_one(AppKeyBar).render())


def footer_keys(app: NlmgApp) -> list[str]:
    return app.screen.query_one(KeyFooter).shown_keys()


async def test_the_key_line_shows_app_keys_and_a_lasting_spoiler_indicator(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        line = bar(app)
        for entry in ("? Help", "/ Search", "B Bookmarks", "W Watchlist", "M Mentions",
                      "T Timeline", "P Topics", "Z ▒ spoilers hidden"):
            assert entry in line
        await pilot.press("Z")
        await pilot.pause()
        app.clear_notifications()  # the toast goes; the indicator stays
        await pilot.pause()
        assert "Z spoilers shown" in bar(app)
        app.open_reader("000_alpha")
        await pilot.pause()
        assert "Z spoilers shown" in bar(app)


async def test_at_80_columns_whole_entries_drop_never_cut(app):
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        line = bar(app)
        assert line.startswith(" ? Help  / Search  B Bookmarks") and "spoilers hidden" in line
        entries = [e for e in line.strip().split("  ") if e]
        assert all(e.split(" ", 1)[0] in "?/BWMTPZ" for e in entries), entries
        assert len(line) <= SMALL[0]


async def test_one_q_on_the_list_asks_and_keeps_everything(app):
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("j", "f", *"alice", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        before = ([r.id for r in screen.visible_reviews], screen.filter_input.value)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and not app._exit and app.screen is screen
        assert ([r.id for r in screen.visible_reviews], screen.filter_input.value) == before
        assert any("Press q again" in n.message for n in app._notifications)


async def test_opening_is_not_reading_scrolling_is_and_it_is_remembered(corpus, tmp_path):
    app = make_app(data_dir=tmp_path, corpus=corpus)
    async with app.run_test(size=(100, 32)) as pilot:
        app.open_reader("000_alpha")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert "000_alpha" not in app.session.read  # opened, not read
        assert "· 0 read" in str(app.screen.query_one("#browse-title", Static).render())
        app.open_reader("000_alpha")
        await pilot.pause()
        await pilot.press("G")  # to the end: the last paragraph is on screen
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert "· 1 read" in str(app.screen.query_one("#browse-title", Static).render())
    stored = json.loads((tmp_path / "tui-settings.json").read_text())
    assert stored["read_reviews"] == ["000_alpha"]
    again = make_app(data_dir=tmp_path, corpus=corpus)  # the next launch
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.session.read == {"000_alpha"}
        assert again.screen.table.row_text_of("000_alpha")[1] == " "  # no unread dot
        assert again.screen.table.row_text_of("002_gamma")[1] == "•"


async def test_the_footer_is_drawn_before_the_first_key_without_app_focus(app):
    """A browser tab starts without focus (textual-serve's driver posts AppBlur)."""
    async with app.run_test(size=(100, 32)) as pilot:
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert not app.app_focus
        app.open_reader("000_alpha")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert {"j", "b", "q"} <= set(footer_keys(app))


def screen_text(app: NlmgApp) -> list[str]:
    """The rows of the terminal as the user sees them (read back from a screenshot)."""
    rows: dict[int, list[tuple[float, str]]] = defaultdict(list)
    svg = app.export_screenshot()
    for found in re.finditer(r'<text[^>]*x="([\d.]+)"[^>]*clip-path="url\(#terminal-(?:\d+-)?'
                             r'line-(\d+)\)">([^<]*)</text>', svg):
        text = html.unescape(found.group(3)).replace("\xa0", " ")
        rows[int(found.group(2))].append((float(found.group(1)), text))
    lines = []
    for number in sorted(rows):
        line = ""
        for x, text in sorted(rows[number]):
            line = line.ljust(round(x / 12.2)) + text
        lines.append(line.rstrip())
    return lines


async def until(pilot, check, what: str) -> None:
    """Pause until ``check()`` holds: at most 100 pauses of 50 ms, then fail saying what."""
    for _ in range(100):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited 5 s for {what}")


async def settled_screen(pilot, app: NlmgApp) -> list[str]:
    """The screen once its footer is drawn (bounded: a loaded machine draws it late)."""
    for _ in range(50):
        shown = screen_text(app)
        if shown and "^p Commands" in shown[-1]:
            return shown
        await pilot.pause(0.1)
    return screen_text(app)


def words_whole(line: str, labels: list[str]) -> None:
    for label in labels:
        assert label in line, (label, line)


async def test_80x24_footers_and_columns_fit_without_cut_labels(real_app):
    async with real_app.run_test(size=SMALL) as pilot:
        shown = await settled_screen(pilot, real_app)
        words_whole(shown[-1], ["j k Move", "o Read", "c Comments", "C Compare", "s Sort",
                                "f Filter", "q Quit", "^p Commands"])
        heading = next(line for line in shown if "Critic" in line)
        assert "Outlet" not in heading  # the outlet column goes whole at 80 columns
        assert "Rating / verdict" in heading or "Rating /…" in heading
        rows = [line for line in shown if "2010-" in line or "2011-" in line]
        assert any("Unsigned review…" in row for row in rows)
        assert not any("Unnamed" in row or "…" in row.split("  ")[0] for row in rows)
        await pilot.press("enter")
        await pilot.pause(0.3)
        words_whole((await settled_screen(pilot, real_app))[-1], ["j k Move", "c Comments", "b Bookmark ¶",
                                                "s Show spoiler", "q Back"])
        await pilot.press("q", "slash", *"hailsham")
        await pilot.pause(0.5)
        shown = await settled_screen(pilot, real_app)
        words_whole(shown[-1], ["↑ ↓ Results", "⏎ Open", "esc Back"])
        assert "Results⏎" not in shown[-1]
        hit_rows = [n for n, line in enumerate(shown) if "· ¶" in line]
        assert hit_rows
        for n in hit_rows:  # the snippet under a hit keeps its indent on every wrapped line
            following = [line for line in shown[n + 1:n + 3] 
                         if "? Help" not in line and "^p Commands" not in line]
            assert all(line.startswith("   ") for line in following if line.strip()), following


async def test_newcomer_opens_a_critics_comments(real_app):
    """From launch, keys the footer shows (j k Move, c Comments): Ken Hanke's reader comments."""
    async with real_app.run_test(size=SMALL) as pilot:
        footer = (await settled_screen(pilot, real_app))[-1]
        assert "j k Move" in footer and "c Comments" in footer
        keys = ["j", "j", "j", "c"]  # newest first: Ken Hanke's review is the fourth row
        await pilot.press(*keys)
        await pilot.pause()
        assert type(real_app.screen).__name__ == "CommentsScreen"
        assert real_app.screen.review.critic == "Ken Hanke" and len(keys) <= 6


async def test_newcomer_bookmarks_a_found_passage_with_a_note(real_app):
    """/ (on the key line), type, enter (footer), b (footer), type the note, ctrl+s."""
    real_app.spoiler_shield.enabled = False
    async with real_app.run_test(size=SMALL) as pilot:
        await pilot.press("slash", *"poisoned grace")
        await until(pilot, lambda: real_app.screen.query_one(SearchResults).option_count,
                    "the hits")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(real_app.screen, ReaderScreen), "the reader")
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"viper", "ctrl+s")
        await pilot.pause()
        [bookmark] = real_app.library.bookmarks()
        assert bookmark.note == "viper" and "poisoned grace" in bookmark.quote
