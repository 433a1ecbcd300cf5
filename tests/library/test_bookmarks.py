from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_tui.library import (
    InvalidEntryError,
    Library,
    NotFoundError,
    passage_from_review,
)
from nlmg_tui.library.bookmarks import MAX_NOTE_CHARS, bookmark_from_any_doc, canonical_bookmark
from nlmg_tui.textsafety import strip_unsafe


def add(library: Library, paragraph: str = "p1", quote: str = "A quote", **fields):
    return library.add_bookmark("r1", paragraph, quote, **fields)


def test_first_run_creates_nothing_until_a_write(library, user_data_dir):
    assert library.bookmarks() == []
    assert library.watchlist() == []
    assert not user_data_dir.exists()
    add(library)
    assert user_data_dir.is_dir()
    assert user_data_dir.stat().st_mode & 0o777 == 0o700
    for name in ("bookmarks.json", "bookmarks.json.lock"):
        assert (user_data_dir / name).stat().st_mode & 0o777 == 0o600


def test_add_is_on_disk_when_it_returns(library):
    added = add(library, note="why", tags=["grief", "Kathy"])
    assert added.created
    fresh = Library(library.data_dir).bookmarks()
    assert fresh == [added.item]
    assert fresh[0].tags == ("grief", "Kathy")


def test_same_passage_twenty_times_is_one_bookmark(library, corpus):
    passage = passage_from_review(corpus.get("r1"), "p2")
    results = [library.bookmark_passage(passage) for _ in range(20)]
    assert [r.created for r in results] == [True] + [False] * 19
    assert {r.item.id for r in results} == {results[0].item.id}
    assert len(library.bookmarks()) == 1


def test_whitespace_differences_do_not_make_a_new_bookmark(library):
    add(library, quote="a  quote\n here")
    assert not add(library, quote="a quote here").created


def test_different_spans_of_a_paragraph_are_different_bookmarks(library):
    add(library, quote="First sentence.")
    add(library, quote="Second sentence.")
    assert len(library.bookmarks()) == 2


def test_note_and_tags_update_and_bump_updated(library):
    bookmark = add(library).item
    noted = library.update_note(bookmark.id, "second thoughts")
    tagged = library.set_tags(bookmark.id, [" ending ", "#ending", "Ending", "", "hope"])
    assert noted.note == "second thoughts"
    assert tagged.tags == ("ending", "hope")
    stored = Library(library.data_dir).get_bookmark(bookmark.id)
    assert stored.note == "second thoughts" and stored.tags == ("ending", "hope")
    assert stored.updated >= bookmark.updated


def test_delete_returns_the_record_and_restore_undoes_it(library):
    keep = add(library, paragraph="p1").item
    gone = add(library, paragraph="p2", note="n", tags=["t"]).item
    deleted = library.delete_bookmark(gone.id)
    assert deleted == gone
    assert [b.id for b in library.bookmarks()] == [keep.id]
    library.restore_bookmark(deleted)
    library.restore_bookmark(deleted)  # undo twice: still one
    assert sorted(b.id for b in Library(library.data_dir).bookmarks()) == sorted([keep.id, gone.id])


def test_changing_a_bookmark_deleted_elsewhere_is_a_clear_error(library):
    bookmark = add(library).item
    Library(library.data_dir).delete_bookmark(bookmark.id)
    with pytest.raises(NotFoundError, match="no longer exists"):
        library.update_note(bookmark.id, "too late")
    with pytest.raises(NotFoundError):
        library.delete_bookmark(bookmark.id)


def test_a_stale_instance_does_not_overwrite_the_other_instances_changes(library):
    other = Library(library.data_dir)
    mine = add(library, paragraph="p1").item
    assert other.bookmarks() == [mine]  # other's view now holds one bookmark
    theirs = add(library, paragraph="p2").item
    other.update_note(mine.id, "edited in the other window")  # other's view is stale
    stored = {b.id: b for b in Library(library.data_dir).bookmarks()}
    assert set(stored) == {mine.id, theirs.id}
    assert stored[mine.id].note == "edited in the other window"


