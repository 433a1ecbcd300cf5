"""`nlmg-tui search`: the table, the JSON shape, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from nlmg_tui import paths
from nlmg_tui.cli import cli

pytestmark = pytest.mark.skipif(not paths.corpus_file().exists(),
                                reason="data/corpus.json not built yet")


def invoke(*args: str):
    return CliRunner().invoke(cli, ["search", *args])


def test_json_has_the_documented_keys_and_spans_index_the_snippet() -> None:
    result = invoke("garfeild", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    for hit in hits:
        assert {"review_id", "paragraph_id", "field", "score", "snippet", "spans"} <= hit.keys()
        assert [hit["snippet"][s:e] for s, e in hit["spans"]] == ["Garfield"] * len(hit["spans"])


def test_table_shows_the_hits() -> None:
    result = invoke("critic:hanke")
    assert result.exit_code == 0
    assert "Ken Hanke" in result.stdout
    assert "critic" in result.stdout


def test_in_option_narrows_to_a_field() -> None:
    hits = json.loads(invoke("film", "--in", "comments", "--json").stdout)
    assert hits and {hit["field"] for hit in hits} == {"comment"}


def test_negated_words_pass_through_as_query_words() -> None:
    hits = json.loads(invoke("film", "-depressing", "--json", "--limit", "100").stdout)
    assert hits
    assert all("depressing" not in hit["snippet"].lower() for hit in hits)


def test_nothing_matched_exits_1_with_a_message() -> None:
    result = invoke("zzqxjv")
    assert result.exit_code == 1
    assert "no matches" in result.stderr
    json_result = invoke("zzqxjv", "--json")
    assert json_result.exit_code == 1
    assert json.loads(json_result.stdout) == []


def test_markup_and_control_characters_are_printed_as_text() -> None:
    result = invoke("[/b]", "[@click=app.quit]", "\x1b]0;x\x07")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "\x1b" not in result.output


def test_long_query_is_noted() -> None:
    result = invoke("film " * 100)
    assert "cut to its first" in result.stderr


def test_bad_options_are_one_line_errors() -> None:
    for args in (["x", "--in", "bogus"], ["x", "--limit", "0"]):
        proc = subprocess.run([sys.executable, "-m", "nlmg_tui", "search", *args],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2
        assert len(proc.stderr.strip().splitlines()) == 1
        assert proc.stderr.startswith("nlmg-tui: error:")


def test_installed_command_exit_status() -> None:
    found = subprocess.run([sys.executable, "-m", "nlmg_tui", "search", "mulligen"],
                           capture_output=True, text=True, timeout=60)
    assert found.returncode == 0 and "Mulligan" in found.stdout
    missing = subprocess.run([sys.executable, "-m", "nlmg_tui", "search", "zzqxjv"],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and missing.stdout == ""


def test_a_negated_word_starting_with_h_is_not_the_help_option() -> None:
    result = invoke("film", "-hanke", "--json")
    assert result.exit_code == 0
    assert "Usage:" not in result.stdout
    assert json.loads(result.stdout)


def bookmark_with_note(data_dir, note: str, tags=()):
    from nlmg_tui.corpus.store import load_corpus
    from nlmg_tui.library import Library

    review = load_corpus().reviews[2]
    paragraph = review.paragraphs[1]
    added = Library(data_dir).add_bookmark(review.id, paragraph.id, paragraph.text, note=note,
                                           tags=tags)
    return added.item


def test_notes_are_searched_and_marked_in_json(user_data_dir) -> None:
    bookmark = bookmark_with_note(user_data_dir, "A zanzibar of a scene.", tags=["ending"])
    hits = json.loads(invoke("zanzibar", "--json").stdout)
    assert [(h["field"], h["bookmark_id"], h["review_id"], h["paragraph_id"]) for h in hits] == [
        ("note", bookmark.id, bookmark.review_id, bookmark.paragraph_id)]
    table = invoke("zanzibar").stdout
    assert "note" in table and f"bookmark {bookmark.id[:8]}" in table
    corpus_hits = json.loads(invoke("garfield", "--json", "--limit", "3").stdout)
    assert all(h["bookmark_id"] is None for h in corpus_hits)


def test_in_notes_keeps_only_notes(user_data_dir) -> None:
    bookmark = bookmark_with_note(user_data_dir, "Garfield again.", tags=["ending"])
    for args in (["garfield", "--in", "notes"], ["in:notes", "garfield"], ["ending", "--in", "note"]):
        hits = json.loads(invoke(*args, "--json").stdout)
        assert [h["bookmark_id"] for h in hits] == [bookmark.id], args
    comments = json.loads(invoke("garfield", "--in", "comments", "--json").stdout)
    assert all(h["field"] == "comment" for h in comments)


def test_an_unreadable_bookmarks_file_still_gives_corpus_hits(user_data_dir) -> None:
    (user_data_dir / "bookmarks.json").mkdir(parents=True)  # a folder where the file should be
    result = invoke("garfield", "--json", "--limit", "2")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2
    warnings = [line for line in result.stderr.splitlines() if "notes not searched" in line]
    assert len(warnings) == 1 and warnings[0].startswith("nlmg-tui: warning:")


def test_a_hostile_note_is_printed_as_text(user_data_dir) -> None:
    bookmark_with_note(user_data_dir, "quokka [bold]x[/bold] \x1b]0;pwned\x07 [@click=app.quit]")
    result = invoke("quokka")
    assert result.exit_code == 0
    assert "[bold]x[/bold]" in result.stdout and "\x1b" not in result.output
