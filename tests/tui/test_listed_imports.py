"""A start that lists the imports from the summary shows the same list, preview and tones as a
start that read every file."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest

from nlmg_tui.corpus import derived_store
from nlmg_tui.corpus.lazy_review import LazyReview, is_loaded
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.tui.app import make_app
from nlmg_tui.tui.widgets.review_preview import ReviewPreview


@pytest.fixture(autouse=True)
def fresh_store():
    derived_store.reset_shared_derived()
    yield
    derived_store.reset_shared_derived()


async def screen_rows(data_dir) -> tuple[list[str], str, list]:
    """Each row as shown once the tones are in, the preview's text, and the corpus."""
    derived_store.reset_shared_derived()
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.table
        rows = [table.row_text_of(review.id) for review in table.reviews]
        preview = str(app.screen.query_one(ReviewPreview).render())
        return rows, preview, list(app.corpus.reviews)


async def test_listed_imports_show_as_read_ones(user_data_dir) -> None:
    store = ImportedReviews(user_data_dir)
    for number, review in enumerate(load_corpus().reviews):
        store.save(replace(review, id=f"imp-{number:012x}", published=f"2030-01-0{number + 1}"),
                   "utf-8")
    rows, preview, corpus = await screen_rows(user_data_dir)  # every file read
    assert not any(isinstance(r, LazyReview) for r in corpus)
    listed_rows, listed_preview, listed = await screen_rows(user_data_dir)
    lazy = [r for r in listed if isinstance(r, LazyReview)]
    assert len(lazy) == len(load_corpus().reviews)
    assert listed_rows == rows
    assert listed_preview == preview
    newest = next(r for r in corpus if r.id == "imp-000000000004")
    assert newest.paragraphs[0].text[:30] in preview  # the preview shows the review's text
    # Only the previewed review (the newest import, first in date order) was read.
    assert [r.id for r in lazy if is_loaded(r)] == ["imp-000000000004"]


@asynccontextmanager
async def listed_start(data_dir):
    """The app on two imports listed from their summary, the list shown; with the store and
    the import whose text is not read yet."""
    store = ImportedReviews(data_dir)
    for number, review in enumerate(load_corpus().reviews[:2]):
        store.save(replace(review, id=f"imp-{number:012x}", published=f"2030-01-0{number + 1}"),
                   "utf-8")
    await screen_rows(data_dir)  # writes the summary
    derived_store.reset_shared_derived()
    app = make_app(data_dir=data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        unread = next(r for r in app.corpus.reviews
                      if isinstance(r, LazyReview) and not r.is_loaded)
        yield app, pilot, store, unread


async def test_an_import_removed_after_the_start_says_why_it_has_no_text(user_data_dir) -> None:
    async with listed_start(user_data_dir) as (app, pilot, store, gone):
        store.path_for(gone.id).unlink()  # another instance removed it
        table = app.screen.table
        table.move_to([r.id for r in table.reviews].index(gone.id))
        await pilot.pause()
        preview = str(app.screen.query_one(ReviewPreview).render())
        assert "could not be read" in preview and "Restart" in preview
        await pilot.press("enter")
        await pilot.pause()
        shown = " ".join(str(s.render()) for s in app.screen.query(".-text-problem"))
        assert "could not be read" in shown and "removed" in shown
        assert gone.critic in str(app.screen.query_one("#reader-header").render())


async def test_a_key_onto_an_unread_import_never_waits_for_its_file(user_data_dir) -> None:
    """The preview shows the listed fields at once; the text follows from a worker."""
    async with listed_start(user_data_dir) as (app, pilot, _, unread):
        gate = threading.Event()
        read_file = unread.__dict__["_loader"]

        def slow_disk():
            assert gate.wait(10), "the test never opened the gate"
            return read_file()

        unread.__dict__["_loader"] = slow_disk
        table = app.screen.table
        table.move_to([r.id for r in table.reviews].index(unread.id))
        for _ in range(100):  # the listed fields show once the read takes longer than a frame
            await pilot.pause(0.01)
            preview = str(app.screen.query_one(ReviewPreview).render())
            if unread.critic in preview:
                break
        assert unread.critic in preview and "(reading the review…)" in preview
        assert not unread.is_loaded  # the event loop went on without the file
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = str(app.screen.query_one(ReviewPreview).render())
        assert "(reading the review…)" not in preview
        assert unread.paragraphs[0].text[:30] in preview
