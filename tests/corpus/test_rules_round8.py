"""Round 8's byline rules (from fresh-9's misses after its one blind score; each with an
own-words layout in tests/importer/layouts too)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.byline import bio_names, names_writer, outlet_from_bio, parse_byline
from nlmg_tui.corpus.facts import LABELLED_FIELD
from nlmg_tui.corpus.headline import can_be_headline


@pytest.mark.parametrize(
    ("line", "critic"),
    [("Reviewer: Petra Lund || Posted On: 2011-05-14", "Petra Lund"),
     ("Author: Petra Lund | Published on: May 14, 2011", "Petra Lund"),
     ("Post by fogwatcher » Sat May 14, 2011 9:12 pm", "fogwatcher"),
     ("Post by Petra Lund » Sat May 14, 2011 9:12 pm", "Petra Lund"),
     ("Lantern Valley Movie Review by Moonraker", "Moonraker"),
     ("Lantern Valley Review by Petra Lund", "Petra Lund")],
)
def test_bylines_of_round_eight(line: str, critic: str) -> None:
    found = parse_byline(line)
    assert found is not None and found.critic == critic


@pytest.mark.parametrize(
    "line",
    ["Reviewed by critics everywhere as the year's best", "Review by the numbers: 2011",
     "Post by post, the forum grew", "Film review by design notes"],
)
def test_still_not_bylines(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.critic is None


@pytest.mark.parametrize(
    ("line", "critic"),
    [("Lantern Valley – Starring Ida Berg. Directed by Karl Moen. Rated PG. By Petra Lund.",
      "Petra Lund"),
     ("Lantern Valley – Directed by Karl Moen. By Petra Lund", "Petra Lund"),
     ("The ferry leaves at dawn. By Tuesday it is gone.", None),
     ("Directed by Karl Moen", None)],
)
def test_a_credits_line_signed_at_its_end(line: str, critic: str | None) -> None:
    assert names_writer(line) == critic


@pytest.mark.parametrize(
    ("bio", "name", "outlet"),
    [("PETRA LUND is the film critic for the Harbour Weekly. She also reviews on radio.",
      "PETRA LUND", "Harbour Weekly"),
     ("Petra Lund is the film critic for the Harbour Weekly. She also reviews on radio.",
      "Petra Lund", "Harbour Weekly"),
     ("Jo Banks is a critic for The A.V. Club.", "Jo Banks", "The A.V. Club"),
     ("DVD EXTRAS is the section where we list what the disc holds.", None, None)],
)
def test_bios_in_capitals_and_where_their_outlet_ends(bio: str, name: str | None,
                                                       outlet: str | None) -> None:
    assert bio_names(bio) == name
    assert outlet_from_bio(bio) == outlet


def test_a_plural_marker_after_a_label_is_still_a_field() -> None:
    match = LABELLED_FIELD.match("Genre(s): Horror / Thriller")
    assert match is not None and match["label"] == "Genre"
    assert not can_be_headline("Genre(s): Horror / Thriller")
    assert can_be_headline("Batman: The Dark Knight")


@pytest.mark.parametrize("line", ["Man On Wire", "Harbour Of Glass", "Lantern On Water"])
def test_title_case_small_words_are_no_name(line: str) -> None:
    from nlmg_tui.corpus.byline import not_a_name

    assert not_a_name(line)


@pytest.mark.parametrize("line", ["A. O. Scott", "Jane de la Cruz", "Ed van Dorn"])
def test_names_with_initials_and_particles_stay_names(line: str) -> None:
    from nlmg_tui.corpus.byline import not_a_name

    assert not not_a_name(line)
