"""What the store does with damaged, odd or foreign files: quarantine, backup, never reset."""

from __future__ import annotations

import json
import os

import pytest

from nlmg_tui.library import (
    Library,
    NewerSchemaError,
    StoreReadOnlyError,
    StoreUnavailableError,
)


def quarantined(directory, name="bookmarks.json"):
    return sorted(p for p in directory.iterdir() if p.name.startswith(f"{name}.corrupt-"))


def two_bookmarks(library: Library) -> None:
    """Two saves (the first makes the snapshot, the second is a journal line), then a
    compaction: the snapshot holds both, the backup the first, the old journal the second."""
    library.add_bookmark("r1", "p1", "first")
    library.add_bookmark("r1", "p2", "second")
    library.compact()


def test_backup_holds_the_previous_version(library):
    two_bookmarks(library)
    backup = library.bookmarks_path.with_name("bookmarks.json.bak")
    assert len(json.loads(backup.read_text())["bookmarks"]) == 1
    assert backup.stat().st_mode & 0o777 == 0o600
    assert len(json.loads(library.bookmarks_path.read_text())["bookmarks"]) == 2
    assert library.bookmarks_path.with_name("bookmarks.json.journal.bak").exists()
    assert not library.bookmarks_path.with_name("bookmarks.json.journal").exists()


def test_file_has_a_schema_version(library):
    two_bookmarks(library)
    data = json.loads(library.bookmarks_path.read_text())
    assert data["_meta"]["1"]["schema"] == 1


DAMAGE = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "nul bytes": b"\x00" * 64,
    "trailing garbage": b'{"bookmarks":{}} trailing',
    "wrong shape list": b"[1, 2, 3]",
    "wrong shape table": b'{"bookmarks": [1, 2]}',
    "wrong shape record": b'{"bookmarks": {"1": "text"}}',
    "bad record id": b'{"bookmarks": {"one": {}}}',
    "not utf-8": b'{"bookmarks": {"1": {"quote": "\xff\xfe"}}}',
    "string schema": b'{"_meta": {"1": {"schema": "one"}}}',
    "deep nesting": b"[" * 100_000,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_moved_aside_and_backup_restored(library, damage):
    two_bookmarks(library)
    library.bookmarks_path.write_bytes(damage)
    fresh = Library(library.data_dir)
    # the backup plus the journal folded after it: nothing of the damaged version is missing
    assert [b.quote for b in fresh.bookmarks()] == ["first", "second"]
    [kept] = quarantined(library.data_dir)
    assert kept.read_bytes() == damage
    [notice] = fresh.take_notices()
    assert str(library.bookmarks_path) in notice and str(kept) in notice
    assert "restored" in notice
    fresh.add_bookmark("r1", "p3", "third")  # and it keeps working
    assert [b.quote for b in Library(library.data_dir).bookmarks()] == ["first", "second", "third"]


def test_damaged_file_with_no_backup_starts_empty_and_says_where_the_data_is(library):
    library.add_bookmark("r1", "p1", "only")
    library.bookmarks_path.write_bytes(b'{"bookmarks": {"1": ')
    fresh = Library(library.data_dir)
    assert fresh.bookmarks() == []
    [kept] = quarantined(library.data_dir)
    [notice] = fresh.take_notices()
    assert "no backup" in notice and str(kept) in notice and "Nothing was deleted" in notice


def test_damaged_file_and_damaged_backup_are_both_kept(library):
    two_bookmarks(library)
    backup = library.bookmarks_path.with_name("bookmarks.json.bak")
    library.bookmarks_path.write_bytes(b"{")
    backup.write_bytes(b"\x00\x00")
    fresh = Library(library.data_dir)
    assert fresh.bookmarks() == []
    assert [p.read_bytes() for p in quarantined(library.data_dir)] == [b"{"]
    assert [p.read_bytes() for p in quarantined(library.data_dir, "bookmarks.json.bak")] == [b"\x00\x00"]
    assert "unreadable too" in fresh.take_notices()[0]


