"""Round 12's byline rules (from fresh-15's critic misses after its blind scores; own-words
pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.lines import Line, assign_roles

BODY = ("The ferry scenes carry the film, and the quiet ending lands harder than the loud middle "
        "ever does.\n\nIt is uneven, slow in its second hour, and still worth a winter evening "
        "for the last reel alone.\n")


def page(*header: str, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join(["Lantern Valley (12A)", *header, BODY, *after])


@pytest.mark.parametrize(
    ("header", "critic"),
    [  # a credit line's "written by" is the screenplay's, the label below names the critic
     (("Directed by Otto Fenn, written by Ada Blum and Otto Fenn", "Reviewed by Petra Lund"),
      "Petra Lund"),
     # a pointer to another writer's review is no byline
     (("Read Jane Marlow's review of Lantern Valley", "Reviewed by Petra Lund"), "Petra Lund"),
     # a pen name under an empty label
     (("A Review by:\nThe Lady in the Back Row",), "The Lady in the Back Row"),
     # "Name reviews" alone, the film's title under it
     (("Petra Lund reviews\nLantern Valley: Collector's Edition",), "Petra Lund"),
     # where the writer lives is no part of the name
     (("Reviewed by Petra Lund from Peru",), "Petra Lund"),
     # a menu of dashed items is no signature; "by Name:" is the byline
     (("- Harbour Film Awards\n- Site Picks", "by Valk:"), "Valk"),
     # a byline after the credits ends "By Name."
     (("Lantern Valley – Starring Ada Blum. Directed by Otto Fenn. Rated M. By Petra Lund.",),
      "Petra Lund")],
)
def test_review_labels_outrank_credits_and_pointers(header: tuple[str, ...], critic: str) -> None:
    assert clean_page(page(*header), source="own.txt").critic == critic


def test_a_possessive_in_capitals_owns_the_headline() -> None:
    assert bylines.critic_in_headline("JDX’S Review: Lantern Valley") == "JDX"
    assert bylines.critic_in_headline("Read Jane Marlow's review of Lantern Valley") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [("©2003 Petra K. Lund", "Petra K. Lund"),
     ("Copyright 2004 by Otto Fenn", "Otto Fenn"),
     ("(c) Petra Lund 2011", "Petra Lund"),
     ("© 2010 Harbour Valley Media", None),
     ("© 2009 Columbia Pictures", None)],
)
def test_a_copyright_line_names_a_person_never_a_company(line: str, name: str | None) -> None:
    assert bylines.copyright_name(line) == name


def test_a_copyright_line_under_the_body_signs_it() -> None:
    review = clean_page(page(after=("©2003 Petra K. Lund",)), source="own.txt")
    assert review.critic == "Petra K. Lund"
    assert all("Petra" not in paragraph.text for paragraph in review.paragraphs)


def test_a_run_of_credits_is_no_prose_and_does_not_start_the_body() -> None:
    credit_run = ("(director/writer: Otto Fenn; cinematographer: Ada Blum; editor: Lars Holm; "
               "music: Ines Vale; cast: Petra Lund (Mara), Jon Eik (Tomas), Lise Ahl (Vera))")
    lines = [Line(1, credit_run)]
    assign_roles(lines)
    assert lines[0].role == "field"
    review = clean_page("\n\n".join([credit_run, "“A quiet film that earns its ending.”",
                                     "Reviewed by Petra Lund", BODY]), source="own.txt")
    assert review.critic == "Petra Lund"
    assert review.paragraphs[0].text.startswith("The ferry scenes")
