"""Helpers shared by the cleaner's rule tests."""

from __future__ import annotations

from nlmg_tui.corpus.clean import clean_page


def ratings_of(page: str) -> tuple[float | None, float | None]:
    """The critic's rating and the site's rating the cleaner reads from ``page`` (0..1)."""
    review = clean_page(page, "page.txt")
    return (review.rating.value if review.rating else None,
            review.site_rating.value if review.site_rating else None)
