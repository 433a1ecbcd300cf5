"""One SVG snapshot of the search screen at 100x32 on the fixture corpus (hostile text included).

Update only after looking at the report: ``pytest tests/tui_search/test_snapshots.py
--snapshot-update``.
"""

from __future__ import annotations

from .conftest import SIZE, open_search


def test_search_results(snap_compare, app):
    async def search(pilot):
        await open_search(pilot, "hailsham")
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=search)
