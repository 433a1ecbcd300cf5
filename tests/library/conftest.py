"""Fixtures for the library tests: a Library in the per-test data dir, and a tiny corpus."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.models import Corpus, Paragraph, Review
from nlmg_tui.library import Library


def make_review(review_id: str, texts: list[str], critic: str | None = "A. Critic") -> Review:
    return Review(
        id=review_id,
        source=f"{review_id}.txt",
        headline="Headline",
        critic=critic,
        outlet="The Outlet" if critic else None,
        published="2010-09-15" if critic else None,
        rating=None,
        site_rating=None,
        paragraphs=tuple(Paragraph(f"p{i}", text) for i, text in enumerate(texts, start=1)),
    )


@pytest.fixture
def corpus() -> Corpus:
    return Corpus(
        (
            make_review(
                "r1",
                [
                    "Kathy remembers Hailsham. The guardians were strict but kind.",
                    "Tommy's rages are the film's rawest moments. Ruth is harder to love.",
                    "The ending lingers long after the credits.",
                ],
            ),
            make_review(
                "r2",
                [
                    "Carey Mulligan is quietly devastating as Kathy H.",
                    "The ending lingers long after the credits.",
                ],
                critic=None,
            ),
        )
    )


@pytest.fixture
def library(user_data_dir) -> Library:
    return Library(user_data_dir)
