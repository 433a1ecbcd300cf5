"""A small corpus built in code, with hostile text, for hermetic app tests."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.models import (
    Comment,
    CommentPart,
    Corpus,
    Evidence,
    FilmFact,
    Paragraph,
    PullQuote,
    Quote,
    Rating,
    Review,
    Section,
)

HOSTILE_MARKUP = "[@click=app.quit]q[/] and [b]x[/b] and [/"
OSC_TITLE = "\x1b]0;pwned\x07"


def _paragraphs(prefix: str, count: int) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(f"p{n}", f"{prefix} paragraph {n}. " + "Kathy remembers Hailsham. " * 12)
        for n in range(1, count + 1)
    )


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
            Paragraph("p1", "Warning: this review spoils the premise.", spoiler_warning=True),
            *_paragraphs("Alpha", 14)[1:],
        ),
        pull_quotes=(PullQuote("A film of quiet, devastating power.", "rule"),),
        film_facts=(
            FilmFact("director", "Mark Romanek", Evidence(3, "Director: Mark Romanek")),
            FilmFact("runtime", "103 minutes", Evidence(40, "It runs for 103 minutes")),
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
            Paragraph("p1", f"Markup stays literal: {HOSTILE_MARKUP}. Title: {OSC_TITLE}done."),
            Paragraph("p2", "Second paragraph of the beta review."),
            Paragraph("p3", "The good part.", section="The Good"),
            Paragraph("p4", "The final word on it.", section="The Truth"),
        ),
        sections=(
            Section("The Good", "verdict", ("p3",)),
            Section("The Truth", "verdict", ("p4",)),
        ),
        pull_quotes=(PullQuote("Beta verdict [i]not italic[/i].", "rule"),),
        film_facts=(
            FilmFact("director", "Mark Romanek", Evidence(7, "Director: Mark Romanek (One Hour)")),
        ),
    )
    gamma = Review(
        id="002_gamma",
        source="002_gamma.txt",
        headline="Gamma with comments",
        critic="Gus Gamma",
        outlet="Mountain Paper",
        published="2010-10-01",
        rating=Rating("5/5", 1.0, "5"),
        site_rating=None,
        paragraphs=_paragraphs("Gamma", 4),
        comments=(
            Comment(1, "First Reader", "It was so powerful, we said nothing on the ride home."),
            Comment(
                2,
                "Second [b]Reader[/b]",
                "Same here.",
                quotes=(Quote("we said nothing on the ride home", 1),),
                parts=(
                    CommentPart("quote", "[b]we said nothing on the ride home[/b]", 1),
                    CommentPart("text", "Same here."),
                ),
            ),
            Comment(3, None, "A reply quoting two.", quotes=(Quote("powerful", 1), Quote("Same", 2)),
                    parts=(CommentPart("quote", "powerful", 1), CommentPart("quote", "Same", 2),
                           CommentPart("text", "A reply quoting two."))),
            Comment(4, "Fourth", "No quotes here."),
        ),
    )
    return Corpus((alpha, beta, gamma))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()