def test_two_damages_in_the_same_second_keep_both_copies(library):
    library.add_bookmark("r1", "p1", "only")
    for damage in (b"{1", b"{2"):
        library.bookmarks_path.write_bytes(damage)
        Library(library.data_dir).bookmarks()
    assert sorted(p.read_bytes() for p in quarantined(library.data_dir)) == [b"{1", b"{2"]


def test_truncation_at_every_offset_never_crashes_or_loses_the_copy(library, tmp_path):
    two_bookmarks(library)
    library.add_film("One-Hour Photo", 2002)
    full = library.bookmarks_path.read_bytes()
    backup_path = library.bookmarks_path.with_name("bookmarks.json.bak")
    backup = backup_path.read_bytes()
    outcomes = {"parsed": 0, "restored": 0}
    for offset in range(len(full)):
        for stale in quarantined(library.data_dir):
            stale.unlink()
        library.bookmarks_path.write_bytes(full[:offset])
        backup_path.write_bytes(backup)
        fresh = Library(library.data_dir)
        quotes = [b.quote for b in fresh.bookmarks()]
        copies = quarantined(library.data_dir)
        if copies:
            assert [c.read_bytes() for c in copies] == [full[:offset]], offset
            assert quotes == ["first", "second"], offset
            outcomes["restored"] += 1
        else:
            assert quotes == ["first", "second"], offset
            outcomes["parsed"] += 1
    assert outcomes["restored"] >= len(full) - 3  # only a cut trailing newline/brace parses
    assert [e.title for e in Library(library.data_dir).watchlist()] == ["One-Hour Photo"]


def test_newer_schema_opens_read_only_with_a_clear_message(library):
    two_bookmarks(library)
    data = json.loads(library.bookmarks_path.read_text())
    data["_meta"]["1"]["schema"] = 99
    data["bookmarks"]["1"]["future_field"] = {"x": 1}
    library.bookmarks_path.write_text(json.dumps(data))
    before = library.bookmarks_path.read_bytes()
    fresh = Library(library.data_dir)
    assert len(fresh.bookmarks()) == 2
    assert "newer nlmg-tui" in fresh.read_only_reason
    with pytest.raises(NewerSchemaError, match="read-only"):
        fresh.add_bookmark("r1", "p9", "new")
    assert library.bookmarks_path.read_bytes() == before
    assert quarantined(library.data_dir) == []
    fresh.add_film("Sunshine")  # the other file is unaffected


def test_version_zero_file_is_migrated_and_the_original_kept(library, user_data_dir):
    user_data_dir.mkdir()
    v0 = {
        "bookmarks": {"1": {"review_id": "r1", "paragraph_id": "p1", "quote": "old one"}},
        "watchlist": {"1": {"title": "Atonement"}},
    }
    (user_data_dir / "bookmarks.json").write_text(json.dumps(v0))
    [bookmark] = library.bookmarks()
    assert (bookmark.quote, bookmark.note, bookmark.tags) == ("old one", "", ())
    assert len(bookmark.id) == 32
    data = json.loads(library.bookmarks_path.read_text())
    assert data["_meta"]["1"]["schema"] == 1
    [kept] = [p for p in user_data_dir.iterdir() if ".schema-v0-" in p.name]
    assert json.loads(kept.read_text()) == v0
    assert "Upgraded" in library.take_notices()[0]
    assert Library(user_data_dir).bookmarks() == [bookmark]  # ids stay stable after migration


def test_store_path_is_a_directory(library, user_data_dir):
    (user_data_dir / "bookmarks.json").mkdir(parents=True)
    with pytest.raises(StoreUnavailableError, match="is a folder"):
        library.bookmarks()
    with pytest.raises(StoreUnavailableError):
        library.add_bookmark("r1", "p1", "q")
    library.add_film("Still works")


