"""Exporting bookmarks from the app (issue 15): E on the Bookmarks screen and the palette's
"Export bookmarks…", Markdown or JSON, to a path the user confirms, named in a toast."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from nlmg_tui.library.exchange import parse_bookmark_export
from nlmg_tui.library.library import Library
from nlmg_tui.tui.app import NlmgApp
from nlmg_tui.tui.commands import LibraryCommands
from nlmg_tui.tui.key_help import screen_keys
from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
from nlmg_tui.tui.widgets.bookmark_export import ExportDialog, with_format

from .conftest import SIZE


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Documents folder: where the export goes by default."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home / "Documents"


def one_bookmark(library: Library) -> None:
    library.add_bookmark("000_alpha", "p3", "Kathy remembers Hailsham.", note="the memory",
                         tags=["ending"])


def toasts(app: NlmgApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def path_box(app: NlmgApp) -> Input:
    return app.screen.query_one("#export-path", Input)


async def test_newcomer_exports_markdown_in_four_keys(app: NlmgApp, documents: Path) -> None:
    """From launch, one bookmark stored: B (in the browse footer's `?`/palette, and the
    app-wide keys), E (in the Bookmarks footer), enter (Markdown), enter (the path shown)."""
    one_bookmark(app.library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "B" in {name for entry in screen_keys(app.screen) for name in entry.key_names}
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        export_key = next(e for e in screen_keys(app.screen) if e.action == "export")
        assert export_key.key_names == ("E",) and export_key.description == "Export…"
        assert app.screen.active_bindings["E"].binding.show  # in the footer
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        expected = documents / f"nlmg-bookmarks-{date.today().isoformat()}.md"
        assert path_box(app).value == str(expected)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
    text = expected.read_text(encoding="utf-8")
    assert "> Kathy remembers Hailsham." in text
    assert "— Alice Critic, *Film Weekly*, “Dark, Moving and Brilliant”, 2010-09-15, ¶ 3" in text
    assert "the memory" in text and "**Tags:** ending" in text
    assert "000_alpha" not in text and "p3" not in text  # no internal ids
    assert f"Exported 1 bookmark (Markdown) to {expected}" in toasts(app)
    assert oct(expected.stat().st_mode & 0o777) == oct(0o600)
    assert not [p for p in documents.iterdir() if p.name.endswith(".tmp")]


async def test_json_export_switches_the_suffix_and_reads_back(app: NlmgApp,
                                                              documents: Path) -> None:
    one_bookmark(app.library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("j")  # JSON
        assert path_box(app).value.endswith(".json")
        await pilot.press("enter", "enter")
        await settle(pilot)
    written = documents / f"nlmg-bookmarks-{date.today().isoformat()}.json"
    back = parse_bookmark_export(written.read_bytes())
    assert [(b.review_id, b.paragraph_id, b.note) for b in back] == [
        ("000_alpha", "p3", "the memory")]


async def test_an_edited_path_and_an_existing_file(app: NlmgApp, documents: Path,
                                                   tmp_path: Path) -> None:
    one_bookmark(app.library)
    target = tmp_path / "mine.md"
    target.write_text("old", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("E", "enter")
        await pilot.pause()
        path_box(app).value = str(target)
        await pilot.pause()
        note = str(app.screen.query_one("#export-note", Static).render())
        assert "exists: it will be replaced" in note
        await pilot.press("enter")
        await settle(pilot)
    assert target.read_text(encoding="utf-8").startswith("# Bookmarks")


async def test_an_unwritable_path_says_why_and_asks_again(app: NlmgApp, documents: Path,
                                                          tmp_path: Path) -> None:
    """A path under a regular file can't be written, even by root (CI may run as root)."""
    one_bookmark(app.library)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "out.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("E", "enter")
        await pilot.pause()
        path_box(app).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert any(t.startswith(f"Could not write {target}: Not a directory. Nothing was "
                                "changed") for t in toasts(app)), toasts(app)
        assert isinstance(app.screen, ExportDialog)  # asked again, the path kept
        assert path_box(app).value == str(target)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert len(Library(app.library.data_dir).bookmarks()) == 1  # nothing lost


async def test_palette_offers_the_export(app: NlmgApp, documents: Path) -> None:
    one_bookmark(app.library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = LibraryCommands(app.screen)
        hits = [hit async for hit in provider.search("export")]
        assert hits and hits[0].text == "Export bookmarks… (Markdown or JSON)"
        hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter", "enter")
        await settle(pilot)
    assert (documents / f"nlmg-bookmarks-{date.today().isoformat()}.md").is_file()


async def test_nothing_to_export_says_so(app: NlmgApp, documents: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert any(t.startswith("No bookmarks to export yet") for t in toasts(app))


@pytest.mark.parametrize(("path", "fmt", "expected"), [
    ("a/b.md", "json", "a/b.json"),
    ("a/b.json", "md", "a/b.md"),
    ("a/notes.txt", "json", "a/notes.txt"),
])
def test_with_format(path: str, fmt: str, expected: str) -> None:
    assert with_format(path, fmt) == expected
