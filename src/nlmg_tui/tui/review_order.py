"""Sorting and filtering the review list: pure functions the browse screen calls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review

FILTER_MAX_CHARS = 200
"""Longer filter text is cut: a pasted essay must not make every keystroke slow."""


class SortKey(NamedTuple):
    name: str
    descending_label: str
    ascending_label: str
    descending_by_default: bool


SORT_KEYS: tuple[SortKey, ...] = (
    SortKey("date", "newest first", "oldest first", True),
    SortKey("critic", "Z to A", "A to Z", False),
    SortKey("rating", "highest first", "lowest first", True),
    SortKey("length", "longest first", "shortest first", True),
)


def sort_key_named(name: str) -> SortKey:
    for key in SORT_KEYS:
        if key.name == name:
            return key
    raise ValueError(f"unknown sort key {name!r}")


def next_sort_key(name: str) -> SortKey:
    names = [key.name for key in SORT_KEYS]
    return SORT_KEYS[(names.index(name) + 1) % len(SORT_KEYS)]


def sort_description(name: str, descending: bool) -> str:
    key = sort_key_named(name)
    arrow = "↓" if descending else "↑"
    order = key.descending_label if descending else key.ascending_label
    return f"{key.name} {arrow} {order}"


def sort_reviews(reviews: Iterable[Review], name: str, descending: bool) -> list[Review]:
    """Sort by ``name``; reviews missing the value always come last, in corpus order."""
    reviews = list(reviews)
    known: list[tuple[str | float, Review]] = []
    missing: list[Review] = []
    for review in reviews:
        value = _value(review, name)
        if value is None:
            missing.append(review)
        else:
            known.append((value, review))
    known.sort(key=lambda pair: pair[0], reverse=descending)  # stable: ties keep corpus order
    return [review for _, review in known] + missing


def _value(review: Review, name: str) -> str | float | None:
    if name == "date":
        return review.published or None
    if name == "critic":
        return review.critic.casefold() if review.critic else None
    if name == "rating":
        return review.rating.value if review.rating else None
    if name == "length":
        return review.word_count
    raise ValueError(f"unknown sort key {name!r}")


def filter_reviews(reviews: Iterable[Review], text: str) -> list[Review]:
    """Reviews whose critic, outlet, date, rating, headline or verdict contain every word."""
    words = text[:FILTER_MAX_CHARS].casefold().split()
    if not words:
        return list(reviews)
    return [review for review in reviews if all(w in _haystack(review) for w in words)]


def _haystack(review: Review) -> str:
    return " ".join(
        (
            labels.review_name(review),
            "" if labels.critic(review) else labels.UNSIGNED,
            labels.outlet_name(review),
            labels.date_label(review),
            labels.rating_label(review),
            labels.headline(review),
            labels.verdict_label(review),
        )
    ).casefold()
