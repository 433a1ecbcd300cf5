"""Helpers for the compare tests: small hand-built reviews, and the real corpus when built."""

from __future__ import annotations

import pytest

from nlmg_tui import paths
from nlmg_tui.corpus.gazetteer import default_gazetteer
from nlmg_tui.corpus.models import Corpus, Paragraph, Review
from nlmg_tui.corpus.store import find_review, load_corpus


def build_review(review_id: str, *texts: str, critic: str | None = None) -> Review:
    return Review(
        id=review_id,
        source=f"{review_id}.txt",
        headline=None,
        critic=critic or f"Critic {review_id}",
        outlet=None,
        published=None,
        rating=None,
        site_rating=None,
        paragraphs=tuple(Paragraph(f"p{i}", text) for i, text in enumerate(texts, start=1)),
    )


@pytest.fixture
def make_review():
    """``make_review("r1", "first paragraph", "second", critic=...)`` -> a small Review."""
    return build_review


@pytest.fixture
def gazetteer():
    return default_gazetteer()


@pytest.fixture(scope="session")
def real_corpus() -> Corpus:
    if not paths.corpus_file().exists():
        pytest.skip("data/corpus.json is not built yet")
    return load_corpus()


@pytest.fixture(scope="session")
def real_review(real_corpus):
    def get(prefix: str) -> Review:
        review = find_review(real_corpus, prefix)
        assert review is not None, prefix
        return review

    return get
