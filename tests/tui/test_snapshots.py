"""SVG snapshots of the four screens at 100x32 on the fixture corpus (hostile text included).

Update only after looking at the report: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

SIZE = (100, 32)


async def reviews_read(pilot):
    """Wait for the browse screen's tone and spoiler worker, so its columns are filled."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_browse(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=reviews_read)


def test_browse_film_facts(snap_compare, app):
    assert snap_compare(app, press=["j", "i"], terminal_size=SIZE, run_before=reviews_read)


def test_reader(snap_compare, app):
    async def open_beta(pilot):
        pilot.app.open_reader("001_beta", paragraph_id="p3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_beta)


def test_reader_spoiler_warning(snap_compare, app):
    async def open_alpha(pilot):
        pilot.app.open_reader("000_alpha")
        await pilot.pause()

    assert snap_compare(app, press=["j"], terminal_size=SIZE, run_before=open_alpha)


def test_comments(snap_compare, app):
    async def open_comments(pilot):
        pilot.app.open_comments("002_gamma")
        await pilot.pause()

    assert snap_compare(app, press=["j", "j", "enter"], terminal_size=SIZE,
                        run_before=open_comments)


def test_help(snap_compare, app):
    async def open_reader(pilot):
        pilot.app.open_reader("000_alpha")
        await pilot.pause()

    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE, run_before=open_reader)


def test_too_small(snap_compare, app):
    assert snap_compare(app, terminal_size=(40, 12))
