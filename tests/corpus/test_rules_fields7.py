"""Round 7's field rules (critic, rating, outlet), each on lines written for these tests."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.byline import ONLY_A_NAME, bio_names, parse_byline
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.headline import can_be_headline
from nlmg_tui.corpus.labelled_scores import bare_pair
from nlmg_tui.corpus.lines import Line
from nlmg_tui.corpus.name_lines import placed_name
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.site_names import site_of_page

from .conftest import ratings_of


@pytest.mark.parametrize("name", ["Nora MacAllister", "Brandy McKay", "J.D. Lorimer",
                                  "Mary-Kate O'Neil", "Tom Smith-Jones", "Ann D'Arcy"])
def test_names_with_inner_capitals_are_names(name: str) -> None:
    assert ONLY_A_NAME.match(name)
    found = parse_byline(f"— {name}")
    assert found is not None and found.critic == name


@pytest.mark.parametrize("line", ["DVD Review", "MPAA Rating", "TV Guide", "A B"])
def test_runs_of_capitals_are_not_names(line: str) -> None:
    assert not ONLY_A_NAME.match(line)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Score: 85", 0.85), ("Rating: 1.5", 0.3), ("My rating: 7", 0.7), ("Verdict: 64.", 0.64),
     ("GPA 3.5", 0.875), ("GPA: 2", 0.5), ("Rating: NNNN", 0.8), ("Stars: xx", 0.4),
     ("Nine bent forks out of 10.", 0.9), ("Three and a half lemons out of five", 0.7),
     ("The Long Field - A-", 0.925), ("Rating: ★★★★★★★☆☆☆", 0.7), ("★★★★★★★★", 0.8),
     ("Tin Drum - C+", 0.575), ("I give it three and a half stars.", 0.7),
     ("The film earns four stars.", 0.8), ("Two stars from me.", 0.4),
     # session 6, round 7: more of every star, score and grade form
     ("Three stars", 0.6), ("Three and a half stars (out of four)", 0.875),
     ("Rating: Four stars", 0.8), ("*** (out of four)", 0.75), ("★★★ out of 4", 0.75),
     ("Stars: 3.5", 0.7), ("Rating: 3½/5", 0.7), ("3½ out of 4", 0.875),
     ("Rating: 3 1/2 out of 4", 0.875), ("Grade: B plus", 0.825), ("Grade: B-minus", 0.675),
     ("I give it a B+.", 0.825), ("It earns an A-", 0.925), ("The film gets a B from me.", 0.75),
     ("⭐⭐⭐⭐", 0.8), ("Rating: ⭐️⭐️⭐️", 0.6), ("✪✪✪✩✩", 0.6), ("two-and-a-half stars from me", 0.5),
     ("It is a three-and-a-half-star film.", 0.7), ("Rating - 4", 0.8), ("Score – 72", 0.72)],
)
def test_scores_read_behind_a_label_or_as_a_whole_line(text: str, value: float) -> None:
    found = find_ratings(text)
    assert found and found[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["Rating: 15", "Rating: 18", "Score: 0", "Score: 3 goals", "Rating: PG", "Rating: R",
     "Rating 4", "He scored 85 points", "I counted nine boats out of the window.",
     "Plan B - Review", "Vitamin - C", "1 Star2 Stars3 Stars4 Stars5 Stars",
     "The GPA of 3.9 got her in", "The two stars share a warm chemistry.",
     "Hollywood gives us two stars who can act.", "One star of the show is the dog.",
     "She gets a C in chemistry", "Stars: 7", "The two stars.", "a five-star hotel by the sea"],
)
def test_no_score_where_none_is_given(text: str) -> None:
    assert [found.text for found in find_ratings(text)] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [("7 10", (0.7, "10")), ("5 3.5", (0.7, "5")), ("4 5", (0.8, "5")), ("8 100", (0.08, "100")),
     ("2010 10", None), ("5 3.5 0", None), ("0 5", None), ("12 10", None), ("3 7", None)],
)
def test_a_score_pair_with_its_slash_lost(text: str, pair: tuple[float, str] | None) -> None:
    assert bare_pair(text) == pair


@pytest.mark.parametrize(
    ("line", "critic"),
    [("Jane Doe | 21 Jun 2011", "Jane Doe"), ("Movie Review | Nell | 4th March 2012", "Nell"),
     ("Film Review • Ada Finch • May 2, 2012", "Ada Finch"),
     ("popcornhawk - wrote on 03/14/12", "popcornhawk"), ("## ReelMagpie (Oct 2, 2011)", "ReelMagpie"),
     ("film_fan (3 May 2011)", "film_fan"),
     ("Jane Doe, Film Critic", "Jane Doe"), ("Jane Doe - Film Critic", "Jane Doe"),
     ("Jane Doe | Contributor", "Jane Doe"), ("Jane Doe • Staff Writer", "Jane Doe"),
     ("Film critic Jane Doe", "Jane Doe"), ("Jane Doe (@janedoe)", "Jane Doe"),
     ("By Jane Doe Published March 3, 2011", "Jane Doe"), ("By Jane Doe Mar. 3, 2011", "Jane Doe"),
     ("Posted by Jane Doe at 3:14 PM", "Jane Doe"), ("Jane Doe, The Evening Courier", "Jane Doe"),
     ("Jane Doe for The Evening Courier", "Jane Doe"),
     ("Author: Jane Doe | Published: March 3, 2011", "Jane Doe"), ("Jane Doe · 5 min read", "Jane Doe"),
     ("March 3, 2011 by Jane Doe in Reviews", "Jane Doe"), ("Posted by Jane Doe in Reviews", "Jane Doe")],
)
def test_bylines_of_round_seven(line: str, critic: str) -> None:
    found = parse_byline(line)
    assert found is not None and found.critic == critic


@pytest.mark.parametrize(
    "line",
    ["Quiet Harbour | Review", "Paper Boats | Lantern Review", "21 Jun 2011 | Drama",
     "Home | News | 3 May 2011", "Inception (July 16, 2010)", "Black Swan (December 3, 2010)",
     "Comments (Mar 9, 2011)", "Review - posted on 3 May", "Jane Doe | Film Weekly | 3 May 2011",
     "Reviewed by on Nov 11, 2014", "Staff Writer", "The Critics | Contributor",
     "Salt Road | The Evening Courier"],
)
def test_not_bylines_of_round_seven(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.critic is None


def test_a_signature_among_the_body_lines_signs_the_review() -> None:
    """The body runs on past the signature (a bio, the station's blurb): the dashed name among
    its lines still signs the review."""
    body = ("The Brass Key runs ninety minutes and wastes none of them; the clues are fair, the "
            "ending plays fair too, and the town feels lived in from its first shot.\n\n")
    page = ("Valley Public Radio\n\nCarrow's Review: The Brass Key\n\n"
            "A locksmith's daughter opens the wrong door in this modest, clever thriller.\n\n"
            + body * 4 + "-Ann Carrow\n\n"
            "Since 2002, Ann Carrow has reviewed films and plays for the station's arts desk.\n"
            "Valley Public Radio serves the valley with news and music.\n")
    review = clean_page(page, "signed.txt")
    assert review.critic == "Ann Carrow"
    assert review.evidence["critic"].text == "-Ann Carrow"


@pytest.mark.parametrize(
    ("header", "critic"),
    [(["Jo Marsh", "March 3, 2011"], "Jo Marsh"),
     (["Jo Marsh", "Harbour Film Critics Circle", "March 3, 2011"], "Jo Marsh"),
     (["reelfan81", "8/10 6 years ago"], "reelfan81"),
     (["Film Title Here", "Jo Marsh", "March 3, 2011"], "Jo Marsh"),
     # a cast list, a title in a breadcrumb, a date above, a name the body talks about
     (["Ida Marr", "Tom Vell", "March 3, 2011"], None),
     (["Home » Harbour Lights » Review", "Harbour Lights", "March 3, 2011"], None),
     (["March 3, 2011", "Harbour Lights"], None),
     (["Ada Finch", "March 3, 2011"], None),
     (["NewsRegion", "Movie review: 'Copper Bay' (2.5 stars)"], None),
     (["Jo Marsh / March 3, 2011"], "Jo Marsh"), (["Jo Marsh, March 3, 2011"], "Jo Marsh"),
     (["Jo Marsh Updated March 3, 2011"], "Jo Marsh"),
     # a film and its release: the body names it
     (["Ada Finch - March 3, 2011"], None),
     (["Jo Marsh", "Film Critic"], "Jo Marsh"), (["Written by", "Jo Marsh"], "Jo Marsh"),
     (["Author:", "Jo Marsh"], "Jo Marsh"), (["Jo Marsh", "The Evening Courier"], "Jo Marsh"),
     (["The Evening Courier", "Jo Marsh"], "Jo Marsh"), (["Jo Marsh March 3, 2011"], "Jo Marsh"),
     (["Jo Marsh Updated March 3, 2011"], "Jo Marsh"), (["Mary Jo Marsh, March 3, 2011"], "Mary Jo Marsh"),
     (["Jo Marsh", "Contributing Writer", "March 3, 2011"], "Jo Marsh"),
     (["harbour-lights-poster-2011", "2011-06-19"], None)],
)
def test_a_bare_name_placed_as_a_byline(header: list[str], critic: str | None) -> None:
    lines = [Line(number, text, role="heading") for number, text in enumerate(header, start=1)]
    found = placed_name(lines, "Ada Finch plays the mother with real warmth.")
    assert (found[0] if found else None) == critic


@pytest.mark.parametrize(
    ("first", "header", "site"),
    [("Salt Road | Riverside Courier", [], "Riverside Courier"), ("[Reel Weekly]", [], "Reel Weekly"),
     ("Popcorn Hall » Reviews » Drama » The Film", [], "Popcorn Hall"),
     ("Menu", ["Ledger Published: May 2, 2012"], "Ledger"),
     ("Menu", ["The Harbour Ledger Posted: May 2, 2012"], "The Harbour Ledger"),
     ("Menu", ["Screen Weekly: star rating"], "Screen Weekly"),
     ("Movies Books Music", ["Movies Books Music", "Lunchbox » Tags » Reviews » The Film"], "Lunchbox"),
     # no site: a tag after the bar, a home crumb, a writer before the date, generic labels
     ("Salt Road | Drama", [], None), ("Home » Reviews » The Film", [], None),
     ("Menu", ["Jo Marsh Published: May 2, 2012"], None),
     ("Menu", ["Community: star rating", "Current Rating", "Reviewer rating", "Star Rating"], None)],
)
def test_where_a_page_names_its_site(first: str, header: list[str], site: str | None) -> None:
    lines = [Line(number, text, role="heading") for number, text in enumerate(header, start=2)]
    found = site_of_page(Line(1, first, role="heading"), lines)
    assert (found[0] if found else None) == site


@pytest.mark.parametrize(
    ("header", "critic", "site"),
    [(["Screen Parlour says"], "Ida Marr", "Screen Parlour"), (["Ida Marr says"], "Ida Marr", None),
     (["Our critic says"], None, None), (["Jane Doe says:"], None, None), (["Reel Talk says"], None, None),
     (["Welcome to The Reel Room!"], None, "The Reel Room"),
     (["• Welcome to PopcornPost."], None, "PopcornPost"), (["Welcome to the jungle"], None, None)],
)
def test_a_site_names_itself(header: list[str], critic: str | None, site: str | None) -> None:
    lines = [Line(number, text, role="heading") for number, text in enumerate(header, start=2)]
    found = site_of_page(Line(1, "Menu", role="heading"), lines, lines, critic)
    assert (found[0] if found else None) == site


def test_a_stray_marked_section_opener_in_html_is_text() -> None:
    """html.parser asserts on "<![" followed by no name; the page still imports."""
    from nlmg_tui.importer.pipeline import extract

    result = extract(b"<html><body><p>A fine film, well made and well acted.</p><![ A note</body></html>",
                     "stray.html")
    assert result.review is not None


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [("Jane Doe is a freelance film critic based in Leeds.", "Jane Doe"),
     ("Jo Marsh has been the paper's chief critic since 2001.", "Jo Marsh"),
     ("Ada Finch writes about film for The Courier.", "Ada Finch"),
     ("Ada Finch is a talented actress who deserves better.", None),
     ("Tom Vell is a writer's nightmare of a leading man.", None)],
)
def test_a_bio_names_its_writer_first(paragraph: str, name: str | None) -> None:
    assert bio_names(paragraph) == name


def test_a_job_line_over_a_date_is_no_name() -> None:
    """"Contributing Writer" sits right above the date: the name above it is the critic."""
    page = ("Review: The Film\nJane Doe\nContributing Writer\nMarch 3, 2011\n\n"
            "The Film is a sailing drama that mostly stays afloat, thanks to its cast.\n\n"
            "It is too long, but the storm scene is worth the ticket.\n")
    assert clean_page(page, "job.txt").critic == "Jane Doe"


def test_a_site_average_beside_the_critics_score_is_no_card() -> None:
    page = ("Review: The Salt Mine\nOverall Rating: 6.2/10 (214 votes) | Critic: 8/10\nBy Hal Brenner\n\n"
            "The Salt Mine is a slow, stubborn film about a mining town that refuses to close.\n\n"
            "The miners are played by locals and it shows in every scene.\n")
    assert ratings_of(page) == (pytest.approx(0.8), pytest.approx(0.62))


@pytest.mark.parametrize(("text", "ok"), [("Easy A", True), ("Movie Review: Plan A", True),
                                          ("The best film of a", False), ("Why this is the", False),
                                          ("Jo Marsh and Ed C. Vale", False), ("Harold and Maude", True),
                                          ("[Movie Review] The Glass Kite", True), ("[Reel Weekly]", False)])
def test_headline_shapes_of_round_seven(text: str, ok: bool) -> None:
    assert can_be_headline(text) is ok


def test_a_headline_between_the_byline_and_its_date_stays() -> None:
    """A news page puts the byline over the headline: the heading under the date is a
    caption or a repeat, not the headline."""
    page = ("By Staff Reports\n\nCouncil votes to keep the old cinema open\n\nMarch 3, 2011\n\n"
            "Staff Reports\n\nThe council voted last night to keep the town's only cinema open for "
            "another year, after a petition signed by two thousand residents.\n\n"
            "The owners said they were grateful and would start a film club in the spring.\n")
    assert clean_page(page, "news.txt").headline == "Council votes to keep the old cinema open"
