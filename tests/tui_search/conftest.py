"""A small corpus for the search screen's tests (hostile text included), and helpers to wait
for the search workers without sleeping."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nlmg_tui.corpus.models import Comment, Corpus, Paragraph, PullQuote, Review, Section

HOSTILE_MARKUP = "[@click=app.quit]q[/] and [b]x[/b] and [/"
OSC_TITLE = "\x1b]0;pwned\x07"
SIZE = (100, 32)
QUOTE = "A film of quiet, devastating power."


def build_corpus() -> Corpus:
    alpha = Review(
        id="000_alpha",
        source="000_alpha.txt",
        headline="Dark, Moving and Brilliant",
        critic="Alice Critic",
        outlet="Film Weekly",
        published="2010-09-15",
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Andrew Garfield plays Tommy with a poisoned grace."),
            Paragraph("p2", "Kathy remembers Hailsham, the school by the fields."),
            Paragraph("p3", "Nothing about the ending is loud. " + QUOTE + " See it."),
            Paragraph("p4", "Back at Hailsham the guardians watch."),
        ),
        pull_quotes=(PullQuote(QUOTE, "rule", "p3"),),
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
            Paragraph("p2", "Hailsham again, in the beta review."),
            Paragraph("p3", "The final word on it.", section="The Truth"),
        ),
        sections=(Section("The Truth", "verdict", ("p3",)),),
    )
    gamma = Review(
        id="002_gamma",
        source="002_gamma.txt",
        headline="Gamma with comments",
        critic="Ken Hanke",
        outlet="Mountain Xpress",
        published="2010-10-01",
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Gamma opens quietly."),
            Paragraph("p2", "Hailsham is a boarding school with a secret."),
        ),
        comments=(
            Comment(1, "First Reader", "So powerful, we said nothing on the ride home."),
            Comment(2, "Second Reader", "I went to a school like Hailsham, almost."),
        ),
    )
    return Corpus((alpha, beta, gamma))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


async def settle(pilot: Pilot) -> None:
    """Let the index build and every search finish, and their answers be shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_search(pilot: Pilot, query: str | None = None) -> None:
    """Open the search screen (``/``) once the index is ready, and type ``query``."""
    await settle(pilot)
    await pilot.press("slash")
    await pilot.pause()
    if query is not None:
        await pilot.press(*query)
    await settle(pilot)
