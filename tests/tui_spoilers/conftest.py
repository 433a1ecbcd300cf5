"""Spoiler-free mode on the bundled reviews, which give the twist away in several places."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.corpus.store import load_corpus

SIZE = (100, 32)


@pytest.fixture(scope="session")
def real_corpus() -> Corpus:
    return load_corpus()


def review_with_most_spoilers(corpus: Corpus) -> Review:
    """The review with the most shielded paragraphs (chosen by the rules, not by hand)."""
    return max(corpus.reviews,
               key=lambda r: sum(level.shielded for level in spoiler_levels(r).values()))


def shielded_ids(review: Review) -> list[str]:
    levels = spoiler_levels(review)
    return [p.id for p in review.paragraphs if levels[p.id].shielded]


async def settle(pilot: Pilot) -> None:
    """Let workers (search index, searches) finish and their answers be shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
