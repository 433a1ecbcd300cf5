"""Derived data (spoiler levels, tone, mentions, word counts) stored once per review version:
the bundled file is current, entries round-trip, and stale or damaged ones are never used."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest

from nlmg_tui import paths
from nlmg_tui.compare.tone_arc import review_tone
from nlmg_tui.corpus import derived as derived_module
from nlmg_tui.corpus.derived import (
    derive,
    derived_file_text,
    derived_from_json,
    derived_to_json,
    review_mentions_of,
    review_stamp,
)
from nlmg_tui.corpus.derived_store import DerivedStore
from nlmg_tui.corpus.gazetteer import default_gazetteer, tokenize
from nlmg_tui.corpus.mentions import review_mentions
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.spoiler_levels import _sentences, spoiler_levels
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.corpus.text import split_sentences


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def review(corpus: Corpus) -> Review:
    return max(corpus.reviews, key=lambda r: len(r.paragraphs))


def stored(review: Review) -> dict:
    """An entry as it is on disk (through JSON text)."""
    return json.loads(json.dumps(derived_to_json(derive(review), review)))


def test_bundled_derived_file_is_current(corpus: Corpus) -> None:
    """Fails when a rule, the gazetteer or the corpus changed: run `nlmg-tui corpus build`."""
    assert paths.derived_file().read_text(encoding="utf-8") == derived_file_text(corpus)


def test_derive_matches_each_pass_run_alone(corpus: Corpus) -> None:
    gazetteer = default_gazetteer()
    for review in corpus.reviews:
        derived = derive(review)
        assert derived.spoiler_levels == spoiler_levels(review)
        assert derived.tone == review_tone(review)
        assert derived.word_count == review.word_count
        alone = review_mentions(review, gazetteer)
        assert {pid: list(found) for pid, found in derived.mentions.items()} == alone


def test_sentences_share_the_paragraph_tokenization(corpus: Corpus) -> None:
    for review in corpus.reviews:
        for paragraph in review.paragraphs:
            sentences = _sentences(paragraph.text)
            assert len(sentences) == len(split_sentences(paragraph.text))
            for sentence, alone in zip(sentences, split_sentences(paragraph.text), strict=True):
                shifted = [(t.key, t.start - sentence.start, t.end - sentence.start)
                           for t in sentence.tokens]
                assert shifted == [(t.key, t.start, t.end) for t in tokenize(alone)]


def test_entries_round_trip(corpus: Corpus) -> None:
    for review in corpus.reviews:
        computed = derive(review)
        back = derived_from_json(stored(review), review)
        assert back == computed
        assert review_mentions_of(back, review) == computed.mentions


def test_an_edited_review_is_not_given_its_old_entry(review: Review) -> None:
    entry = stored(review)
    first = review.paragraphs[0]
    edited = replace(review, paragraphs=(first._replace(text=first.text + " Ruth dies."),
                                         *review.paragraphs[1:]))
    assert derived_from_json(entry, edited) is None
    assert derived_from_json(entry, review) is not None


def test_a_rule_change_invalidates_every_entry(review: Review, monkeypatch) -> None:
    entry = stored(review)
    monkeypatch.setattr(derived_module, "rules_version", lambda: "other-rules")
    assert derived_from_json(entry, review) is None


def test_the_rules_version_covers_the_rule_modules_and_the_gazetteer() -> None:
    assert "compare/tone.py" in derived_module.RULE_MODULES
    assert "corpus/spoiler_levels.py" in derived_module.RULE_MODULES
    for name in derived_module.RULE_MODULES:
        assert (derived_module.PACKAGE_DIR / name).is_file(), name


DAMAGE = {
    "not a dict": lambda e: ["x"],
    "no stamp": lambda e: {k: v for k, v in e.items() if k != "stamp"},
    "levels not a dict": lambda e: {**e, "spoiler_levels": "ending"},
    "unknown level": lambda e: {**e, "spoiler_levels": {"p1": ["spoilerish"]}},
    "unknown paragraph": lambda e: {**e, "spoiler_levels": {"p999": ["ending"]}},
    "tone missing": lambda e: {k: v for k, v in e.items() if k != "tone"},
    "arc too short": lambda e: {**e, "tone": {**e["tone"], "arc": e["tone"]["arc"][:1]}},
    "score NaN": lambda e: {**e, "tone": {**e["tone"], "score": float("nan")}},
    "score a string": lambda e: {**e, "tone": {**e["tone"], "score": "0.5"}},
    "negative count": lambda e: {**e, "tone": {**e["tone"], "negative": -1}},
    "word count bool": lambda e: {**e, "word_count": True},
    "mentions a list": lambda e: {**e, "mentions": [1, 2]},
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_refused_not_fatal(review: Review, damage: str) -> None:
    assert derived_from_json(DAMAGE[damage](copy.deepcopy(stored(review))), review) is None


@pytest.mark.parametrize("packed", ["", "person:x", "person:x 1", "person:x a b", "nokind 0 1",
                                   "person:x 5 2", "person:x 0 999999", "a b c d"])
def test_damaged_mentions_are_found_again(review: Review, packed: str) -> None:
    entry = stored(review)
    entry["mentions"] = {review.paragraphs[0].id: packed}
    loaded = derived_from_json(entry, review)
    assert loaded is not None
    assert review_mentions_of(loaded, review) == derive(review).mentions


def test_the_store_uses_a_current_offered_entry_and_recomputes_a_stale_one(
        review: Review, tmp_path) -> None:
    store = DerivedStore(bundled=tmp_path / "none.json", cache_dir=tmp_path)
    store.offer(review.id, stored(review))
    assert store.get(review) == derive(review)
    assert store.computed_count == 0

    stale = DerivedStore(bundled=tmp_path / "none.json", cache_dir=tmp_path)
    stale.offer(review.id, {**stored(review), "stamp": "old"})
    assert stale.get(review) == derive(review)
    assert stale.computed_count == 1


def test_computed_entries_are_cached_for_the_next_start(review: Review, tmp_path) -> None:
    first = DerivedStore(bundled=tmp_path / "none.json", cache_dir=tmp_path)
    first.get(review)
    assert first.computed_count == 1 and first.save_computed()
    second = DerivedStore(bundled=tmp_path / "none.json", cache_dir=tmp_path)
    assert second.get(review) == derive(review)
    assert second.computed_count == 0


@pytest.mark.parametrize("content", [b"", b"\x00\x00", b"{", b"[]", b'{"reviews": 3}',
                                     b'{"reviews": {"x": 1}}', b"\xff\xfe garbage"])
def test_a_damaged_cache_or_bundled_file_is_recomputed(review: Review, tmp_path,
                                                       content: bytes) -> None:
    (tmp_path / "derived.json").write_bytes(content)
    truncated = tmp_path / "bundled.json"
    truncated.write_text(derived_file_text(Corpus((review,)))[:500], encoding="utf-8")
    store = DerivedStore(bundled=truncated, cache_dir=tmp_path)
    assert store.get(review) == derive(review)
    assert store.computed_count == 1
    assert store.save_computed()
    assert DerivedStore(bundled=truncated, cache_dir=tmp_path).get(review).stamp == \
        review_stamp(review)


def test_an_import_is_stored_with_its_derived_data(review: Review, tmp_path) -> None:
    from nlmg_tui.corpus import derived_store
    from nlmg_tui.importer.store import ImportedReviews, load_full_corpus

    imported = replace(review, id="imp-0123456789ab")
    ImportedReviews(tmp_path).save(imported, "utf-8")
    payload = json.loads((tmp_path / "imports" / "imp-0123456789ab.json").read_text("utf-8"))
    assert payload["derived"]["stamp"] == review_stamp(imported)

    derived_store.reset_shared_derived()
    try:
        corpus, _ = load_full_corpus(tmp_path)
        store = derived_store.shared_derived()
        assert store.get(corpus.get("imp-0123456789ab")) == derive(imported)
        assert store.computed_count == 0
    finally:
        derived_store.reset_shared_derived()
