"""The pieces under the index: bitsets, word expansions, snippets."""

from __future__ import annotations

import pytest

from nlmg_tui.search.bitsets import Membership, bits_from_ids, iter_ids, lowest_ids, range_bits
from nlmg_tui.search.snippets import ELLIPSIS, make_snippet
from nlmg_tui.search.vocabulary import Vocabulary, completion_quality, typo_budget


def test_bitsets_round_trip() -> None:
    ids = [0, 7, 8, 9, 63, 64, 999]
    bits = bits_from_ids(ids, 1000)
    assert list(iter_ids(bits)) == ids
    assert lowest_ids(bits, 3) == [0, 7, 8]
    members = Membership(bits)
    assert all(i in members for i in ids)
    assert 1 not in members and 5000 not in members
    assert list(iter_ids(range_bits(3, 6))) == [3, 4, 5]
    assert range_bits(5, 5) == 0 and list(iter_ids(0)) == []


@pytest.mark.parametrize(("word", "budget"), [("a", 0), ("abc", 0), ("abcd", 1), ("abcde", 1),
                                               ("abcdef", 2), ("mulligen", 2)])
def test_typo_budget(word: str, budget: int) -> None:
    assert typo_budget(word) == budget


def test_completion_quality_rises_as_you_type() -> None:
    qualities = [completion_quality("poisoned"[:n], "poisoned") for n in range(1, 9)]
    assert qualities == sorted(qualities)
    assert qualities[0] == 80 and qualities[-1] == 100
    assert all(80 <= q <= 95 for q in qualities[:-1])


@pytest.fixture
def vocabulary() -> Vocabulary:
    words = ["mulligan", "garfield", "romanek", "grace", "graceful", "trace", "poisoned",
             "point", "knightley", "eeeeeeee"]
    return Vocabulary(words, [10, 8, 6, 5, 1, 3, 2, 4, 7, 1])


@pytest.mark.parametrize(
    ("kind", "word", "open_end", "expected"),
    [
        ("word", "mulligen", False, [("mulligan", 80, "typo")]),
        ("word", "garfeild", False, [("garfield", 80, "typo")]),
        ("word", "romaneck", False, [("romanek", 80, "typo")]),
        ("word", "grace", False, [("grace", 100, "exact"), ("trace", 80, "typo")]),
        ("word", "poi", True, [("point", 85, "prefix"), ("poisoned", 85, "prefix")]),
        ("prefix", "grac", True, [("grace", 90, "prefix"), ("graceful", 85, "prefix")]),
        ("word", "zzz", False, []),
        ("word", "eeeeee", False, [("eeeeeeee", 65, "typo")]),
    ],
)
def test_expansions(vocabulary: Vocabulary, kind: str, word: str, open_end: bool,
                    expected: list[tuple[str, int, str]]) -> None:
    got = [(e.token, e.quality, e.how) for e in vocabulary.expand(kind, word, open_end)]
    assert got == expected


def test_literal_fragments(vocabulary: Vocabulary) -> None:
    found = vocabulary.containing("ace")
    assert found is not None
    assert sorted(e.token for e in found) == ["grace", "graceful", "trace"]
    assert vocabulary.containing("qqq") == ()


def test_snippet_window_keeps_spans_aligned() -> None:
    text = ("First sentence is here. " * 10) + "The poisoned grace is here. " + ("Tail. " * 40)
    start = text.index("poisoned")
    snippet, spans = make_snippet(text, [(start, start + 8)])
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert [snippet[s:e] for s, e in spans] == ["poisoned"]
    assert "The poisoned grace" in snippet  # starts at the sentence holding the match
    short, short_spans = make_snippet("Tiny\ntext", [(5, 9)])
    assert short == "Tiny text" and short_spans == ((5, 9),)
