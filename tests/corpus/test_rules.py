"""The cleaning rules on pages written for these tests: the rules are general, not seed-shaped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.corpus.byline import parse_byline
from nlmg_tui.corpus.chrome import is_chrome
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.ratings import find_ratings, is_aggregate
from nlmg_tui.corpus.spoilers import is_spoiler_warning
from nlmg_tui.corpus.text import normalize_line, split_sentences


@pytest.mark.parametrize(
    ("line", "critic", "outlet"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("Review by jdoe", "jdoe", None),
        ("Reviewed by Ann Lee | Film Weekly", "Ann Lee", None),
        ("Mar 3, 2011 · By", None, None),
        ("Jane Doe, Special to The Daily Planet", "Jane Doe", "Special to The Daily Planet"),
        ("Jane Doe | 21 Jun 2011", "Jane Doe", None),
    ],
)
def test_bylines(line: str, critic: str | None, outlet: str | None) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.critic, found.outlet) == (critic, outlet)


@pytest.mark.parametrize("line", ["A film by Jane Doe with Tom Roe, Ann Lee and Bob Ray",
                                  "Stars: Jane Doe", "It was made by people who care."])
def test_not_bylines(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.critic is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jan 22, 2011 14:31 GMT", "2011-01-22"),
        ("Added: October 28, 2010", "2010-10-28"),
        ("Posted 21 Jun 2011", "2011-06-21"),
        ("February 17th, 2011", "2011-02-17"),
        ("2011-06-21T10:00", "2011-06-21"),
        ("25/12/2010", "2010-12-25"),
        ("12/25/2010", "2010-12-25"),
        ("03/04/2011", None),  # ambiguous without a locale clue
        ("Feb 30, 2011", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso if found else None) == iso


def test_numeric_dates_follow_the_locale_clue() -> None:
    assert find_date("03/04/2011", day_first=True).iso == "2011-04-03"
    assert find_date("03/04/2011", day_first=False).iso == "2011-03-04"


@pytest.mark.parametrize(
    ("text", "value", "aggregate"),
    [
        ("10/10.", 1.0, False),
        ("3.5/5", 0.7, False),
        ("7 out of 10", 0.7, False),
        ("★★★½", 0.7, False),
        ("★★☆☆☆", 0.4, False),
        ("7.1 / 10 - Overall Rating", 0.71, True),
        ("User rating: 6/10", 0.6, True),
    ],
)
def test_ratings(text: str, value: float, aggregate: bool) -> None:
    found = find_ratings(text)
    assert len(found) == 1
    assert found[0].value == pytest.approx(value)
    assert is_aggregate(found[0]) is aggregate


@pytest.mark.parametrize("text", ["Rated: R", "Rating: PG-13", "12A", "11/10 is silly"])
def test_certificates_are_not_ratings(text: str) -> None:
    assert find_ratings(text) == []


@pytest.mark.parametrize(
    "line",
    ["Sign in", "Share this article", "Most Read", "© 2011 Some Paper. All rights reserved.",
     "Leave a Reply", "Showtimes & Tickets", "12 photos", "* * * * *", "Privacy Policy | Terms of Use",
     "Your email address will not be published. Required fields are marked *"],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["Director: Mark Romanek (One Hour Photo)", "That is all.",
     "The three share a bond that the film never explains, and it hurts."],
)
def test_not_chrome(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("sentence", "warns"),
    [
        ("This review contains spoilers.", True),
        ("It is impossible to discuss the film without revealing its twist.", True),
        ("The twist was revealed in the trailer.", False),
        ("A lovely film.", False),
    ],
)
def test_spoiler_warnings(sentence: str, warns: bool) -> None:
    assert is_spoiler_warning(sentence) is warns


def test_sentences_are_substrings() -> None:
    text = "It’s good. “Is it?” she asked… Yes! 3.5 stars, Dr. Who (2005)."
    for sentence in split_sentences(text):
        assert sentence in text


PAGE = """Home | Movies | Search
Sign in

The Quiet Harbour
By Ann Lee
March 3, 2012

WARNING: this review contains spoilers about the ending.

The Quiet Harbour is a patient, handsome film about a town that stops waiting for the sea.
Its director lets long takes carry the grief, and it mostly works.

Verdict: A slow tide of a film, worth the wait. 4/5

The Quiet Harbour is a patient, handsome film about a town that stops waiting for the sea.

Ann Lee writes about film for the Harbour Gazette and lives by the coast.

3 Comments

  1. Sam

    Loved it, the long takes were beautiful to watch.

  2. Jo

    [b]the long takes were beautiful[/b]

    Agreed, though the ending dragged for me.

Leave a Reply
Your email address will not be published.
"""


def test_a_page_never_seen() -> None:
    review = clean_page(PAGE, "harbour.txt")
    assert review.headline == "The Quiet Harbour"
    assert review.critic == "Ann Lee"
    assert review.published == "2012-03-03"
    assert review.rating is not None and review.rating.value == pytest.approx(0.8)
    assert [p.text[:20] for p in review.paragraphs] == [
        "WARNING: this review",
        "The Quiet Harbour is",
        "Its director lets lo",
        "A slow tide of a fil",
    ]
    assert review.paragraphs[0].spoiler_warning
    assert review.paragraphs[3].section == "Verdict"
    assert review.critic_bio and review.critic_bio.startswith("Ann Lee writes")
    assert [(c.number, c.author) for c in review.comments] == [(1, "Sam"), (2, "Jo")]
    assert review.comments[1].quotes[0].comment_number == 1
    assert review.comments[1].text == "Agreed, though the ending dragged for me."
    assert review.pull_quotes[0].text == "A slow tide of a film, worth the wait."


def test_a_page_with_no_byline_invents_no_critic() -> None:
    page = "My Blog\n\nI watched a film last night and it was rather good, all told.\n"
    review = clean_page(page, "blog.txt")
    assert review.critic is None
    assert review.published is None
    assert [p.text for p in review.paragraphs] == [
        "I watched a film last night and it was rather good, all told."
    ]


LINE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120
) | st.sampled_from(
    ["By Jane Doe", "  1. Sam", "    [b]quoted[/b]", "Leave a Reply", "The Good", "Verdict: fine.",
     "7/10", "A perfectly ordinary sentence that ends right here.", "About Jane Doe", ""]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_any_page_cleans_without_error_and_invents_nothing(lines: list[str]) -> None:
    page = "\n".join(lines)
    review = clean_page(page, "random.txt")
    flat = "\n".join(normalize_line(line) for line in page.splitlines())
    for paragraph in review.paragraphs:
        assert paragraph.text in flat
    for comment in review.comments:
        for part in comment.parts:
            assert part.text in flat or part.text in page
