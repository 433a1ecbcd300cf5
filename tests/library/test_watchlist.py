from __future__ import annotations

import json

import pytest

from nlmg_tui.library import AmbiguousTitleError, InvalidEntryError, Library, title_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("One-Hour Photo", "One Hour Photo"),
        ("one hour photo", "ONE-HOUR  PHOTO!"),
        ("28 Days Later", "28 Days Later..."),
        ("Amélie", "Amelie"),
    ],
)
def test_titles_that_are_the_same_film(a, b):
    assert title_key(a) == title_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("28 Days Later", "28 Weeks Later"), ("Sunshine", "Sunshine Cleaning"), ("The Island", "Island")],
)
def test_titles_that_are_different_films(a, b):
    assert title_key(a) != title_key(b)


def test_add_is_not_duplicated_and_fills_in_a_missing_year(library):
    first = library.add_film("One-Hour Photo")
    again = library.add_film("One Hour Photo", 2002)
    assert first.created and not again.created
    assert again.item.id == first.item.id and again.item.year == 2002
    assert [(e.title, e.year) for e in Library(library.data_dir).watchlist()] == [("One-Hour Photo", 2002)]


def test_remakes_with_different_years_are_two_entries(library):
    library.add_film("The Wolfman", 1941)
    library.add_film("The Wolfman", 2010)
    assert len(library.watchlist()) == 2
    with pytest.raises(AmbiguousTitleError, match="give the year"):
        library.find_film("the wolfman")
    assert library.find_film("The Wolfman", 2010).year == 2010


def test_mark_watched_rate_note_and_want_again(library):
    entry = library.add_film("Days of Heaven", 1978).item
    watched = library.mark_watched(entry.id, "2026-01-02", rating=4.5)
    assert (watched.status, watched.watched_on, watched.rating) == ("watched", "2026-01-02", 4.5)
    assert library.rate_film(entry.id, 3).rating == 3
    assert library.set_film_note(entry.id, "slow\x1b[2J").note == "slow"
    assert library.rate_film(entry.id, None).rating is None
    again = library.mark_want(entry.id)
    assert (again.status, again.watched_on) == ("want", None)
    stored = Library(library.data_dir).watchlist()[0]
    assert stored == again


def test_watched_defaults_to_today(library):
    entry = library.add_film("Atonement").item
    assert library.mark_watched(entry.id).watched_on is not None


@pytest.mark.parametrize("rating", [float("nan"), float("inf"), -0.5, 5.5, True, "4"])
def test_bad_ratings_are_refused_and_nothing_changes(library, rating):
    entry = library.add_film("Sunshine").item
    before = library.watchlist_path.read_bytes()
    with pytest.raises(InvalidEntryError):
        library.rate_film(entry.id, rating)
    with pytest.raises(InvalidEntryError):
        library.mark_watched(entry.id, rating=rating)
    assert library.watchlist_path.read_bytes() == before


@pytest.mark.parametrize(
    ("title", "year"), [("", None), ("  --  ", None), ("Fine", 1700), ("Fine", True), ("x" * 400, None)]
)
def test_bad_titles_and_years_are_refused(library, title, year):
    with pytest.raises(InvalidEntryError):
        library.add_film(title, year)


def test_bad_watched_date_is_refused(library):
    entry = library.add_film("Pirate Radio").item
    with pytest.raises(InvalidEntryError, match="2026-11-21"):
        library.mark_watched(entry.id, "last tuesday")


def test_remove_and_restore(library):
    entry = library.add_film("The Island", 2005).item
    removed = library.remove_film(entry.id)
    assert library.watchlist() == []
    library.restore_film(removed)
    assert Library(library.data_dir).watchlist() == [entry]


def test_nan_in_the_file_hides_only_that_record(library):
    library.add_film("Good")
    data = json.loads(library.watchlist_path.read_text())
    data["watchlist"]["2"] = {**data["watchlist"]["1"], "id": "z", "title": "Bad", "rating": float("nan")}
    library.watchlist_path.write_text(json.dumps(data))
    assert [e.title for e in library.watchlist()] == ["Good"]
    assert "could not be read" in library.take_notices()[0]


def test_suggestions_for_a_misspelt_title(library):
    library.add_film("Atonement")
    library.add_film("Pride and Prejudice")
    assert library.suggest_titles("Atonment") == ["Atonement"]
