"""Does the tone score point the right way? Real corpus paragraphs whose tone was judged by
reading them, and hand-written sentences for negation.

The lexicon (``data/tone_lexicon.json``) was written from general film-criticism vocabulary and
tuned only on reviews of other films, so these paragraphs are out of sample for it: the figure
fell from 21 of 25 (when the lexicon held words lifted from them) to 18 of 25. The held-out
figures on other films are in ``tests/tone_arc/test_heldout_tone.py`` and docs/compare.md.

Each corpus paragraph is named by review id and paragraph id, with the words it starts with,
so a rebuilt corpus that moves the ids fails loudly instead of testing the wrong text. The
expected direction is the reader's: ``+1`` praise, ``-1`` reservation or complaint, ``0`` no
opinion (plot, facts) or both ways equally. ``KNOWN_MISSES`` are the paragraphs the lexicon
gets wrong, each with why; the agreement figure is quoted in docs/compare.md.
"""

from __future__ import annotations

import pytest

from nlmg_tui.compare.tone import NEGATION_WINDOW
from nlmg_tui.compare.tone_arc import tone_arc
from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.corpus.store import load_corpus

ROCCHI, UNNAMED_001, HANKE, BLUEMEANIE, UNNAMED_004 = (
    "000_f2997d8318a5af6f", "001_0e27ec211dcc8335", "002_7dec3e1bad76db94",
    "003_6ab12a2e73d73bb3", "004_91682fb0a8f6d1be",
)

# (review id, paragraph id, how it starts, direction a reader gives it)
KNOWN_TONE = [
    # Praise
    (ROCCHI, "p1", "Staging Kazuo Ishiguro's acclaimed 2005 novel", 1),
    (ROCCHI, "p4", "This revelation is not the film", 1),
    (ROCCHI, "p5", "Many have already picked at", 1),
    (ROCCHI, "p6", "Romanek's been cursed by the fates", 1),
    (ROCCHI, "p7", "\"Never Let Me Go\" isn't perfect", 1),
    (UNNAMED_001, "p12", "With powerful images and superb acting", 1),
    (UNNAMED_001, "p22", "“Never Let Me Go” is a superb, heartbreaking", 1),
    (HANKE, "p3", "Mark Romanek’s Never Let Me Go—from a screenplay", 1),
    (HANKE, "p9", "There’s scarcely a false note", 1),
    (BLUEMEANIE, "p4", "Romanek has made a modern day masterpiece", 1),
    (BLUEMEANIE, "p5", "\"Never Let Me Go\" is the best film of the year", 1),
    (UNNAMED_004, "p4", "Having said all that, I personally find", 1),
    (UNNAMED_004, "p13", "To me, what I loved about the film", 1),
    (UNNAMED_004, "p16", "Luckily, just like Terrence Malick", 1),
    (UNNAMED_004, "p17", "Never Let Me Go is the type of movie you have to invest", 1),
    # Reservations and complaints (the corpus has few: every review recommends the film)
    (UNNAMED_001, "p21", "Clearly, “Never Let Me Go” is not a film that all", -1),
    (UNNAMED_004, "p3", "Movies like Never Let Me Go are of the kind that you get hate", -1),
    # No opinion: plot and facts; and one paragraph that says both
    (ROCCHI, "p2", "Kathy (Carey Mulligan) works as a", 0),
    (UNNAMED_001, "p5", "Carey Mulligan is Kathy H.", 0),
    (UNNAMED_001, "p9", "Kathy’s best friend, Ruth", 0),
    (UNNAMED_001, "p19", "“Never Let Me Go” premiered at the Telluride", 0),
    (HANKE, "p5", "The story is set in a kind of parallel", 0),
    (BLUEMEANIE, "p2", "The film opens at Hailsham", 0),
    (UNNAMED_004, "p8", "Never Let Me Go is actually a sci-fi film", 0),
    (UNNAMED_004, "p12", "In fact, a lot of what makes Never Let Me Go so great", 0),
]

