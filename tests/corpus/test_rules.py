"""The cleaning rules on pages written for these tests: the rules are general, not seed-shaped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.corpus.byline import (
    ABOUT_HEADING,
    critic_in_headline,
    masthead,
    outlet_line,
    parse_byline,
    sign_off_name,
)
from nlmg_tui.corpus.chrome import is_chrome, is_credit_line
from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.dates import find_date, page_day_first
from nlmg_tui.corpus.headline import can_be_headline
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
        ("Jane Doe, Special to The Daily Planet", "Jane Doe", "The Daily Planet"),
        ("Jane Doe | 21 Jun 2011", "Jane Doe", None),
    ],
)
def test_bylines(line: str, critic: str | None, outlet: str | None) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.critic, found.outlet) == (critic, outlet)


@pytest.mark.parametrize("line", ["A film by Jane Doe with Tom Roe, Ann Lee and Bob Ray",
                                  "Stars: Jane Doe", "It was made by people who care.",
                                  # session 5: near misses of its new byline forms
                                  "A film made in 2011 by Joe Wright", "Critic Consensus Says",
                                  "Written in 2011 by the team", "Critic Reviews Archive"])
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
    joined = " ".join(normalize_line(line) for line in page.splitlines())  # hard-wrapped lines
    for paragraph in review.paragraphs:
        assert paragraph.text in flat or paragraph.text in joined
    for comment in review.comments:
        for part in comment.parts:
            assert part.text in flat or part.text in page


@pytest.mark.parametrize(
    ("line", "critic", "outlet"),
    [
        ("Film Review by Jane Doe | 3 March 2011", "Jane Doe", None),
        ("Review of The Long Road by Jane Doe — 3 March 2011", "Jane Doe", None),
        ("By Jane Doe // March 3, 2011", "Jane Doe", None),
        ("By Chief Judge Jane Doe", "Jane Doe", None),
        ("Review byJane Doe", "Jane Doe", None),
        ("Review by Tom Roe Jr. | posted May 2, 2009", "Tom Roe Jr.", None),
        ("Screen Weekly’s Jane Doe Reviews The Long Road", "Jane Doe", "Screen Weekly"),
    ],
)
def test_more_bylines(line: str, critic: str | None, outlet: str | None) -> None:
    found = parse_byline(line)
    assert found is not None and (found.critic, found.outlet) == (critic, outlet)


@pytest.mark.parametrize("line", ["Written by: Jane Doe, Tom Roe", "Written by:Ann Lee and Bob Ray",
                                  "— The Daily Planet"])
def test_credits_and_outlets_are_not_critics(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.critic is None


@pytest.mark.parametrize(
    ("line", "name"),
    [("Jane Doe", "Jane Doe"), ('Jo "JJ" Doe', 'Jo "JJ" Doe'), ("Related Posts", None),
     ("Popular Reviews", None), ("The Film", None)],
)
def test_sign_off_names(line: str, name: str | None) -> None:
    assert sign_off_name(line) == name


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("— The Daily Planet", "The Daily Planet"), ("Why you can trust Reel Weekly Our critics", "Reel Weekly"),
     ("— Jane Doe", None)],
)
def test_outlet_lines(line: str, outlet: str | None) -> None:
    assert outlet_line(line) == outlet


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Grade: C", 0.5), ("Grade: A", 1.0), ("Grade: A+", 1.0), ("Grade: F", 0.0),
        ("Grade: B-", 0.675), ("Grade: A-", 0.925),
        ("The Film – 4 stars", 0.8), ("3½ Stars", 0.7), ("4 ½ STARS", 0.9), ("3.5 stars", 0.7),
        ("1.0 stars", 0.2),
        ("The Film (**)", 0.4), ("Rating: 1 2 3 4 and a half", 0.9), ("Rating: 1 2 3", 0.6),
        ("And the blog gives it 95% - it loses 5% for the score", 0.95),
    ],
)
def test_more_rating_forms(text: str, value: float) -> None:
    found = find_ratings(text)
    assert [f.value for f in found] == [pytest.approx(value)]


def test_the_personal_score_beats_part_and_objective_scores() -> None:
    page = ("Night Road\nBy Ann Lee\n\nA tidy thriller on a night bus, well acted and briskly told.\n"
            "It never quite surprises, but it never bores either.\n\n"
            "Story: 5/10\nObjective score: 6/10\nSubjective score: 8/10\n")
    review = clean_page(page, "scores.txt")
    assert review.rating is not None and review.rating.value == pytest.approx(0.8)
    assert all("/10" not in p.text for p in review.paragraphs)


def test_the_closing_rating_is_the_critics_not_an_average() -> None:
    page = ("I saw it twice and liked it more the second time, for its patience and its cast.\n"
            "Critics agree: one site has an average user rating of 8.6/10 from many reviews.\n"
            "And I give it 7/10 - a point off for the ending.\n")
    review = clean_page(page, "closing.txt")
    assert review.rating is not None and review.rating.value == pytest.approx(0.7)


def test_another_critics_rating_in_the_body_is_not_taken() -> None:
    page = ("A long paragraph about the film that says it is fine but slow, and mostly well acted.\n"
            "A famous critic was kinder and gave it 3 1/2 stars in his paper last week.\n"
            "Anyway, go and see it for yourself if you like slow films.\n")
    assert clean_page(page, "other.txt").rating is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Posted onMarch 3, 2011By Jane Doe", "2011-03-03"), ("posted21 June 2011", "2011-06-21"),
     ("12/25/10", None), ("Version 1.2.2011", None)],
)
def test_run_in_and_short_dates(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso if found else None) == iso


def test_two_digit_years_inside_the_film_window() -> None:
    assert find_date("12/25/10", years=(2009, 2030)).iso == "2010-12-25"
    assert find_date("12/25/85", years=(2009, 2030)) is None


def test_the_page_own_date_order_resolves_a_numeric_date() -> None:
    assert page_day_first("posted 04/05/2012, edited 25/05/2012") is True
    assert page_day_first("posted 04/05/2012, edited 05/25/2012") is False
    assert page_day_first("04/05/2012") is None


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("The cast came out of a theatre workshop.", False), ("Shop", True), ("Visit our shop", True),
     ("118 minutes. Not widescreen. UK certificate: 12A.", True),
     ("UK 2011. Distributor: Meadowlight. Colour by Fielding Labs.", True),
     ("It runs 118 minutes and feels longer.", False),
     ("Editor's note: This review first ran during the festival.", True), ("[Jane Doe]", True),
     ("Screens Fri 7.30pm and Sat 3pm at the Rex.", True),
     ("I saw it on Sunday at 3pm with my daughter and we loved it.", False)],
)
def test_chrome_on_word_boundaries_and_credit_lines(line: str, chrome: bool) -> None:
    assert (is_chrome(line) or is_credit_line(line)) is chrome


def test_a_page_twice_the_same_caption_and_a_deck() -> None:
    page = ("The Film review\n\nCan it hold the course?\n\nWhy you can trust Reel Weekly Our team.\n\n"
            "A caption that sits under the photo here.\nA caption that sits under the photo here.\n\n"
            "The Film is a sailing drama that mostly stays afloat, thanks to its cast.\n\n"
            "It is too long, but the storm scene is worth the ticket.\n")
    review = clean_page(page, "deck.txt")
    assert [p.text[:12] for p in review.paragraphs] == ["The Film is ", "It is too lo"]
    assert review.outlet == "Reel Weekly"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("WESTPORT DAILY HERALD", "Westport Daily Herald"), ("The Evening Courier", "The Evening Courier"),
     ("The Post", None), ("The Social Network Review", None), ("the evening courier", None)],
)
def test_mastheads(line: str, outlet: str | None) -> None:
    assert masthead(line) == outlet


@pytest.mark.parametrize(
    ("text", "value"),
    [("Rated 4.0", 0.8), ("rated 3.5", 0.7), ("B+", 0.825), ("A-", 0.925),
     ("I would rate this as a 5-star film.", 1.0), ("Rated R", None), ("Rated 15", None),
     ("Rated 12A", None), ("Rating 4", None), ("Rated 3 out of 5", 0.6)],
)
def test_round_two_rating_forms(text: str, value: float | None) -> None:
    found = find_ratings(text)
    assert (found[0].value if found else None) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("Skip Nav", True), ("Send to a Friend via Email", True), ("Comments: 2 Responses", True),
     ("3 comments", True), ("If you like this blog, do subscribe to The Jar by Email!", True),
     ("The film will be showing at the Rex Festival on the 9th, 11th and 12th May.", True),
     ("The festival showed it on the 9th.", False),
     ("She subscribes to no one's idea of a heroine, and it shows.", False)],
)
def test_round_two_chrome(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


def test_title_case_lines_are_not_unpunctuated_prose() -> None:
    from nlmg_tui.corpus.lines import is_title_case, is_unpunctuated_prose

    headline = "Two Stars Share First Looks From the Set of Their New Heist Sequel in the City"
    cut_off = "But the director goes further than that – she never shies away from the hard part of"
    assert is_title_case(headline) and not is_unpunctuated_prose(headline)
    assert not is_title_case(cut_off) and is_unpunctuated_prose(cut_off)


def test_lower_case_lines_between_paragraphs_stay_in_the_body() -> None:
    page = ("went to the pictures\n\n, it was good.\n\nthe lead is great, she carries it all.\n\n"
            "what would you keep\n\nwhat would you let go\n\n"
            "people say it is slow but i think they missed the point of it all.\n")
    texts = [p.text for p in clean_page(page, source="lower.txt").paragraphs]
    assert "what would you keep" in texts and "what would you let go" in texts
    assert texts[-1].startswith("people say")


def test_a_name_the_body_talks_about_is_not_a_sign_off() -> None:
    page = ("Ines Korr's new film is a patient study of a family that talks around the one thing it "
            "needs to say, and it is the best thing she has made.\n\nInes Korr\n\nFR 2011 98m\n")
    assert clean_page(page, source="credit.txt").critic is None
    signed = page.replace("Ines Korr's new film", "The new film").replace("she has made", "anyone made")
    assert clean_page(signed, source="signed.txt").critic == "Ines Korr"


@pytest.mark.parametrize(("line", "outlet"), [
    ("Filmsite.com Rating 4 Star Rating", "Filmsite.com"),
    ("Thanks for sharing Reelnotes.net with others!", "Reelnotes.net"),
    ("Visit Filmsite.com for more", None),
])
def test_a_site_named_by_its_address(line: str, outlet: str | None) -> None:
    assert outlet_line(line) == outlet


# Rounds 3 and 5: forms met on real pages of other films (each also a layout in
# tests/importer/layouts).
@pytest.mark.parametrize(
    ("line", "critic"),
    [
        ("Reviewed by Colin Doe (June 25, 2014)", "Colin Doe"),
        ("Review byJane Roe9/09/2010", "Jane Roe"),
        ("Discussion in 'Disc Reviews' started by jdoe_1, Jul 4, 2014.", "jdoe_1"),
        ("A quiet drama about a family holding its breath, writes Jane Doe.", "Jane Doe"),
        # Session 5: forms of issue 13's list and of fresh-4's pages (each new rule a layout too).
        ("July 30th, 2011 by Rosa Tremaine", "Rosa Tremaine"),
        ("Posted on March 3, 2012 by Rosa Tremaine", "Rosa Tremaine"),
        ("Wren Hollis // 14 April 2012", "Wren Hollis"),
        ("Staff Critic Wren Hollis", "Wren Hollis"),
        ("Film Review by Wren Hollis | 3 March 2011", "Wren Hollis"),
        ("Review byWren Hollis", "Wren Hollis"),
    ],
)
def test_bylines_met_on_real_pages(line: str, critic: str) -> None:
    found = parse_byline(line)
    assert found is not None and found.critic == critic


@pytest.mark.parametrize("line", ["The thread was started by jdoe, who liked it.",
                                  "He writes Jane Doe a letter every week, she says."])
def test_round_3_not_bylines(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.critic is None


def test_about_the_author_names_nobody() -> None:
    assert ABOUT_HEADING.match("About Author") is None
    assert ABOUT_HEADING.match("About the Author") is None
    assert ABOUT_HEADING.match("About Jane Doe")["name"] == "Jane Doe"


@pytest.mark.parametrize(
    ("headline", "critic"),
    [("Milo's Review of Harbour Lights", "Milo"), ("JaneD's Rating of Harbour Lights", "JaneD"),
     ("Today's Review of Harbour Lights", None), ("Harbour Lights Review", None)],
)
def test_critic_named_only_in_the_headline(headline: str, critic: str | None) -> None:
    assert critic_in_headline(headline) == critic


@pytest.mark.parametrize(
    ("text", "iso"),
    [("squib. 6.25/10", None), ("3.4/2011", None), ("9/09/2010", "2010-09-09"),
     ("Review byJane Roe9/09/2010", "2010-09-09")],
)
def test_numeric_dates_use_one_separator_and_day_equal_to_month_needs_no_clue(
        text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso if found else None) == iso


def test_a_date_with_day_equal_to_month_is_no_order_clue() -> None:
    assert page_day_first("9/9/2010 and 4/5/2011") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("★ ★ ☆ ☆ ☆", 0.4), ("★ ★ ★ ½ ☆", 0.7), ("Verdict: warm and wise. *** ½", 0.7),
     ("Review: Harbour Lights (12A)***", 0.6)],
)
def test_round_3_rating_forms(text: str, value: float) -> None:
    found = find_ratings(text)
    assert len(found) == 1 and found[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("3 out of 5 found this helpful. Was this review helpful? Sign in to vote.", True),
        ('• (L-R) Jane Doe as Ann and Tom Roe as Bob in "Harbour Lights."', True),
        ('Director Lin Marsh on the set of "The Last Lighthouse."', True),
        ('Jane Doe is wonderful as Ann Byrne in "Harbour Lights."', False),
        ("Recommended for you", True),
        ("Strongly recommended for anyone who likes slow, sad ghost stories.", False),
        ("Harbour Lights is available to rent and buy on most streaming services.", True),
        ("I bought it the day it was available on DVD, and I have watched it every winter since "
         "then with my family, who now know every line and sing along with the band at the end.",
         False),
        ("A keeper alone on a mountain finds that someone else lives on the peak. [filmdb]", True),
        ("He wrote that it was 'the best film of the year' [sic].", False),
        ("Film image", True),
    ],
)
def test_round_3_chrome(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("All Ratings out of", False),
        ("Northlight Home Video", False),
        ("Brightwater Releasing ; 98 minutes", False),
        ("2012 PG-13 98 Minutes", False),
        ("Production Year 2009", False),
        ("Drama | Mystery | Romance", False),
        ("Bread, Salt, Wine, Oil (2012)", True),
        ("King's Speech, The", True),
    ],
)
def test_round_3_headline_shapes(text: str, headline: bool) -> None:
    assert can_be_headline(text) is headline




@pytest.mark.parametrize(
    ("text", "value"),
    [("3½ Stars", 0.7), ("4 ½ STARS", 0.9), ("Harbour Lights (**)", 0.4), ("Grade: C", 0.5),
     ("Film: 4.5 Yaps Extras: 4 Yaps", 0.9), ("Movie: 8 Reels | Video: 7 Reels", 0.8)],
)
def test_session_5_rating_forms(text: str, value: float) -> None:
    found = find_ratings(text)
    assert len(found) == 1 and found[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Film: 2 Hours", "Running time: 2 Hours Extras: none"])
def test_session_5_a_lone_unit_is_no_rating(text: str) -> None:
    assert find_ratings(text) == []


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("See here for a talk with the director about the film.", True),
     ("Click here to read the full interview", True),
     ("You can see here the whole problem with the second act, which never settles.", False)],
)
def test_session_5_link_pointers(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome
