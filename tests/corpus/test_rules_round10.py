"""Round 10's date and signature rules (from fresh-12's misses after its blind score; own-words
pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.closing_signature import closing_signature
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.models import Paragraph

BODY = ("The ferry scenes carry the film, and the quiet ending lands harder than the loud middle "
        "ever does.\n\nIt is uneven, slow in its second hour, and still worth a winter evening.\n")


def page(*header: str) -> str:
    return "\n\n".join(["Lantern Valley review", *header, BODY])


@pytest.mark.parametrize(
    ("text", "iso"),
    [("post #1 of 4 Old 01-15-2011, 09:12 PM - Thread Starter", "2011-01-15"),
     ("Posted 14-05-2011", "2011-05-14"),
     ("scores 3-4-11 and 7-8-12", None),
     ("the 2010-2011-2012 run", None),
     ("call 555-12-2011x", None)],
)
def test_dashed_numeric_dates_need_a_four_digit_year(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize(
    ("header", "published"),
    [(("May 14, 2011 By: Petra Lund Category: Film, Harbour Film Festival 2011",), "2011-05-14"),
     (("May 14, 2011 by Petra Lund | Festival reports",), "2011-05-14"),
     (("Harbour Film Festival, May 14, 2011",), None),
     (("November 12, 2010 (wide—2,900 theaters)",), None),
     (("November 6, 2010 (sneak preview)",), None),
     (("DVD: February 15, 2011",), None),
     (("Posted by Petra Lund", "DVD: February 15, 2011"), None)],
)
def test_a_date_is_a_release_only_by_the_words_of_its_own_clause(header: tuple[str, ...],
                                                                   published: str | None) -> None:
    assert clean_page(page(*header), source="own.txt").published == published


def test_a_disc_headline_is_still_a_headline() -> None:
    review = clean_page("\n\n".join(["DVD: Lantern Valley (15)", "By Petra Lund", BODY]),
                        source="own.txt")
    assert review.headline == "DVD: Lantern Valley (15)"


def test_a_list_of_other_posts_does_not_date_the_review() -> None:
    others = "\n\n".join(f"Other Film {n}\n\n04/0{n}/2014 | Comments 0" for n in range(1, 4))
    text = "\n\n".join([others, "Lantern Valley review", "04/09/2014 | Comments 2",
                        "May 14, 2011 by Petra Lund", BODY])
    assert clean_page(text, source="own.txt").published == "2011-05-14"


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(f"p{n}", text) for n, text in enumerate(texts, start=1))


@pytest.mark.parametrize(
    ("texts", "name"),
    [(("The ferry scenes carry it.", "It lingers after the lights come up. (Petra Lund)"),
      "Petra Lund"),
     (("The ferry scenes carry it. (P. Lund)", "The disc's sound is clean and wide."), "P. Lund"),
     (("Extras are thin.] (Petra Lund)",), "Petra Lund"),
     (("I give it three out of five stars. …Petra Lund",), "Petra Lund"),
     (("Go and be moved by it. ...Petra Lund",), "Petra Lund"),
     (("Go and be moved by it. PL",), "PL"),
     (("The ferry (Ida Berg) leaves at dawn, and Karl (Olaf Moen) stays.",), None),
     (("It opens on Friday. (Rated R)",), None),
     (("Out now on disc. (Warner Bros.)",), None),
     (("Suitable for teens. PG",), None),
     (("Go and be moved by it. PL", "A closing line about the disc."), None),
     (("It is a gentle film (Petra Lund)",), None)],
)
def test_a_signature_after_a_paragraphs_last_sentence(texts: tuple[str, ...],
                                                      name: str | None) -> None:
    found = closing_signature(paragraphs(*texts))
    assert (found[0] if found else None) == name


def test_a_bracketed_signature_names_the_critic_of_a_page() -> None:
    text = "\n\n".join(["Lantern Valley", BODY.rstrip() + " (Petra Lund)",
                        "The disc's picture is sharp and its sound wide."])
    assert clean_page(text, source="own.txt").critic == "Petra Lund"
