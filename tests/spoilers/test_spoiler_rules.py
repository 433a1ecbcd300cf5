"""Each spoiler rule on hand-made sentences, and the sentences that must stay ``none``."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.corpus.spoiler_levels import (
    LEVELS,
    SpoilerLevel,
    level_counts,
    paragraph_spoiler_level,
    spoiler_levels,
)


def level_of(text: str, previous: str | None = None) -> SpoilerLevel:
    return paragraph_spoiler_level(text, previous_text=previous)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The students are clones.", 'premise: "clones"'),
        ("They were CLONED in a lab.", 'premise: "CLONED"'),
        ("They are raised to provide organs.", 'premise: "organs"'),
        ("Each of them will make four donations.", 'premise: "donations"'),
        ("Her organs are harvested one by one.", 'premise: "harvested"'),
        ("Kathy works as a carer.", 'premise: "carer"'),
        ("A couple in love may ask for a deferral.", 'premise: "deferral"'),
        ("The donors never complain.", 'premise: "donors"'),
        ("They are spare parts for other people.", 'premise: "spare parts"'),
        ('They live until they "complete."', 'premise: "complete" (for dying)'),
        ("Kathy speaks of “completion” early on.", 'premise: "completion" (for dying)'),
        ("Their short lives complete before thirty.", 'premise: "complete" (for dying)'),
    ],
)
def test_premise_reveals(text, reason):
    result = level_of(text)
    assert result.level == "premise", result
    assert reason in result.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("In the final scene Kathy stands alone by the fence.", 'ending: "final scene" + Kathy'),
        ("At the end, Tommy dies on the table.", 'ending: "At the end" + Tommy'),
        ("At the end, Tommy dies on the table.", 'ending: Tommy + "dies"'),
        ("The ending, where everyone dies, is cruel.", 'ending: "ending" + "dies"'),
        ("Ruth dies after her second donation.", 'ending: Ruth + "dies"'),
        ("Tommy finally completes.", 'ending: Tommy + "completes"'),
        ("Ruth's death is quiet.", 'ending: Ruth + "death"'),
        ("We watch the death of Tommy.", 'ending: Tommy + "death"'),
        ("The deferral turns out to be a myth.", 'ending: "myth" about the deferral'),
        ("The deferral is only a rumour.", 'ending: "rumour" about the deferral'),
        ("Sadly the deferral doesn't exist.", "ending: \"doesn't exist\" about the deferral"),
    ],
)
def test_ending_reveals(text, reason):
    result = level_of(text)
    assert result.level == "ending", result
    assert reason in result.reasons


def test_a_myth_counts_when_the_paragraph_before_names_the_deferral():
    before = "Couples in love hope to get a deferral."
    after = "They believe the rumor is true."
    assert level_of(after).level == "none"
    assert level_of(after, previous=before) == SpoilerLevel(
        "ending", ('ending: "rumor" about the deferral',)
    )


@pytest.mark.parametrize(
    "text",
    [
        "The twist was revealed in the trailer.",
        "The film's secret is best left unspoiled.",
        "WARNING: the following review contains a spoiler.",
        "It is impossible to review without revealing the premise.",
        "A dystopian sci-fi drama set in alternate history.",
        "Kathy, Ruth and Tommy grow up at Hailsham.",
        "Miss Emily runs Hailsham; Madame visits the Cottages.",
        "The closing narration is too on-the-nose.",  # a cue, but nothing happens in it
        "It winds along to the inevitable conclusion.",
        "At the end of the day, Kathy is the heart of the film.",  # an idiom, not the ending
        "The film is a complete success; the design is complete.",
        "The score is more complete than the script.",
        "It completes Romanek's comeback.",
        "I would die for this cast.",  # a death word with no name or ending beside it
        "Rumors say the film was recut.",  # a myth word with no deferral near
    ],
)
def test_talk_about_spoilers_and_plain_mentions_are_none(text):
    assert level_of(text) == SpoilerLevel("none")


def test_a_paragraph_takes_its_highest_level_and_keeps_every_reason():
    text = "They are clones. In the final scene Tommy is gone and Kathy dies."
    result = level_of(text)
    assert result.level == "ending"
    assert result.reasons[0] == 'premise: "clones"'
    assert 'ending: "final scene" + Tommy' in result.reasons
    assert 'ending: Kathy + "dies"' in result.reasons
    assert len(result.reasons) == len(set(result.reasons))


def test_name_and_death_too_far_apart_is_not_who_dies():
    text = "Kathy remembers every afternoon at the school where nobody ever spoke of death."
    assert level_of(text).level == "none"


def build(*paragraphs: Paragraph) -> Review:
    return Review("r1", "r1.txt", None, "A Critic", None, None, None, None, paragraphs)


def test_a_warning_paragraph_is_none_unless_it_reveals():
    review = build(
        Paragraph("p1", "WARNING: this review spoils the twist.", spoiler_warning=True),
        Paragraph("p2", "Spoilers ahead: the children are clones.", spoiler_warning=True),
        Paragraph("p3", "Kathy is played by Carey Mulligan."),
    )
    levels = spoiler_levels(review)
    assert list(levels) == ["p1", "p2", "p3"]
    assert levels["p1"] == SpoilerLevel("none")
    assert levels["p2"].level == "premise"
    assert levels["p3"] == SpoilerLevel("none")
    assert level_counts(levels) == {"none": 2, "premise": 1, "ending": 0}


def test_levels_order_and_shield():
    assert LEVELS == ("none", "premise", "ending")
    assert [SpoilerLevel(level).rank for level in LEVELS] == [0, 1, 2]
    assert [SpoilerLevel(level).shielded for level in LEVELS] == [False, True, True]


def test_an_empty_review_has_no_levels():
    assert spoiler_levels(build()) == {}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("They all die young.", "none"),  # death with no name or ending cue
        ("She dies.", "none"),  # pronouns are not followed
        ("She dies at the end.", "ending"),  # ...but a cue with a death word is enough
        ("In the end, Kathy is the heart of the film.", "ending"),  # over-shields
        ("The church organ swells.", "premise"),  # the instrument counts too
        ("They hope to complete the trilogy.", "none"),
    ],
)
def test_known_limits_stay_as_documented(text, level):
    """docs/spoilers.md "Known misses and limits" describes these; change both together."""
    assert level_of(text).level == level
