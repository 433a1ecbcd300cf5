"""The short strings the app shows for a review: names, dates, ratings, lengths.

Every function returns text already folded to one line and stripped of control characters;
callers still put it into ``rich.text.Text`` (never into markup).
"""

from __future__ import annotations

from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line

MISSING = "—"


def critic_name(review: Review) -> str:
    return one_line(review.critic or "") or "Unnamed critic"


def outlet_name(review: Review) -> str:
    return one_line(review.outlet or "") or MISSING


def date_label(review: Review) -> str:
    return one_line(review.published or "") or MISSING


def rating_label(review: Review) -> str:
    return one_line(review.rating.text) if review.rating else ""


def verdict_label(review: Review) -> str:
    return one_line(review.verdict or "")


def rating_or_verdict(review: Review) -> str:
    """The rating when the review has one, else its pull quote, else a dash."""
    return rating_label(review) or verdict_label(review) or MISSING


def headline(review: Review) -> str:
    return one_line(review.headline or review.film or "") or "Untitled review"


def length_label(review: Review) -> str:
    words = review.word_count
    minutes = max(1, round(words / 230))
    return f"{words:,} words · {minutes} min"


def byline(review: Review) -> str:
    parts = [critic_name(review), outlet_name(review), date_label(review)]
    rating = rating_label(review)
    if rating:
        parts.append(f"rating {rating}")
    return " · ".join(parts)


def short_title(review: Review) -> str:
    """``critic · outlet``: how a review is named in film facts and the command palette.

    A review without a named critic also gets its id prefix (``Unnamed critic #001``), so two
    such reviews can be told apart.
    """
    name = critic_name(review)
    if not one_line(review.critic or ""):
        name += f" #{one_line(review.id.split('_')[0])}"
    outlet = one_line(review.outlet or "")
    return f"{name} · {outlet}" if outlet else name
