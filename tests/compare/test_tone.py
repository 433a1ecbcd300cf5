"""Tone from the lexicon: hand-made sentences of known tone, and the words kept as reasons."""

from __future__ import annotations

import pytest

from nlmg_tui.compare.tone import judge_tone, label_for, tone_words


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The cast is superb and the score is lovely.", "positive"),
        ("A brilliant, haunting film.", "positive"),
        ("It is a dull, tedious and pretentious slog.", "negative"),
        ("Stuffy, melodramatic and yawn-inducing.", "negative"),
        ("A brilliant film, but a depressing one.", "mixed"),
        ("The film is about clones at a boarding school.", "neutral"),
        ("", "neutral"),
        ("The ending isn't perfect.", "negative"),
        ("There is scarcely a false note in it.", "positive"),
        ("The script is not bad at all.", "positive"),
        ("No movie is perfect, and this one is no masterpiece.", "negative"),
        ("It was a hard sell for mainstream audiences.", "negative"),
        ("Knightley is in top-form and the film is a must see.", "positive"),
        ("The closing narration is so on-the-nose.", "negative"),
        # One complaint among many compliments does not make it mixed...
        ("Superb, gorgeous, moving and powerful, if a little slow.", "positive"),
        # ...but one among two does.
        ("Superb and gorgeous, if a little slow.", "mixed"),
        ("The best-selling novel of Kazuo Ishiguro.", "neutral"),
    ],
)
def test_tone_of_hand_made_sentences(text, label):
    assert judge_tone(text).label == label


def test_the_film_title_never_negates():
    # "Never" is part of the title, not a negator.
    assert judge_tone("Never Let Me Go is brilliant.").label == "positive"


def test_deciding_words_are_kept_with_their_negators():
    tone = judge_tone("It isn't perfect, but the acting is superb and the light gorgeous.")
    assert [(w.word, w.polarity, w.negated_by) for w in tone.words] == [
        ("perfect", -1, "isn't"),
        ("superb", 1, None),
        ("gorgeous", 1, None),
    ]
    assert tone.label == "mixed"
    assert tone.explanation() == "for: superb, gorgeous; against: isn't … perfect"
    assert judge_tone("Clones.").explanation() == "no tone words"


def test_several_texts_are_read_together():
    tone = judge_tone(["A superb cast.", "A depressing story.", "Lovely score."])
    assert tone.label == "mixed"
    assert len(tone.positive) == 2 and len(tone.negative) == 1


def test_phrase_spans_are_the_words_as_written():
    assert [w.word for w in tone_words("Carey Mulligan is in TOP-FORM.")] == ["TOP-FORM"]


@pytest.mark.parametrize(
    ("positive", "negative", "label"),
    [(0, 0, "neutral"), (1, 0, "positive"), (0, 2, "negative"), (3, 1, "mixed"),
     (4, 1, "positive"), (1, 3, "mixed"), (1, 4, "negative")],
)
def test_label_rule(positive, negative, label):
    assert label_for(positive, negative) == label
