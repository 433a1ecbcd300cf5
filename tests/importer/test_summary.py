"""The imports summary: the app lists imports from it and reads each file on first use; a stale
or damaged summary is never used (the files are read and it is written again), never fatal."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields, replace

import pytest

from nlmg_tui.corpus import derived_store
from nlmg_tui.corpus.derived import derive
from nlmg_tui.corpus.lazy_review import TEXT_FIELDS, LazyReview, is_loaded, listed_names
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer import summary
from nlmg_tui.importer.store import ImportedReviews, load_full_corpus


@pytest.fixture(autouse=True)
def fresh_store():
    derived_store.reset_shared_derived()
    yield
    derived_store.reset_shared_derived()


@pytest.fixture
def imports(user_data_dir) -> ImportedReviews:
    """Three imports made from the bundled reviews (new ids, so they are listed as imports)."""
    store = ImportedReviews(user_data_dir)
    for number, review in enumerate(load_corpus().reviews[:3]):
        store.save(replace(review, id=f"imp-{number:012x}"), "utf-8")
    return store


def listed(user_data_dir):
    derived_store.reset_shared_derived()
    return load_full_corpus(user_data_dir, listed=True)[0]


def lazy_ones(corpus) -> list[LazyReview]:
    return [r for r in corpus.reviews if isinstance(r, LazyReview)]


def test_the_listed_fields_are_every_field_but_the_text() -> None:
    assert set(listed_names()) == set(summary.LISTED_FIELDS)
    assert set(listed_names()) | set(TEXT_FIELDS) == {f.name for f in fields(LazyReview)}


def test_a_second_start_lists_from_the_summary_and_reads_the_same_reviews(
        user_data_dir, imports) -> None:
    eager = load_full_corpus(user_data_dir)[0]
    first = listed(user_data_dir)  # no summary yet: every file read, the summary written
    assert not lazy_ones(first)
    assert summary.summary_file(user_data_dir).is_file()
    second = listed(user_data_dir)
    lazy = lazy_ones(second)
    assert [r.id for r in lazy] == [r.id for r in eager.reviews if r.id.startswith("imp-")]
    for review in lazy:
        original = eager.get(review.id)
        assert not review.is_loaded
        assert review.word_count == original.word_count
        assert {name: getattr(review, name) for name in listed_names()} == {
            name: getattr(original, name) for name in listed_names()}
        assert not review.is_loaded  # listed fields never read the file
        assert review.paragraphs == original.paragraphs  # read now
        assert review.is_loaded and review.load_problem is None
        assert all(getattr(review, name) == getattr(original, name) for name in TEXT_FIELDS)


def test_the_tone_comes_from_the_summary_without_reading_the_file(user_data_dir,
                                                                  imports) -> None:
    eager = load_full_corpus(user_data_dir)[0]
    listed(user_data_dir)
    lazy = lazy_ones(listed(user_data_dir))
    store = derived_store.shared_derived()
    tones = {review.id: store.tone(review) for review in lazy}
    assert not any(is_loaded(review) for review in lazy)
    assert store.computed_count == 0
    for review in lazy:
        assert tones[review.id] == derive(eager.get(review.id)).tone


def test_a_stale_tone_in_the_summary_is_not_used(user_data_dir, imports) -> None:
    listed(user_data_dir)
    review = lazy_ones(listed(user_data_dir))[0]
    wrong = review.listed._replace(content_hash="0" * 32)
    object.__setattr__(review, "listed", wrong)  # as if the summary were out of step
    tone = derived_store.shared_derived().tone(review)
    assert review.is_loaded  # read the file and checked the stored entry instead
    assert tone == derived_store.shared_derived().get(review).tone


@pytest.mark.parametrize("first", TEXT_FIELDS)
def test_any_text_field_read_first_comes_from_the_file(user_data_dir, imports, first) -> None:
    """``Review`` has class defaults (``comments = ()``): an unread import once answered
    ``()`` for its comments until something read its paragraphs."""
    eager = load_full_corpus(user_data_dir)[0]
    listed(user_data_dir)
    for review in lazy_ones(listed(user_data_dir)):
        assert not review.is_loaded
        assert getattr(review, first) == getattr(eager.get(review.id), first)
        assert review.is_loaded
    assert any(r.comments for r in eager.reviews if r.id.startswith("imp-"))


@pytest.fixture
def all_five(user_data_dir) -> ImportedReviews:
    """The five bundled reviews as imports (one has a rating and a site rating)."""
    store = ImportedReviews(user_data_dir)
    for number, review in enumerate(load_corpus().reviews):
        store.save(replace(review, id=f"imp-{number:012x}"), "utf-8")
    return store


def test_ratings_and_quotes_are_built_when_first_read(user_data_dir, all_five) -> None:
    eager = load_full_corpus(user_data_dir)[0]
    listed(user_data_dir)
    lazy = lazy_ones(listed(user_data_dir))
    assert all("rating" not in r.__dict__ and "pull_quotes" not in r.__dict__ for r in lazy)
    for review in lazy:
        original = eager.get(review.id)
        assert (review.rating, review.site_rating, review.pull_quotes) == (
            original.rating, original.site_rating, original.pull_quotes)
        assert not review.is_loaded  # built from the summary, not read from the file
    assert any(r.rating for r in lazy) and any(r.site_rating for r in lazy)
    assert any(r.pull_quotes for r in lazy)


def test_a_rating_the_summary_cannot_build_comes_from_the_file(user_data_dir, all_five) -> None:
    eager = load_full_corpus(user_data_dir)[0]
    listed(user_data_dir)
    review = next(r for r in lazy_ones(listed(user_data_dir)) if r.__dict__["_json"]["rating"])
    review.__dict__["_json"]["rating"] = '{"text": "4/5", "no such field": 1}'
    assert review.rating == eager.get(review.id).rating


def test_a_changed_import_makes_the_summary_stale(user_data_dir, imports) -> None:
    listed(user_data_dir)
    review = imports.all()[0].review
    imports.save(replace(review, critic="Someone Else"), "utf-8")
    after = listed(user_data_dir)
    assert not lazy_ones(after)  # read from the files
    assert after.get(review.id).critic == "Someone Else"
    assert lazy_ones(listed(user_data_dir))  # and the summary written again


def test_a_removed_import_makes_the_summary_stale(user_data_dir, imports) -> None:
    listed(user_data_dir)
    removed = imports.all()[0].review.id
    imports.remove(removed)
    after = listed(user_data_dir)
    assert removed not in {r.id for r in after.reviews}
    assert not lazy_ones(after)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage", "other key"])
def test_a_damaged_summary_is_rebuilt_never_trusted(user_data_dir, imports, damage) -> None:
    eager = load_full_corpus(user_data_dir)[0]
    listed(user_data_dir)
    path = summary.summary_file(user_data_dir)
    data = path.read_bytes()
    damaged = {"truncate": data[: len(data) // 2], "empty": b"", "garbage": b"\x00\xff" * 50,
               "flip": data[:-40] + bytes([data[-40] ^ 0x01]) + data[-39:],
               "other key": data.replace(b'"key":"', b'"key":"0', 1)}[damage]
    assert damaged != data
    path.write_bytes(damaged)
    after = listed(user_data_dir)
    assert not lazy_ones(after)
    assert [r.id for r in after.reviews] == [r.id for r in eager.reviews]
    assert lazy_ones(listed(user_data_dir))


def test_a_review_whose_file_went_away_has_no_text_and_says_why(user_data_dir,
                                                               imports) -> None:
    listed(user_data_dir)
    review = lazy_ones(listed(user_data_dir))[0]
    imports.path_for(review.id).unlink()
    assert review.paragraphs == ()
    assert review.load_problem
    assert review.critic  # the listed fields are still there


def test_listing_the_imports_imports_no_rules(user_data_dir, imports) -> None:
    """The app's load before its first frame leaves the gazetteer, the spoiler rules and
    rapidfuzz to the workers after it (about 20 ms of imports)."""
    listed(user_data_dir)  # the summary exists
    code = ("import sys; from nlmg_tui.importer.store import load_full_corpus; "
            "corpus, _ = load_full_corpus(listed=True); "
            "assert any(type(r).__name__ == 'LazyReview' for r in corpus.reviews); "
            "print(sorted(m for m in ('nlmg_tui.corpus.gazetteer', 'nlmg_tui.corpus.derived', "
            "'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_after_a_rule_change_one_start_reads_the_files_and_the_next_reads_none(
        user_data_dir, imports, monkeypatch) -> None:
    from nlmg_tui.corpus import derived

    listed(user_data_dir)
    listed(user_data_dir)  # the summary holds tones stamped with today's rules
    monkeypatch.setattr(derived, "rules_version", lambda: "rules-of-tomorrow")
    first = lazy_ones(listed(user_data_dir))
    store = derived_store.shared_derived()
    tones = {review.id: store.tone(review) for review in first}
    assert all(review.is_loaded for review in first)  # the summary's tones are stale
    assert store.computed_count == len(first)
    assert store.save_computed()
    second = lazy_ones(listed(user_data_dir))
    store = derived_store.shared_derived()
    assert {review.id: store.tone(review) for review in second} == tones
    assert not any(review.is_loaded for review in second)  # from the cache saved after the change
    assert store.computed_count == 0
