"""Bookmark notes (and tags) as search documents: a small index of their own, searched beside the
corpus index and merged with it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from nlmg_tui.search import (
    CurrentNotes,
    Document,
    SearchIndex,
    build_notes_index,
    documents_from_bookmarks,
    search_with_notes,
)
from nlmg_tui.search.documents import DocumentTable
from nlmg_tui.search.index import PARTIAL_NOTE

from .conftest import REVIEWS


@dataclass(frozen=True)
class Mark:
    """Just what a note document needs from a ``library.Bookmark``."""

    id: str
    review_id: str
    paragraph_id: str
    note: str
    tags: tuple[str, ...] = ()


MARKS = (
    Mark("bm-1", "001_aaaa", "p2", "Mulligan's quiet zanzibar of a performance.", ("acting",)),
    Mark("bm-2", "002_bbbb", "p1", "Depressing, yes, but the score carries it.", ("ending", "sad")),
    Mark("bm-3", "002_bbbb", "p2", ""),  # no note, no tags: nothing to search
    Mark("bm-4", "003_cccc", "p1", "", ("grace",)),  # tags only
)


@pytest.fixture(scope="module")
def notes():
    return build_notes_index(MARKS, REVIEWS)


def search(index: SearchIndex, notes, query: str, **options):
    return search_with_notes(index, notes, query, **options)


def test_a_notes_word_finds_the_note_with_its_bookmark(small_index, notes) -> None:
    result = search(small_index, notes, "zanzibar ")
    assert [(h.field, h.bookmark_id, h.review_id, h.paragraph_id) for h in result.hits] == [
        ("note", "bm-1", "001_aaaa", "p2")]
    hit = result.hits[0]
    assert [hit.document.text[s:e] for s, e in hit.spans] == ["zanzibar"]
    assert hit.to_json()["bookmark_id"] == "bm-1" and hit.to_json()["field"] == "note"


def test_corpus_hits_have_no_bookmark_id(small_index, notes) -> None:
    result = search(small_index, notes, "depressing ")
    fields = {h.field: h.bookmark_id for h in result.hits}
    assert fields == {"paragraph": None, "comment": None, "note": "bm-2"}
    # Equal scores: the critic's own text comes before the user's note.
    assert [h.field for h in result.hits][-1] == "note"


def test_tags_are_searched_as_hash_words(small_index, notes) -> None:
    tagged = search(small_index, notes, "in:notes sad ")
    assert [h.bookmark_id for h in tagged.hits] == ["bm-2"]
    assert tagged.hits[0].document.text.endswith("#ending #sad")
    only_tags = search(small_index, notes, "in:notes grace ")
    assert [(h.bookmark_id, h.document.text) for h in only_tags.hits] == [("bm-4", "#grace")]


def test_notes_without_text_are_not_documents() -> None:
    ids = [d.bookmark_id for d in documents_from_bookmarks(MARKS, REVIEWS) if d.field == "note"]
    assert ids == ["bm-1", "bm-2", "bm-4"]


@pytest.mark.parametrize(("query", "fields", "expected"), [
    ("in:notes grace ", None, {"note"}),
    ("in:note grace ", None, {"note"}),
    ("grace ", frozenset({"note"}), {"note"}),
    ("in:comments depressing ", None, {"comment"}),
    ("depressing ", frozenset({"paragraph", "verdict"}), {"paragraph"}),
    ("-in:notes grace ", None, {"paragraph"}),
])
def test_field_filters_reach_notes(small_index, notes, query, fields, expected) -> None:
    result = search(small_index, notes, query, fields=fields, limit=100)
    assert result.hits and {h.field for h in result.hits} == expected


def test_critic_outlet_and_review_filters_apply_to_notes(small_index, notes) -> None:
    by_critic = search(small_index, notes, "critic:hanke in:notes")
    assert [h.bookmark_id for h in by_critic.hits] == ["bm-2"]
    not_hanke = search(small_index, notes, "-critic:hanke in:notes")
    assert {h.bookmark_id for h in not_hanke.hits} == {"bm-1", "bm-4"}
    by_outlet = search(small_index, notes, "outlet:msn zanzibar ")
    assert [h.bookmark_id for h in by_outlet.hits] == ["bm-1"]
    by_review = search(small_index, notes, "review:003 in:notes")
    assert [h.bookmark_id for h in by_review.hits] == ["bm-4"]
    # The label documents that make the filters work are never hits themselves.
    assert search(small_index, notes, "hanke ").hits == small_index.search("hanke ").hits


def test_an_empty_query_lists_no_notes(small_index, notes) -> None:
    for query in ("", "   "):
        assert search(small_index, notes, query).hits == ()


def test_all_words_in_a_note_beat_all_but_one_in_the_corpus(small_index, notes) -> None:
    alone = small_index.search("zanzibar mulligan ")
    assert alone.partial and PARTIAL_NOTE in alone.notes
    merged = search(small_index, notes, "zanzibar mulligan ")
    assert not merged.partial and PARTIAL_NOTE not in merged.notes
    assert [h.bookmark_id for h in merged.hits] == ["bm-1"] and merged.total == 1


def test_partial_in_both_stays_partial(small_index, notes) -> None:
    merged = search(small_index, notes, "zanzibar mulligan xylophone ")
    assert merged.partial and merged.notes.count(PARTIAL_NOTE) == 1
    assert {h.field for h in merged.hits} >= {"note"}


def test_hits_merge_by_score_then_field(small_index, notes) -> None:
    merged = search(small_index, notes, "mulligen ", limit=100)
    scores = [h.score for h in merged.hits]
    assert scores == sorted(scores, reverse=True)
    assert merged.total == len(merged.hits) == sum(
        len(r.hits) for r in (small_index.search("mulligen "),
                              notes.index.search("mulligen ", fields={"note"})))
    assert "note" in {h.field for h in merged.hits}


def test_limit_applies_to_the_merged_hits(small_index, notes) -> None:
    assert len(search(small_index, notes, "film ", limit=2).hits) == 2


def test_no_notes_index_is_the_corpus_search(small_index) -> None:
    assert search(small_index, None, "grace ") == small_index.search("grace ")
    empty = build_notes_index([], REVIEWS)
    assert search(small_index, empty, "grace ").hits == small_index.search("grace ").hits


def test_current_notes_rebuilds_only_when_the_bookmarks_change(small_index) -> None:
    current = CurrentNotes(REVIEWS)
    marks = list(MARKS)
    first = current.index_for(marks)
    assert current.index_for(list(marks)) is first  # unchanged: the same index
    marks[0] = replace(marks[0], note="Now about a tangerine.")
    second = current.index_for(marks)
    assert second is not first
    assert [h.bookmark_id for h in search(small_index, second, "tangerine ").hits] == ["bm-1"]
    assert search(small_index, second, "zanzibar ").hits == ()


def test_hostile_notes_are_cleaned_and_kept_literal(small_index) -> None:
    hostile = Mark("bm-x", "001_aaaa", "p1",
                   "[@click=app.quit]quokka[/] \x1b]0;pwned\x07 [b]bold\x9b31m\u202e")
    notes = build_notes_index([hostile], REVIEWS)
    hit = search(small_index, notes, "quokka ").hits[0]
    assert hit.snippet == "[@click=app.quit]quokka[/]  [b]bold"
    assert not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or c == "\u202e"
                   for c in hit.document.text)


def test_document_table_keeps_the_bookmark_id_column() -> None:
    documents = [Document("paragraph", "r", "text", "p1"),
                 Document("note", "r", "my note", "p1", bookmark_id="bm-9")]
    table = DocumentTable(documents).freeze()
    assert list(table) == documents
    assert table[1].bookmark_id == "bm-9" and table[0].bookmark_id is None
