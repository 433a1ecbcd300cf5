"""The Bookmarks screen beyond single keys: editing notes, delete and undo, hostile text,
orphans and their repair, search, read-only and damaged stores, other instances."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.widgets.bookmark_filter import parse_tags, search_bookmarks
from nlmg_tui.tui.widgets.bookmark_library import POLL_SECONDS
from nlmg_tui.tui.widgets.bookmark_list import shorten
from nlmg_tui.tui.widgets.note_editor import EditorFailed, NoteEditor, edit_in_editor

from .conftest import HOSTILE_MARKUP, SIZE

OSC_TITLE = "\x1b]0;pwned\x07"


async def open_bookmarks(pilot: Pilot, app: NlmgApp) -> BookmarksScreen:
    await pilot.press("B")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    return screen


def rows_text(screen: BookmarksScreen) -> list[str]:
    options = screen.option_list
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def detail(screen: BookmarksScreen) -> str:
    return str(screen.query_one("#bookmark-detail", Static).render())


def messages(app: NlmgApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_note_edited_in_place_is_saved(app, store):
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="first")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*" and more", "enter", *"line two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        [bookmark] = store().bookmarks()
        assert bookmark.note == "first and more\nline two"
        assert "first and more line two" in rows_text(screen)[0]
        assert "Note saved." in messages(app)


async def test_note_editor_escape_changes_nothing(app, store):
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="first")
    before = store().bookmarks()
    async with app.run_test(size=SIZE) as pilot:
        await open_bookmarks(pilot, app)
        await pilot.press("n", *"xyz", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert store().bookmarks() == before


async def test_tags_edited_and_filtered(app, store):
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", tags=["old"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        await pilot.press("t", "ctrl+u", *"the ending, #acting, Ending", "enter")
        await pilot.pause()
        [bookmark] = store().bookmarks()
        assert bookmark.tags == ("the ending", "acting", "Ending")
        assert "#the ending" in rows_text(screen)[0]


def test_parse_tags():
    assert parse_tags("the ending, #acting ,, ") == ["the ending", "acting"]
    assert parse_tags("") == []


async def test_external_editor_unsupported_here_says_so(app, store, monkeypatch):
    monkeypatch.setenv("EDITOR", "vi")
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="keep")
    async with app.run_test(size=SIZE) as pilot:
        await open_bookmarks(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        assert any("suspend is not supported" in m for m in messages(app))
        assert store().bookmarks()[0].note == "keep"


def test_edit_in_editor_round_trip(tmp_path):
    script = tmp_path / "editor.py"
    script.write_text("import sys\np = sys.argv[1]\n"
                      "t = open(p, encoding='utf-8').read()\n"
                      "open(p, 'w', encoding='utf-8').write(t.upper() + ' é\\n')\n")
    suspended = []

    @contextlib.contextmanager
    def suspend():
        suspended.append(True)
        yield

    edited = edit_in_editor("my note", [sys.executable, str(script)], suspend)
    assert edited == "MY NOTE é"  # the editor's final newline is dropped
    assert suspended == [True]
    assert not list(Path(__import__("tempfile").gettempdir()).glob("nlmg-note-*"))


def test_edit_in_editor_failures():
    with pytest.raises(EditorFailed, match="exited with status 3"):
        edit_in_editor("x", [sys.executable, "-c", "raise SystemExit(3)"], contextlib.nullcontext)
    with pytest.raises(EditorFailed, match="Could not start the editor"):
        edit_in_editor("x", ["/nonexistent/editor"], contextlib.nullcontext)


async def test_delete_and_undo_in_order(app, store):
    library = app.library
    first = library.add_bookmark("000_alpha", "p1", "Mark Romanek directs Never Let Me Go "
                                 "with care.", note="one").item
    second = library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="two").item
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        await pilot.press("d", "d")
        await pilot.pause()
        assert store().bookmarks() == [] and screen.option_list.option_count == 0
        assert "No bookmarks yet" in detail(screen)
        await pilot.press("u")
        await pilot.pause()
        assert [b.id for b in store().bookmarks()] == [second.id]
        await pilot.press("u")
        await pilot.pause()
        assert sorted(b.note for b in store().bookmarks()) == ["one", "two"]
        assert {b.id for b in store().bookmarks()} == {first.id, second.id}
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in messages(app)
        assert len(store().bookmarks()) == 2


async def test_hostile_note_and_tags_are_shown_literally(app):
    note = f"{HOSTILE_MARKUP} {OSC_TITLE}end"
    app.library.add_bookmark("001_beta", "p1", "Markup stays literal", note=note,
                             tags=["[red]tag[/red]", "[@click=app.quit]"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        [row] = rows_text(screen)
        assert HOSTILE_MARKUP in row  # the review's headline
        assert "#[red]tag[/red]" in row and "#[@click=app.quit]" in row
        shown = detail(screen)
        assert f"{HOSTILE_MARKUP} end" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "pwned" not in shown
        await pilot.click("#bookmark-detail", offset=(10, 2))
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_orphan_is_shown_opened_never_and_repaired(app, store):
    library = app.library
    library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.")
    orphan = library.add_bookmark("001_beta", "p9", "A sentence no longer in any review.",
                                  note="keep me", tags=["lost"]).item
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        assert "1 orphan" in str(screen.query_one("#bookmarks-title", Static).render())
        rows = rows_text(screen)
        assert len(rows) == 2 and "ORPHAN" in rows[1] and "ORPHAN" not in rows[0]
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.screen is screen  # an orphan has no place to open
        assert any("orphan" in m for m in messages(app))
        assert "Orphan:" in detail(screen)
        assert len(store().bookmarks()) == 2  # never deleted
        await pilot.press("r")  # which review? (the orphan's own, beta, is highlighted)
        await pilot.pause()
        await pilot.press("enter")  # beta
        await pilot.pause()
        await pilot.press("j", "enter")  # its second paragraph
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = store().bookmarks()
        assert orphan.id not in {b.id for b in stored}
        repaired = [b for b in stored if b.review_id == "001_beta"]
        assert len(repaired) == 1
        assert (repaired[0].paragraph_id, repaired[0].note, repaired[0].tags) == (
            "p2", "keep me", ("lost",))
        assert all("ORPHAN" not in row for row in rows_text(screen))


async def test_moved_bookmark_opens_where_it_is_now(app):
    # Made when the sentence was in p1; the corpus now has it in p2 (ids shifted).
    app.library.add_bookmark("000_alpha", "p1", "It is a colder film.")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        assert "↪ moved" in rows_text(screen)[0]
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.current_paragraph is not None
        assert reader.current_paragraph.paragraph_id == "p2"
        [span] = reader.highlights
        assert reader.review.paragraphs[1].text[span.start:span.end] == "It is a colder film."


async def test_search_is_fuzzy_over_quotes_notes_and_tags(app):
    library = app.library
    library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.")
    library.add_bookmark("000_alpha", "p2", "It is a colder film.", note="Tarkovsky-like chill")
    library.add_bookmark("001_beta", "p2", "Atonement comes to mind.", tags=["wright"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        for query, expected in (("hailsam", ["p3"]), ("tarkovsky", ["p2"]),
                                ("wright", ["p2"]), ("zzzzqq", [])):
            screen.search_input.value = query
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert [r.bookmark.paragraph_id for r in screen.visible_rows] == expected, query
        screen._search_done("stale query", [])  # a late result for older typing is dropped
        assert screen.matches == []
        screen.search_input.value = ""
        await pilot.pause()
        assert len(screen.visible_rows) == 3


def test_search_is_bounded_on_hostile_queries():
    from nlmg_tui.library.bookmarks import new_bookmark

    bookmarks = [new_bookmark("r", "p1", "e" * 5000, note="[/b]")]
    for query in ("e" * 10_000, "a" * 30, "[@click=app.quit]", "(" * 500, "   "):
        found = search_bookmarks(query, bookmarks)
        assert found is None or found in ([], [bookmarks[0].id])


def newer_schema_file(path: Path) -> bytes:
    record = {"id": "abc", "review_id": "000_alpha", "paragraph_id": "p3",
              "quote": "Kathy remembers Hailsham.", "prefix": "", "suffix": "", "note": "",
              "tags": [], "created": "2026-01-01T00:00:00+00:00",
              "updated": "2026-01-01T00:00:00+00:00"}
    data = {"_meta": {"1": {"schema": 99, "app": "nlmg-tui"}}, "bookmarks": {"1": record}}
    path.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data).encode()
    (path / "bookmarks.json").write_bytes(payload)
    return payload


async def test_newer_store_is_read_only_and_browsing_still_works(app, user_data_dir):
    payload = newer_schema_file(user_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        banner = str(screen.query_one("#bookmarks-banner", Static).render())
        assert "newer nlmg-tui" in banner and "Read-only" in banner
        assert screen.query_one("#bookmarks-banner").has_class("-shown")
        assert len(rows_text(screen)) == 1
        await pilot.press("d", "n", "t", "u")
        await pilot.pause()
        assert app.screen is screen
        assert (user_data_dir / "bookmarks.json").read_bytes() == payload
        await pilot.press("enter")  # reading still works
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_paragraph is not None
        assert reader.current_paragraph.paragraph_id == "p3"
        await pilot.press("j", "b")  # bookmarking there says why it can't
        await pilot.pause()
        assert any(m.startswith("Not bookmarked:") and "newer nlmg-tui" in m
                   for m in messages(app))
        assert isinstance(app.screen, ReaderScreen)
        assert (user_data_dir / "bookmarks.json").read_bytes() == payload


async def test_damaged_store_notice_is_shown_and_the_screen_works(app, user_data_dir):
    user_data_dir.mkdir(parents=True)
    (user_data_dir / "bookmarks.json").write_bytes(b'{"bookmarks": {"1": {trunc')
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        notices = [n for n in app._notifications if n.title == "Library"]
        assert notices and "bookmarks.json" in str(notices[0].message)
        assert list(user_data_dir.glob("bookmarks.json.corrupt-*"))
        assert screen.option_list.option_count == 0
        await pilot.press("q")
        await pilot.pause()
        app.open_reader("000_alpha", "p3")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert len(app.library.bookmarks()) == 1


async def test_unusable_store_path_is_an_error_message_not_a_crash(app, user_data_dir):
    (user_data_dir / "bookmarks.json").mkdir(parents=True)  # a folder where the file should be
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "bookmarks.json" in str(errors[0].message)
        assert screen.option_list.option_count == 0
        await pilot.press("j", "n", "d", "slash", *"x", "escape", "q")
        await pilot.pause()
        assert app.is_running


async def test_another_instance_changes_are_picked_up(app, store):
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        assert screen.option_list.option_count == 1
        other = store()  # a second running instance on the same files
        other.add_bookmark("001_beta", "p2", "Atonement comes to mind.", note="from B")
        screen._poll_library()  # what the 2-second timer runs
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.option_list.option_count == 2
        assert any("changed in another window" in m for m in messages(app))
        app.clear_notifications()
        screen._poll_library()  # nothing new: no reload, no message
        assert messages(app) == []


async def test_the_poll_timer_is_running(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        assert any(timer._interval == POLL_SECONDS for timer in screen._timers)


async def test_palette_opens_the_library_screens(app):
    async with app.run_test(size=SIZE) as pilot:
        for query, screen_name in (("bookmarks", "BookmarksScreen"),
                                   ("watchlist", "WatchlistScreen"),
                                   ("mentions", "MentionsScreen")):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*query)
            await pilot.pause(0.3)  # the palette searches after a short debounce
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == screen_name
            await pilot.press("q")
            await pilot.pause()


async def test_list_shows_critic_review_and_quote(app):
    app.library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="n1",
                             tags=["ending"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bookmarks(pilot, app)
        [row] = rows_text(screen)
        for part in ("Alice Critic · Film Weekly", "Dark, Moving and Brilliant", "¶ 3",
                     "“Kathy remembers Hailsham.”", "✎ n1", "#ending"):
            assert part in row
        assert screen.query_one(OptionList).highlighted == 0


def test_repairing_onto_a_bookmarked_paragraph_keeps_both_notes(corpus, store):
    from nlmg_tui.tui.widgets.bookmark_repair import move_orphan

    library = store()
    beta = corpus.get("001_beta")
    there = library.add_bookmark("001_beta", "p2", beta.paragraphs[1].text, note="mine",
                                 tags=["a"]).item
    orphan = library.add_bookmark("001_beta", "p9", "Gone.", note="orphan's", tags=["b"]).item
    kept = move_orphan(library, orphan, beta, "p2")
    assert kept.id == there.id
    [stored] = store().bookmarks()
    assert (stored.note, stored.tags) == ("mine\n\norphan's", ("a", "b"))


async def test_wrapped_rows_keep_their_indent_and_fit_in_cells(app):
    """Issue 15: a long quote wrapped to the list's left edge; CJK text was cut by len()."""
    long_quote = ("Kathy remembers Hailsham. Ruth and Tommy grow up beside her. "
                  "The ending hurts. ") * 3
    app.library.add_bookmark("000_alpha", "p3", long_quote, note="記憶 " * 40)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_bookmarks(pilot, app)
        await pilot.pause()
        width = screen.option_list.scrollable_content_region.width
        [row] = rows_text(screen)
        lines = row.split("\n")
        quote_lines = [n for n, line in enumerate(lines) if line.startswith("  “")]
        assert quote_lines, lines
        continued = lines[quote_lines[0] + 1]
        assert continued.startswith("   ") and continued.strip()  # under the quote, not at 0
        note_lines = [line for line in lines if "記憶" in line]
        assert len(note_lines) >= 2 and all(line.startswith("  ") for line in note_lines)
        assert all(cell_len(line) <= width for line in lines), [cell_len(x) for x in lines]


def test_shorten_counts_cells_not_characters():
    text = "記" * 50
    short = shorten(text, 21)
    assert cell_len(short) <= 21 and short.endswith("…")
    assert shorten("short", 21) == "short"