def test_store_path_is_a_fifo(library, user_data_dir):
    user_data_dir.mkdir()
    os.mkfifo(user_data_dir / "bookmarks.json")
    with pytest.raises(StoreUnavailableError, match="not a regular file"):
        library.bookmarks()
    with pytest.raises(StoreUnavailableError):
        library.add_bookmark("r1", "p1", "q")


def test_store_path_is_a_dangling_symlink(library, user_data_dir):
    user_data_dir.mkdir()
    (user_data_dir / "bookmarks.json").symlink_to(user_data_dir / "nowhere.json")
    with pytest.raises(StoreUnavailableError, match="does not exist"):
        library.bookmarks()
    with pytest.raises(StoreUnavailableError):
        library.add_bookmark("r1", "p1", "q")
    assert not (user_data_dir / "nowhere.json").exists()


def test_a_symlinked_store_keeps_its_link(library, user_data_dir, tmp_path):
    target = tmp_path / "synced" / "bookmarks.json"
    target.parent.mkdir()
    library.add_bookmark("r1", "p1", "q")
    library.bookmarks_path.rename(target)
    library.bookmarks_path.symlink_to(target)
    other = Library(user_data_dir)
    other.add_bookmark("r1", "p2", "q2")
    other.compact()
    assert library.bookmarks_path.is_symlink()
    assert len(json.loads(target.read_text())["bookmarks"]) == 2


def test_data_dir_is_a_file(user_data_dir):
    user_data_dir.parent.mkdir(exist_ok=True)
    user_data_dir.write_text("not a dir")
    library = Library(user_data_dir)
    with pytest.raises((StoreUnavailableError, StoreReadOnlyError)):
        library.add_bookmark("r1", "p1", "q")


def test_orphaned_temp_files_are_cleaned_under_the_lock(library, user_data_dir):
    two_bookmarks(library)
    orphans = [user_data_dir / ".bookmarks.json.abc123.tmp", user_data_dir / ".bookmarks.json.bak.xyz.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b'{"half": ')
    unrelated = user_data_dir / "notes.tmp"
    unrelated.write_text("mine")
    fresh = Library(user_data_dir)
    assert len(fresh.bookmarks()) == 2  # a read ignores them
    fresh.add_bookmark("r1", "p3", "third")
    assert not any(o.exists() for o in orphans)
    assert unrelated.read_text() == "mine"
    assert sorted(p.name for p in user_data_dir.iterdir() if p.name.endswith(".tmp")) == ["notes.tmp"]


def test_a_hand_edited_file_with_a_bom_and_indentation_still_reads(library):
    two_bookmarks(library)
    data = json.loads(library.bookmarks_path.read_text())
    library.bookmarks_path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, indent=4).encode())
    assert len(Library(library.data_dir).bookmarks()) == 2
    assert quarantined(library.data_dir) == []


def test_a_file_without_a_generation_token_loses_nothing_on_the_next_write(library):
    """Hand-written (indented, no token) files must be re-read within one save."""
    two_bookmarks(library)
    data = json.loads(library.bookmarks_path.read_text())
    del data["_meta"]["1"]["generation"]
    library.bookmarks_path.write_text(json.dumps(data, indent=2))
    library.add_bookmark("r1", "p3", "third")
    library.add_bookmark("r1", "p4", "fourth")
    assert [b.quote for b in Library(library.data_dir).bookmarks()] == ["first", "second", "third", "fourth"]


def test_an_in_place_edit_is_seen_even_with_the_same_size_and_token(library):
    library.add_bookmark("r1", "p1", "first", note="aaaa")
    path = library.bookmarks_path
    info = path.stat()
    path.write_bytes(path.read_bytes().replace(b'"note":"aaaa"', b'"note":"bbbb"'))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert library.changed_since_last_read()
    assert library.bookmarks()[0].note == "bbbb"
    library.add_bookmark("r1", "p2", "second")
    assert [b.note for b in Library(library.data_dir).bookmarks()] == ["bbbb", ""]
