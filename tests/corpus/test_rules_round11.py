"""Round 11's byline, date, headline and rating rules (from fresh-14's misses, opened after its
two blind scores; own-words lines and pages)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.body_end import signs
from nlmg_tui.corpus.byline import critic_in_headline, parse_byline
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.headline import is_spec_line
from nlmg_tui.corpus.labelled_byline import labelled_byline
from nlmg_tui.corpus.lines import Line, score_legend_lines
from nlmg_tui.corpus.ratings import find_ratings

BODY = ("The ferry scenes carry the film, and the quiet ending lands harder than the loud middle "
        "ever does, even when the script forgets its own rules.\n\n"
        "It is uneven, slow in its second hour, and still worth a winter evening with the lights "
        "off and the phone in another room.\n\n"
        "The lead gives the best turn of her career so far, all nerves under a calm face.\n")


def page(*header: str, body: str = BODY, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join(["Lantern Valley review", *header, body, *after])


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Mar 04,2011 21:30 by Petra Lund", "2011-03-04"),
     ("Posted Jun 9,2012", "2012-06-09"),
     ("Mar 04, 2011", "2011-03-04"),
     ("scores 4,2011 points", None),
     ("Mar 04,20110", None)],
)
def test_month_day_year_with_no_space_after_the_comma(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize(
    ("line", "name"),
    [("By Tomas Ferreira/arts editor", "Tomas Ferreira"),
     ("By Tomas Ferreira/Staff Writer", "Tomas Ferreira"),
     ("By Tomas Ferreira/Paramount Pictures", None),
     ("by the harbour/editor", None),
     ("~ by reelfan81 on March 4, 2011.", "reelfan81"),
     ("~ by Tomas Ferreira", "Tomas Ferreira"),
     ("~ by the way, it rained", None),
     ("Review written by and copyright: Tomas Ferreira (9th June 2005).", "Tomas Ferreira"),
     ("Review written by Tomas Ferreira", "Tomas Ferreira"),
     ("Review written by and copyright: the studio and its partners", None),
     ("By Tomas Ferreira (9th June 2005). And more", None)],
)
def test_labelled_byline_grammar_round11(line: str, name: str | None) -> None:
    found = labelled_byline(line)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [("Mar 04,2011 21:30 by Petra_Lund", "Petra_Lund"),
     ("Mar 04,2011 by Petra Lund", "Petra Lund")],
)
def test_stamp_then_by_with_a_comma_run_into_the_year(line: str, name: str) -> None:
    found = parse_byline(line)
    assert found is not None and found.critic == name


@pytest.mark.parametrize(
    ("headline", "name"),
    [("'Harbour Lights': Cold Water, By Petra Lund", "Petra Lund"),
     ("Harbour Lights: a ghost story, by Petra Lund", "Petra Lund"),
     ("Harbour Lights, By Night", None),
     ("Harbour Lights, by the sea", None),
     ("Stand By Me", None)],
)
def test_headline_signed_after_a_comma(headline: str, name: str | None) -> None:
    assert critic_in_headline(headline) == name


@pytest.mark.parametrize(
    ("text", "spec"),
    [("R2 - Holland - Northlight", True),
     ("R2 - Holland - A-Line Video", True),
     ("R2 - Holland", False),
     ("Region B | UK | Harbour Video", True),
     ("R1 // NTSC // Lantern Home", True),
     ("R2-D2 Goes Home", False),
     ("Rage - A Harbour Story", False)],
)
def test_disc_region_line_is_a_spec_line(text: str, spec: bool) -> None:
    assert is_spec_line(text) is spec


def test_copyright_byline_with_a_bracketed_date_names_critic_and_date() -> None:
    raw = "\n".join(["Harbour Lights AKA Lantern Valley", "R2 - Holland - Northlight",
                     "Review written by and copyright: Tomas Ferreira (9th June 2005).",
                     "The Film", "", BODY])
    review = clean_page(raw, source="t.txt")
    assert review.critic == "Tomas Ferreira"
    assert review.published == "2005-06-09"
    assert review.headline == "Harbour Lights AKA Lantern Valley"


def test_tilde_footer_names_handle_and_date_and_ends_the_body() -> None:
    raw = page(body=BODY, after=("~ by reelfan81 on March 4, 2011.", "Leave a comment"))
    review = clean_page(raw, source="t.txt")
    assert review.critic == "reelfan81"
    assert review.published == "2011-03-04"
    assert not any("reelfan81" in paragraph.text for paragraph in review.paragraphs)


def test_stamp_run_into_year_then_handle_names_both() -> None:
    review = clean_page(page("Mar 04,2011 00:00 by Petra_Lund"), source="t.txt")
    assert review.critic == "Petra_Lund"
    assert review.published == "2011-03-04"


def test_slash_job_is_not_part_of_the_name() -> None:
    review = clean_page(page("By Tomas Ferreira/arts editor"), source="t.txt")
    assert review.critic == "Tomas Ferreira"


LAST = ("I would give it a place on any shelf, and I say so after three viewings with my "
        "younger cousins, who laughed in all the right places.")


def test_reviewed_by_credit_under_the_last_paragraph_signs_the_body() -> None:
    raw = "\n".join(["The ferry scenes carry the film, and the quiet ending lands harder than the "
                     "loud middle ever does, even when the script forgets its own rules.", LAST,
                     "Reviewed by Petra L., Harbour Youth Critic, age 15",
                     "Harbour Youth Goes Local: send your review and win a prize!"])
    review = clean_page(raw, source="t.txt")
    assert review.critic == "Petra L."
    assert review.paragraphs[-1].text == LAST


def test_written_by_credit_under_a_paragraph_does_not_sign_it() -> None:
    assert signs(Line(3, "Reviewed by Petra Lund", "byline"), LAST)
    assert not signs(Line(3, "Written by Petra Lund", "byline"), LAST)
    assert not signs(Line(3, "Reviewed by Petra Lund", "byline"), "Short line above.")
    assert not signs(Line(3, "Reviewed by Petra Lund", "heading"), LAST)


def test_name_under_the_title_over_its_own_score_is_the_byline() -> None:
    raw = "\n\n".join(["Harbour Lights Review", "Petra Lund", "• 3.5/5", BODY])
    assert clean_page(raw, source="t.txt").critic == "Petra Lund"


def test_score_card_row_over_a_score_is_no_byline() -> None:
    raw = "\n\n".join(["Harbour Lights Review", "Overall", "[Rating:4/5]", "Sound Design",
                       "[Rating:3/5]", "Extra Scenes", "[Rating:2/5]", BODY])
    assert clean_page(raw, source="t.txt").critic is None


def test_film_title_over_a_score_is_no_byline() -> None:
    raw = "\n\n".join(["Reviews this week", "Harbour Lights", "3.5/5",
                       "Harbour Lights is slow to start. " + BODY])
    assert clean_page(raw, source="t.txt").critic is None


def test_score_label_over_its_score_is_no_byline() -> None:
    raw = "\n\n".join(["Harbour Lights Review", "Current Rating", "3.9 out of 5", BODY])
    assert clean_page(raw, source="t.txt").critic is None


def _values(text: str) -> list[float]:
    return [rating.value for rating in find_ratings(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [("Stars: *** 1/2", [0.7]),
     ("***1/2", [0.7]),
     ("Stars: ***", [0.6]),
     ("*** 1/24", [])],
)
def test_asterisks_with_a_spaced_half(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [("Browse by rating: 0 star | 0.5 star | 1 star | 1.5 star | 2 star", []),
     ("1 star | 2 star | 3 star | 4 star | 5 star", []),
     ("Story: 2/5 | Sound: 3/5 | Picture: 4/5 | Extras: 5/5", [0.4, 0.6, 0.8, 1.0]),
     ("Story: 3/5 | Sound: 4/5 | Extras: 2/5", [0.6, 0.8, 0.4])],
)
def test_a_line_counting_up_the_scale_is_a_menu(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [("On the Lund Film Meter of 1 to 10, the film is a brisk, bright 8, and a fine one.", [0.8]),
     ("On a scale of 1 to 10, I give it a 7.", [0.7]),
     ("On a scale of 0 to 5, it gets 4.", [0.8]),
     ("On a scale of 1 to 10, it sits near the 1990s remake.", []),
     ("On a scale of 1 to 10, the 12 songs are fine.", []),
     ("On a scale of 1 to 10, it is a 12.", [])],
)
def test_score_given_after_its_scale_in_words(text: str, values: list[float]) -> None:
    assert _values(text) == values


def test_score_given_after_its_scale_is_the_pages_rating() -> None:
    raw = ("Lantern Valley\n" + BODY + "\nOn the Lund Film Meter of 1 to 10, the film is a brisk, "
           "bright 8, and the best ferry picture this year.\n")
    rating = clean_page(raw, source="t.txt").rating
    assert rating is not None and rating.value == 0.8


SYNOPSIS = ("A ferry captain and her brother run the last boat across the bay, and when the "
            "company sells the route they have one summer to win it back. Their mother keeps the "
            "books and the secrets, the harbour master owes them a favour he will not repay, and a "
            "rival with a faster hull wants the licence for himself. Storms come early that year. "
            "The town takes sides, old debts surface, and by the last crossing of August every one "
            "of them has to choose between the boat and the family that built it, whatever the "
            "cost turns out to be for the children watching from the pier.")


def test_long_synopsis_over_a_film_card_is_no_body() -> None:
    raw = "\n\n".join(["Harbour Lights sails home", SYNOPSIS, "Find showtimes", "Grade: B+",
                       "Director: Ida Berg", "Length: 1:48", "By PETRA LUND", BODY])
    review = clean_page(raw, source="t.txt")
    assert review.critic == "PETRA LUND"
    assert review.paragraphs[0].text.startswith("The ferry scenes")


def test_long_first_paragraph_over_one_field_stays_the_body() -> None:
    raw = "\n\n".join(["Harbour Lights sails home", SYNOPSIS, "Director: Ida Berg",
                       "By PETRA LUND", BODY])
    review = clean_page(raw, source="t.txt")
    assert review.paragraphs[0].text == SYNOPSIS


@pytest.mark.parametrize(
    ("line", "name"),
    [("Petra's Reviews", "Petra"),
     ("Petra Lund's Film Diary", "Petra Lund"),
     ("Petra's Movie Blog", "Petra"),
     ("Today's Reviews", None),
     ("Everyone's Reviews", None),
     ("Hollywood's Reviews", None),
     ("Petra's Reviews of the Year", None)],
)
def test_blog_masthead_names_its_owner(line: str, name: str | None) -> None:
    found = parse_byline(line)
    assert (found.critic if found else None) == name


def test_blog_masthead_over_the_post_names_the_critic() -> None:
    raw = "\n\n".join(["Petra's Reviews", "Notes on every film I have seen.", "Harbour Lights (2011)",
                       "Directed by Ida Berg", BODY])
    review = clean_page(raw, source="t.txt")
    assert review.critic == "Petra"


@pytest.mark.parametrize(
    ("header", "published"),
    [(("Science Fiction", "Mar. 4, 2011", "Ann Quill, Ben Oduya, Cara Lind"), None),
     (("Science Fiction", "Mar. 4, 2011", "James Cameron", "Ann Quill, Ben Oduya, Cara Lind"), None),
     (("Drama", "Mar. 4, 2011"), "2011-03-04"),
     (("Mar. 4, 2011", "Ann Quill, Ben Oduya, Cara Lind, Dev Patel"), None),
     (("Harbour notes", "Mar. 4, 2011"), "2011-03-04"),
     (("Drama", "Posted Mar. 4, 2011"), "2011-03-04"),
     (("Mar. 4, 2011", "Ann Quill, Ben Oduya"), "2011-03-04")],
)
def test_bare_date_in_a_film_card_dates_the_release(header: tuple[str, ...], published: str | None) -> None:
    assert clean_page(page(*header), source="t.txt").published == published


GREETED = ("Today I want to talk about a film I loved as a child, and my cousins loved it too, "
           "though they were too scared of the ferry scenes to watch them twice.")


@pytest.mark.parametrize(
    ("opening", "name"),
    [("Hello HB! Petra here. " + GREETED, "Petra"),
     ("Hi everyone, Petra Lund here! " + GREETED, "Petra Lund"),
     ("Petra here. " + GREETED, "Petra"),
     ("Hello all! Everyone here. " + GREETED, None),
     ("Hello all! Winter here. The harbour freezes and the town waits.", None),
     ("Petra here is the ferry captain, and the film follows her all summer.", None)],
)
def test_writer_greeting_readers_by_name(opening: str, name: str | None) -> None:
    raw = "\n\n".join(["Harbour Lights", "Plot review", opening, BODY])
    assert clean_page(raw, source="t.txt").critic == name


def test_score_legend_is_neither_body_nor_rating() -> None:
    legend = ["4 STARS - Superb.", "3 STARS - Good.", "2 STARS - So-so.", "1 STAR - Weak.",
              "0 - Skip it (truly)."]
    caption = ("'HARBOUR' - Ann Quill and Ben Oduya star in the drama 'Harbour,' from the novel by "
               "Jo Lee. Wire Photo courtesy of Cara Lind.")
    raw = "\n\n".join(["Movie Review: 'Harbour'", "Mar 04,2011 00:00 by Petra_Lund", caption, *legend,
                       BODY])
    review = clean_page(raw, source="t.txt")
    assert review.rating is None
    assert [p.text for p in review.paragraphs][0].startswith("The ferry scenes")
    assert not any(p.text in legend or p.text == caption for p in review.paragraphs)


@pytest.mark.parametrize(
    ("rows", "legend"),
    [(["4 STARS - Superb.", "3 STARS - Good.", "2 STARS - So-so."], True),
     (["1 star: weak", "2 stars: fair", "3 stars: good", "4 stars: great"], True),
     (["4 STARS - Superb.", "3 STARS - Good."], False),
     (["4 STARS - Superb.", "2 STARS - So-so.", "1 STAR - Weak."], False),
     (["4 STARS - Superb.", "4 STARS - Good.", "4 STARS - Fine."], False)],
)
def test_score_legend_lines(rows: list[str], legend: bool) -> None:
    lines = [Line(number, text, "short") for number, text in enumerate(rows, start=1)]
    assert bool(score_legend_lines(lines)) is legend


def test_a_rating_over_a_legend_stays_the_rating() -> None:
    raw = "\n\n".join(["Harbour Lights", "By Petra Lund", "Rating: 4 stars - superb", "Our key:",
                       "5 - Unmissable", "4 - Superb", "3 - Good", "2 - So-so", BODY])
    rating = clean_page(raw, source="t.txt").rating
    assert rating is not None and rating.value == 0.8
