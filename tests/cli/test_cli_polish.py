"""The command line as a newcomer meets it (issue 15): a bare `watchlist` lists, `watchlist add`
knows the films the reviews name, search scores say which hit is more relevant, `reviews` shows
whole ids, piped tables carry no trailing spaces, `show`/`compare` hide spoilers like the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from nlmg_tui import paths
from nlmg_tui.cli import cli
from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.corpus.store import load_corpus

pytestmark = pytest.mark.skipif(not paths.corpus_file().exists(), reason="data/corpus.json not built")


@pytest.fixture
def run(tmp_path):
    def invoke(*args: str, code: int = 0, stdin: str | None = None):
        result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "d"), *args], input=stdin)
        assert result.exit_code == code, (result.output, result.exception)
        return result

    return invoke


def piped(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_bare_watchlist_lists_and_exits_zero(run) -> None:
    assert "The watchlist is empty" in run("watchlist").output
    run("watchlist", "add", "Atonement", "--as-typed")
    assert "Atonement" in run("watchlist").output


def test_add_fills_the_year_the_gazetteer_knows(run) -> None:
    assert "one hour photo (2002)" in run("watchlist", "add", "one hour photo").output
    entries = json.loads(run("watchlist", "list", "--json").output)
    assert [(e["title"], e["year"]) for e in entries] == [("one hour photo", 2002)]


def test_a_mistyped_title_is_offered_its_correction(run) -> None:
    refused = run("watchlist", "add", "days of heavn", code=1)
    assert "Did you mean 'Days of Heaven (1978)'?" in refused.output
    assert json.loads(run("watchlist", "list", "--json").output) == []  # nothing added silently
    assert "Added Days of Heaven (1978)" in run("watchlist", "add", "days of heavn", "--yes").output
    typed = run("watchlist", "add", "Dayz of Heavn", "--as-typed").output
    assert "Added Dayz of Heavn" in typed


def test_a_near_duplicate_of_a_listed_film_is_offered(run) -> None:
    run("watchlist", "add", "Zanzibar Nights", "--as-typed")
    assert "Did you mean 'Zanzibar Nights'?" in run("watchlist", "add", "Zanzibar Night", code=1).output


def test_search_scores_differ_by_relevance(run) -> None:
    hits = json.loads(run("search", "garfield", "--json").output)
    assert len(hits) >= 3
    assert {h["score"] for h in hits} == {100}  # every hit matches the word exactly...
    relevances = [h["relevance"] for h in hits]
    assert len(set(relevances)) > 1  # ...but they are not equally about it
    assert relevances == sorted(relevances, reverse=True)
    table = run("search", "garfield").output
    assert str(relevances[0]) in table


def test_reviews_shows_whole_ids_and_piped_tables_have_no_trailing_spaces() -> None:
    out = piped("reviews")
    for review in load_corpus().reviews:
        assert review.id in out
    assert out.strip() and all(line == line.rstrip() for line in out.splitlines())
    assert all(line == line.rstrip() for line in piped("search", "Kathy").splitlines())


def first_hidden(review_id: str) -> tuple[str, str]:
    review = next(r for r in load_corpus().reviews if r.id.startswith(review_id))
    pid = next(pid for pid, level in spoiler_levels(review).items() if level.shielded)
    return pid, review.paragraph(pid).text


def test_show_hides_spoilers_unless_asked(run) -> None:
    pid, text = first_hidden("001")
    hidden = run("show", "001")
    assert "Spoiler hidden" in hidden.output and text[:40] not in hidden.output
    shown = run("show", "001", "--spoilers").output
    assert "Spoiler hidden" not in shown and text[:40] in shown
    data = json.loads(run("show", "001", "--json").stdout)
    paragraph = next(p for p in data["paragraphs"] if p["id"] == pid)
    assert paragraph["text"] is None and paragraph["spoiler_hidden"] in {"premise", "ending"}


def test_compare_hides_spoilers_unless_asked(run) -> None:
    _, text = first_hidden("004")
    env = {"COLUMNS": "400"}
    hidden = CliRunner(env=env).invoke(cli, ["compare", "000", "004"])
    assert "Spoiler hidden" in hidden.output
    shown = CliRunner(env=env).invoke(cli, ["compare", "000", "004", "--spoilers"])
    assert "Spoiler hidden" not in shown.output and text.split()[0] in shown.output
