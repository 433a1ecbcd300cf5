"""The chunk-at-a-time read of stored bookmarks agrees with reading them one at a time, and a
damaged or unclean record in a large store is still cleaned, or hidden, reported and kept."""

from __future__ import annotations

import gc
import json
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_tui.library import Library
from nlmg_tui.library.bookmarks import Bookmark, canonical_bookmark, new_bookmark
from nlmg_tui.library.canonical_bookmarks import canonical_bookmarks
from nlmg_tui.library.records import CHUNK, collector_paused

_PIECES = ["a", "B", " ", "  ", "\t", "\n", "#", "\x1b[31m", "\x9b", "\u202e", "\ud800", "\x00", "é", "\xa0",
           "\u2019", "x" * 61]
_ODD_TEXT = st.lists(st.sampled_from(_PIECES), max_size=5).map("".join)
_ODD_VALUE = _ODD_TEXT | st.sampled_from([None, 5, 1.5, [], ["t"], {}, b"bytes", "x" * 201, "q" * 20_001])
_FIELDS = ("id", "review_id", "paragraph_id", "quote", "prefix", "suffix", "note", "tags", "created",
           "updated")
_TIMES = st.sampled_from(["2026-01-02T03:04:05+00:00", "2026-01-02", "yesterday", "", "2026-13-01"])
_TAG_LISTS = st.lists(_ODD_TEXT, max_size=3) | st.sampled_from(
    [["a", "A"], ["#x"], ["a"] * 51, ("a",), "tag"]
)

_clean_text = st.tuples(
    st.characters(categories=["L", "N"]),
    st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=29),
).map("".join)


@st.composite
def app_written_docs(draw) -> dict:
    """A record as the app writes it (cleaned at ingest), from varied text."""
    bookmark = new_bookmark(
        draw(_clean_text), draw(_clean_text), draw(_clean_text), prefix=draw(st.text(max_size=10)),
        note=draw(st.text(max_size=20)), tags=draw(st.lists(_clean_text, max_size=3)),
    )
    return bookmark.to_doc()


@st.composite
def damaged(draw, doc: dict) -> object:
    """``doc`` with one thing wrong or unusual: a field's value, a missing or extra key, not a dict."""
    doc = dict(doc)
    how = draw(st.sampled_from(["value", "tags", "time", "missing", "extra", "not a dict"]))
    field = draw(st.sampled_from(_FIELDS))
    if how == "value":
        doc[field] = draw(_ODD_VALUE)
    elif how == "tags":
        doc["tags"] = draw(_TAG_LISTS)
    elif how == "time":
        doc[draw(st.sampled_from(["created", "updated"]))] = draw(_TIMES)
    elif how == "missing":
        doc.pop(field, None)
    elif how == "extra":
        doc["extra"] = "x"
    else:
        return list(doc.items())
    return doc


@st.composite
def chunks(draw) -> list:
    docs: list[object] = draw(st.lists(app_written_docs(), min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(docs) - 1))
        source = docs[position]
        if isinstance(source, dict):
            docs[position] = draw(damaged(source))
    return docs


def _one_by_one(docs: list) -> list[Bookmark | None]:
    return [canonical_bookmark(doc) if isinstance(doc, dict) else None for doc in docs]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=chunks())
def test_a_chunk_is_read_at_once_exactly_when_each_record_is_canonical(docs):
    singly = _one_by_one(docs)
    batch = canonical_bookmarks(docs)
    if all(item is not None for item in singly):
        assert batch == singly
        assert all(type(item.tags) is tuple for item in batch)
    else:
        assert batch is None


@settings(max_examples=100, deadline=None)
@given(docs=st.lists(app_written_docs(), min_size=1, max_size=20))
def test_records_the_app_writes_are_read_at_once_and_match_the_full_cleaning(docs):
    assert canonical_bookmarks(docs) == [Bookmark.from_doc(doc) for doc in docs]


@pytest.mark.parametrize(
    ("field", "value"),
    [("quote", " leading space"), ("quote", ""), ("note", "bell \x07"), ("prefix", "bidi \u202e"),
     ("id", "two  spaces"), ("review_id", "line\nbreak"), ("tags", ["#hash"]), ("tags", ["Dup", "dup"]),
     ("created", "not a time"), ("updated", 20260102), ("suffix", None), ("paragraph_id", "p" * 201)],
)
def test_one_odd_record_sends_its_chunk_to_the_one_by_one_read(field, value):
    docs = [new_bookmark("r1", f"p{i}", f"quote {i}").to_doc() for i in range(50)]
    docs[17][field] = value
    assert canonical_bookmarks(docs) is None
    assert canonical_bookmarks(docs[:17] + docs[18:]) is not None


def _seed(library: Library, count: int) -> list[Bookmark]:
    bookmarks = [new_bookmark("r1", f"p{i}", f"Quote number {i}, with a curly \u2019 and an é.",
                              note=f"note {i}", tags=["t"] if i % 2 else [])
                 for i in range(count)]
    library.import_bookmarks(bookmarks)
    return bookmarks


def test_a_damaged_record_in_a_large_store_is_hidden_reported_and_kept(library):
    count = 2 * CHUNK + 500
    _seed(library, count)
    data = json.loads(library.bookmarks_path.read_text())
    table = data["bookmarks"]
    keys = list(table)
    damaged_key, unclean_key = keys[CHUNK + 3], keys[10]
    table[damaged_key]["quote"] = 5
    table[unclean_key]["note"] = "rang \x07 a bell \x1b[31m"
    library.bookmarks_path.write_text(json.dumps(data))

    fresh = Library(library.data_dir)
    listed = fresh.bookmarks()
    assert len(listed) == count - 1
    assert table[damaged_key]["id"] not in {b.id for b in listed}
    assert [b.id for b in listed] == [table[k]["id"] for k in keys if k != damaged_key]  # file order kept
    unclean = next(b for b in listed if b.id == table[unclean_key]["id"])
    assert unclean.note == "rang  a bell "
    notices = fresh.take_notices()
    assert len(notices) == 1 and "1 bookmark record(s)" in notices[0]

    fresh.add_bookmark("r2", "p1", "a new quote")
    fresh.compact()
    stored = json.loads(fresh.bookmarks_path.read_text())["bookmarks"]
    assert stored[damaged_key]["quote"] == 5  # never dropped or rewritten
    assert len(Library(library.data_dir).bookmarks()) == count


def test_relisting_after_one_change_reuses_the_unchanged_bookmarks(library):
    _seed(library, CHUNK + 10)
    first = library.bookmarks()
    changed = library.update_note(first[5].id, "changed")
    second = library.bookmarks()
    assert second[5] == changed and second[5] is not first[5]
    assert all(a is b for a, b in zip(first[6:], second[6:], strict=True))


def test_the_collector_is_paused_only_while_reading_and_left_as_it_was():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested (another read in the same thread)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed read")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # the program had it off: it stays off
    finally:
        gc.enable()


def test_reads_in_two_threads_leave_the_collector_on(library):
    _seed(library, 300)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(5):
                assert len(Library(library.data_dir).bookmarks()) == 300
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors and not any(t.is_alive() for t in threads)
    assert gc.isenabled()
