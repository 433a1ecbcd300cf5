"""The app's Import dialog end to end: browse `a`, an address, the fields found, a correction,
save, and the review in the list; errors and cancelling leave nothing behind."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input, Static

from nlmg_tui.importer.address import address_id
from nlmg_tui.importer.fetch import FetchSettings
from nlmg_tui.importer.store import ImportedReviews
from nlmg_tui.importer.wayback import API_ENV
from nlmg_tui.tui.screens import import_review
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.screens.import_review import ImportReviewDialog

SIZE = (110, 44)
WAIT_STEPS = 200  # x 0.05 s: at most 10 s for a read


@pytest.fixture(autouse=True)
def local_fetches(local_site, monkeypatch):
    monkeypatch.setattr(import_review, "FETCH_SETTINGS",
                        FetchSettings(allow_local=True, min_interval=0.0, timeout=3.0))
    monkeypatch.setenv(API_ENV, local_site.api)


def shown(dialog: ImportReviewDialog, widget_id: str) -> str:
    return str(dialog.query_one(widget_id, Static).render())


async def read_in_dialog(pilot, app, source: str) -> ImportReviewDialog:
    await pilot.press("a")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportReviewDialog)
    dialog.query_one("#import-source", Input).value = source
    await pilot.press("enter")
    for _ in range(WAIT_STEPS):
        await pilot.pause(0.05)
        if not dialog.has_class("-reading"):
            break
    assert not dialog.has_class("-reading"), "the read did not finish in time"
    return dialog


async def test_import_an_address_correct_it_and_see_it_listed(real_app, local_site, user_data_dir):
    url = local_site.url("/reviews/lantern")
    posted = []
    async with real_app.run_test(size=SIZE, message_hook=posted.append) as pilot:
        before = len(real_app.corpus.reviews)
        dialog = await read_in_dialog(pilot, real_app, url)
        found = shown(dialog, "#import-found")
        for words in ("Marta Villanueva", "Harbour Review", "2012-03-09", "Four stars out of five",
                      "The Lantern Keeper finds its light", "paragraphs  4"):
            assert words in found, found
        assert real_app.focused is dialog.query_one("#fix-critic", Input)
        # the progress shown: each request as it starts (the hook may see a message twice)
        requested = dict.fromkeys(m.url for m in posted
                                  if isinstance(m, ImportReviewDialog.RequestStarted))
        assert list(requested) == [local_site.url("/robots.txt"), url]
        assert dialog.query_one("#fix-outlet", Input).value == "Harbour Review"
        dialog.query_one("#fix-outlet", Input).value = "The Harbour Review"
        await pilot.press("ctrl+s")
        await pilot.pause()
        browse = real_app.screen
        assert isinstance(browse, BrowseScreen)
        review_id = address_id(url)
        assert len(real_app.corpus.reviews) == before + 1
        assert browse.highlighted_review is not None and browse.highlighted_review.id == review_id
        assert review_id in [r.id for r in browse.visible_reviews]
        stored = ImportedReviews(user_data_dir).all()
        assert [(r.review.id, r.review.outlet, r.review.critic) for r in stored] == \
            [(review_id, "The Harbour Review", "Marta Villanueva")]
        assert stored[0].review.evidence["outlet"].text == "set by hand"
        assert stored[0].review.evidence["critic"].text != "set by hand"  # left as found
        assert stored[0].address["url"] == url
        await asyncio.wait_for(real_app.workers.wait_for_complete(), 20)  # the search index, again
        assert real_app.search.index is not None and real_app.search.index.review_bits(review_id)


async def test_archived_page_advice_and_refusals_leave_nothing(real_app, local_site, user_data_dir):
    async with real_app.run_test(size=SIZE) as pilot:
        dialog = await read_in_dialog(pilot, real_app, "http://gone-paper.invalid/review")
        found = shown(dialog, "#import-found")
        assert "Rowan Ellery" in found
        assert "From the Internet Archive's snapshot of 2010-10-03" in found
        assert "Wayback" not in found
        # a refusal, with markup in the address shown as plain text
        dialog.query_one("#import-source", Input).focus()
        dialog.query_one("#import-source", Input).value = local_site.url("/private/[/b][@click=app.quit]x")
        await pilot.press("enter")
        for _ in range(WAIT_STEPS):
            await pilot.pause(0.05)
            if "Not imported" in shown(dialog, "#import-status"):
                break
        status = shown(dialog, "#import-status")
        assert "Not imported: the site's robots.txt does not allow fetching /private/[/b]" in status
        assert dialog.query_one("#import-save").disabled
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(real_app.screen, BrowseScreen)
        assert ImportedReviews(user_data_dir).all() == []


async def test_a_bad_date_is_refused_and_a_bundled_review_is_not_imported(real_app, tmp_path):
    from nlmg_tui.corpus.store import load_corpus
    from nlmg_tui.paths import raw_dir

    raw = sorted(raw_dir().glob("*.txt"))[0]
    async with real_app.run_test(size=SIZE) as pilot:
        dialog = await read_in_dialog(pilot, real_app, str(raw))
        assert "paragraphs" in shown(dialog, "#import-found")
        dialog.query_one("#fix-date", Input).value = "next tuesday-ish"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is not a date" in shown(dialog, "#import-status")
        dialog.query_one("#fix-date", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(real_app.screen, ImportReviewDialog)
        assert "Already imported: the same review is bundled as" in shown(dialog, "#import-status")
    assert len(real_app.corpus.reviews) == len(load_corpus().reviews)


MARKUP = "[@click=app.quit]Q[/] [b]B[/b] [/"


async def test_hostile_page_fields_are_shown_as_text(real_app, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>x</title></head><body><article>"
        f"<h1>Head {MARKUP} of a review</h1><p>By Eve Markup | March 9, 2012</p>"
        f"<p>First paragraph {MARKUP} \x1b]0;PWNED\x07 with enough words in it to count as prose.</p>"
        "<p>Second paragraph, also long enough to be read as the body of a review of a film.</p>"
        "</article></body></html>", encoding="utf-8")
    async with real_app.run_test(size=SIZE) as pilot:
        dialog = await read_in_dialog(pilot, real_app, str(page))
        found = shown(dialog, "#import-found")
        assert f"Head {MARKUP} of a review" in found
        assert "PWNED" not in found and "\x1b" not in found
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert real_app.is_running and isinstance(real_app.screen, BrowseScreen)
        assert real_app.screen.highlighted_review.headline == f"Head {MARKUP} of a review"
