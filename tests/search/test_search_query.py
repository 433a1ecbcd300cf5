"""The query language, as a table of inputs and the terms and filters they make."""

from __future__ import annotations

import pytest

from nlmg_tui.search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse_query


def summary(raw: str) -> list[tuple]:
    parsed = parse_query(raw)
    out: list[tuple] = [(t.kind, t.text, t.negated, t.open_end) for t in parsed.terms]
    out += [("filter", f.name, f.value, f.negated) for f in parsed.filters]
    if parsed.fields is not None:
        out.append(("fields", tuple(sorted(parsed.fields))))
    return out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("mulligen", [("word", "mulligen", False, True)]),
        ("mulligen ", [("word", "mulligen", False, False)]),
        ("Grace POISONED ", [("word", "grace", False, False), ("word", "poisoned", False, False)]),
        ('"poisoned grace"', [("phrase", "poisoned grace", False, False)]),
        ('"poisoned gr', [("phrase", "poisoned gr", False, True)]),
        ("“poisoned grace”", [("phrase", "poisoned grace", False, False)]),
        ("-depressing film ", [("word", "depressing", True, False), ("word", "film", False, False)]),
        ("!depressing ", [("word", "depressing", True, False)]),
        ('-"very sad" ', [("phrase", "very sad", True, False)]),
        ("'anek ", [("exact", "anek", False, False)]),
        ("^roman", [("prefix", "roman", False, True)]),
        ("critic:hanke", [("filter", "critic", "hanke", False)]),
        ('critic:"ken hanke" ', [("filter", "critic", "ken hanke", False)]),
        ("-outlet:xpress ", [("filter", "outlet", "xpress", True)]),
        ("review:002 ", [("filter", "review", "002", False)]),
        ("in:comments ", [("fields", ("comment",))]),
        ("in:quotes ", [("fields", ("quote", "verdict"))]),
        ("in:paragraphs ", [("fields", ("paragraph", "verdict"))]),
        ("critic: ", []),
        ("mise-en-scene ", [("word", "mise", False, False), ("word", "en", False, False),
                            ("word", "scene", False, False)]),
        ("unknown:thing ", [("word", "unknown", False, False), ("word", "thing", False, False)]),
        ("- ", []),
        ('"😀"', [("exact", "😀", False, False)]),
        ("", []),
        ("   ", []),
    ],
)
def test_parse_table(raw: str, expected: list[tuple]) -> None:
    assert summary(raw) == expected


@pytest.mark.parametrize("raw", ["(", "\\", "*", "+?", "[/", "(( ))"])
def test_symbols_alone_are_ignored_with_a_note(raw: str) -> None:
    parsed = parse_query(raw)
    assert parsed.terms == ()
    assert parsed.notes and "no letters or digits" in parsed.notes[0]


def test_unknown_field_is_a_note_not_a_filter() -> None:
    parsed = parse_query("in:footnotes grace")
    assert parsed.fields is None
    assert "in:footnotes" in parsed.notes[0]


def test_long_paste_is_capped_with_a_flag() -> None:
    parsed = parse_query("word " * 2000)
    assert parsed.truncated
    assert len(parsed.text) == MAX_QUERY_LENGTH
    assert any("cut" in note for note in parsed.notes)
    assert len(parsed.positive_terms) == MAX_TERMS
    assert any("Only the first" in note for note in parsed.notes)


def test_control_characters_are_stripped() -> None:
    parsed = parse_query("gra\x1b]0;owned\x07ce\x00 \u202e")
    assert "\x1b" not in parsed.text and "\x00" not in parsed.text
    assert [t.text for t in parsed.terms] == ["grace"]


def test_newlines_in_a_paste_are_spaces() -> None:
    assert [t.text for t in parse_query("poisoned\ngrace ").terms] == ["poisoned", "grace"]
