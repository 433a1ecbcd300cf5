"""Round 14's byline rules (from fresh-17's misses after its blind scores; own-words pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.credited_reviewer import label_owner
from nlmg_tui.corpus.ratings import find_ratings

BODY = ("The ferry scenes carry the film, and the quiet ending lands harder than the loud middle "
        "ever does.\n\nIt is uneven, slow in its second hour, and still worth a winter evening "
        "for the last reel alone.\n")


def page(*header: str, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*header, BODY, *after])


@pytest.mark.parametrize(
    ("line", "critic"),
    [("by Petra Lund review", "Petra Lund"),
     ("By: Otto Von Fenn (A Toast) –", "Otto Von Fenn"),
     ("Published by Ada", "Ada"),
     ("lanternBy Petra Lund", "Petra Lund")],
)
def test_byline_tails_and_glue(line: str, critic: str) -> None:
    found = bylines.parse_byline(line)
    assert found is not None and found.critic == critic


@pytest.mark.parametrize(
    ("line", "owner"),
    [("Petra Myers’ rating: 4.8|5.0", "Petra Myers"),
     ("Ada’s Choice: “Lantern Valley” (1984)", "Ada"),
     ("Ada's Rating: 4/5", "Ada")],
)
def test_owned_labels_with_an_s_possessive_and_a_choice(line: str, owner: str) -> None:
    assert label_owner(line) == owner


def test_a_byline_closed_by_a_full_stop_is_no_sentence() -> None:
    review = clean_page(page("“Lantern Valley”: still no ferries, but who is complaining? Me.",
                             "By PETRA LUND, Staff Reporter."), source="own.txt")
    assert review.critic == "PETRA LUND"
    assert review.paragraphs[0].text.startswith("The ferry scenes")


def test_a_bio_naming_the_author_of_a_book_names_the_writer() -> None:
    assert bylines.bio_names("Petra Lund is the author of THE SALT ROAD. She lives in Leeds.") \
        == "Petra Lund"


@pytest.mark.parametrize(
    ("text", "value"),
    [("My Rating = Three and a Half Stars", 0.7),
     ("Jo's Rating:  5 'Q' Stars", 1.0),
     ("Rating: 4 cats", 0.8),
     ("Lantern Valley (2000) starstarstar", 0.6),
     ("Rating: 4 minutes", None),
     ("Rating: 2 thumbs", None),
     ("4 Star Reviews", None)],
)
def test_rating_forms_of_round_14(text: str, value: float | None) -> None:
    found = find_ratings(text)
    assert (found[0].value if found else None) == (pytest.approx(value) if value else None)


def test_an_equals_label_keeps_the_page_s_text() -> None:
    assert find_ratings("My Rating = Three and a Half Stars")[0].text.startswith("My Rating =")
