"""Tone arcs, overall tone and sparklines: pure functions over hand-made reviews."""

from __future__ import annotations

import math

import pytest

from nlmg_tui.compare.tone_arc import (
    BLOCKS,
    RECOMMENDATION_WEIGHT,
    overall_tone,
    review_tone,
    sparkline,
    tone_arc,
)
from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.corpus.store import load_corpus


def review_of(*texts: str, review_id: str = "900_made") -> Review:
    return Review(id=review_id, source=f"{review_id}.txt", headline=None, critic=None, outlet=None,
                  published=None, rating=None, site_rating=None,
                  paragraphs=tuple(Paragraph(f"p{n}", t) for n, t in enumerate(texts, 1)))


PRAISE = review_of(
    "A superb, haunting film: Carey Mulligan is brilliant and the score is gorgeous.",
    "The cast is flawless and the direction is masterful; a must see.",
    "Nothing happens here but the weather.",
)
PAN = review_of(
    "A tedious, plodding, pretentious bore; the pacing is slow and the script is dull.",
    "The ending is melodramatic and the whole thing is a failure.",
)


@pytest.mark.parametrize(
    ("values", "width", "expected"),
    [
        ([-1.0, 0.0, 1.0], 10, "▁▄█"),
        ([0.01, -0.01, -0.3, 0.3], 10, "▅▄▃▆"),
        ([], 10, ""),
        ([1.0, 1.0], 0, ""),
        ([5.0, -5.0, math.nan], 10, "█▁▄"),  # clamped; NaN counts as neutral
        ([1.0] * 4 + [-1.0] * 4, 2, "█▁"),  # averaged into runs
        ([1.0, -1.0, 1.0, -1.0], 2, "▄▄"),  # each run averages to 0
    ],
)
def test_sparkline(values, width, expected):
    assert sparkline(values, width) == expected


def test_sparkline_never_exceeds_its_width_and_uses_only_blocks():
    values = [math.sin(i / 3) for i in range(97)]
    for width in range(1, 40):
        line = sparkline(values, width)
        assert len(line) == min(width, len(values))
        assert set(line) <= set(BLOCKS)


def test_praise_is_positive_and_a_pan_is_negative():
    score, label = overall_tone(PRAISE)
    assert score > 0.5 and label == "positive"
    score, label = overall_tone(PAN)
    assert score < -0.5 and label == "negative"


def test_tone_arc_has_one_score_per_paragraph_in_order():
    arc = tone_arc(PRAISE)
    assert len(arc) == len(PRAISE.paragraphs)
    assert arc[0] > 0 and arc[1] > 0 and arc[2] == 0.0  # the last paragraph has no tone words
    assert all(-1 < value < 1 for value in arc + tone_arc(PAN))
    assert all(value < 0 for value in tone_arc(PAN))


def test_one_word_is_weaker_than_many():
    one, many = tone_arc(review_of("A fine film.", "Superb, brilliant, gorgeous, moving."))
    assert one == pytest.approx(0.5) and many == pytest.approx(0.8)


def test_negation_turns_a_paragraph():
    (plain,), (negated,) = tone_arc(review_of("It is perfect.")), tone_arc(review_of(
        "It isn't perfect."))
    assert plain > 0 > negated


def test_overall_counts_add_up_to_the_arc_words():
    tone = review_tone(PRAISE)
    # superb, haunting, brilliant, gorgeous; flawless, masterful, "must see"
    assert (tone.positive, tone.negative) == (7, 0)
    assert tone.arc == pytest.approx((4 / 5, 3 / 4, 0.0))
    # The verdict weighs "must see" as a recommendation; the other words count once.
    assert tone.weighted_for == 6 + RECOMMENDATION_WEIGHT and tone.weighted_against == 0
    assert tone.score == pytest.approx(tone.weighted_for / (tone.weighted_for + 1))


def test_real_corpus_arcs_match_paragraph_counts():
    corpus = load_corpus()
    for review in corpus.reviews:
        arc = tone_arc(review)
        assert len(arc) == len(review.paragraphs)
        assert all(-1 < value < 1 for value in arc)
    bluemeanie = corpus.get("003_6ab12a2e73d73bb3")
    assert bluemeanie is not None and overall_tone(bluemeanie)[1] == "positive"  # 10/10
