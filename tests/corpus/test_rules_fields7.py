"""Round 7's field rules (critic, rating, outlet), each on lines written for these tests."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.byline import ONLY_A_NAME, parse_byline


@pytest.mark.parametrize("name", ["Nora MacAllister", "Brandy McKay", "J.D. Lorimer",
                                  "Mary-Kate O'Neil", "Tom Smith-Jones", "Ann D'Arcy"])
def test_names_with_inner_capitals_are_names(name: str) -> None:
    assert ONLY_A_NAME.match(name)
    found = parse_byline(f"— {name}")
    assert found is not None and found.critic == name


@pytest.mark.parametrize("line", ["DVD Review", "MPAA Rating", "TV Guide", "A B"])
def test_runs_of_capitals_are_not_names(line: str) -> None:
    assert not ONLY_A_NAME.match(line)
