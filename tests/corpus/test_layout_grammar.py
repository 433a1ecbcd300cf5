"""Pages composed by the layout grammar (``layout_grammar``), run through the cleaner: the body
starts and ends where the grammar put it, keeps every body paragraph and holds no chrome.

A fixed, seeded sample (the same pages on every run); a failure names its cause (which block
was lost, or which chrome block was kept) and the page's recipe.
"""

from __future__ import annotations

import random

import pytest
from tests.corpus.layout_grammar import FILMS, NEGATIVES, Page, compose, sample

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.text import fold, normalize_line

PAGES = 300
SEEDS = (7, 11)


def _key(text: str) -> str:
    return fold(normalize_line(text))


def failures(page: Page) -> list[str]:
    """The page's failures by cause: "start: ...", "end: ...", "lost: <body variant>",
    "chrome: <block>"; empty when the cleaner read the page right."""
    review = clean_page(page.text, source="grammar.txt")
    got = [_key(paragraph.text) for paragraph in review.paragraphs]
    want = [_key(text) for text in page.body]
    optional = {_key(text) for text in page.optional}
    kinds = {_key(line): kind for line, kind in page.kinds.items()}
    found = []
    lead = 0  # an optional line may open the body (a sentence over a rating box)
    while lead < len(got) - 1 and got[lead] in optional:
        lead += 1
    if not got or got[lead] != want[0]:
        found.append(f"start: {kinds.get(got[lead], got[lead][:40]) if got else 'no body'}")
    if not got or got[-1] != want[-1]:
        found.append(f"end: {kinds.get(got[-1], got[-1][:40]) if got else 'no body'}")
    found += [f"lost: {kinds.get(text, '?')}: {text[:40]}" for text in want if text not in got]
    found += [f"chrome: {kinds.get(text, '?')}: {text[:40]}" for text in got
              if text not in want and text not in optional]
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_every_composed_page_is_read_right(seed: int) -> None:
    wrong = {index: failures(page) for index, page in enumerate(sample(PAGES, seed))}
    wrong = {index: found for index, found in wrong.items() if found}
    assert not wrong, "\n".join(f"page {index}: {found}" for index, found in list(wrong.items())[:10])


def test_the_grammar_composes_every_block_and_variant() -> None:
    """The sample covers every block of the header and the trailer and every body variant."""
    used = {part.split("@")[0] for seed in SEEDS for page in sample(PAGES, seed) for part in page.recipe}
    blocks = {"head:title", "head:headline", "head:deck", "head:byline", "head:caption",
              "head:spec", "head:rating", "tail:rating", "tail:sign_off", "tail:tags",
              "tail:share", "tail:related", "tail:bio", "tail:comments", "tail:newsletter",
              "tail:footer", "tail:spec", "top:masthead", "top:nav_line", "top:nav_lines",
              "top:breadcrumbs", "top:search", "top:login", "top:tagline", "top:skip",
              "top:cookies", "top:advert", "top:social", "head:kicker", "head:meta",
              "tail:post_nav", "tail:shop", "tail:pager"}
    variants = {"body:one_line", "body:question", "body:quoted", "body:subheading", "body:list",
                "body:negative", "body:no_stop", "body:closing", "body:mid_chrome"}
    assert blocks | variants <= used


def test_the_grammar_is_seeded() -> None:
    assert [page.text for page in sample(5, 3)] == [page.text for page in sample(5, 3)]
    assert compose(random.Random(1)).text != compose(random.Random(2)).text


def test_the_checker_catches_a_lost_paragraph_and_kept_chrome() -> None:
    """The check can fail: a page whose body the cleaner cannot see is reported as lost."""
    page = sample(1, 5)[0]
    lost = Page(text=page.text, body=[*page.body, "A paragraph that is not on the page at all."],
                optional=page.optional, recipe=page.recipe, kinds=page.kinds)
    assert any(cause.startswith("lost:") for cause in failures(lost))
    chrome = Page(text=page.text, body=page.body[:-1], optional=page.optional, recipe=page.recipe,
                  kinds=page.kinds)
    assert any(cause.startswith(("chrome:", "end:")) for cause in failures(chrome))


@pytest.mark.parametrize("negative", NEGATIVES)
def test_a_body_sentence_that_looks_like_chrome_stays(negative: str) -> None:
    """Each look-alike in the middle of a plain page is kept."""
    film = FILMS[0][0]
    body = [f"{film} is a slow and careful film about a family that cannot talk to itself, and "
            "it knows exactly what it is doing from the first scene.",
            negative,
            "The ending will divide people, but it is earned, and it stays with you for days."]
    page = Page(text=f"{film}\n\n" + "\n\n".join(body) + "\n\nShare this:\n\nFacebook\n", body=body)
    assert failures(page) == []


BODY = ["Harbour Lights is a slow and careful film about a family that cannot talk to itself, and "
        "it knows exactly what it is doing from the first scene.",
        "The ending will divide people, but it is earned, and it stays with you for days."]


def test_a_comment_count_in_the_header_does_not_swallow_the_review() -> None:
    page = ("Harbour Lights\n\nBy Jane Doe\n3 Comments\n\n" + "\n\n".join(BODY)
            + "\n\n2 thoughts on “Harbour Lights”\n1. Tom Reed says:\n    I liked the boats a lot, "
            "more than the people.\n2. mara_k says:\n    Seeing it on Saturday because of this.\n")
    review = clean_page(page, "count.txt")
    assert [p.text for p in review.paragraphs] == BODY
    assert [c.author for c in review.comments] == ["Tom Reed", "mara_k"]


def test_a_discussion_widget_under_the_review_is_its_comments() -> None:
    page = ("Harbour Lights\n\n" + "\n\n".join(BODY) + "\n\n12 Comments\nSort by Best\n"
            "Tom Reed · 2 years ago\nThe cello score is the best thing in it, I have had it on repeat.\n"
            "Reply\nmara_k · 3 days ago\nToo slow for me, but the ending got me.\nReply\n")
    review = clean_page(page, "widget.txt")
    assert [p.text for p in review.paragraphs] == BODY
    assert [(c.author, c.text) for c in review.comments] == [
        ("Tom Reed", "The cello score is the best thing in it, I have had it on repeat."),
        ("mara_k", "Too slow for me, but the ending got me.")]


def test_a_newsletter_pitch_under_the_share_bar_is_not_the_review() -> None:
    page = ("Harbour Lights\n\n" + "\n\n".join(BODY) + "\n\nShare this:\nFacebook\nTwitter\n\n"
            "Want more reviews like this?\nJoin 4,000 readers who get our picks every week.\n")
    assert [p.text for p in clean_page(page, "pitch.txt").paragraphs] == BODY


def test_a_paragraph_under_a_picture_that_starts_like_a_pitch_stays() -> None:
    joined = "Join the two sisters on that ferry and you will not forget the crossing for a long time."
    page = ("Harbour Lights\n\n" + BODY[0] + "\n\nIda Berg on the ferry.\nPhoto: Northlight Pictures\n\n"
            + joined + "\n\n" + BODY[1] + "\n")
    assert [p.text for p in clean_page(page, "pitch.txt").paragraphs] == [BODY[0], joined, BODY[1]]