KNOWN_MISSES = {
    # Rocchi scolds other critics ("a lazy failure to understand"); the lexicon can't tell who
    # is judged, and his praise here ("meticulously constructed") holds no lexicon word.
    (ROCCHI, "p5"),
    # Praise in nouns ("craft, command and care", "pure power") that a general lexicon of
    # evaluative adjectives lacks; "a beautiful film about ugly truths" reads one for, one against.
    (ROCCHI, "p6"),
    # "isn't perfect -- ... on-the-nose -- but ... such compassion and passion ... haunts and
    # hurts": only the concession is read; the praise after "but" is in words the lexicon does
    # not hold ("haunts", "compassion", "devastating" were lifted from this review and removed).
    (ROCCHI, "p7"),
    # "I can’t say the film isn’t haunting me": the outer negator is beyond the window; and
    # "depressing" is a complaint in general criticism, a quality here.
    (HANKE, "p3"),
    # A concession ("No movie is perfect ... does have its problems, but those problems ...
    # smoothly assuaged") outweighs "one of the best" by word count.
    (UNNAMED_004, "p4"),
    # The reservation ("the kind that you get hate for") holds no lexicon word: read as no tone.
    (UNNAMED_004, "p3"),
    # Plot, not praise: "perfect organ transplants".
    (UNNAMED_004, "p8"),
}
AGREEMENT_BAR = 0.7
"""At least this share of KNOWN_TONE must agree (measured: 18 of 25, 72%)."""


def sign(value: float) -> int:
    return (value > 0) - (value < 0)


def measured() -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """Expected and measured direction of each KNOWN_TONE paragraph."""
    corpus = load_corpus()
    expected, got = {}, {}
    for review_id, paragraph_id, start, direction in KNOWN_TONE:
        review = corpus.get(review_id)
        assert review is not None, review_id
        index = [p.id for p in review.paragraphs].index(paragraph_id)
        assert review.paragraphs[index].text.startswith(start), (review_id, paragraph_id)
        expected[review_id, paragraph_id] = direction
        got[review_id, paragraph_id] = sign(tone_arc(review)[index])
    return expected, got


def test_the_set_is_varied_and_unique():
    keys = [(review_id, paragraph_id) for review_id, paragraph_id, _, _ in KNOWN_TONE]
    assert len(keys) == len(set(keys)) >= 20
    assert {direction for *_, direction in KNOWN_TONE} == {-1, 0, 1}
    assert len({review_id for review_id, *_ in KNOWN_TONE}) == 5  # every review
    assert KNOWN_MISSES <= set(keys)


def test_direction_agrees_on_real_paragraphs():
    expected, got = measured()
    misses = {key for key in expected if got[key] != expected[key]}
    agreement = 1 - len(misses) / len(expected)
    print(f"tone direction agrees on {len(expected) - len(misses)} of {len(expected)} "
          f"corpus paragraphs ({agreement:.0%})")
    assert agreement >= AGREEMENT_BAR
    assert misses - KNOWN_MISSES == set(), "new misses: add them (with why) or fix the lexicon"
    assert KNOWN_MISSES - misses == set(), "fixed misses: drop them and update docs/compare.md"


def one_paragraph(text: str) -> Review:
    return Review(id="900_made", source="900_made.txt", headline=None, critic=None, outlet=None,
                  published=None, rating=None, site_rating=None,
                  paragraphs=(Paragraph("p1", text),))


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("There is not a dull moment in it.", 1),
        ("It is not a good film.", -1),
        ("The ending isn't perfect.", -1),
        ("The film is hardly boring.", 1),
        ("The acting is without flaw.", 1),
        ("Nothing here is dull.", 1),
        ("Never dull, never slow.", 1),  # each negator flips the word after it
        ("It's a masterpiece, not a failure.", 1),
        ("Never Let Me Go is superb.", 1),  # the title is a name: its "Never" negates nothing
        ("The plot doesn't work.", -1),  # a phrase, not a negated word
        ("A tedious, plodding film.", -1),
        ("A best-selling novel becomes a film.", 0),  # "best" without an opinion
        ("Kathy's best friend Ruth wants Tommy.", 0),
        ("Kathy remembers Hailsham.", 0),
    ],
)
def test_direction_of_written_sentences(text, direction):
    (score,) = tone_arc(one_paragraph(text))
    assert sign(score) == direction


def test_a_negator_reaches_three_words_back_and_no_further():
    assert NEGATION_WINDOW == 3
    (near,) = tone_arc(one_paragraph("I wouldn't call a masterpiece."))
    (far,) = tone_arc(one_paragraph("I wouldn't call it a masterpiece."))  # a known limit
    assert near < 0 < far
