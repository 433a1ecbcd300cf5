"""Where hits land in the reader, and the order ``n``/``N`` visit them in (pure functions)."""

from __future__ import annotations

import pytest

from nlmg_tui.search import SearchIndex, documents_from_corpus
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan
from nlmg_tui.tui.widgets.search_trail import (
    HitPlace,
    hit_places,
    hit_spans,
    reading_order,
    step_place,
)

from .conftest import QUOTE, build_corpus

ORDER = ("002_gamma", "000_alpha", "001_beta")
PLACES = [HitPlace("000_alpha", 1, "p2", ()), HitPlace("000_alpha", 3, "p4", ()),
          HitPlace("001_beta", 1, "p2", ()), HitPlace("002_gamma", 1, "p2", ())]


@pytest.mark.parametrize(
    ("review_id", "index", "step", "expected", "wrapped"),
    [
        ("000_alpha", 0, +1, ("000_alpha", 1), False),  # later in the same review
        ("000_alpha", 1, +1, ("000_alpha", 3), False),  # on a hit: the next one
        ("000_alpha", 3, +1, ("001_beta", 1), False),  # the next review with hits
        ("001_beta", 2, +1, ("002_gamma", 1), True),  # past the last: wrap to the first
        ("002_gamma", 0, +1, ("002_gamma", 1), False),
        ("000_alpha", 3, -1, ("000_alpha", 1), False),
        ("000_alpha", 1, -1, ("002_gamma", 1), False),  # the previous review in list order
        ("002_gamma", 1, -1, ("001_beta", 1), True),  # before the first: wrap to the last
        ("999_unlisted", 0, -1, ("001_beta", 1), False),  # unknown reviews sort last
    ],
)
def test_step_place(review_id, index, step, expected, wrapped):
    place, did_wrap = step_place(PLACES, ORDER, review_id, index, step)
    assert (place.review_id, place.paragraph_index) == expected
    assert did_wrap is wrapped


def test_step_place_without_places():
    assert step_place([], ORDER, "000_alpha", 0, +1) is None


def test_reading_order_puts_hidden_reviews_after_the_list():
    corpus = build_corpus()
    assert reading_order(("001_beta",), corpus) == ("001_beta", "000_alpha", "002_gamma")


def search(query: str):
    corpus = build_corpus()
    return corpus, SearchIndex.build(documents_from_corpus(corpus)).search(query)


def test_a_quote_hit_lands_in_its_paragraph():
    corpus, result = search("devastating")
    quote = next(hit for hit in result.hits if hit.field == "quote")
    paragraph_id, spans = hit_spans(quote, corpus.get("000_alpha"))
    text = corpus.get("000_alpha").paragraphs[2].text
    assert paragraph_id == "p3" and QUOTE in text
    assert [text[s.start:s.end] for s in spans] == ["devastating"]


def test_comments_and_names_have_no_place_in_the_reader():
    corpus, result = search("hanke")
    assert {hit.field for hit in result.hits} >= {"critic"}
    assert all(hit_spans(hit, corpus.get(hit.review_id)) is None for hit in result.hits
               if hit.field in ("critic", "comment"))


def test_places_merge_hits_of_one_paragraph():
    corpus, result = search("devastating")  # the quote and its paragraph: one place
    places = hit_places(result.hits, corpus)
    assert len(places) == 1
    place = places[0]
    assert (place.review_id, place.paragraph_id, place.paragraph_index) == ("000_alpha", "p3", 2)
    start = corpus.get("000_alpha").paragraphs[2].text.index("devastating")
    assert place.spans == (HighlightSpan("p3", start, start + len("devastating")),)
