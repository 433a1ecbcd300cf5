"""SVG snapshots of spoiler-free mode on the bundled reviews at 100x32: the reader with hidden
paragraphs (cursor on one) and the search screen with a hit inside one.

Update only after looking at the report: ``pytest tests/tui_spoilers/test_snapshots.py
--snapshot-update``.
"""

from __future__ import annotations

from .conftest import SIZE, review_with_most_spoilers, settle, shielded_ids


def test_reader_spoiler_free(snap_compare, real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[1]

    async def open_at_bar(pilot):
        await settle(pilot)
        real_app.open_reader(review.id, paragraph_id=target)
        await pilot.pause()

    assert snap_compare(real_app, terminal_size=SIZE, run_before=open_at_bar)


def test_search_spoiler_free(snap_compare, real_app):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"hailsham clones")
        await settle(pilot)

    assert snap_compare(real_app, terminal_size=SIZE, run_before=search)
