"""HTML pages through trafilatura and the cleaner: main text, fields, outlet, headline, comments.

Every page here is written for the test, in the shape of a layout, about invented films.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.html_body import lone_repeats
from nlmg_tui.importer.html_text import plausible_headline, read_html
from nlmg_tui.importer.pipeline import extract

BODY = [
    "The Lantern Road opens on a long shot of a bus crossing salt flats, and for twenty minutes "
    "nothing much happens, which is exactly the point.",
    "Director Ines Carrow lets the silence do the work, and her cast of three never once reaches "
    "for a speech when a look will do.",
    "Things to watch for",
    "The lighthouse sequence",
    "The final bus ride",
    "By the end I was more moved than I expected to be by a film about waiting for a bus.",
]


def _page(head: str = "", article_extra: str = "", after: str = "") -> bytes:
    paragraphs = "".join(
        f"<h2>{text}</h2>" if text == BODY[2] else
        f"<ul><li>{text}</li></ul>" if text in BODY[3:5] else f"<p>{text}</p>" for text in BODY)
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/films'>Films</a> <a>Podcasts</a></nav></header>"
            f"<article><h1>Waiting, beautifully</h1><p class='byline'>By Tomas Reyne</p>"
            f"{paragraphs}{article_extra}</article>{after}"
            "<footer><p>Contact the editors</p><p>© 2011 The Evening Lamp</p></footer></body></html>")
    return html.encode()


def test_main_text_keeps_subheadings_and_list_items_the_cleaner_would_drop() -> None:
    review = extract(_page("<title>Waiting, beautifully — The Evening Lamp</title>"), "p.html").review
    # list items keep trafilatura's "- " marker, so a list still reads as one
    assert [p.text for p in review.paragraphs] == [
        f"- {text}" if text in BODY[3:5] else text for text in BODY]
    assert [p.id for p in review.paragraphs] == [f"p{n}" for n in range(1, len(BODY) + 1)]
    assert review.headline == "Waiting, beautifully"
    assert review.critic == "Tomas Reyne"
    assert review.outlet == "The Evening Lamp"  # from the title's "— Site" suffix
    body = " ".join(p.text for p in review.paragraphs)
    assert "Podcasts" not in body and "Contact the editors" not in body


def test_site_name_and_json_ld_rating_come_from_the_markup() -> None:
    head = ("<meta property='og:site_name' content='Reel Notes'>"
            "<script type='application/ld+json'>{\"@type\": \"Review\", \"author\": "
            "{\"name\": \"Tomas Reyne\"}, \"datePublished\": \"2011-03-04\", \"reviewRating\": "
            "{\"ratingValue\": 4, \"bestRating\": 5}}</script>")
    review = extract(_page(head), "p.html").review
    assert review.outlet == "Reel Notes"
    assert review.rating is not None and review.rating.value == pytest.approx(0.8)
    assert review.published == "2011-03-04"


def test_comment_threads_in_ordered_lists_stay_a_thread() -> None:
    thread = ("<h3>2 Comments</h3><ol class='commentlist'>"
              "<li><cite>Marta</cite><p>I saw it twice and the bus ride still got me.</p></li>"
              "<li><cite>Olu</cite><p>Too slow for me, but the lighthouse scene is great.</p></li></ol>")
    review = extract(_page(after=thread), "p.html").review
    assert [(c.author, c.text) for c in review.comments] == [
        ("Marta", "I saw it twice and the bus ride still got me."),
        ("Olu", "Too slow for me, but the lighthouse scene is great.")]
    assert not any("bus ride still" in p.text for p in review.paragraphs)


@pytest.mark.parametrize(("line", "plausible"), [
    ("Waiting, beautifully", True),
    ("The Lantern Road review: a slow, lovely film", True),
    ("March 4, 2011", False),
    ("By Tomas Reyne", False),
    ("Home | Films | Reviews | Contact | Subscribe", False),
    ("Runtime: 104 min", False),
    ("PG-13 | 1h 44m", False),
])
def test_a_headline_is_never_a_date_byline_menu_or_spec_line(line: str, plausible: bool) -> None:
    assert plausible_headline(line) is plausible


def test_a_tiny_page_trafilatura_cannot_read_falls_back_to_the_page_blocks() -> None:
    page = read_html("<html><body><p>Short but sweet, a review in one sentence of a film.</p>"
                     "</body></html>")
    assert "Short but sweet" in page.text


def test_starting_the_app_does_not_import_trafilatura() -> None:
    code = ("import sys; import nlmg_tui.tui.app; import nlmg_tui.importer.store; "
            "import nlmg_tui.cli; "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'ftfy', 'charset_normalizer') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<nav>", "<li>",
                         "<ol class='comments'>", "</ol>", "<script>", "</script>", "<h1>",
                         "<meta charset='koi8-r'>", "<!--", "-->", "<br>", "&amp;", "&#0;"])
_WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(_TAGS, _WORDS), max_size=40))
def test_any_html_gives_a_review_or_a_reason(parts: list[str]) -> None:
    page = "<html><body>" + "".join(parts) + " A sentence long enough to be a review here.</body>"
    try:
        result = extract(page.encode("utf-8", "surrogatepass"), "random.html")
    except NotTextError as error:
        assert str(error)
    else:
        for paragraph in result.review.paragraphs:
            assert "\x1b" not in paragraph.text and "\x00" not in paragraph.text


@pytest.mark.parametrize(
    ("author", "name"),
    [
        ("Marta Villanueva; March 9", "Marta Villanueva"),  # trafilatura on "By X | March 9, 2012"
        ("Jane Doe", "Jane Doe"),
        ("Marta", "Marta"),
        ("Jane Doe; John Roe", "Jane Doe; John Roe"),
        ("2012-03-09", None),
        (None, None),
    ],
)
def test_author_keeps_the_names_not_the_date_run_into_it(author, name) -> None:
    from nlmg_tui.importer.html_text import author_name

    assert author_name(author) == name


def test_a_comment_whose_author_has_a_block_of_its_own_stays_a_thread() -> None:
    # The usual WordPress shape: each <li> holds an <article> whose author and time sit in
    # blocks of their own above the comment's text, so the entry opens with a bare number.
    def entry(name: str, text: str) -> str:
        return ("<li class='comment'><article class='comment-body'><footer class='comment-meta'>"
                f"<div class='comment-author vcard'><b class='fn'>{name}</b></div>"
                "<div class='comment-metadata'><time>March 5, 2011 at 9:12 am</time></div></footer>"
                f"<div class='comment-content'><p>{text}</p></div></article></li>")
    thread = ("<div id='comments'><h2>2 thoughts on Waiting, beautifully</h2><ol class='comment-list'>"
              + entry("Marta Quill", "I saw it twice and the bus ride still got me both times.")
              + entry("Olu", "Too slow for me, but the lighthouse scene is worth the ticket.")
              + "</ol></div>")
    review = extract(_page(after=thread), "p.html").review
    assert [c.author for c in review.comments] == ["Marta Quill", "Olu"]
    assert review.comments[0].text.endswith("the bus ride still got me both times.")
    assert not any("bus ride still" in p.text or "worth the ticket" in p.text
                   for p in review.paragraphs)
    assert [p.text for p in review.paragraphs][-1] == BODY[-1]


def test_a_question_put_to_each_critic_stays_each_time() -> None:
    # A round-table review: the same question heads every critic's answer.
    question = "What stayed with you after the credits?"
    answers = ["The sound of the bus engine idling in the dark, long after the picture faded out.",
               "The way the two sisters stop talking whenever the lighthouse comes into view."]
    article = "".join(f"<h3>{question}</h3><p>{answer}</p>" for answer in answers)
    review = extract(_page(article_extra=article), "p.html").review
    texts = [p.text for p in review.paragraphs]
    assert texts[-4:] == [question, answers[0], question, answers[1]]


def test_a_block_shown_twice_is_kept_once() -> None:
    # Two paragraphs repeated in a row (a mobile copy of the article's end) are not new text.
    article = f"<p>{BODY[0]}</p><p>{BODY[1]}</p>"
    review = extract(_page(article_extra=article), "p.html").review
    texts = [p.text for p in review.paragraphs]
    assert texts.count(BODY[0]) == 1 and texts.count(BODY[1]) == 1


@pytest.mark.parametrize(("keys", "lone"), [
    (["a", "q", "b", "q", "c"], {3}),           # a repeated question between new answers
    (["a", "b", "c", "b", "c"], set()),         # a run of repeats: text shown twice
    (["q", "a", "q", "b", "q"], {2, 4}),        # every later copy, up to the last line
    (["a", "a"], {1}),
    ([], set()),
])
def test_lone_repeats(keys: list[str], lone: set[int]) -> None:
    assert lone_repeats(keys) == lone
