"""At start the app reads stored derived data (nothing recomputed for the bundled reviews), and a
long list gets every tone row filled, in batches, while keys still move the cursor."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from nlmg_tui.corpus import derived_store
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.tui.app import make_app
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.widgets.review_list import TONE_BATCH, ReviewOptions

TONE_LABEL = re.compile(r"(positive|negative|mixed|neutral) [+-]\d\.\d\d")


@pytest.fixture(autouse=True)
def fresh_store():
    derived_store.reset_shared_derived()
    yield
    derived_store.reset_shared_derived()


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for _ in range(4):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_bundled_reviews_are_not_recomputed(user_data_dir) -> None:
    app = make_app(data_dir=user_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.table
        for review in app.corpus.reviews:
            assert TONE_LABEL.search(table.row_text_of(review.id))
    assert derived_store.shared_derived().computed_count == 0


async def test_a_long_list_gets_every_tone_and_keys_still_move(user_data_dir) -> None:
    first = load_corpus().reviews[0]
    count = 3 * TONE_BATCH + 7
    short = (first.paragraphs[0]._replace(text="A superb film."),)
    many = Corpus(tuple(replace(first, id=f"{n:03d}_copy", critic=f"Critic {n}", paragraphs=short,
                                sections=(), pull_quotes=()) for n in range(count)))
    app = make_app(corpus=many, data_dir=user_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert screen.table.highlighted_review is not None
        assert screen.table.row_count == count
        for review in many.reviews:
            assert TONE_LABEL.search(screen.table.row_text_of(review.id))
        options = screen.query_one(ReviewOptions)
        assert options.get_content_height(app.size, app.size, 100) == count
    # one review text, computed once (the copies share the stamp but not the id)
    assert derived_store.shared_derived().computed_count == count
