"""Reviews built in code for the comparison and topic-map screens, with hostile text.

The two main reviews are written so the gazetteer pairs their paragraphs in a known way:
left p1 (Kathy, Ruth and Tommy at Hailsham) with right p2, left p2 (the cast) with right p3,
left p4 (the ending and the score) with right p4; left p3 and right p1 face gaps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from nlmg_tui.corpus.models import Corpus, Paragraph, PullQuote, Rating, Review

HOSTILE_MARKUP = "[@click=app.quit]q[/] and [b]x[/b] and [/"
OSC_TITLE = "\x1b]0;pwned\x07"


def build_corpus() -> Corpus:
    left = Review(
        id="100_left",
        source="100_left.txt",
        headline="A quiet, devastating film",
        critic="Lena Left",
        outlet="The Left Review",
        published="2010-09-15",
        rating=Rating("4/5", 0.8, "5"),
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "At Hailsham, Kathy, Ruth and Tommy grow up together and learn "
                            "what their lives are for."),
            Paragraph("p2", "Carey Mulligan and Andrew Garfield lead a superb cast; the acting "
                            "is restrained and exact."),
            Paragraph("p3", f"An aside with hostile text: {HOSTILE_MARKUP} then {OSC_TITLE}done."),
            Paragraph("p4", "The ending is haunting, and Rachel Portman's score carries the "
                            "final scene."),
        ),
        pull_quotes=(PullQuote("A quiet, devastating film.", "rule"),),
    )
    right = Review(
        id="101_right",
        source="101_right.txt",
        headline=f"Right {HOSTILE_MARKUP}",
        critic=None,
        outlet="Hostile [red]Outlet[/red]",
        published=None,
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "I went on a Tuesday afternoon with a friend, in the rain."),
            Paragraph("p2", "Kathy narrates; Ruth and Tommy complete the triangle at Hailsham, "
                            "and later at the Cottages."),
            Paragraph("p3", "The cast is flawless: Carey Mulligan above all, and Andrew Garfield "
                            "as Tommy."),
            Paragraph("p4", "The ending lingers; Rachel Portman's score is spare and right for "
                            "the final scene."),
        ),
    )
    third = Review(
        id="102_third",
        source="102_third.txt",
        headline="Third opinion",
        critic="Thea Third",
        outlet="Third Paper",
        published="2010-10-01",
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Mark Romanek directs the novel by Kazuo Ishiguro with care."),
            Paragraph("p2", "The ending is depressing, and the cast cannot save it."),
            Paragraph("p3", f"The music {HOSTILE_MARKUP} is loud{OSC_TITLE}."),
        ),
    )
    return Corpus((left, right, third))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


async def settle(pilot: Pilot) -> None:
    """Let workers finish and their messages (and the mounts they cause) be handled."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


Opener = Callable[[Pilot], Awaitable[None]]


def opens_compare(left: str, right: str) -> Opener:
    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.open_compare(left, right)  # type: ignore[attr-defined]
        await settle(pilot)
    return run


async def opens_topics(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.open_topics()  # type: ignore[attr-defined]
    await settle(pilot)


SPOILER_WORDS = {"left": "harvested", "right": "donors"}
"""A word only the hidden paragraph of each side holds (asserted absent while hidden)."""


def build_spoiler_corpus() -> Corpus:
    """Two reviews whose spoiler levels and pairs are known, for spoiler-free mode.

    Rows: 0 ``p1 | p1`` (Hailsham; nothing hidden), 1 ``p2 | p2`` (both premise reveals),
    2 ``p3 | p3`` (the cast), 3 ``p4 | p4`` (left p4 tells the ending, right p4 does not).
    """
    shield = Review(
        id="200_shield",
        source="200_shield.txt",
        headline="Kind and cruel",
        critic="Sam Shield",
        outlet="The Shield",
        published="2010-09-20",
        rating=Rating("3/5", 0.6, "5"),
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "At Hailsham, Kathy, Ruth and Tommy grow up together under the eye "
                            "of Miss Emily."),
            Paragraph("p2", "The students are clones, raised so that their organs can be "
                            "harvested."),
            Paragraph("p3", "Carey Mulligan and Andrew Garfield lead a superb, moving cast."),
            Paragraph("p4", "In the final scene Tommy dies, and Kathy stands alone at the fence "
                            "in Norfolk."),
        ),
    )
    plain = Review(
        id="201_plain",
        source="201_plain.txt",
        headline="Cold and dull",
        critic="Pat Plain",
        outlet="Plain Words",
        published=None,
        rating=None,
        site_rating=None,
        paragraphs=(
            Paragraph("p1", "Kathy, Ruth and Tommy are children at Hailsham, a school in the "
                            "English countryside."),
            Paragraph("p2", "They learn that they are donors, and their organs decide how long "
                            "they live."),
            Paragraph("p3", "The cast is fine: Carey Mulligan above all, and Andrew Garfield."),
            Paragraph("p4", "The pacing is dull and the ending is a letdown."),
        ),
    )
    return Corpus((shield, plain))
