"""Sorting and filtering the review list (pure functions)."""

from __future__ import annotations

import pytest

from nlmg_tui.tui import review_order


def ids(reviews) -> list[str]:
    return [review.id for review in reviews]


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        ("date", True, ["002_gamma", "000_alpha", "001_beta"]),  # undated last
        ("date", False, ["000_alpha", "002_gamma", "001_beta"]),  # undated still last
        ("critic", False, ["000_alpha", "002_gamma", "001_beta"]),  # no critic last
        ("critic", True, ["002_gamma", "000_alpha", "001_beta"]),
        ("rating", True, ["002_gamma", "000_alpha", "001_beta"]),  # unrated last
        ("length", True, ["000_alpha", "002_gamma", "001_beta"]),
        ("length", False, ["001_beta", "002_gamma", "000_alpha"]),
    ],
)
def test_sort_reviews(corpus, key, descending, expected):
    assert ids(review_order.sort_reviews(corpus.reviews, key, descending)) == expected


def test_sort_keys_cycle_through_all_four_and_back():
    names = ["date"]
    for _ in range(4):
        names.append(review_order.next_sort_key(names[-1]).name)
    assert names == ["date", "critic", "rating", "length", "date"]


@pytest.mark.parametrize(
    ("key", "descending", "text"),
    [
        ("date", True, "date ↓ newest first"),
        ("date", False, "date ↑ oldest first"),
        ("critic", False, "critic ↑ A to Z"),
        ("rating", True, "rating ↓ highest first"),
        ("length", False, "length ↑ shortest first"),
    ],
)
def test_sort_description(key, descending, text):
    assert review_order.sort_description(key, descending) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["000_alpha", "001_beta", "002_gamma"]),
        ("   ", ["000_alpha", "001_beta", "002_gamma"]),
        ("alice", ["000_alpha"]),
        ("ALICE weekly", ["000_alpha"]),  # every word, any case
        ("alice mountain", []),
        ("unsigned", ["001_beta"]),  # the label shown for a missing critic
        ("[/", ["001_beta"]),  # markup-like text is plain text here
        ("[@click=app.quit]", ["001_beta"]),
        ("2010-10", ["002_gamma"]),
        ("5/5", ["002_gamma"]),
        ("devastating", ["000_alpha"]),  # the verdict
        ("a" * 10_000, []),  # a long paste is cut, and still answers
    ],
)
def test_filter_reviews(corpus, text, expected):
    assert ids(review_order.filter_reviews(corpus.reviews, text)) == expected
