"""How a review is named and described, the one place for the app and the CLI.

A review is named by its critic; a review whose page names no critic is named by its outlet
(or site) and headline, and only when both are missing by "Unsigned review" and its date. A
missing field is left out, never shown as a dash. Every function returns plain text folded to
one line and stripped of control characters (no Rich markup): callers put it into
``rich.text.Text``. Widths are measured in terminal cells (``rich.cells.cell_len``), so a CJK
name takes the two columns per character it is drawn with.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line

UNSIGNED = "Unsigned review"
ELLIPSIS = "…"


def short_id(review_id: str) -> str:
    """The number a review id starts with (``001`` of ``001_0e27…``): what the CLI accepts."""
    return one_line(review_id.split("_", 1)[0])


def critic(review: Review) -> str:
    """The critic's name, or "" when the page names none."""
    return one_line(review.critic or "")


def outlet_name(review: Review) -> str:
    """The outlet (or site), or ""."""
    return one_line(review.outlet or "")


def date_label(review: Review) -> str:
    return one_line(review.published or "")


def rating_label(review: Review) -> str:
    return one_line(review.rating.text) if review.rating else ""


def verdict_label(review: Review) -> str:
    return one_line(review.verdict or "")


def quoted(quote: str) -> str:
    """The quote on one line in curly quotes (unless it already opens with a quotation mark)."""
    line = one_line(quote)
    return line if line[:1] in "\"“‘'" else f"“{line}”"


def rating_or_verdict(review: Review) -> str:
    """The rating when the review has one, else its pull quote, else ""."""
    return rating_label(review) or verdict_label(review)


def headline(review: Review) -> str:
    """The headline to show above a review (the film's title when the page has none)."""
    return one_line(review.headline or review.film or "") or "Untitled review"


def _naming_headline(review: Review) -> str:
    """The page's own headline, unless it is just the film's title (that names no review)."""
    text = one_line(review.headline or "")
    if text and text.casefold() == one_line(review.film or "").casefold():
        return ""
    return text


def review_name(review: Review) -> str:
    """The one name of a review: its critic; else outlet and headline; else "Unsigned review"
    with its date."""
    if name := critic(review):
        return name
    parts = [p for p in (outlet_name(review), _naming_headline(review)) if p]
    if parts:
        return " · ".join(parts)
    date = date_label(review)
    return f"{UNSIGNED}, {date}" if date else UNSIGNED


def short_title(review: Review) -> str:
    """``critic · outlet`` (a review without a critic: its name, which holds the outlet)."""
    outlet = outlet_name(review)
    if critic(review) and outlet:
        return f"{critic(review)} · {outlet}"
    return review_name(review)


def headline_after_name(review: Review) -> str:
    """The headline to show after the review's name, or "" when the name already holds it."""
    if critic(review) or not _naming_headline(review):
        return headline(review)
    return ""


def name_beside_outlet(review: Review) -> str:
    """The name for a list that shows the outlet in a column of its own: as ``review_name``
    without the outlet."""
    if critic(review) or not outlet_name(review):
        return review_name(review)
    return _naming_headline(review) or UNSIGNED


def byline(review: Review) -> str:
    """``name · outlet · date · rating R``, leaving out what the page does not say."""
    title, date = short_title(review), date_label(review)
    parts = [title, "" if date and title.endswith(date) else date]  # "Unsigned review, <date>"
    rating = rating_label(review)
    if rating:
        parts.append(f"rating {rating}")
    return " · ".join(p for p in parts if p)


def compact_name(review: Review) -> str:
    """A short name for a narrow column: the critic's surname, else the outlet, else the
    headline, else "Unsigned"."""
    words = critic(review).split()
    if words:
        return words[-1]
    return outlet_name(review) or _naming_headline(review) or "Unsigned"


def length_label(review: Review) -> str:
    words = review.word_count
    minutes = max(1, round(words / 230))
    return f"{words:,} words · {minutes} min"


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, at a word boundary when one is close enough, with ``…``.

    A single long word is cut inside it (by cells); text that fits is returned unchanged.
    """
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    if width == 1:
        return ELLIPSIS
    room = width - 1
    cut = set_cell_size(text, room).rstrip()
    ends_a_word = len(cut) < len(text) and not text[len(cut)].isalnum()
    space = cut.rfind(" ")
    if not ends_a_word and space > 0 and cell_len(cut[:space]) >= room // 2:
        cut = cut[:space]
    return cut.rstrip(" ·,;:—-") + ELLIPSIS


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` fitted to exactly ``width`` cells, left- (or right-) aligned."""
    text = fit(text, width)
    room = " " * max(0, width - cell_len(text))
    return room + text if right else text + room
