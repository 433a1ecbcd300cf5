"""`nlmg-tui reviews`, `show` and `corpus`, run as a user would (a subprocess, piped)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlmg_tui import __version__


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Piped, as from a shell (where $COLUMNS is not exported; pytest exports it as 80)."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run([sys.executable, "-m", "nlmg_tui", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"nlmg-tui, version {__version__}"
    help_text = run("--help").stdout
    for command in ("reviews", "show", "corpus"):
        assert command in help_text


def test_reviews_json_lists_every_review_with_the_documented_keys() -> None:
    result = run("reviews", "--json")
    assert result.returncode == 0
    reviews = json.loads(result.stdout)
    assert [r["source"] for r in reviews] == sorted(r["source"] for r in reviews)
    assert len(reviews) == 5
    keys = {"id", "headline", "critic", "outlet", "published", "rating", "paragraphs", "sections",
            "comments", "film_facts", "source"}
    for review in reviews:
        assert keys <= review.keys()
        assert all({"id", "text"} <= p.keys() for p in review["paragraphs"])
    hanke = next(r for r in reviews if r["critic"] == "Ken Hanke")
    assert {"number", "author", "text", "quotes"} <= hanke["comments"][0].keys()
    assert hanke["source"] == "002_7dec3e1bad76db94.txt"
    bluemeanie = next(r for r in reviews if r["critic"] == "bluemeanie")
    assert bluemeanie["rating"]["text"] == "10/10" and bluemeanie["rating"]["value"] == 1.0


def test_reviews_table_shows_critics_and_placeholders() -> None:
    result = run("reviews")
    assert result.returncode == 0
    for expected in ("James Rocchi", "Ken Hanke", "bluemeanie", "Mountain Xpress", "2011-01-22", "10/10"):
        assert expected in result.stdout
    assert "\x1b" not in result.stdout


def test_show_by_prefix_renders_the_review() -> None:
    result = run("show", "002")
    assert result.returncode == 0
    assert "Ken Hanke" in result.stdout
    assert "Intense and methodical" in result.stdout
    assert "[b]" not in result.stdout  # the quote tag was structure, shown as a quote
    assert "quoting #1" in result.stdout


def test_show_json_by_full_id() -> None:
    result = run("show", "000_f2997d8318a5af6f", "--json")
    data = json.loads(result.stdout)
    assert data["critic"] == "James Rocchi"
    assert data["paragraphs"][0]["id"] == "p1"


@pytest.mark.parametrize("args", [("show", "nope"), ("show",), ("reviews", "--bogus"), ("frobnicate",)])
def test_bad_arguments_give_one_line_and_non_zero(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nlmg-tui: error:")
    assert "Traceback" not in result.stderr


def test_corpus_build_writes_the_same_file(tmp_path: Path) -> None:
    target = tmp_path / "corpus.json"
    result = run("corpus", "build", "-o", str(target))
    assert result.returncode == 0
    from nlmg_tui import paths

    assert target.read_text(encoding="utf-8") == paths.corpus_file().read_text(encoding="utf-8")
    assert run("corpus", "check").returncode == 0


def test_app_needs_a_terminal() -> None:
    result = subprocess.run([sys.executable, "-m", "nlmg_tui"], capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode != 0
    assert "needs a terminal" in result.stderr
