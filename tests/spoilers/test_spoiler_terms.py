"""The ``spoilers`` section of data/gazetteer.json: shape, ties to the plot topics, bad files."""

from __future__ import annotations

import json

import pytest

from nlmg_tui.corpus.gazetteer import GazetteerError, default_gazetteer
from nlmg_tui.corpus.spoiler_levels import (
    default_spoiler_terms,
    load_spoiler_terms,
    paragraph_spoiler_level,
    phrase_keys,
)


def topic_aliases(slug: str) -> set[tuple[str, ...]]:
    topic = default_gazetteer().get(f"topic:{slug}")
    assert topic is not None
    return {phrase_keys(alias) for alias in topic.aliases}


def test_every_twist_topic_word_is_sorted_into_reveal_or_talk():
    terms = default_spoiler_terms()
    sorted_words = {*terms.premise_reveal, *terms.death_sense, *terms.talk}
    assert topic_aliases("premise") <= sorted_words, topic_aliases("premise") - sorted_words


def test_talk_words_are_never_reveals():
    terms = default_spoiler_terms()
    assert not set(terms.talk) & {*terms.premise_reveal, *terms.death_sense}


def test_every_ending_topic_word_is_an_ending_cue():
    terms = default_spoiler_terms()
    assert topic_aliases("ending") <= set(terms.ending_cue)


def test_myth_subjects_are_premise_terms():
    terms = default_spoiler_terms()
    assert set(terms.myth_about) <= set(terms.premise_reveal)


def write(tmp_path, data) -> object:
    path = tmp_path / "gazetteer.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "premise": {"reveal": ["clones"], "death_sense": [], "death_context": [], "talk": []},
    "ending": {"cue": [], "not_cue": [], "death": [], "myth": [], "myth_about": []},
}


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        [],
        {"entities": []},
        {"spoilers": []},
        {"spoilers": {"premise": {"reveal": ["clones"]}}},
        {"spoilers": {**GOOD, "ending": {**GOOD["ending"], "myth": "rumor"}}},
        {"spoilers": {**GOOD, "premise": {**GOOD["premise"], "reveal": [1, 2]}}},
    ],
)
def test_a_bad_spoilers_section_is_a_clear_error(tmp_path, content):
    with pytest.raises(GazetteerError, match="gazetteer"):
        load_spoiler_terms(write(tmp_path, content))


def test_a_missing_file_names_it(tmp_path):
    with pytest.raises(GazetteerError, match="missing"):
        load_spoiler_terms(tmp_path / "nope.json")


def test_terms_from_another_file_drive_the_rules(tmp_path):
    terms = load_spoiler_terms(write(tmp_path, {"spoilers": GOOD}))
    assert paragraph_spoiler_level("They are clones.", terms=terms).level == "premise"
    assert paragraph_spoiler_level("They give organs.", terms=terms).level == "none"