def test_instances_notice_each_others_changes(library):
    other = Library(library.data_dir)
    assert library.bookmarks() == [] and not library.changed_since_last_read()
    add(other)
    assert library.changed_since_last_read()
    assert len(library.bookmarks()) == 1
    assert not library.changed_since_last_read()
    add(library, paragraph="p2")  # our own write does not count as an outside change
    assert not library.changed_since_last_read()


def test_a_sync_tool_replacing_the_file_is_noticed(library, tmp_path):
    add(library)
    snapshot = library.bookmarks_path.read_bytes()
    add(library, paragraph="p2")
    library.compact()  # the journal is folded in: the snapshot alone holds both
    assert len(library.bookmarks()) == 2
    replacement = tmp_path / "synced.json"
    replacement.write_bytes(snapshot)
    replacement.replace(library.bookmarks_path)
    assert library.changed_since_last_read()
    assert len(library.bookmarks()) == 1


def test_unsafe_text_is_stripped_at_ingest(library):
    bookmark = add(library, quote="quote\x1b]0;pwned\x07 here", note="a\x1b[31mred\u202e").item
    assert bookmark.quote == "quote here"
    assert bookmark.note == "ared"


def test_lone_surrogate_in_a_note_is_stored_as_replacement_character(library):
    bookmark = add(library, note="broken \ud800 half").item
    assert bookmark.note == "broken \ufffd half"
    assert Library(library.data_dir).bookmarks()[0].note == "broken \ufffd half"
    json.loads(library.bookmarks_path.read_text(encoding="utf-8"))


def test_a_ten_megabyte_note_is_refused_and_nothing_changes(library):
    bookmark = add(library, note="short").item
    before = library.bookmarks_path.read_bytes()
    with pytest.raises(InvalidEntryError, match="limited to"):
        library.update_note(bookmark.id, "x" * 10 * 1024 * 1024)
    with pytest.raises(InvalidEntryError):
        add(library, paragraph="p2", note="x" * 10 * 1024 * 1024)
    assert library.bookmarks_path.read_bytes() == before


def test_longest_allowed_note_round_trips(library):
    bookmark = add(library).item
    library.update_note(bookmark.id, "y" * MAX_NOTE_CHARS)
    assert Library(library.data_dir).bookmarks()[0].note == "y" * MAX_NOTE_CHARS


@pytest.mark.parametrize(
    ("review_id", "paragraph_id", "quote"),
    [("", "p1", "q"), ("r1", "  ", "q"), ("r1", "p1", "   "), ("r1", "p1", None)],
)
def test_missing_fields_are_refused(library, review_id, paragraph_id, quote):
    with pytest.raises(InvalidEntryError):
        library.add_bookmark(review_id, paragraph_id, quote)
    assert not library.bookmarks_path.exists()


def test_bookmarked_paragraphs_for_the_reader(library):
    add(library, paragraph="p1")
    add(library, paragraph="p3", quote="other")
    library.add_bookmark("r2", "p2", "x")
    assert library.bookmarked_paragraphs("r1") == {"p1", "p3"}
    assert library.find_bookmark("r1", "p3", "other") is not None


def test_bad_records_are_hidden_with_a_notice_and_kept(library):
    add(library)
    data = json.loads(library.bookmarks_path.read_text())
    data["bookmarks"]["7"] = {"id": "x", "quote": 5}
    data["bookmarks"]["8"] = {
        "id": "y",
        "review_id": "r1",
        "paragraph_id": "p1",
        "quote": "q",
        "tags": [],
        "created": "yesterday",
    }
    library.bookmarks_path.write_text(json.dumps(data))
    assert len(library.bookmarks()) == 1
    notices = library.take_notices()
    assert len(notices) == 1 and "2 bookmark record(s)" in notices[0]
    add(library, paragraph="p2")
    assert set(json.loads(library.bookmarks_path.read_text())["bookmarks"]) >= {"7", "8"}


