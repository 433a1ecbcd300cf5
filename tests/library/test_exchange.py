from __future__ import annotations

import json
from dataclasses import replace

import pytest

from nlmg_tui.library import ImportFileError, Library
from nlmg_tui.library.exchange import (
    bookmarks_to_json,
    bookmarks_to_markdown,
    parse_bookmark_export,
    read_bookmark_export,
)


@pytest.fixture
def stocked(library, corpus):
    library.add_bookmark(
        "r1",
        "p2",
        "Tommy's rages are the film's rawest moments.",
        note="line one\nline <b>two</b>",
        tags=["tommy", "anger"],
    )
    library.add_bookmark("r2", "p1", "Carey Mulligan is quietly devastating as Kathy H.")
    return library


def test_markdown_quotes_each_passage_with_attribution_and_note(stocked, corpus):
    text = bookmarks_to_markdown(stocked.bookmarks(), corpus)
    assert "> Tommy's rages are the film's rawest moments." in text
    assert "— A. Critic, *The Outlet*, “Headline”, 2010-09-15, ¶ 2" in text
    assert "— “Headline”, ¶ 1" in text
    assert "r1" not in text and "r2" not in text and "p2" not in text  # no internal ids
    assert "line one\nline &lt;b>two&lt;/b>" in text
    assert "**Tags:** tommy, anger" in text
    assert text.startswith("# Bookmarks") and "2 passages" in text


def test_markdown_strips_escape_sequences_again_on_the_way_out(corpus):
    from nlmg_tui.library.bookmarks import Bookmark

    raw = Bookmark(
        "i", "r1", "p1", "q\x1b]52;c;ZXZpbA==\x07 end", "", "", "n\x9b31m", (), "2026-01-01", "2026-01-01"
    )
    text = bookmarks_to_markdown([raw], corpus)
    assert "\x1b" not in text and "\x9b" not in text and "> q end" in text


def test_json_round_trip_adds_nothing_twice(stocked, corpus, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(bookmarks_to_json(stocked.bookmarks(), corpus), encoding="utf-8")
    elsewhere = Library(tmp_path / "other")
    first = elsewhere.import_bookmarks(read_bookmark_export(export))
    second = elsewhere.import_bookmarks(read_bookmark_export(export))
    assert (first.added, first.unchanged) == (2, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert elsewhere.bookmarks() == stocked.bookmarks()
    back = stocked.import_bookmarks(read_bookmark_export(export))
    assert back.added == 0 and len(stocked.bookmarks()) == 2


def test_import_takes_newer_notes_for_known_ids(stocked, corpus):
    exported = parse_bookmark_export(bookmarks_to_json(stocked.bookmarks()).encode())
    target = exported[0]
    stocked.update_note(target.id, "edited later here")
    later = "2999-01-01T00:00:00+00:00"
    newer = [
        replace(b, note="from the other machine", updated=later) if b.id == target.id else b for b in exported
    ]
    result = stocked.import_bookmarks(newer)
    assert result.updated == 1
    assert stocked.get_bookmark(target.id).note == "from the other machine"


def test_same_passage_under_another_id_is_not_duplicated(stocked):
    data = json.loads(bookmarks_to_json(stocked.bookmarks()))
    for record in data["bookmarks"]:
        record["id"] = "x" + record["id"][1:]
    result = stocked.import_bookmarks(parse_bookmark_export(json.dumps(data).encode()))
    assert (result.added, result.unchanged) == (0, 2)


BAD = {
    "not json": b"{nope",
    "not utf-8": b'{"format": "nlmg-tui-bookmarks", "bookmarks": ["\xff"]}',
    "wrong format": b'{"format": "other", "bookmarks": []}',
    "newer version": b'{"format": "nlmg-tui-bookmarks", "version": 9, "bookmarks": []}',
    "a string": b'"bookmarks"',
    "one bad record": b'[{"id": "a", "review_id": "r", "paragraph_id": "p", "quote": "q",'
    b' "created": "2026-01-01", "updated": "2026-01-01"}, {"id": "b"}]',
}


@pytest.mark.parametrize("payload", BAD.values(), ids=BAD.keys())
def test_bad_imports_import_nothing(stocked, tmp_path, payload):
    path = tmp_path / "bad.json"
    path.write_bytes(payload)
    before = stocked.bookmarks_path.read_bytes()
    with pytest.raises(ImportFileError, match="bad.json"):
        stocked.import_bookmarks(read_bookmark_export(path))
    assert stocked.bookmarks_path.read_bytes() == before


def test_import_of_a_bom_file_works(stocked, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + bookmarks_to_json(stocked.bookmarks()).encode())
    assert len(read_bookmark_export(path)) == 2


@pytest.mark.parametrize("kind", ["directory", "fifo", "missing", "huge"])
def test_import_refuses_odd_files(tmp_path, kind, monkeypatch):
    path = tmp_path / "thing"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        import os

        os.mkfifo(path)
    elif kind == "huge":
        from nlmg_tui.library import exchange

        monkeypatch.setattr(exchange, "MAX_IMPORT_BYTES", 10)
        path.write_text("[" + " " * 20 + "]")
    with pytest.raises(ImportFileError):
        read_bookmark_export(path)
