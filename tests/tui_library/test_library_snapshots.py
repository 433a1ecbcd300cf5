"""SVG snapshots of the library screens at 100x32 (hostile text, an orphan, a moved passage).

Update only after looking at the report: ``pytest tests/tui_library/test_library_snapshots.py
--snapshot-update``. Stored times are fixed so the pictures don't change with the clock.
"""

from __future__ import annotations

from nlmg_tui.library.bookmarks import Bookmark

from .conftest import HOSTILE_MARKUP, SIZE

STAMP = "2026-11-20T09:30:00+00:00"


def bookmark(number: int, review_id: str, paragraph_id: str, quote: str, note: str = "",
             tags: tuple[str, ...] = ()) -> Bookmark:
    return Bookmark.from_doc({
        "id": f"b{number}", "review_id": review_id, "paragraph_id": paragraph_id,
        "quote": quote, "prefix": "", "suffix": "", "note": note, "tags": list(tags),
        "created": STAMP.replace("09:30", f"09:3{number}"), "updated": STAMP,
    })


def seed(app) -> None:
    app.library.import_bookmarks([
        bookmark(1, "000_alpha", "p1", "Carey Mulligan is superb as Kathy.",
                 note="The whole film rests on her face.", tags=("cast",)),
        bookmark(2, "001_beta", "p1", "Markup stays literal", note=f"hostile: {HOSTILE_MARKUP}",
                 tags=("[red]tag[/red]",)),
        bookmark(3, "000_alpha", "p1", "It is a colder film."),  # moved to p2 since
        bookmark(4, "001_beta", "p9", "A sentence no longer in any review.", note="orphaned"),
    ])
    library = app.library
    library.add_film("One Hour Photo", 2002)
    solaris = library.add_film("Solaris", 1972, note="Tarkovsky's, not Soderbergh's").item
    library.mark_watched(solaris.id, "2026-11-20", rating=4.5)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_bookmarks(snap_compare, app):
    async def open_bookmarks(pilot):
        seed(pilot.app)
        await pilot.press("B")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_bookmarks)


def test_bookmarks_orphan_selected(snap_compare, app):
    async def open_orphan(pilot):
        seed(pilot.app)
        await pilot.press("B", "G")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_orphan)


def test_watchlist(snap_compare, app):
    async def open_watchlist(pilot):
        seed(pilot.app)
        await pilot.press("W", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_watchlist)


def test_mentions(snap_compare, app):
    async def open_mentions(pilot):
        await pilot.press("M", "j", "j", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_mentions)


def test_reader_mark_and_selection(snap_compare, app):
    async def select(pilot):
        pilot.app.open_reader("000_alpha", paragraph_id="p1")
        await pilot.pause()
        await pilot.press("b", "escape", "j", "v", "L")  # escape: no note
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=select)