notes = st.text(max_size=300) | st.text(
    st.characters(categories=["Ll", "Zs"], include_characters="\ud800\udfff\x1b\x00\u202e\r\x85"),
    max_size=50,
)
tags = st.lists(st.text(max_size=20), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=notes, tag_list=tags)
def test_any_note_and_tags_round_trip_through_the_file(tmp_path_factory, note, tag_list):
    library = Library(tmp_path_factory.mktemp("prop"))
    bookmark = library.add_bookmark("r1", "p1", "q", note=note, tags=tag_list).item
    stored = Library(library.data_dir).get_bookmark(bookmark.id)
    assert stored == bookmark
    assert stored.note == strip_unsafe(note)
    assert all(t and t == t.strip() and "\n" not in t for t in stored.tags)
    assert len({t.casefold() for t in stored.tags}) == len(stored.tags)


def test_a_failed_change_does_not_leave_a_stale_list(library):
    bookmark = add(library).item
    assert len(library.bookmarks()) == 1
    Library(library.data_dir).delete_bookmark(bookmark.id)
    with pytest.raises(NotFoundError):
        library.update_note(bookmark.id, "gone")
    assert library.changed_since_last_read()
    assert library.bookmarks() == []


def test_hidden_records_are_reported_once(library):
    add(library)
    data = json.loads(library.bookmarks_path.read_text())
    data["bookmarks"]["9"] = {"id": "broken"}
    library.bookmarks_path.write_text(json.dumps(data))
    library.bookmarks()
    add(library, paragraph="p2")
    library.bookmarks()
    assert len(library.take_notices()) == 1


def test_threads_sharing_one_library_lose_nothing(library):
    import threading

    def worker(number: int) -> None:
        for index in range(10):
            add(library, paragraph=f"t{number}-{index}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(Library(library.data_dir).bookmarks()) == 40


def test_undo_after_bookmarking_the_passage_again_keeps_one(library):
    bookmark = add(library).item
    deleted = library.delete_bookmark(bookmark.id)
    again = add(library).item
    assert library.restore_bookmark(deleted) == again
    assert [b.id for b in library.bookmarks()] == [again.id]


_PIECES = ["a", "B", " ", "  ", "\t", "\n", "\r", "#", "\x1b[31m", "\x9b", "\u202e", "\ud800", "\x00", "é",
           "\xa0"]
_ODD_TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_TIMES = st.sampled_from(["2026-01-02T03:04:05+00:00", "2026-01-02", "yesterday", "", None])


@settings(max_examples=300, deadline=None)
@given(
    ids=st.lists(_ODD_TEXT | st.none(), min_size=3, max_size=3),
    quote=_ODD_TEXT | st.none(),
    note=_ODD_TEXT | st.none(),
    tags=st.lists(_ODD_TEXT, max_size=3) | st.none(),
    created=_TIMES,
    updated=_TIMES,
)
def test_the_fast_read_of_a_clean_record_agrees_with_the_full_cleaning(
    ids, quote, note, tags, created, updated
):
    doc = {"id": ids[0], "review_id": ids[1], "paragraph_id": ids[2], "quote": quote, "prefix": "",
           "suffix": "", "note": note, "tags": tags, "created": created, "updated": updated}
    fast = canonical_bookmark(doc)
    try:
        full = bookmark_from_any_doc(doc)
    except InvalidEntryError:
        assert fast is None
        return
    assert fast is None or fast == full


def test_records_written_by_the_app_take_the_fast_read(library):
    bookmark = library.add_bookmark("r1", "p1", "a quote", note="note\twith tab", tags=["x", "y z"]).item
    assert canonical_bookmark(bookmark.to_doc()) == bookmark
