"""The byline grammar (``byline_grammar``): a fixed, seeded sample of its pages, each cleaned,
must give the critic the byline names (and the byline's date), and pages that name only people
who did not write the review (the film's credits, a commenter, "Posted by admin") no critic."""

from __future__ import annotations

import pytest
from tests.corpus.byline_grammar import Case, negative_cases, positive_cases, sample

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.labelled_byline import is_whole_date, labelled_byline
from nlmg_tui.corpus.person_names import ONLY_PERSON, is_handle

_POSITIVE = list(positive_cases())
_NEGATIVE = list(negative_cases())
POSITIVE_SAMPLE = sample(_POSITIVE, 1200)
NEGATIVE_SAMPLE = sample(_NEGATIVE, 400)
# Forms the cleaner does not read yet (none at present).
KNOWN_GAPS: frozenset[str] = frozenset()


def _label(case: Case) -> str:
    return " / ".join(case.causes[:2])


def _check(case: Case) -> None:
    review = clean_page(case.page, "page.txt")
    assert review.critic == case.critic, case.page
    if case.date is not None:
        assert review.published == case.date, case.page


@pytest.mark.parametrize("case", [case for case in POSITIVE_SAMPLE if case.causes[0] not in KNOWN_GAPS],
                         ids=_label)
def test_a_byline_names_the_critic(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", NEGATIVE_SAMPLE, ids=_label)
def test_people_who_did_not_write_it_are_not_the_critic(case: Case) -> None:
    _check(case)


def test_the_samples_hold_every_form_name_and_distractor() -> None:
    for cases, chosen in ((_POSITIVE, POSITIVE_SAMPLE), (_NEGATIVE, NEGATIVE_SAMPLE)):
        assert {cause for case in cases for cause in case.causes} == {
            cause for case in chosen for cause in case.causes}
    assert len(_POSITIVE) > 10_000 and len(_NEGATIVE) > 10_000


@pytest.mark.parametrize(
    ("line", "name"),
    [("By: Jane Doe, 07/14/2012", "Jane Doe"),
     ("Words by: Jane Doe on July 14, 2012 at 9:14 pm in Reviews | 3 Comments", "Jane Doe"),
     ("By Staff Writer Mary Ellen Rusk for The Westbrook Courier", "Mary Ellen Rusk"),
     ("Reviewer: Kai LaRue in Reviews", "Kai LaRue"),
     ("Review by: Émile Roux • 18 Mar 2011", "Émile Roux"),
     ("Critic: Walt Harmon III, Film Critic | Friday, March 18, 2011", "Walt Harmon III"),
     ("Submitted by kmarsh on Fri, 03/18/2011 - 10:15", "kmarsh"),
     ("Posted by reelfan81", "reelfan81"),
     ("By NORA HALDANE (@nhaldane)", "NORA HALDANE"),
     ("By Jane Doe | March 18, 2011 | Reviews, Drama | 3 Comments", "Jane Doe"),
     ("Critic: Jane Doe • Film Critic • @janedoe", "Jane Doe"),
     ("By Jane Doe for The Westbrook Courier on 18-Mar-2011", "Jane Doe"),
     ("By Jane Doe, Harbour Weekly", "Jane Doe"),
     ("Written by: Jane Doe, Tom Roe", None),
     ("Written by Ben Oduya | Directed by Ann Quill", None),
     # not wholly a byline: left to the looser rules, or no one
     ("Posted by admin", None),
     ("by the end of the film", None),
     ("Written by Ann Quill and Ben Oduya", None),
     ("By Jane Doe, who saw it twice and liked it less the second time", None),
     ("Directed by Ann Quill", None),
     ("Sort reviews by: Date | Title", None)],
)
def test_a_labelled_byline_is_read_by_its_grammar(line: str, name: str | None) -> None:
    found = labelled_byline(line)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize(
    ("text", "whole"),
    [("Friday, March 18, 2011 at 9:14 pm", True), ("18 Mar 2011, 21:14", True),
     ("Fri, 03/18/2011 - 10:15", True), ("March 18, 2011", True),
     ("March 18, 2011 in cinemas everywhere", False), ("Drama", False), ("2011", False)],
)
def test_a_whole_date_may_carry_its_weekday_and_time(text: str, whole: bool) -> None:
    assert is_whole_date(text) is whole


@pytest.mark.parametrize(
    ("text", "person"),
    [("Lena DeWitt", True), ("Ada MacLeod", True), ("Zoë Marsh", True), ("Ana Núñez", True),
     ("Pieter van Dijk", True), ("Walt Harmon III", True), ("T. J. Okafor", True),
     ("NORA HALDANE", True), ("DVD Review", False), ("Drama", False), ("FilmReview Weekly", False)],
)
def test_names_as_bylines_typeset_them(text: str, person: bool) -> None:
    assert bool(ONLY_PERSON.match(text)) is person


@pytest.mark.parametrize(
    ("text", "handle"),
    [("reelfan81", True), ("night_owl", True), ("ShadowCaster", True), ("cinephile-jo", True),
     ("admin", False), ("Staff", False), ("Nora", False), ("adac-test-herbst-2018", False)],
)
def test_a_user_handle(text: str, handle: bool) -> None:
    assert is_handle(text) is handle
