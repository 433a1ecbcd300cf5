"""The review-level verdict: verdict passages and recommendations weigh more, the critic's own
rating decides when there is one, and a weak signal reads ``unclear``."""

from __future__ import annotations

import pytest

from nlmg_tui.compare.tone_arc import (
    MIN_EVIDENCE,
    RECOMMENDATION_WEIGHT,
    VERDICT_WEIGHT,
    rating_label,
    review_tone,
)
from nlmg_tui.corpus.models import Paragraph, PullQuote, Rating, Review, Section


def review_of(*texts: str, rating: Rating | None = None, headline: str | None = None,
              pull_quotes: tuple[PullQuote, ...] = (),
              sections: tuple[Section, ...] = ()) -> Review:
    paragraphs = []
    for number, text in enumerate(texts, 1):
        section = next((s.label for s in sections if f"p{number}" in s.paragraph_ids), None)
        paragraphs.append(Paragraph(f"p{number}", text, section=section))
    return Review(id="900_made", source="900_made.txt", headline=headline, critic=None,
                  outlet=None, published=None, rating=rating, site_rating=None,
                  paragraphs=tuple(paragraphs), sections=sections, pull_quotes=pull_quotes)


PLOT = "The hero travels north and meets his brother."


def test_the_last_paragraph_outweighs_the_body():
    # Two complaints in the body, one praise word in the closing paragraph.
    verdict = review_tone(review_of("The opening is dull and the pacing tedious.", PLOT,
                                    "In the end, a superb and moving film."))
    assert (verdict.weighted_for, verdict.weighted_against) == (2 * VERDICT_WEIGHT, 2.0)
    assert verdict.label == "positive"
    body_only = review_tone(review_of("In the end, a superb and moving film.",
                                      "The opening is dull and the pacing tedious.", PLOT))
    assert body_only.label != "positive"


def test_an_answered_question_is_a_recommendation():
    closing = "Is it bleak? Yes. Do I recommend it? Oh, most certainly."
    tone = review_tone(review_of("The ending is depressing and the middle dull.", closing))
    assert tone.weighted_for == RECOMMENDATION_WEIGHT
    assert tone.label == "positive"
    refused = review_tone(review_of(PLOT, "Do I recommend it? No."))
    assert refused.weighted_against == RECOMMENDATION_WEIGHT and refused.label == "negative"
    unanswered = review_tone(review_of(PLOT, "Is it worth seeing?"))
    assert unanswered.label == "unclear"


@pytest.mark.parametrize(
    ("closing", "label"),
    [("Skip it.", "negative"), ("Go see it.", "positive"), ("It is not worth seeing.", "negative"),
     ("A waste of time.", "negative"), ("Highly recommended.", "positive"),
     ("I can't recommend it.", "negative")],
)
def test_recommendations_carry_the_verdict(closing, label):
    body = "Superb photography and a lovely score." if label == "negative" else (
        "A dull, tedious middle.")
    assert review_tone(review_of(body, PLOT, closing)).label == label


def test_a_headline_verdict_votes_and_a_verdict_section_weighs_more():
    headline = "Dark, Moving and Brilliant"
    body = ("The pacing is sluggish, the plot weak, the dialogue stilted.", PLOT,
            "It opened in October.")
    plain = review_tone(review_of(*body))
    voted = review_tone(review_of(*body, headline=headline,
                                  pull_quotes=(PullQuote(headline, "headline"),)))
    assert plain.label == "negative" and voted.label == "positive"
    section = Section("The Bottom Line", "verdict", ("p1",))
    in_section = review_tone(review_of("A superb film.", "It is dull.", PLOT,
                                       sections=(section,)))
    assert in_section.weighted_for == VERDICT_WEIGHT and in_section.label == "positive"


def test_a_weak_signal_reads_unclear():
    tone = review_tone(review_of("A fine cast.", PLOT, "It opened in limited release."))
    assert tone.weighted_for < MIN_EVIDENCE
    assert (tone.label, tone.basis) == ("unclear", "weak")
    assert review_tone(review_of(PLOT)).label == "unclear"


@pytest.mark.parametrize(
    ("value", "scale", "label"),
    [(0.9, "10", "positive"), (0.7, "5", "positive"), (0.6, "5", "mixed"), (0.5, "5", "mixed"),
     (0.4, "5", "negative"), (5 / 12, "letter", "mixed"), (8 / 12, "letter", "positive"),
     (3 / 12, "letter", "negative")],
)
def test_rating_labels(value, scale, label):
    assert rating_label(value, scale) == label


def test_the_critics_rating_decides_and_the_words_are_kept():
    pan_text = ("A dull, tedious film.", "Pretentious and overlong.")
    tone = review_tone(review_of(*pan_text, rating=Rating("4/5", 0.8, "5")))
    assert (tone.label, tone.basis, tone.words_label) == ("positive", "rating", "negative")
    words_only = review_tone(review_of(*pan_text))
    assert tone.score == pytest.approx((words_only.score + 0.6) / 2)
    unreadable = review_tone(review_of(*pan_text, rating=Rating("??", None)))
    assert (unreadable.label, unreadable.basis, unreadable.rating) == ("negative", "words", None)


def test_the_arc_is_unweighted_by_position():
    tone = review_tone(review_of("A superb film.", "A superb film."))
    assert tone.arc[0] == tone.arc[1] == pytest.approx(0.5)
