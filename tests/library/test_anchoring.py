from __future__ import annotations

from dataclasses import replace

import pytest

from nlmg_tui.corpus.models import Corpus, Paragraph
from nlmg_tui.library import anchor_bookmark, anchor_bookmarks, orphans, passage_from_review
from nlmg_tui.library.bookmarks import new_bookmark

from .conftest import make_review


def bookmark_of(corpus, review_id, paragraph_id, start=None, end=None):
    passage = passage_from_review(corpus.get(review_id), paragraph_id, start, end)
    return new_bookmark(
        passage.review_id, passage.paragraph_id, passage.quote, passage.prefix, passage.suffix
    )


def rebuild(corpus, review_id, texts):
    """The corpus with one review's paragraphs replaced (as a rebuild or re-import would)."""
    paragraphs = tuple(Paragraph(f"p{i}", t) for i, t in enumerate(texts, start=1))
    return Corpus(
        tuple(replace(r, paragraphs=paragraphs) if r.id == review_id else r for r in corpus.reviews)
    )


def test_unchanged_corpus_anchors_exactly(corpus):
    text = corpus.get("r1").paragraph("p2").text
    start = text.index("Ruth")
    bookmark = bookmark_of(corpus, "r1", "p2", start, len(text))
    anchor = anchor_bookmark(bookmark, corpus)
    assert (anchor.review_id, anchor.paragraph_id, anchor.how) == ("r1", "p2", "exact")
    assert text[anchor.start : anchor.end] == "Ruth is harder to love."


def test_paragraph_ids_shifted_by_an_inserted_paragraph(corpus):
    bookmark = bookmark_of(corpus, "r1", "p2")
    old = [p.text for p in corpus.get("r1").paragraphs]
    moved = rebuild(corpus, "r1", ["A new opening paragraph.", *old])
    anchor = anchor_bookmark(bookmark, moved)
    assert (anchor.paragraph_id, anchor.how) == ("p3", "moved")


def test_prefix_and_suffix_choose_between_identical_quotes():
    review = make_review("r1", ["Yes. It works. Yes. It fails."])
    corpus = Corpus((review,))
    text = review.paragraphs[0].text
    second = text.index("Yes.", 1)
    bookmark = bookmark_of(corpus, "r1", "p1", second, second + 4)
    anchor = anchor_bookmark(bookmark, corpus)
    assert anchor.start == second


def test_identical_paragraphs_in_two_reviews_keep_their_own_review(corpus):
    bookmark = bookmark_of(corpus, "r2", "p2")  # "The ending lingers..." is in r1 and r2
    anchor = anchor_bookmark(bookmark, corpus)
    assert (anchor.review_id, anchor.paragraph_id) == ("r2", "p2")


def test_review_reimported_under_another_id_is_found_elsewhere(corpus):
    bookmark = bookmark_of(corpus, "r1", "p2")
    renamed = Corpus(tuple(replace(r, id="r9") if r.id == "r1" else r for r in corpus.reviews))
    anchor = anchor_bookmark(bookmark, renamed)
    assert (anchor.review_id, anchor.paragraph_id, anchor.how) == ("r9", "p2", "moved")


def test_lightly_edited_text_is_found_by_fuzzy_match(corpus):
    bookmark = bookmark_of(corpus, "r1", "p2")
    edited = [p.text for p in corpus.get("r1").paragraphs]
    edited[1] = edited[1].replace("rawest", "most raw").replace("'", "\u2019")
    anchor = anchor_bookmark(bookmark, rebuild(corpus, "r1", edited))
    assert (anchor.paragraph_id, anchor.how) == ("p2", "fuzzy")
    assert 90 <= anchor.score < 100


def test_a_passage_that_is_gone_is_an_orphan_and_kept(corpus):
    bookmark = bookmark_of(corpus, "r1", "p2")
    other = bookmark_of(corpus, "r1", "p1")
    texts = [p.text for p in corpus.get("r1").paragraphs]
    gone = rebuild(corpus, "r1", [texts[0], "Something else entirely now.", texts[2]])
    assert anchor_bookmark(bookmark, gone) is None
    assert orphans([bookmark, other], gone) == [bookmark]
    assert anchor_bookmarks([bookmark, other], gone)[other.id].how == "exact"


@pytest.mark.parametrize("quote", ["Yes.", "short text"])
def test_short_quotes_are_not_matched_fuzzily(quote):
    corpus = Corpus((make_review("r1", ["Yet another paragraph about Yet."]),))
    bookmark = new_bookmark("r1", "p1", quote)
    assert anchor_bookmark(bookmark, corpus) is None


def test_real_corpus_bookmarks_anchor_exactly():
    from nlmg_tui.corpus.store import CorpusError, load_corpus

    try:
        corpus = load_corpus()
    except CorpusError:
        pytest.skip("data/corpus.json not built yet")
    for review in corpus.reviews:
        for paragraph in review.paragraphs:
            bookmark = bookmark_of(corpus, review.id, paragraph.id)
            anchor = anchor_bookmark(bookmark, corpus)
            assert anchor is not None and anchor.how == "exact", (review.id, paragraph.id)
            assert (anchor.review_id, anchor.paragraph_id) == (review.id, paragraph.id)
