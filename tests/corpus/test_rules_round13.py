"""Round 13's rules (from fresh-16's misses after its blind score; own-words pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.lines import Line, assign_roles

BODY = ("The ferry scenes carry the film, and the quiet ending lands harder than the loud middle "
        "ever does.\n\nIt is uneven, slow in its second hour, and still worth a winter evening "
        "for the last reel alone.\n")


def page(*header: str, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*header, BODY, *after])


@pytest.mark.parametrize(
    ("header", "critic"),
    [  # a student paper's masthead job after the name
     (("Lantern Valley Review", "Petra Lund, Staff Reporter"), "Petra Lund"),
     (("Lantern Valley Review", "Petra Lund, Entertainment Editor"), "Petra Lund"),
     (("Lantern Valley Review", "Petra Lund, Entertainment and Arts Editor"), "Petra Lund"),
     # a bare name alone over the body, under the headline
     (("Lantern Valley Review", "Petra Lund"), "Petra Lund"),
     # ... over the writer's e-mail address
     (("IS MY CINEMA SHOWING?", "'Lantern Valley' is a quiet triumph", "Petra Lund",
       "plund@example.org"), "Petra Lund"),
     # ... under a photo's caption sentence
     (("REVIEW: 'Lantern Valley' earns its ending",
       "Ada Blum playing Mara Vale in Otto Fenn's new film. It opened on May 3.", "Petra Lund"),
      "Petra Lund")],
)
def test_names_over_the_body(header: tuple[str, ...], critic: str) -> None:
    assert clean_page(page(*header), source="own.txt").critic == critic


@pytest.mark.parametrize(
    "header",
    [  # the film's title under a date is no name
     ("Wednesday, June 15, 2011", "Harbour Kingdom"),
     # nor under a kicker that introduces it
     ("Wednesday, June 15, 2011", "The Lantern Reviews:", "Harbour Kingdom"),
     # a photo credit under a list of the film's people
     ("Lantern Valley, Ada Blum, Otto Fenn", "Lars Holm"),
     # a label owned by a first name is no byline line of its own
     ("Home | Reviews | About", "Kit's Verdict")],
)
def test_names_over_the_body_that_are_not_the_critic(header: tuple[str, ...]) -> None:
    critic = clean_page(page(*header), source="own.txt").critic
    assert critic in (None, "Kit")


def test_published_by_over_a_name_in_a_post_footer() -> None:
    review = clean_page(page("Lantern Valley", after=("Leave a Comment", "Share", "Published by",
                                                      "Petra Lund", "Tags: film")),
                        source="own.txt")
    assert review.critic == "Petra Lund"


def test_a_paragraph_that_only_scores_the_film_gives_the_rating() -> None:
    text = "\n\n".join(["Lantern Valley review", "By Petra Lund",
                        "The ferry scenes carry the film, and the ending lands harder than it should.",
                        "This movie is a 8.5 out of 10.",
                        "It is uneven, slow in its second hour, and still worth a winter evening."])
    review = clean_page(text, source="own.txt")
    assert review.rating is not None and review.rating.value == pytest.approx(0.85)


def test_a_credit_sentence_is_no_prose() -> None:
    lines = [Line(1, "Directed by Otto Fenn. Starring Ada Blum, Lars Holm, and Ines Vale.")]
    assign_roles(lines)
    assert lines[0].role == "field"
    review = clean_page(page("by: Petra Lund", lines[0].text), source="own.txt")
    assert review.paragraphs[0].text.startswith("The ferry scenes")
