"""A deck set apart by a wider gap than the body's paragraphs (own-words pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.clean import clean_page

BODY = ["Glass Orchard opens on two sisters arguing in a kitchen, and the film never leaves.",
        "The performances are the reason to see it: the silences say more than speeches.",
        "The younger one's jokes hide a fear the film lets us see only late, and it hurts."]
DECK = "A quiet family drama about two sisters and one old house, and it trusts its actors completely."


def _page(gap_under_deck: int, gap_in_body: int, deck: str = DECK) -> str:
    body = ("\n" * (gap_in_body + 1)).join(BODY)
    return "Glass Orchard\n\n" + deck + "\n" * (gap_under_deck + 1) + body + "\n"


@pytest.mark.parametrize(("under", "within"), [(1, 0), (2, 1), (3, 1)])
def test_a_deck_set_apart_by_a_wider_gap_is_not_body(under: int, within: int) -> None:
    review = clean_page(_page(under, within), "deck.txt")
    assert [p.text for p in review.paragraphs] == BODY


@pytest.mark.parametrize(("under", "within"), [(0, 0), (1, 1), (1, 2)])
def test_a_first_paragraph_spaced_like_the_rest_stays(under: int, within: int) -> None:
    review = clean_page(_page(under, within), "deck.txt")
    assert [p.text for p in review.paragraphs] == [DECK, *BODY]


def test_a_long_first_paragraph_is_never_a_deck() -> None:
    opening = ("I went in knowing nothing about this film, and I came out of it talking about the "
               "two sisters at its heart for the whole of the long drive home. It earns that.")
    review = clean_page(_page(3, 1, opening), "deck.txt")
    assert review.paragraphs[0].text == opening


def test_a_logline_over_header_lines_is_not_body() -> None:
    page = "Glass Orchard\n\n" + DECK + "\n\nFull synopsis\n\n" + "\n\n".join(BODY) + "\n"
    assert [p.text for p in clean_page(page, "deck.txt").paragraphs] == BODY


def test_a_rating_between_the_first_paragraphs_keeps_the_first() -> None:
    page = "Glass Orchard\n\n" + DECK + "\n\nOur rating: 4/5\n\n" + "\n\n".join(BODY) + "\n"
    assert [p.text for p in clean_page(page, "deck.txt").paragraphs] == [DECK, *BODY]


def test_a_separator_under_every_paragraph_keeps_the_first() -> None:
    page = "Glass Orchard\n\n" + "\n\n-\n\n".join([DECK, *BODY]) + "\n"
    assert [p.text for p in clean_page(page, "deck.txt").paragraphs] == [DECK, *BODY]
