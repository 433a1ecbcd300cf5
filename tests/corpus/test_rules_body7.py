"""Round 7 body rules: site notes written as sentences, form openers (own-words tables)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.chrome import is_chrome, is_credit_line, starts_comment_form

SITE_NOTES = [
    "Are you sure you want to delete this comment?",
    "To return to the parents' guide, click on your browser's Back button.",
    "Otherwise, use the following link to read the full guide to this film.",
    "Select a star to rate.",
    "Your donation helps keep this newsroom free for everyone.",
    "***DISCLAIMER*** What follows is my opinion only. Be kind in the comments.",
    "Disclaimer: the studio sent me a screener of this film.",
    "Like this: Like Loading...", "Be the first to like this.",
    "This entry was posted in Dramas and tagged sisters. Bookmark the permalink.",
    "Enter your comment here...", "Please like and share!",
    "If you enjoyed this review, share it with a friend.",
]
FILM_SENTENCES = [
    "Are you sure this is the same director who made such a gentle first film?",
    "She clicks with every actor she shares a scene with, even the dog.",
    "The plot hinges on a missing link between the two murders.",
    "Select scenes play in slow motion, which only dulls them.",
    "His donation to the church sets the whole plot in motion.",
    "Full disclosure: I am a sucker for boxing films.",
    "I would like to share the ending with you, but I won't.",
    "She likes and shares everything her sister posts, which is the film's best joke.",
]


@pytest.mark.parametrize("text", SITE_NOTES)
def test_the_site_talking_to_its_reader_is_chrome(text: str) -> None:
    assert is_chrome(text)


@pytest.mark.parametrize("text", FILM_SENTENCES)
def test_sentences_about_the_film_are_not_chrome(text: str) -> None:
    assert not is_chrome(text)


@pytest.mark.parametrize("text", [
    'No Replies to "The Glass Orchard (4/5)"', "12 Responses to Glass Orchard", "Add a review",
    'One thought on "Review: Glass Orchard"', "1 Comment on Glass Orchard",
    "Got something to say?", "Leave your opinion for the editor, we read them all!",
])
def test_form_openers(text: str) -> None:
    assert starts_comment_form(text)


@pytest.mark.parametrize("text", [
    "No replies came from the studio when I asked.", "Leave your expectations at the door.",
    "One thought on the ending: it plays the grief far too safe, and the film knows it, which is "
    "why the last shot lingers.",
])
def test_sentences_that_only_look_like_form_openers(text: str) -> None:
    assert not starts_comment_form(text)


@pytest.mark.parametrize("text", [
    "Written by A. Writer, from a novel by B. Novelist; directed by C. Director; produced by D. Producer",
    "The Salt Road | Directed by Jo Maker (France 2011), with Ann Lead and Bo Second. Opens May 4.",
    "THE SALT ROAD (Northfilm, 2011) D: Jo Maker, w/ Ann Lead, Bo Second.",
    "THE SALT ROAD (Northfilm, 2011) D: Jo Maker, w/.",
    "EXTRAS Two short docs. Widescreen. French audio, English subtitles.",
])
def test_credits_and_disc_specs_are_credit_lines(text: str) -> None:
    assert is_credit_line(text)


@pytest.mark.parametrize("text", [
    "The extras are rounded out by a making-of featurette and some deleted scenes from the shoot.",
    "The Salt Road (2011), directed by Jo Maker, is the best film about salt I have seen.",
    "It was written by a novelist; directed by anyone else it would have been a disaster.",
    "I saw it (Friday, 2011) w/ my sister. D: for effort.",
])
def test_sentences_about_credits_or_extras_are_not(text: str) -> None:
    assert not is_credit_line(text)


@pytest.mark.parametrize("text", [
    "Photo: Northfilm Pictures Ltd.", "Photographs: Ann Lens/Northfilm", "Image via northfilm.example",
    "Stills courtesy of Northfilm.",
])
def test_picture_credits_are_chrome(text: str) -> None:
    assert is_chrome(text)


_REVIEW = ("Harbour Lights\n\n"
           "The ferry captain's last week on the job is shot with real patience and care.\n\n"
           "The cook who never stops talking gets the biggest laughs of the whole film.\n\n")


@pytest.mark.parametrize(("closing", "kept"), [
    ("Have you seen Harbour Lights? Do you want to?", False),
    ("What did you think of it? Tell me below?", False),
    ("Is it the best ferry film of the year? Probably not, but you will enjoy it.", True),
    ("Why did nobody cut the middle hour?", True),
])
def test_a_closing_prompt_to_the_reader_is_not_body(closing: str, kept: bool) -> None:
    from nlmg_tui.corpus.clean import clean_page

    review = clean_page(_REVIEW + closing + "\n", "prompt.txt")
    assert (review.paragraphs[-1].text == closing) is kept


def test_a_sentence_broken_over_two_lines_is_joined_not_lost() -> None:
    from nlmg_tui.corpus.clean import clean_page

    page = ("Harbour Lights\n\nI saw it on Sunday with two friends who had both read the book first.\n"
            "Everyone I know has been raving about the ending\n"
            "and I can't say I feel the same way about it at all, sadly.\n"
            "Still, the cook who never stops talking is worth the ticket.\n")
    texts = [p.text for p in clean_page(page, "broken.txt").paragraphs]
    assert any(text.startswith("Everyone I know has been raving about the ending and I can't say")
               for text in texts)


@pytest.mark.parametrize("page", [
    "Harbour Lights\n\nWhat I liked\nthe cook, the deckhand and the long final crossing at night.\n",
    "Harbour Lights\n\nThe ending\n\nand the long final crossing at night stay with you for days.\n",
])
def test_no_join_across_a_blank_line_or_from_a_short_heading(page: str) -> None:
    from nlmg_tui.corpus.lines import Line
    from nlmg_tui.corpus.wrapping import unwrap

    lines = [Line(i + 1, text) for i, text in enumerate(page.splitlines())]
    before = [line.text for line in lines]
    unwrap(lines)
    assert [line.text for line in lines] == before


def test_a_dash_under_a_quotation_in_the_body_does_not_end_it() -> None:
    from nlmg_tui.corpus.clean import clean_page

    page = ("Harbour Lights\n\n"
            "The ferry captain's last week on the job is shot with real patience and great care.\n\n"
            "\"Every crossing is the last one, if you are paying attention to the water.\"\n\n"
            "- Anna Quill\n\n"
            "The film quotes that old poem twice, and it earns the second time completely.\n")
    texts = [p.text for p in clean_page(page, "quote.txt").paragraphs]
    assert texts[-1].startswith("The film quotes that old poem twice")


@pytest.mark.parametrize(("closing", "kept"), [
    ("Highly recommended.", True), ("Thanks for reading!", False), ("See you soon!", False),
])
def test_a_closing_short_line(closing: str, kept: bool) -> None:
    from nlmg_tui.corpus.clean import clean_page

    page = ("Harbour Lights\n\n"
            "The ferry captain's last week on the job is shot with real patience and great care.\n\n"
            "The cook who never stops talking gets the biggest laughs of the whole film.\n\n"
            f"{closing}\n\nShare this:\n")
    texts = [p.text for p in clean_page(page, "closing.txt").paragraphs]
    assert (texts[-1] == closing) is kept
