"""Round 9's rules (from fresh-10's misses; each with an own-words layout in
tests/importer/layouts too), with rows of prose and site labels they must not misread."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.body import collect_body
from nlmg_tui.corpus.body_end import truncated_tail
from nlmg_tui.corpus.byline import SITE_JOB_LINE, bio_names, parse_byline
from nlmg_tui.corpus.chrome import is_chrome, is_credit_line, is_credited_caption
from nlmg_tui.corpus.comments import find_thread
from nlmg_tui.corpus.credited_reviewer import (
    credited_review,
    label_owner,
    rating_label_owner,
    writer_of_more,
)
from nlmg_tui.corpus.dates import find_date, opening_dateline
from nlmg_tui.corpus.header import publication_date
from nlmg_tui.corpus.headline import headline as headline_of
from nlmg_tui.corpus.headline import is_spec_line
from nlmg_tui.corpus.lines import Line, assign_roles
from nlmg_tui.corpus.name_lines import owned_label
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.set_apart import set_apart_deck


@pytest.mark.parametrize(
    ("line", "owner"),
    [("Dora's Rating: 8/10 Lantern Valley takes its time", "Dora"),
     ("Moonraker's Review", "Moonraker"),
     ("Moonraker’s Review: I am no fan of sea films, but", "Moonraker"),
     ("fogwatcher's rating of the film The Salt Road", "fogwatcher"),
     ("Ann Lee Carrow's Verdict:", "Ann Lee Carrow"),
     # prose and site labels
     ("The Film's Rating: PG-13", None),
     ("Our Review: a quiet film", None),
     ("Reader's Review: loved it", None),
     ("Everyone's verdict: see it", None),
     ("Dora's review of the harbour scenes was kind, but the rest of us disagreed.", None),
     ("Karl Moen's review copy arrived late.", None),
     ("Dora's rating system is explained on the About page.", None)],
)
def test_a_label_owned_by_a_name(line: str, owner: str | None) -> None:
    assert label_owner(line) == owner


@pytest.mark.parametrize(
    ("line", "owner"),
    [("KB Rating: C+", "KB"),
     ("Dora Rating: 4/5", "Dora"),
     ("MPAA Rating: R", None),
     ("MPAA Rating: PG-13 for some violence", None),
     ("User Rating: 4/5", None),
     ("Overall Rating: B", None),
     ("Star Rating: 3/5", None),
     ("IMDb Rating: 7.1/10", None),
     ("Final Grade: B+", None),
     ("Tom: 3.5/4", "Tom"),
     ("Jo Banks: 8/10", "Jo Banks"),
     ("Verdict: B", None),
     ("Gore: 8/10", None),
     ("Overall: 4/5", None),
     ("Film: 4/5", None),
     ("Tom: 3.5/4 for the acting, less for the plot", None),
     ("Tom: the film runs 3.5 hours", None)],
)
def test_a_name_then_the_rating_label(line: str, owner: str | None) -> None:
    found = find_ratings(line)
    assert rating_label_owner(line, (found[0].start, found[0].end) if found else None) == owner


def test_a_name_in_a_card_of_scores_is_a_label() -> None:
    card = [Line(1, "Story: 7/10", "field"), Line(2, "Hank: 6/10", "field"), Line(3, "Tone: 8/10", "field")]
    assert owned_label(card) is None
    assert owned_label([Line(1, "Hank: 6/10", "field")]) == ("Hank", Line(1, "Hank: 6/10", "field"))


@pytest.mark.parametrize(
    ("line", "credit"),
    [("Petra Lund from Harbour Weekly gives her 4/5 star review of The Salt Road.",
      ("Petra Lund", "Harbour Weekly")),
     ("Jo Banks of Screen Notes delivers his review of Lantern Valley",
      ("Jo Banks", "Screen Notes")),
     ("Tomas Vik from Oslo gives his brother a lift in the second act.", None),
     ("The Critic from Harbour Weekly gives her 4/5 star review of The Salt Road.", None),
     ("Ida Berg of the harbour gives a review of her life in the last scene.", None)],
)
def test_a_sentence_crediting_the_review(line: str, credit: tuple[str, str] | None) -> None:
    assert credited_review(line) == credit
    found = parse_byline(line)
    if credit is not None:
        assert found is not None and (found.critic, found.outlet) == credit


@pytest.mark.parametrize(
    ("text", "rating"),
    [("3 Stars (out of 4)", 0.75),
     ("8  (out of 10)", 0.8),
     ("The Salt Road (2011) ★★★1/2 out of ★★★★", 0.875),
     ("*** out of ****", 0.75),
     ("★★★★ out of ★★★★★", 0.8),
     ("I saw it 3 times (out of 10 screenings)", None),
     ("Chapter 3 (out of 12)", None)],
)
def test_a_scale_in_brackets_or_as_a_row_of_stars(text: str, rating: float | None) -> None:
    found = find_ratings(text)
    assert [f.value for f in found] == ([] if rating is None else [pytest.approx(rating)])


@pytest.mark.parametrize(
    ("paragraph", "iso"),
    [("May 14, 2011 - Two brothers drive a lorry of salt.", "2011-05-14"),
     ('"LISBON, May 14, 2011 - Making a road film is hard.', "2011-05-14"),
     ("OSLO, 14 May 2011 -- The ferry leaves at dawn.", "2011-05-14"),
     ("On May 14, 2011 - the day it opened - nobody came.", None),
     ("The film opened on May 14, 2011 - and closed a week later.", None),
     ("May 14, 2011 was the day the ferry sank.", None)],
)
def test_a_dateline_opening_the_first_paragraph(paragraph: str, iso: str | None) -> None:
    found = opening_dateline(paragraph)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [("Ida Berg works at Harbour Books Leith.", "Ida Berg"),
     ("Ida Berg works for The Harbour Weekly", "Ida Berg"),
     ("Tomas Vik works at the docks until the strike, and the film follows him home.", None),
     ("Ida Berg works at Harbour Books, where she meets the keeper's son and falls for him.",
      None)],
)
def test_a_bio_saying_where_the_writer_works(paragraph: str, name: str | None) -> None:
    assert bio_names(paragraph) == name


_ASPECTS = ["Moonraker's Review", "", "  1. Overall", "  2. Superb 5.0", "",
            "    A lighthouse keeper's daughter rows out each night to a rock nobody sees.", "",
            "  3. Good 4.0", "", "    The supporting cast is uneven and the harbourmaster drags.", ""]
_THREAD = ["A long review of the film sits here with more than eight words in it.", "",
           "  1. Dora", "", "    I agree with every word of this, the ending got me too.", "",
           "  2. fogwatcher2", "", "    Not me, I found it slow.", ""]


def test_scored_aspects_are_not_a_comment_thread() -> None:
    assert find_thread(_ASPECTS) is None


def test_a_numbered_thread_is_still_a_thread() -> None:
    assert find_thread(_THREAD) is not None


def test_a_page_read_wholly_as_a_thread_keeps_its_text() -> None:
    """Numbered entries with the text indented under them and no prose above: the page's text
    is its review, never refused as holding none."""
    from nlmg_tui.importer.pipeline import extract

    page = ("Lantern Valley\n\n  1. Dora\n\n"
            "    A retired keeper and his son repaint a lighthouse over one long summer, and the "
            "film is content to watch them work.\n\n  2. Ed Vale\n\n"
            "    Nothing much happens, and that is the point; the last shot lands harder than any "
            "speech could.\n")
    review = extract(page.encode(), "numbered.txt").review
    assert [p.text[:20] for p in review.paragraphs] == ["A retired keeper and", "Nothing much happens"]


@pytest.mark.parametrize(
    ("line", "stamp"),
    [("Created Mar 2, 2012 11:40PM GMT • Edited Apr 9, 2013 08:05AM GMT", True),
     ("Posted Mar 2, 2012 at 11:40 pm, last updated 9:05 am", True),
     ("Screenings: 11:40 am, 2:15 pm and 8:05 pm", False),
     ("Fri 7:30pm, Sat 2pm and 7:30pm", False)],
)
def test_a_posting_stamp_with_times_is_no_screening_list(line: str, stamp: bool) -> None:
    assert is_chrome(line) is not stamp


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Created Mar 2, 2012 11:40PM GMT • Edited Apr 9, 2013 08:05AM GMT", "2012-03-02"),
     ("Posted: March 2, 2012 | Updated: April 9, 2013", "2012-03-02"),
     ("Updated April 9, 2013", None),
     ("Edited Apr 9, 2013", None)],
)
def test_a_stamp_line_is_dated_by_its_post_not_its_edit(line: str, iso: str | None) -> None:
    found = publication_date([Line(1, line, "heading")], "", None, None)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize(
    ("line", "job"),
    [("The Harbour Reel Critic", True),
     ("Screen Notes Contributor", True),
     ("Harbour Weekly Film Critic", True),
     ("Critic", False),
     ("The critic was wrong", False),
     ("Everyone is a critic", False),
     ("The Harbour Reel Critic reviews every Friday", False)],
)
def test_a_job_line_after_its_sites_name(line: str, job: bool) -> None:
    assert bool(SITE_JOB_LINE.match(line)) is job


@pytest.mark.parametrize(
    ("line", "credit"),
    [("2011. 91 min. 16V.", True),
     ("2011; 91 mins; Norway", True),
     ("In 2011. 91 min of my life went by.", False),
     ("It came out in 2011. It runs 91 minutes and every one of them drags on and on.", False),
     ("2011. A year I will remember.", False)],
)
def test_a_year_alone_among_spec_fragments(line: str, credit: bool) -> None:
    assert is_credit_line(line) is credit


_REVIEW = ("Two brothers drive a lorry of salt across a frozen plain to pay off their late "
           "father's debts, and the film lets the silence between them speak.")


@pytest.mark.parametrize(
    ("opening", "skipped"),
    [(["Watch it twice: No.", "Buy the disc: Only on sale."], 2),
     (["See it again: Yes.", "Own it: No.", "Recommend it to: anyone who liked the trailer."], 3),
     # one line is a note, not a box; dialogue and long labelled paragraphs are the review's
     (["Warning: there are spoilers below."], 0),
     (['Ida: "Go home."', 'Tomas: "I am home."'], 0),
     (["Short version: it is slow, it is sad, and it is one of the best films I have seen in "
       "years.", "Long version: read on, because there is a lot to say about the ending."], 0)],
)
def test_a_box_of_answers_opening_the_body(opening: list[str], skipped: int) -> None:
    texts = [*opening, _REVIEW, _REVIEW.replace("salt", "ice"), _REVIEW.replace("salt", "fish")]
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assign_roles(lines)
    assert set_apart_deck(lines, 0, set()) == skipped


@pytest.mark.parametrize(
    ("line", "spec"),
    [("Northlight Home Video || 15 || March 5, 2012", True),
     ("Northlight | PG-13 | March 5, 2012", True),
     ("Reviewer: Petra Lund || Posted On: 2011-05-14", False),
     ("Reviews | Drama | March 5, 2012", False),
     ("Petra Lund | Harbour Weekly | March 5, 2012", False)],
)
def test_a_release_line_holds_a_certificate(line: str, spec: bool) -> None:
    assert is_spec_line(line) is spec


@pytest.mark.parametrize(
    ("text", "value"),
    [("I am giving it 3.8 stars.", 0.76),
     ("a 4.4-star film", 0.88),
     ("5.9 stars", None),
     ("version 2.1 starship", None),
     ("rated 12.5 stars by readers", None)],
)
def test_decimal_stars(text: str, value: float | None) -> None:
    assert [f.value for f in find_ratings(text)] == ([] if value is None else [pytest.approx(value)])


@pytest.mark.parametrize(
    ("tail", "kept"),
    [("Fox has given this", True),
     ("The disc has a commentary by the", True),
     ("More From The Archive", False),
     ("Share This With Your Friends", False),
     ("Posted in Reviews", False),
     ("Tags: drama, road", False)],
)
def test_a_short_tail_cut_mid_sentence(tail: str, kept: bool) -> None:
    texts = ["The Salt Road", _REVIEW, _REVIEW.replace("salt", "ice"), tail]
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assign_roles(lines)
    assert (truncated_tail(lines, 1, 3) is not None) is kept


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("Read my original The Salt Road movie review here.", True),
     ("See the full review here!", True),
     ("Check out my other reviews here.", True),
     ("Read my review of The Salt Road and you will see why I stayed here.", False),
     ("Read the book first. The review is here.", False),
     ("Read the subtitles, they matter here.", False)],
)
def test_a_pointer_to_another_piece(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("note", "kept"),
    [("• The camera is handheld all the way, this is realism", True),
     ("• More Reviews From The Archive", False),
     ("• Related posts", False),
     ("• Drama", False)],
)
def test_a_bulleted_note_in_a_bulleted_body(note: str, kept: bool) -> None:
    texts = ["• " + _REVIEW, _REVIEW.replace("salt", "ice"), note, "• " + _REVIEW.replace("salt", "fish")]
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assign_roles(lines)
    paragraphs = [p.text for p in collect_body(lines, 0, None).paragraphs]
    assert (note in paragraphs) is kept


def test_a_bulleted_line_in_a_body_without_bullets_stays_a_heading() -> None:
    texts = [_REVIEW, "• The camera is handheld all the way, this is realism", _REVIEW.replace("salt", "ice")]
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assign_roles(lines)
    assert len(collect_body(lines, 0, None).paragraphs) == 2


@pytest.mark.parametrize(
    ("texts", "iso"),
    [(["Directed by: Karl Moen", "Running Time: 91", "Date: 09/22/2011"], None),
     (["Date: 09/22/2011", "Directed by: Karl Moen"], None),
     (["By Petra Lund", "Date: 09/22/2011"], "2011-09-22"),
     (["Date: September 22, 2011", "Harbour Weekly"], "2011-09-22")],
)
def test_a_date_field_among_the_films_credits(texts: list[str], iso: str | None) -> None:
    lines = [Line(i + 1, text, "field") for i, text in enumerate(texts)]
    found = publication_date(lines, "", None, None)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize(
    ("line", "caption"),
    [("Northlight PicturesIda Berg crosses the plain in \"The Salt Road.\"", True),
     ("AP PhotoIda Berg at the premiere.", True),
     ("Harbour Films presents a new print of The Salt Road.", False),
     ("PicturesQue is the name of the studio's new label.", False),
     ("The McDonald Pictures story is told in full.", False)],
)
def test_a_caption_run_into_its_credit(line: str, caption: bool) -> None:
    assert is_credited_caption(line) is caption


@pytest.mark.parametrize(
    ("texts", "headline"),
    [(["Film Review: The Salt Road crosses a frozen plain",
       "Two brothers and a debt in a quiet drama from the north"], 0),
     # a section name naming reviews, or a deck in title case, does not pass the nearest heading
     (["Editorial Review", "A universal story that is hard not to like"], 1),
     (["Film Review: The Salt Road crosses a frozen plain", "Salt, Silence And A Long Road"], 1)],
)
def test_a_review_title_over_its_deck(texts: list[str], headline: int) -> None:
    lines = [Line(i + 1, text, "heading") for i, text in enumerate(texts)]
    byline = Line(len(texts) + 1, "By Petra Lund", "byline")
    chosen = headline_of(lines + [byline], lines + [byline], byline)
    assert chosen is lines[headline]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Monday, May 14 th, 2012 at 09:30 am", "2012-05-14"),
     ("May 14th, 2012", "2012-05-14"),
     ("14 May 12", "2012-05-14"),
     ("Posted 14 Mar 12 by Jo", "2012-03-14"),
     ("the 3 rd act drags", None),
     ("12 May 99 problems", None),  # outside the film's window
     ("at 14:05 May 12 10", None)],
)
def test_ordinals_set_apart_and_short_years(text: str, iso: str | None) -> None:
    found = find_date(text, years=(2010, 2031))
    assert (found.iso if found else None) == iso


def test_a_festival_kicker_naming_reviews_does_not_pass_the_headline() -> None:
    kicker = Line(1, "Reviews from the Harbour Film Festival 2012", "heading")
    title = Line(2, "A quiet triumph of a road movie about two brothers", "heading")
    byline = Line(3, "By Petra Lund", "byline")
    assert headline_of([kicker, title, byline], [kicker, title, byline], byline) is title


def test_the_childrens_review_names_no_one() -> None:
    assert label_owner("Children's Review: a fun ride") is None


@pytest.mark.parametrize(
    ("above", "deck"),
    [("In brief:", False),
     ("Synopsis:", False),
     ("The Salt Road", True),
     ("Here is what the whole film is about, in one line:", True)],
)
def test_a_short_paragraph_under_its_own_label_is_no_deck(above: str, deck: bool) -> None:
    texts = [above, "Two brothers haul a lorry of salt across a frozen plain.", "Director: Karl Moen",
             _REVIEW, _REVIEW.replace("salt", "ice"), _REVIEW.replace("salt", "fish")]
    lines = [Line(i + 1, text) for i, text in enumerate(texts)]
    assign_roles(lines)
    assert (set_apart_deck(lines, 1, set()) != 1) is deck


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("The Salt Road is released 14 May by Northlight Pictures", True),
     ("The Salt Road is released May 14 by Northlight.", True),
     ("The Salt Road is out now on DVD and Blu-ray.", True),
     ("The Salt Road is in cinemas from Friday.", True),
     ("The film is released from its grip only in the last reel, by which time it is too late.", False),
     ("Their father is released on parole in the second act, by the way.", False),
     ("The brothers are out on the ice for most of the film.", False)],
)
def test_a_release_note(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("line", "writer"),
    [("Get more reviews and interviews from Petra Lund on The Long Take.", "Petra Lund"),
     ("More reviews by Petra Lund", "Petra Lund"),
     ("See all reviews by Petra Lund »", "Petra Lund"),
     ("More stories from The Harbour Weekly", None),
     ("More reviews from Toronto International", None),
     ("Other films from Karl Moen include Frost Line.", None),
     ("More articles by Staff Writer", None),
     ("More reviews from Petra Lund, who has written about film for thirty years and still "
      "loves the long takes of the north best of all.", None)],
)
def test_a_pointer_to_the_writers_other_work(line: str, writer: str | None) -> None:
    assert writer_of_more(line) == writer
