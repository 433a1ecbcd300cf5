"""Mentions across a corpus: counts, passages, and the watchlist's film suggestions."""

from __future__ import annotations

from nlmg_tui.corpus.mentions import Passage, film_suggestions, index_mentions, review_mentions
from nlmg_tui.corpus.models import Corpus


def test_counts_and_passages(make_review):
    corpus = Corpus(
        (
            make_review("a", "Romanek made One Hour Photo. Romanek again.", "Nothing here."),
            make_review("b", "After “One-Hour Photo”, The Island."),
        )
    )
    index = index_mentions(corpus)
    romanek = index.get("person:mark-romanek")
    assert romanek.count == 2
    assert romanek.passages == (Passage("a", "p1"),)
    photo = index.get("film:one-hour-photo")
    assert photo.count == 2
    assert photo.passages == (Passage("a", "p1"), Passage("b", "p1"))
    assert index.get("film:atonement") is None
    assert index.in_passage("a", "p2") == ()
    assert [m.entity_id for m in index.in_passage("b", "p1")] == [
        "film:one-hour-photo",
        "film:the-island",
    ]
    # Most mentioned first, ties by name.
    assert [e.entity.id for e in index.entries[:2]] == ["person:mark-romanek", "film:one-hour-photo"]


def test_film_suggestions_leave_out_the_subject(make_review):
    """Issue 15: the film the reviews are about is no watchlist candidate."""
    corpus = Corpus(
        (make_review("a", "Atonement, Atonement and Sunshine.", "Never Let Me Go, at last."),)
    )
    assert [e.entity.name for e in index_mentions(corpus).of_kind("film")
            if e.entity.subject] == ["Never Let Me Go"]  # named, so it could be offered
    suggestions = film_suggestions(index_mentions(corpus))
    assert [(s.entity.name, s.count) for s in suggestions] == [
        ("Atonement", 2),
        ("Sunshine", 1),
    ]
    assert all(s.entity.kind == "film" for s in suggestions)


def test_review_mentions_by_paragraph(make_review):
    review = make_review("a", "Kathy and Tommy.", "Ruth.")
    found = review_mentions(review)
    assert {pid: [m.entity_id for m in ms] for pid, ms in found.items()} == {
        "p1": ["character:kathy", "character:tommy"],
        "p2": ["character:ruth"],
    }


def test_real_corpus_names_the_films_of_issue_5(real_corpus):
    index = index_mentions(real_corpus)
    films = {e.entity.name for e in index.of_kind("film")}
    assert {
        "Never Let Me Go", "One Hour Photo", "The Island", "Atonement", "Pride and Prejudice",
        "Days of Heaven", "Sunshine", "28 Days Later", "The Wolfman", "Pirate Radio",
    } <= films
    # One Hour Photo is named by four critics, one of them as "One-Hour Photo".
    photo = index.get("film:one-hour-photo")
    assert {p.review_id[:3] for p in photo.passages} == {"000", "001", "003", "004"}
    hyphenated = [m for m in index.in_passage(photo.passages[1].review_id, "p3")
                  if m.entity_id == photo.entity.id]
    assert [m.text for m in hyphenated] == ["One-Hour Photo"]
    for passage in photo.passages:
        review = real_corpus.get(passage.review_id)
        assert review.paragraph(passage.paragraph_id) is not None
