"""The reception by date: dated reviews in publication order, the film's own dates, the rest.

Film dates come from the corpus' film facts: ``premiere`` ("Telluride Film Festival,
2010-09-03") and ``release``; a fact without a readable date is left out (there is nothing to
place). A review whose ``published`` is missing or not an ISO date is listed as undated.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from nlmg_tui.compare.tone_arc import ReviewTone, review_tone
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.gazetteer import Gazetteer, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.textsafety import one_line

FILM_DATE_FIELDS = ("premiere", "release")
PLOT_RANGES = {"tone": (-1.0, 1.0), "rating": (0.0, 1.0)}
"""What the timeline can plot against the date, and each one's range (bottom, top)."""


@dataclass(frozen=True)
class TimelineEntry:
    """A review on the timeline: its date (None if undated), rating 0..1 (None if unrated)
    and tone."""

    review: Review
    date: date | None
    rating: float | None
    tone: ReviewTone


@dataclass(frozen=True)
class FilmDate:
    """A date in the film's life a review states, e.g. the festival premiere."""

    kind: str  # "premiere" | "release"
    date: date
    label: str  # what else the fact says, e.g. "Telluride Film Festival"
    review_id: str  # the review that states it


@dataclass(frozen=True)
class Timeline:
    dated: tuple[TimelineEntry, ...]
    """By publication date, then by id."""
    undated: tuple[TimelineEntry, ...]
    """In corpus order."""
    film_dates: tuple[FilmDate, ...]
    """By date; one per (kind, date)."""

    @property
    def start(self) -> date | None:
        """The earliest date on the axis (a review's or the film's), None if there are none."""
        dates = self._dates()
        return min(dates) if dates else None

    @property
    def end(self) -> date | None:
        dates = self._dates()
        return max(dates) if dates else None

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        """Dated then undated: the order a list of them is shown in."""
        return self.dated + self.undated

    def _dates(self) -> list[date]:
        return [e.date for e in self.dated if e.date] + [d.date for d in self.film_dates]


def timeline(corpus: Corpus, gazetteer: Gazetteer | None = None,
             tone_of: Callable[[Review], ReviewTone] | None = None) -> Timeline:
    """The corpus by date. ``tone_of`` scores a review (default ``review_tone`` with
    ``gazetteer``); the app passes its per-process cache."""
    if tone_of is None:
        gazetteer = gazetteer or default_gazetteer()
        tone_of = partial(review_tone, gazetteer=gazetteer)
    entries = [
        TimelineEntry(review, parse_iso(review.published), _rating(review), tone_of(review))
        for review in corpus.reviews
    ]
    dated = sorted((e for e in entries if e.date), key=lambda e: (e.date, e.review.id))
    undated = tuple(e for e in entries if e.date is None)
    return Timeline(tuple(dated), undated, film_dates(corpus))


def film_dates(corpus: Corpus) -> tuple[FilmDate, ...]:
    """The premiere and release dates the reviews state, one per (kind, date)."""
    found: dict[tuple[str, date], FilmDate] = {}
    for review in corpus.reviews:
        for fact in review.film_facts:
            if fact.field not in FILM_DATE_FIELDS:
                continue
            stated = find_date(fact.value)
            when = parse_iso(stated.iso) if stated else None
            if stated is None or when is None:
                continue
            label = one_line(fact.value.replace(stated.text, "")).strip(" ,;:-–—()")
            found.setdefault((fact.field, when), FilmDate(fact.field, when, label, review.id))
    return tuple(sorted(found.values(), key=lambda d: (d.date, d.kind)))


def parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _rating(review: Review) -> float | None:
    value = review.rating.value if review.rating else None
    if value is None or value != value:  # None or NaN
        return None
    return max(0.0, min(1.0, value))


def position(when: date, start: date, end: date, columns: int) -> int:
    """The column (0 .. columns-1) of ``when`` on an axis from ``start`` to ``end``."""
    if columns <= 1 or end <= start:
        return 0
    fraction = (when - start).days / (end - start).days
    return max(0, min(columns - 1, round(fraction * (columns - 1))))


def plot_value(entry: TimelineEntry, kind: str) -> float | None:
    """The value ``kind`` (``tone`` or ``rating``) plots for ``entry``; None if unrated."""
    if kind == "rating":
        return entry.rating
    return entry.tone.score


def plot_level(value: float, kind: str, rows: int) -> int:
    """The row (0 = top .. rows-1 = bottom) of ``value`` on a plot of ``kind`` ``rows`` high.

    The range is cut into ``rows`` equal bands (for tone on 5 rows: the middle row is -0.2 to
    +0.2); values outside it go to the nearest edge, NaN to the middle.
    """
    bottom, top = PLOT_RANGES[kind]
    if rows <= 1:
        return 0
    if value != value:  # NaN
        return rows // 2
    fraction = (top - max(bottom, min(top, value))) / (top - bottom)
    return min(rows - 1, math.floor(round(fraction * rows, 9)))  # 4/5 is not 0.7999…
