"""A small corpus naming films and people, with hostile text, for the library screens' tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_tui.corpus.models import Corpus, Paragraph, Rating, Review
from nlmg_tui.library.library import Library

HOSTILE_MARKUP = "[@click=app.quit]q[/] and [b]x[/b] and [/"
SIZE = (100, 32)


def build_corpus() -> Corpus:
    alpha = Review(
        id="000_alpha",
        source="000_alpha.txt",
        headline="Dark, Moving and Brilliant",
        critic="Alice Critic",
        outlet="Film Weekly",
        published="2010-09-15",
        rating=Rating("4/5", 0.8, "5"),
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Mark Romanek directs Never Let Me Go with care. Carey Mulligan is "
                            "superb as Kathy. The school feels cold."),
            Paragraph("p2", "Romanek made One Hour Photo before this. It is a colder film. "
                            "Both watch people who cannot escape."),
            Paragraph("p3", "Kathy remembers Hailsham. Ruth and Tommy grow up beside her. "
                            "The ending hurts."),
        ),
    )
    beta = Review(
        id="001_beta",
        source="001_beta.txt",
        headline=f"Beta {HOSTILE_MARKUP}",
        critic=None,
        outlet="Hostile [red]Outlet[/red]",
        published=None,
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", f"Markup stays literal: {HOSTILE_MARKUP}. Like The Island, but "
                            "sadder."),
            Paragraph("p2", "Keira Knightley and Andrew Garfield complete the triangle. "
                            "Atonement comes to mind."),
        ),
    )
    gamma = Review(
        id="002_gamma",
        source="002_gamma.txt",
        headline="Gamma on the film",
        critic="Gus Gamma",
        outlet="Mountain Paper",
        published="2010-10-01",
        rating=Rating("5/5", 1.0, "5"),
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Never Let Me Go is bleak. Sunshine was brighter."),
            Paragraph("p2", "One Hour Photo again comes to mind. Carey Mulligan carries it."),
        ),
    )
    return Corpus((alpha, beta, gamma))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


@pytest.fixture
def store(user_data_dir: Path):
    """A fresh ``Library`` on the app's data dir each call: what is really on disk."""
    return lambda: Library(user_data_dir)
