"""The reception timeline: order, film dates, undated reviews."""

from __future__ import annotations

import math
from datetime import date

import pytest

from nlmg_tui.compare.timeline import (
    film_dates,
    parse_iso,
    plot_level,
    plot_value,
    position,
    timeline,
)
from nlmg_tui.compare.tone_arc import review_tone
from nlmg_tui.corpus.models import Corpus, Evidence, FilmFact, Paragraph, Rating, Review
from nlmg_tui.corpus.store import load_corpus

PREMIERE_REVIEW = "001_0e27ec211dcc8335"


def made(review_id: str, published: str | None, rating: float | None = None,
         facts: tuple[FilmFact, ...] = ()) -> Review:
    return Review(id=review_id, source=f"{review_id}.txt", headline=None, critic=None,
                  outlet=None, published=published,
                  rating=Rating("x", rating) if rating is not None else None, site_rating=None,
                  paragraphs=(Paragraph("p1", "A superb film."),), film_facts=facts)


def fact(field: str, value: str) -> FilmFact:
    return FilmFact(field, value, Evidence(1, value))


def test_dated_reviews_in_date_order_undated_apart():
    corpus = Corpus((made("b", "2011-01-22"), made("n", None), made("a", "2010-10-28", 1.0),
                     made("bad", "22 January"), made("c", "2010-10-28")))
    built = timeline(corpus)
    assert [e.review.id for e in built.dated] == ["a", "c", "b"]
    assert [e.review.id for e in built.undated] == ["n", "bad"]
    assert [e.rating for e in built.dated] == [1.0, None, None]
    assert built.start == date(2010, 10, 28) and built.end == date(2011, 1, 22)
    assert all(e.tone.label == "positive" for e in built.entries)


def test_film_dates_from_facts_one_per_kind_and_date():
    facts = (fact("premiere", "Telluride Film Festival, 2010-09-03"),
             fact("release", "September 15, 2010"), fact("premiere", "Toronto Film Festival"),
             fact("director", "Mark Romanek"))
    corpus = Corpus((made("a", "2010-10-28", facts=facts), made("b", None, facts=facts[:1])))
    found = film_dates(corpus)
    assert [(d.kind, d.date.isoformat(), d.label, d.review_id) for d in found] == [
        ("premiere", "2010-09-03", "Telluride Film Festival", "a"),
        ("release", "2010-09-15", "", "a"),
    ]
    assert timeline(corpus).start == date(2010, 9, 3)  # the axis starts at the premiere


def test_nothing_dated_gives_no_axis():
    built = timeline(Corpus((made("a", None),)))
    assert built.start is None and built.end is None and not built.dated


@pytest.mark.parametrize(
    ("when", "columns", "expected"),
    [(date(2010, 1, 1), 11, 0), (date(2010, 1, 11), 11, 10), (date(2010, 1, 6), 11, 5),
     (date(2010, 1, 6), 1, 0), (date(2009, 1, 1), 11, 0)],
)
def test_position(when, columns, expected):
    assert position(when, date(2010, 1, 1), date(2010, 1, 11), columns) == expected


@pytest.mark.parametrize(("text", "expected"), [("2010-09-03", date(2010, 9, 3)), (None, None),
                                                ("", None), ("2010-13-01", None), ("soon", None)])
def test_parse_iso(text, expected):
    assert parse_iso(text) == expected


def test_real_corpus_premiere_and_order():
    built = timeline(load_corpus())
    premieres = [d for d in built.film_dates if d.kind == "premiere"]
    assert premieres and premieres[0].date == date(2010, 9, 3)
    assert premieres[0].label == "Telluride Film Festival"
    assert premieres[0].review_id == PREMIERE_REVIEW
    dates = [e.date for e in built.dated]
    assert dates == sorted(dates) and len(dates) >= 2
    assert PREMIERE_REVIEW in {e.review.id for e in built.dated}
    assert built.start == date(2010, 9, 3)  # the premiere comes before every review
    assert len(built.dated) + len(built.undated) == len(load_corpus().reviews)
    assert all(e.date is None for e in built.undated)


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (1.0, "tone", 0), (0.92, "tone", 0), (0.61, "tone", 0), (0.6, "tone", 1),
        (0.2, "tone", 2), (0.0, "tone", 2), (-0.2, "tone", 3), (-1.0, "tone", 4),
        (7.0, "tone", 0), (-7.0, "tone", 4), (math.nan, "tone", 2),  # clamped; NaN mid
        (1.0, "rating", 0), (0.8, "rating", 1), (0.5, "rating", 2), (0.0, "rating", 4),
    ],
)
def test_plot_level_five_equal_bands_top_first(value, kind, expected):
    assert plot_level(value, kind, 5) == expected


def test_plot_level_on_one_row_is_that_row():
    assert plot_level(0.3, "tone", 1) == 0


def test_plot_value_is_the_tone_score_or_the_rating():
    built = timeline(Corpus((made("a", "2010-10-28", 0.8), made("b", "2010-11-01"))))
    rated, unrated = built.dated
    assert plot_value(rated, "rating") == 0.8 and plot_value(unrated, "rating") is None
    # "superb" in the only (so the last, a verdict) paragraph: (3 - 0) / (3 + 0 + 1).
    assert plot_value(unrated, "tone") == unrated.tone.score == pytest.approx(0.75)


def test_timeline_scores_with_the_given_tone_function():
    seen = []

    def tone_of(review):
        seen.append(review.id)
        return review_tone(review)

    built = timeline(Corpus((made("a", "2010-10-28"), made("b", None))), tone_of=tone_of)
    assert seen == ["a", "b"] and built.entries[0].tone == review_tone(made("a", None))
