"""Tone from the lexicon: hand-made sentences of known tone, and the words kept as reasons."""

from __future__ import annotations

import json

import pytest

from nlmg_tui.compare.tone import (
    UNCLEAR,
    judge_tone,
    label_for,
    lexicon_file,
    load_lexicon,
    tone_words,
)
from nlmg_tui.corpus.gazetteer import default_gazetteer, tokenize


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The cast is superb and the score is lovely.", "positive"),
        ("A brilliant, haunting film.", "positive"),
        ("It is a dull, tedious and pretentious slog.", "negative"),
        ("Contrived, melodramatic and overlong.", "negative"),
        ("A brilliant film, but a depressing one.", "mixed"),
        ("The film is about clones at a boarding school.", UNCLEAR),
        ("", UNCLEAR),
        ("It opened in limited release.", UNCLEAR),  # "limited" is not an opinion
        ("The ending isn't perfect.", "negative"),
        ("There is scarcely a dull moment in it.", "positive"),
        ("The script is not bad at all.", "positive"),
        ("No movie is perfect, and this one is no masterpiece.", "negative"),
        ("It is not without its flaws.", "negative"),  # two negators cancel
        ("There is no doubt it is brilliant.", "positive"),  # "no doubt" negates nothing
        ("Not worth seeing.", "negative"),
        ("A waste of a fine cast.", "mixed"),
        ("It is a must see, well acted and well made.", "positive"),
        ("The closing narration is so on-the-nose.", "negative"),
        # One complaint among many compliments does not make it mixed...
        ("Superb, gorgeous, moving and powerful, if a little dull.", "positive"),
        # ...but one among two does.
        ("Superb and gorgeous, if a little dull.", "mixed"),
        # A concession before "but" counts half: one complaint after it outweighs it.
        ("Yes, they are beautiful, but the film is dull and smug.", "negative"),
        ("The best-selling novel of Kazuo Ishiguro.", UNCLEAR),
        ("Kathy's best friend Ruth.", UNCLEAR),
        ("He won Best Actor for it.", UNCLEAR),
        ("The villain is played by Mark Strong.", UNCLEAR),  # a name, not "strong"
        ("They try their best to escape.", UNCLEAR),
    ],
)
def test_tone_of_hand_made_sentences(text, label):
    assert judge_tone(text).label == label


def test_the_film_title_never_negates():
    # "Never" is part of the title, not a negator.
    assert judge_tone("Never Let Me Go is brilliant.").label == "positive"


def test_a_negator_stops_at_punctuation():
    assert judge_tone("Not this time: a superb film.").label == "positive"
    assert judge_tone("Not a superb film.").label == "negative"


def test_deciding_words_are_kept_with_their_negators():
    tone = judge_tone("It isn't perfect, but the acting is superb and the light gorgeous.")
    assert [(w.word, w.polarity, w.negated_by, w.weight) for w in tone.words] == [
        ("perfect", -1, "isn't", 0.5),  # a concession: before "but"
        ("superb", 1, None, 1.0),
        ("gorgeous", 1, None, 1.0),
    ]
    assert tone.label == "positive"
    assert tone.weighted == (2.0, 0.5)
    assert tone.explanation() == "for: superb, gorgeous; against: isn't … perfect"
    assert judge_tone("Clones.").explanation() == "no tone words"


def test_asides_and_recommendations_are_marked():
    words = tone_words("A dull film (her last was superb). Highly recommended? No.")
    assert [(w.word, w.weight, w.recommendation) for w in words] == [
        ("dull", 1.0, False), ("superb", 0.5, False), ("Highly recommended", 1.0, True)]


def test_several_texts_are_read_together():
    tone = judge_tone(["A superb cast.", "A depressing story.", "Lovely score."])
    assert tone.label == "mixed"
    assert len(tone.positive) == 2 and len(tone.negative) == 1


def test_phrase_spans_are_the_words_as_written():
    assert [w.word for w in tone_words("The film is WELL-MADE.")] == ["WELL-MADE"]


def test_given_tokens_give_the_same_words():
    text = "Not worth seeing: Carey Mulligan is superb, but the script isn't good."
    gazetteer = default_gazetteer()
    tokens = tokenize(text)
    assert tone_words(text, gazetteer, tokens=tokens) == tone_words(text, gazetteer)
    assert tokens == tokenize(text)  # not changed


def test_phrases_are_indexed_by_first_word_longest_first():
    lexicon = load_lexicon()
    starting_with_worth = lexicon.by_first_key["worth"]
    lengths = [len(entry.keys) for entry in starting_with_worth]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] > 1
    assert all(entry.keys[0] == "worth" for entry in starting_with_worth)


def test_the_lexicon_file_holds_none_of_the_words_lifted_from_the_bundled_reviews():
    raw = json.loads(lexicon_file().read_text(encoding="utf-8"))
    entries = {entry for key in ("positive", "negative", "positive_phrases",
                                 "negative_phrases") for entry in raw[key]}
    assert {"tarnished", "stuffy", "hard sell", "blissful", "limited"} & entries == set()
    assert raw["provenance"]


@pytest.mark.parametrize(
    ("positive", "negative", "label"),
    [(0, 0, UNCLEAR), (1, 0, "positive"), (0, 2, "negative"), (3, 1, "mixed"),
     (4, 1, "positive"), (1, 3, "mixed"), (1, 4, "negative"), (2, 0.5, "positive")],
)
def test_label_rule(positive, negative, label):
    assert label_for(positive, negative) == label
