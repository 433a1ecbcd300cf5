"""Reviews built in code for the timeline screen: two dated, two undated (one with a hostile
critic name), a premiere stated in a film fact."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from nlmg_tui.corpus.models import Corpus, Evidence, FilmFact, Paragraph, Rating, Review

HOSTILE_MARKUP = "[@click=app.quit]q[/] [b]x[/b] [/"
OSC_TITLE = "\x1b]0;pwned\x07"
PREMIERE = "Telluride Film Festival, 2010-09-03"


def review(review_id: str, critic: str | None, published: str | None, rating: Rating | None,
           *texts: str, facts: tuple[FilmFact, ...] = ()) -> Review:
    return Review(id=review_id, source=f"{review_id}.txt", headline=f"Headline {review_id}",
                  critic=critic, outlet="Paper", published=published, rating=rating,
                  site_rating=None,
                  paragraphs=tuple(Paragraph(f"p{n}", t) for n, t in enumerate(texts, 1)),
                  film_facts=facts)


def build_corpus() -> Corpus:
    return Corpus((
        review("100_late", "Lena Late", "2011-01-22", None,
               "A tedious, plodding film.", "Yet the cast is superb.", "The ending is haunting.",
               facts=(FilmFact("premiere", PREMIERE, Evidence(3, "It premiered at ...")),)),
        review("101_undated", HOSTILE_MARKUP + OSC_TITLE, None, None,
               "Dull and slow.", "Nothing more to say.", f"A hostile aside: {HOSTILE_MARKUP}."),
        review("102_early", "Ed Early", "2010-10-28", Rating("10/10", 1.0, "10"),
               "A superb, haunting film.", "A masterpiece; a must see."),
        review("103_nameless", None, None, Rating("2/5", 0.4, "5"),
               "Depressing and melodramatic.", "The score is lovely, though."),
    ))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


async def settle(pilot: Pilot) -> None:
    """Let the timeline worker finish and its message be handled."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def opens_timeline(pilot: Pilot) -> None:
    await pilot.pause()
    pilot.app.open_timeline()  # type: ignore[attr-defined]
    await settle(pilot)
