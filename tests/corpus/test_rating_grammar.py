"""Every way the rating grammar states a critic's rating (and every look-alike that is none),
through the whole cleaner: a fixed, seeded sample of ``rating_grammar.all_cases``.

The pages are made up in our own words; a failure names the grammar rules of its page
(position/label/shape:rule/text[+negative]) so that the cause can be fixed in general.
"""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.clean import clean_page

from .rating_grammar import Case, all_cases, grade_value, sample

SAMPLE_SIZE = 2500


def _critic_rating(case: Case) -> float | None:
    review = clean_page(case.page, "grammar.txt")
    return review.rating.value if review.rating else None


def test_the_grammar_states_every_shape_and_position() -> None:
    cases = all_cases()
    names = [case.name for case in cases]
    assert len(names) == len(set(names))
    positions = {name.split("/")[0] for name in names}
    assert {"under-headline", "header-bar", "last-line", "verdict-box", "headline", "prose",
            "card", "negative-alone", "negative-beside"} <= positions
    assert sum(case.expected is None for case in cases) >= 100
    assert grade_value("B-minus") == grade_value("B-") == pytest.approx(0.675)


def test_every_sampled_page_gives_its_rating_or_none() -> None:
    failures = []
    for case in sample(SAMPLE_SIZE):
        got = _critic_rating(case)
        ok = got is None if case.expected is None else (
            got is not None and abs(got - case.expected) < 0.001)
        if not ok:
            failures.append(f"{case.name}: expected {case.expected}, got {got}")
    assert not failures, f"{len(failures)} of {SAMPLE_SIZE}:\n" + "\n".join(failures[:40])
