"""`nlmg-tui compare ID1 ID2 [--json] [--pin L=R]` and `nlmg-tui topics [--json]`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from nlmg_tui import paths
from nlmg_tui.cli import cli
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import save_corpus

HOSTILE = "[bold]Kathy[/] and [@click=app.quit]Tommy[/] \x1b]52;c;aGk=\x07cast is superb\x1b[31m"


@pytest.fixture
def small_corpus(tmp_path, monkeypatch, make_review):
    corpus = Corpus(
        (
            make_review("000_left", "Kathy, Ruth and Tommy at Hailsham.", "The cast is superb.",
                        critic="Left Critic"),
            make_review("001_right", "Weather.", "The cast is superb, the acting strong.",
                        "Ruth and Tommy and Kathy, clones at Hailsham.", critic="Right Critic"),
            make_review("002_hostile", HOSTILE, critic="[red]Mallory[/red]"),
        )
    )
    path = tmp_path / "corpus.json"
    save_corpus(corpus, path)
    monkeypatch.setattr(paths, "corpus_file", lambda: path)
    return corpus


def invoke(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args))


def test_compare_json_lists_the_aligned_pairs(small_corpus):
    result = invoke("compare", "000", "001", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # The three at Hailsham pair up; the cast paragraphs would cross that pair, so they don't.
    assert [(d["left"], d["right"]) for d in data] == [
        (None, "p1"), (None, "p2"), ("p1", "p3"), ("p2", None),
    ]
    for item in data:
        assert set(item) >= {"left", "right", "topics", "score", "shared", "pinned"}
        assert isinstance(item["score"], float)
    assert data[2]["shared"] == [
        "character:kathy", "character:ruth", "character:tommy", "place:hailsham",
    ]
    assert data[2]["score"] > 0.5 and data[0]["score"] == 0.0


def test_compare_with_a_pin(small_corpus):
    result = invoke("compare", "000", "001", "--json", "--pin", "p2=p2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["left"], d["right"], d["pinned"]) for d in data if d["pinned"]] == [
        ("p2", "p2", True)
    ]
    assert [(d["left"], d["right"]) for d in data] == [
        ("p1", None), (None, "p1"), ("p2", "p2"), (None, "p3"),
    ]
    assert data[2]["topics"] == ["cast"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "000", "999"), "no review with id '999'"),
        (("compare", "000", "001", "--pin", "p1=p9"), "no such paragraph"),
        (("compare", "000", "001", "--pin", "p1=p2", "--pin", "p2=p1"), "cross"),
    ],
)
def test_compare_errors_are_one_line(small_corpus, args, message):
    result = invoke(*args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_pin_without_equals_is_a_usage_error(small_corpus):
    result = invoke("compare", "000", "001", "--pin", "p1")
    assert result.exit_code == 2
    assert "LEFT=RIGHT" in result.output


def test_compare_table_shows_both_sides(small_corpus):
    result = invoke("compare", "000", "001")
    assert result.exit_code == 0, result.output
    for expected in ("Left Critic", "Right Critic", "The cast is superb", "Weather", "gap",
                     "Kathy H., Ruth, Tommy, Hailsham"):
        assert expected in result.stdout


def test_untrusted_text_is_neither_markup_nor_escapes(small_corpus):
    result = invoke("compare", "002", "002")
    assert result.exit_code == 0, result.output
    assert "[bold]Kathy[/]" in result.stdout
    assert "[@click=app.quit]Tommy[/]" in result.stdout
    assert "[red]Mallory[/red]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    topics = invoke("topics")
    assert topics.exit_code == 0, topics.output
    assert "\x1b" not in topics.stdout and "[red]Mallory[/red]" in topics.stdout


def test_topics_json(small_corpus):
    result = invoke("topics", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    cast = next(r for r in rows if r["topic"] == "cast")
    assert [c["review_id"] for c in cast["critics"]] == ["000_left", "001_right", "002_hostile"]
    assert {c["tone"] for c in cast["critics"]} == {"positive"}
    assert cast["critics"][0]["quote"] == "The cast is superb."
    assert cast["critics"][0]["because"] == "for: superb"
    assert (cast["summary"], cast["tally"], cast["consensus"]) == (
        "3 of 3 positive", {"positive": 3}, "positive")


def test_topics_table_shows_the_spread(small_corpus):
    result = invoke("topics")
    assert result.exit_code == 0, result.output
    assert "3 of 3 positive" in result.stdout and "3 positive" in result.stdout


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True,
                          text=True, timeout=60)


def test_installed_command_on_the_real_corpus(real_corpus):
    result = run("compare", "000", "002", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    rocchi, hanke = real_corpus.reviews[0], real_corpus.reviews[2]
    assert [d["left"] for d in data if d["left"]] == [p.id for p in rocchi.paragraphs]
    assert [d["right"] for d in data if d["right"]] == [p.id for p in hanke.paragraphs]
    assert any("cast" in d["topics"] for d in data if d["left"] and d["right"])
    topics = run("topics")
    assert topics.returncode == 0, topics.stderr
    assert "Cast and acting" in topics.stdout and "Ken Hanke" in topics.stdout
