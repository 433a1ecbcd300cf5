"""Spoiler levels on the real corpus (data/corpus.json): the paragraphs the docs cite."""

from __future__ import annotations

import pytest

from nlmg_tui import paths
from nlmg_tui.corpus.spoiler_levels import level_counts, spoiler_levels
from nlmg_tui.corpus.store import load_corpus

pytestmark = pytest.mark.skipif(
    not paths.corpus_file().exists(), reason="data/corpus.json is not built yet"
)


@pytest.fixture(scope="module")
def levels_by_review():
    corpus = load_corpus()
    return {review.id[:3]: (review, spoiler_levels(review)) for review in corpus.reviews}


def paragraph_with(review, words: str) -> str:
    matches = [p.id for p in review.paragraphs if words in p.text]
    assert len(matches) == 1, (words, matches)
    return matches[0]


@pytest.mark.parametrize(
    ("review", "words", "level", "reason"),
    [
        ("000", "They are clones, kept as healthy", "premise", 'premise: "clones"'),
        ("000", "They are being raised solely to provide organs", "premise", 'premise: "organs"'),
        ("000", 'works as a "carer,"', "premise", 'premise: "carer"'),
        ("000", "The film's \"twist\" -- revealed", "none", None),
        ("000", "the closing narration is so on-the-nose", "none", None),
        ("000", "why Kathy, Tommy and Ruth do not", "none", None),
        ("001", "Ruth decides she must have him", "none", None),
        ("001", "the children at Hailsham", "premise", 'premise: "carers"'),
        ("001", "without revealing part of the plot", "none", None),
        ("001", "speaking of “carers” and “donors”", "premise", 'premise: "completion" (for dying)'),
        ("001", "they can get a “deferral,”", "premise", 'premise: "deferral"'),
        ("001", "believe the rumor is true", "ending", 'ending: "rumor" about the deferral'),
        ("002", "without referencing the major “secret”", "premise", 'premise: "harvested"'),
        ("002", "three cloned children", "premise", 'premise: "cloned"'),
        ("003", "They are a school of clones", "premise", 'premise: "clones"'),
        ("003", "winds along to the inevitable conclusion", "premise", 'premise: "donors"'),
        ("004", "WARNING: The following review contains", "none", None),
        ("004", "spoil the intriguing little premise", "none", None),
        ("004", "the characters are literally clones", "premise", 'premise: "clones"'),
        ("004", "short, sad existences complete", "premise", 'premise: "complete" (for dying)'),
        (
            "004",
            "The final scene of the film involving Kathy mournfully",
            "ending",
            'ending: "final scene" + Kathy',
        ),
    ],
)
def test_real_paragraphs(levels_by_review, review, words, level, reason):
    the_review, levels = levels_by_review[review]
    paragraph_id = paragraph_with(the_review, words)
    result = levels[paragraph_id]
    assert result.level == level, (review, paragraph_id, result)
    if reason is None:
        assert result.reasons == ()
    else:
        assert reason in result.reasons


def test_warning_paragraphs_are_none_unless_they_reveal(levels_by_review):
    warnings = {
        (key, paragraph.id): levels[paragraph.id].level
        for key, (review, levels) in levels_by_review.items()
        for paragraph in review.paragraphs
        if paragraph.spoiler_warning
    }
    # 002's warning goes on to name the cloned children and their harvested organs.
    assert warnings == {
        ("001", "p4"): "none",
        ("002", "p4"): "premise",
        ("004", "p1"): "none",
        ("004", "p7"): "none",
    }


def test_no_reason_is_a_name_or_a_place(levels_by_review):
    for review, levels in levels_by_review.values():
        for paragraph_id, result in levels.items():
            assert result.shielded == bool(result.reasons), (review.id, paragraph_id)
            for reason in result.reasons:
                assert "Hailsham" not in reason, (review.id, paragraph_id, reason)


def test_level_counts_per_review(levels_by_review):
    counts = {key: level_counts(levels) for key, (_review, levels) in levels_by_review.items()}
    expected = {
        "000": {"none": 5, "premise": 2, "ending": 0},
        "001": {"none": 17, "premise": 4, "ending": 1},
        "002": {"none": 7, "premise": 2, "ending": 0},
        "003": {"none": 3, "premise": 2, "ending": 0},
        "004": {"none": 13, "premise": 5, "ending": 1},
    }
    assert counts == expected, f"levels per review: {counts}"
