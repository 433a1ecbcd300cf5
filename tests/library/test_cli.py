"""`nlmg-tui bookmarks ...` and `nlmg-tui watchlist ...` end to end (in-process)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nlmg_tui.cli import cli
from nlmg_tui.corpus.store import CorpusError, load_corpus
from nlmg_tui.library import Library


@pytest.fixture
def real_corpus():
    try:
        return load_corpus()
    except CorpusError:
        pytest.skip("data/corpus.json not built yet")


@pytest.fixture
def run(tmp_path):
    data_dir = tmp_path / "cli-data"

    def invoke(*args: str, code: int = 0):
        result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])
        assert result.exit_code == code, (result.output, result.exception)
        return result

    invoke.data_dir = data_dir
    return invoke


def test_data_dir_option_is_used(run, user_data_dir):
    run("watchlist", "add", "Atonement")
    assert (run.data_dir / "watchlist.json").exists()
    assert not user_data_dir.exists()


def test_environment_variable_is_the_default(user_data_dir):
    result = CliRunner().invoke(cli, ["watchlist", "add", "Sunshine"])
    assert result.exit_code == 0
    assert [e.title for e in Library(user_data_dir).watchlist()] == ["Sunshine"]


def test_bookmark_add_list_and_no_duplicates(run, real_corpus):
    review = real_corpus.reviews[2]
    short_id = review.id.split("_")[0]
    first = run("bookmarks", "add", short_id, "p2", "--note", "[b]not markup[/b]", "--tag", "x")
    again = run("bookmarks", "add", short_id, "p2")
    assert first.stdout.startswith("Bookmarked ")
    assert again.stdout.startswith("Already bookmarked ")
    records = json.loads(run("bookmarks", "list", "--json").stdout)
    assert len(records) == 1
    record = records[0]
    assert record["review_id"] == review.id and record["paragraph_id"] == "p2"
    assert record["quote"] == review.paragraph("p2").text
    assert record["note"] == "[b]not markup[/b]" and record["tags"] == ["x"]
    assert record["orphan"] is False
    assert record["attribution"]["critic"] == review.critic
    table = run("bookmarks", "list").stdout
    assert "[b]not" in table and "markup[/b]" in table  # shown as typed, not as markup


def test_bookmark_one_sentence(run, real_corpus):
    review = next(r for r in real_corpus.reviews if len(r.paragraphs[0].text.split(". ")) > 2)
    run("bookmarks", "add", review.id, "p1", "--sentence", "2")
    [record] = json.loads(run("bookmarks", "list", "--json").stdout)
    assert record["quote"] in review.paragraphs[0].text
    assert len(record["quote"]) < len(review.paragraphs[0].text)


def test_bad_bookmark_arguments_fail_in_one_line(run, real_corpus):
    for args in (("999", "p1"), (real_corpus.reviews[0].id, "p999")):
        result = run("bookmarks", "add", *args, code=1)
        assert result.stderr.startswith("nlmg-tui: error: ")
        assert result.stderr.count("\n") == 1


def test_export_markdown_and_json_import_round_trip(run, real_corpus, tmp_path):
    anonymous = next((r for r in real_corpus.reviews if not r.critic), real_corpus.reviews[0])
    run("bookmarks", "add", real_corpus.reviews[0].id, "p1", "--note", "first note")
    run("bookmarks", "add", anonymous.id, "p1")
    markdown = run("bookmarks", "export", "--format", "md").stdout
    assert markdown.count("\n> ") >= 2
    assert "first note" in markdown
    if not anonymous.critic:
        assert "Unnamed" not in markdown and "\n— " in markdown
    export = tmp_path / "out.json"
    run("bookmarks", "export", "--format", "json", "-o", str(export))
    assert export.stat().st_mode & 0o777 == 0o600
    result = run("bookmarks", "import", str(export))
    assert "Imported 0 new" in result.stdout and "2 already present" in result.stdout
    other = CliRunner().invoke(
        cli, ["--data-dir", str(tmp_path / "other"), "bookmarks", "import", str(export)]
    )
    assert "Imported 2 new" in other.stdout
    assert len(Library(tmp_path / "other").bookmarks()) == 2


def test_import_of_a_bad_file_fails_cleanly(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = run("bookmarks", "import", str(bad), code=1)
    assert "not valid JSON" in result.stderr and "nothing was imported" in result.stderr


def test_remove_by_id_prefix(run):
    bookmark = Library(run.data_dir).add_bookmark("r1", "p1", "quote").item
    run("bookmarks", "remove", bookmark.id[:8])
    assert Library(run.data_dir).bookmarks() == []
    run("bookmarks", "remove", "nothing", code=1)


def test_watchlist_commands(run):
    run("watchlist", "add", "One-Hour Photo", "--year", "2002")
    assert "Already on the watchlist" in run("watchlist", "add", "One Hour Photo").stdout
    run("watchlist", "watched", "one hour photo", "--rating", "4.5", "--on", "2026-11-01")
    run("watchlist", "add", "The Island")
    run("watchlist", "rate", "The Island", "3")
    run("watchlist", "remove", "the island")
    entries = json.loads(run("watchlist", "list", "--json").stdout)
    assert [(e["title"], e["status"], e["rating"], e["watched_on"]) for e in entries] == [
        ("One-Hour Photo", "watched", 4.5, "2026-11-01")
    ]
    assert "One-Hour Photo" in run("watchlist", "list").stdout


def test_watchlist_errors(run):
    run("watchlist", "add", "Atonement")
    missing = run("watchlist", "watched", "Atonment", code=1)
    assert "did you mean: Atonement" in missing.stderr
    nan = run("watchlist", "watched", "Atonement", "--rating", "nan", code=1)
    assert "0 to 5" in nan.stderr
    run("watchlist", "rate", "Atonement", "7", code=1)
    assert json.loads(run("watchlist", "list", "--json").stdout)[0]["status"] == "want"
    added = run("watchlist", "watched", "Never Let Me Go", "--add")
    assert "Watched Never Let Me Go" in added.stdout


def test_damaged_store_is_reported_as_a_warning_and_listing_works(run):
    Library(run.data_dir).add_film("Atonement")
    (run.data_dir / "watchlist.json").write_bytes(b"\x00\x00")
    result = run("watchlist", "list", "--json")
    assert json.loads(result.stdout) == []
    assert "nlmg-tui: warning:" in result.stderr and "corrupt-" in result.stderr


def test_store_path_that_is_a_folder_fails_in_one_line(run):
    (run.data_dir / "bookmarks.json").mkdir(parents=True)
    result = run("bookmarks", "list", code=1)
    assert "is a folder" in result.stderr and result.stderr.count("\n") == 1


def test_markdown_export_names_the_source_never_an_internal_id(run, real_corpus, tmp_path):
    review = next(r for r in real_corpus.reviews if r.critic and r.outlet and r.headline)
    run("bookmarks", "add", review.id, "p2")
    out = tmp_path / "b.md"
    run("bookmarks", "export", "--format", "md", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    source = next(line for line in text.splitlines() if line.startswith("— "))
    assert review.critic in source and review.outlet in source
    assert f"“{review.headline}”" in source and "¶ 2" in source
    assert review.id not in text and "paragraph p2" not in text
    assert run("bookmarks", "export", "--format", "md").stdout == text
