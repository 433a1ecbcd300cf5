"""The gazetteer file and mention matching: aliases, hyphens, possessives, word boundaries."""

from __future__ import annotations

import json

import pytest

from nlmg_tui.corpus.gazetteer import (
    Entity,
    Gazetteer,
    GazetteerError,
    fold_word,
    load_gazetteer,
    tokenize,
)


def ids(gazetteer, text, kinds=None):
    return [m.entity_id for m in gazetteer.find_mentions(text, kinds=kinds)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Romanek\'s "One Hour Photo" was creepy.', ["person:mark-romanek", "film:one-hour-photo"]),
        ("the critically acclaimed indie “One-Hour Photo,”", ["film:one-hour-photo"]),
        ("One–Hour Photo (en dash)", ["film:one-hour-photo"]),
        ("Mark Romanek’s Never Let Me Go", ["person:mark-romanek", "film:never-let-me-go"]),
        ("Romanek's direction", ["person:mark-romanek", "topic:direction"]),
        ("Izzy Meikle-Small and Isobel Meikle Small", ["person:isobel-meikle-small"] * 2),
        ("Carrey Mulligan, Keira Knightley", ["person:carey-mulligan", "person:keira-knightley"]),
        ("thanks to Carey Mulligans blissful turn", ["person:carey-mulligan"]),
        ("Miss Lucy (Sally Hawkins)", ["character:miss-lucy", "person:sally-hawkins"]),
        ("Joe Wright’s Pride and Prejudice", ["person:joe-wright", "film:pride-and-prejudice"]),
        ("Alex Garland (\"Sunshine,\" \"28 Days Later\")",
         ["person:alex-garland", "film:sunshine", "film:28-days-later"]),
        ("after he left \"The Wolfman\".", ["film:the-wolfman"]),
        ("Terrence Malick’s masterpiece Days of Heaven",
         ["person:terrence-malick", "film:days-of-heaven"]),
        ("Michael Bay's \"The Island.\"", ["person:michael-bay", "film:the-island"]),
        ("Charlie Rowe, Pirate Radio", ["person:charlie-rowe", "film:pirate-radio"]),
        ("mise-en-scené", ["topic:direction"]),
        ("MISE EN SCENE", ["topic:direction"]),
    ],
)
def test_finds_names_across_spelling_variants(gazetteer, text, expected):
    assert ids(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "find its golden truth",  # Ruth inside truth
        "a tommygun and a rampart",  # Tommy, Rampling
        "sunshine on the island",  # film titles need their capitals
        "an act of atonement",
        "Kathyrn and Ruthless",  # names inside longer words
        "a Gar Land",  # split words are not Garland
        "Rut and Tom",  # short names get no fuzzy slack
    ],
)
def test_no_false_matches(gazetteer, text):
    assert ids(gazetteer, text, kinds=("film", "person", "character", "place")) == []


def test_excluded_phrase_vetoes_a_topic(gazetteer):
    text = "a cult music video director and a lovely score"
    assert ids(gazetteer, text, kinds=("topic",)) == ["topic:score"]


def test_topic_aliases_match_in_any_case(gazetteer):
    assert ids(gazetteer, "SCORE, Cinematography and the Ending", kinds=("topic",)) == [
        "topic:score",
        "topic:look",
        "topic:ending",
    ]


def test_longest_alias_wins_and_mentions_never_overlap(gazetteer):
    mentions = gazetteer.find_mentions("the love triangle at Hailsham")
    assert [(m.entity_id, m.text) for m in mentions] == [
        ("topic:romance", "love triangle"),
        ("place:hailsham", "Hailsham"),
    ]


def test_spans_point_at_the_words_and_leave_out_the_possessive(gazetteer):
    text = "It is Romanek's film, and Garland’s script."
    mentions = gazetteer.find_mentions(text, kinds=("person",))
    assert [text[m.start : m.end] for m in mentions] == ["Romanek", "Garland"]
    assert [m.text for m in mentions] == ["Romanek", "Garland"]


def test_tokenize_folds_case_accents_apostrophes_and_possessives():
    assert [t.key for t in tokenize("Ishiguro’s naïve don't ’90s")] == [
        "ishiguro",
        "naive",
        "dont",
        "90s",
    ]
    assert fold_word("Williams's") == "williams"


def test_bundled_gazetteer_holds_the_films_the_issue_names(gazetteer):
    films = {e.name: e.year for e in gazetteer.of_kind("film")}
    assert films == films | {
        "Never Let Me Go": 2010,
        "One Hour Photo": 2002,
        "The Island": 2005,
        "Atonement": 2007,
        "Pride and Prejudice": 2005,
        "Days of Heaven": 1978,
        "Sunshine": 2007,
        "28 Days Later": 2002,
        "The Wolfman": 2010,
        "Pirate Radio": 2009,
    }
    subjects = [e.id for e in gazetteer.entities if e.subject]
    assert subjects == ["film:never-let-me-go"]


def test_bundled_gazetteer_people_and_topics(gazetteer):
    roles = {e.name: e.roles for e in gazetteer.of_kind("person")}
    assert roles["Mark Romanek"] == ("director",)
    assert roles["Alex Garland"] == ("writer",)
    assert roles["Kazuo Ishiguro"] == ("novelist",)
    assert roles["Rachel Portman"] == ("composer",)
    assert "actor" in roles["Carey Mulligan"]
    assert gazetteer.get("person:carey-mulligan").plays == "character:kathy"
    topics = {e.slug for e in gazetteer.topics}
    assert {"cast", "direction", "screenplay", "novel", "premise", "ending", "score", "look",
            "bleakness", "romance", "humanity"} <= topics


def test_bundled_gazetteer_links_resolve(gazetteer):
    for entity in gazetteer.entities:
        assert entity.aliases, entity.id
        for linked in (*entity.people, *([entity.plays] if entity.plays else [])):
            assert gazetteer.get(linked) is not None, (entity.id, linked)


def write(tmp_path, data) -> object:
    path = tmp_path / "gazetteer.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        {"entities": [{"id": "film:x", "kind": "planet", "name": "X"}]},
        {"entities": [{"id": "person:x", "kind": "film", "name": "X"}]},
        {"entities": [{"kind": "film", "name": "X"}]},
        {"entities": [{"id": "film:x", "kind": "film", "name": "X"}] * 2},
        [],
    ],
)
def test_a_malformed_gazetteer_is_a_clear_error(tmp_path, content):
    path = write(tmp_path, content)
    with pytest.raises(GazetteerError, match="gazetteer"):
        load_gazetteer(path)


def test_a_missing_gazetteer_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match="missing"):
        load_gazetteer(tmp_path / "nope.json")


def test_a_small_gazetteer_from_a_file(tmp_path):
    path = write(
        tmp_path,
        {"entities": [{"id": "film:solaris", "kind": "film", "name": "Solaris", "year": 1972}]},
    )
    gazetteer = load_gazetteer(path)
    assert gazetteer.entities == (
        Entity("film:solaris", "film", "Solaris", ("Solaris",), year=1972),
    )
    assert gazetteer.get("film:solaris").label == "Solaris (1972)"
    assert [m.entity_id for m in gazetteer.find_mentions("Tarkovsky's Solaris")] == ["film:solaris"]


def test_fuzzy_matching_needs_the_same_first_letter():
    gazetteer = Gazetteer((Entity("person:kimmel", "person", "Kimmel", ("Kimmel",)),))
    assert [m.text for m in gazetteer.find_mentions("Kimmell and Himmel")] == ["Kimmell"]
