"""Aligning two reviews: known pairs in the real corpus, self-alignment, gaps and pins."""

from __future__ import annotations

import itertools

import pytest

from nlmg_tui.compare.align import AlignedPair, PinError, align_reviews, similarity_matrix

CAST = "Mulligan, Garfield and Knightley give superb performances; the cast is perfect."
SCORE = "Rachel Portman's score is lovely, the music swells over the cinematography."
PLOT = "Kathy, Ruth and Tommy grow up at Hailsham, clones raised for organ donation."
CHATTER = "That is all."


def pairs_of(pairs: list[AlignedPair]) -> list[tuple[str | None, str | None]]:
    return [(p.left, p.right) for p in pairs]


def assert_is_alignment(pairs, left, right):
    """Each paragraph appears exactly once per side, in its review's own order."""
    assert [p.left for p in pairs if p.left] == [p.id for p in left.paragraphs]
    assert [p.right for p in pairs if p.right] == [p.id for p in right.paragraphs]


def test_a_review_aligned_with_itself_pairs_every_twin(make_review):
    review = make_review("a", PLOT, CAST, CHATTER, SCORE, "Clones.")
    pairs = align_reviews(review, review)
    assert pairs_of(pairs) == [(f"p{i}", f"p{i}") for i in range(1, 6)]
    assert all(p.score > 0.5 for p in pairs)


def test_same_subjects_pair_up_and_the_rest_face_gaps(make_review):
    left = make_review("l", PLOT, "Some chatter about the weather.", CAST, SCORE)
    right = make_review("r", "Sally Hawkins plays Miss Lucy.",
                        "Tommy and Ruth and Kathy: clones at Hailsham.", CAST, SCORE)
    pairs = align_reviews(left, right)
    assert_is_alignment(pairs, left, right)
    assert ("p1", "p2") in pairs_of(pairs)
    assert ("p3", "p3") in pairs_of(pairs)
    assert ("p4", "p4") in pairs_of(pairs)
    assert ("p2", None) in pairs_of(pairs)
    assert (None, "p1") in pairs_of(pairs)
    plot = next(p for p in pairs if p.left == "p1")
    assert set(plot.shared) >= {"character:kathy", "character:ruth", "character:tommy",
                                "place:hailsham"}
    assert "topic:premise" in plot.topics
    assert [m.text for m in plot.left_mentions][:3] == ["Kathy", "Ruth", "Tommy"]
    assert [m.text for m in plot.right_mentions][:3] == ["Tommy", "Ruth", "Kathy"]


def test_alignment_is_monotone_when_subjects_cross(make_review):
    left = make_review("l", CAST, SCORE)
    right = make_review("r", SCORE, CAST)
    pairs = align_reviews(left, right)
    assert_is_alignment(pairs, left, right)
    assert sum(1 for p in pairs if not p.is_gap) == 1


def test_gaps_in_a_run_list_the_left_first(make_review):
    left = make_review("l", CAST, "Weather one.", "Weather two.", SCORE)
    right = make_review("r", CAST, "Knitting.", SCORE)
    assert pairs_of(align_reviews(left, right)) == [
        ("p1", "p1"), ("p2", None), ("p3", None), (None, "p2"), ("p4", "p3"),
    ]


def test_pins_are_respected_and_the_rest_realigns(make_review):
    left = make_review("l", PLOT, CAST, SCORE)
    right = make_review("r", PLOT, CAST, SCORE)
    pairs = align_reviews(left, right, pins=[("p1", "p2")])
    assert_is_alignment(pairs, left, right)
    pinned = [p for p in pairs if p.pinned]
    assert pairs_of(pinned) == [("p1", "p2")]
    # Before the pin only right p1 remains; after it, score still pairs with score.
    assert pairs_of(pairs) == [(None, "p1"), ("p1", "p2"), ("p2", None), ("p3", "p3")]


def test_a_pin_may_force_a_poor_pair(make_review):
    left = make_review("l", CAST, "Weather.")
    right = make_review("r", SCORE, CAST)
    pairs = align_reviews(left, right, pins=[("p2", "p1")])
    assert ("p2", "p1") in pairs_of(pairs)
    assert next(p for p in pairs if p.pinned).score < 0.2


@pytest.mark.parametrize(
    "pins",
    [
        [("p9", "p1")],
        [("p1", "p9")],
        [("p1", "p2"), ("p2", "p1")],  # crossing
        [("p1", "p1"), ("p1", "p2")],  # one paragraph twice
        [("p1", "p1"), ("p2", "p1")],
    ],
)
def test_bad_pins_are_refused(make_review, pins):
    review = make_review("a", PLOT, CAST)
    with pytest.raises(PinError):
        align_reviews(review, review, pins=pins)


def test_an_empty_review_faces_gaps(make_review):
    left = make_review("l", PLOT, CAST)
    right = make_review("r")
    assert pairs_of(align_reviews(left, right)) == [("p1", None), ("p2", None)]
    assert pairs_of(align_reviews(right, left)) == [(None, "p1"), (None, "p2")]
    assert similarity_matrix(left, right) == [[], []]


def test_json_shape(make_review):
    review = make_review("a", CAST)
    [pair] = align_reviews(review, review)
    data = pair.to_json()
    assert data["left"] == data["right"] == "p1"
    assert data["topics"] == ["cast"]
    assert 0.9 < data["score"] <= 1.0
    assert data["pinned"] is False
    assert "person:carey-mulligan" in data["shared"]
    assert AlignedPair(None, "p2").to_json()["left"] is None


def find(review, needle: str) -> str:
    [paragraph] = [p for p in review.paragraphs if needle in p.text]
    return paragraph.id


def test_real_rocchi_and_hanke_introduce_the_three_together(real_review):
    rocchi, hanke = real_review("000"), real_review("002")
    pairs = pairs_of(align_reviews(rocchi, hanke))
    intro = (find(rocchi, 'works as a "carer,"'), find(hanke, "The children are Kathy"))
    assert intro in pairs


def test_real_rocchi_and_hanke_pair_their_praise_of_the_cast(real_review):
    rocchi, hanke = real_review("000"), real_review("002")
    pairs = align_reviews(rocchi, hanke)
    cast = (find(rocchi, "Knightley gives a strong performance"),
            find(hanke, "starting with the casting"))
    assert cast in pairs_of(pairs)
    pair = next(p for p in pairs if (p.left, p.right) == cast)
    assert "topic:cast" in pair.topics


def test_real_reviews_aligned_with_themselves(real_corpus):
    for review in real_corpus.reviews:
        pairs = align_reviews(review, review)
        assert pairs_of(pairs) == [(p.id, p.id) for p in review.paragraphs], review.id


def test_real_alignments_keep_both_orders(real_corpus):
    for left, right in itertools.permutations(real_corpus.reviews, 2):
        assert_is_alignment(align_reviews(left, right), left, right)


def test_real_pins_are_respected(real_review):
    rocchi, hanke = real_review("000"), real_review("002")
    last_left, first_right = rocchi.paragraphs[-1].id, hanke.paragraphs[0].id
    pairs = align_reviews(rocchi, hanke, pins=[(last_left, first_right)])
    assert_is_alignment(pairs, rocchi, hanke)
    assert [(p.left, p.right) for p in pairs if p.pinned] == [(last_left, first_right)]
    # Everything else sits before the pin on the left and after it on the right: all gaps.
    assert sum(1 for p in pairs if not p.is_gap) == 1
