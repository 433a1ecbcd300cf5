"""The counting of `benchmarks/article_benchmark.py`: shingles of four word tokens, each page's
counts divided by their sum, precision and recall averaged over the pages that have them, F1 from
those two means. The dataset itself is never needed here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("article_benchmark",
                                               ROOT / "benchmarks" / "article_benchmark.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["article_benchmark"] = bench  # its dataclasses look their module up
_spec.loader.exec_module(bench)


def test_tokens_are_runs_of_word_characters_with_case_kept() -> None:
    assert bench.tokens("Don't stop—now! Café über 42") == ["Don", "t", "stop", "now", "Café", "über", "42"]
    assert bench.tokens(" ... — ") == []


def test_shingles_overlap_and_count_repeats() -> None:
    assert bench.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert bench.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    assert bench.shingles("only three words") == {("only", "three", "words"): 1}
    assert bench.shingles("") == {}


def test_a_perfect_extraction_scores_one_and_is_exact_despite_other_punctuation() -> None:
    page = bench.score_page("The river rose all night long.", "The river rose, all night long")
    assert (page.tp, page.fp, page.fn) == (1.0, 0.0, 0.0)
    assert page.precision() == page.recall() == 1.0
    assert page.exact


def test_counts_are_shares_of_the_page_so_long_pages_weigh_no_more() -> None:
    expected = "one two three four five six"  # three shingles
    page = bench.score_page(expected, "one two three four five six seven")  # one extra shingle
    assert (page.tp, page.fp, page.fn) == (0.75, 0.25, 0.0)
    assert page.precision() == 0.75 and page.recall() == 1.0
    assert not page.exact


def test_an_empty_extraction_has_no_precision_and_zero_recall() -> None:
    page = bench.score_page("a whole paragraph of expected words", None)
    assert page.precision() is None
    assert page.recall() == 0.0
    both_empty = bench.score_page("", "")
    assert both_empty.precision() is None and both_empty.recall() is None and both_empty.exact


def test_f1_is_the_harmonic_mean_of_mean_precision_and_mean_recall() -> None:
    pages = [bench.PageScore(0.5, 0.5, 0.0, False),   # precision 0.5, recall 1
             bench.PageScore(0.0, 0.0, 1.0, False)]   # nothing extracted: recall 0 only
    summary = bench.summarise(pages)
    assert summary.precision == 0.5
    assert summary.recall == 0.5
    assert summary.f1 == pytest.approx(0.5)
    assert summary.exact == 0.0


def test_bootstrap_gives_no_spread_to_the_difference_of_two_equal_columns() -> None:
    pages = [bench.score_page("a b c d e f", "a b c d"), bench.score_page("g h i j", "g h i j k")]
    spreads = bench.bootstrap({"one": pages, "two": list(pages)}, rounds=50)
    assert spreads["F1 diff"]["f1"] == 0.0
    assert spreads["one"]["f1"] > 0.0
    assert bench.bootstrap({"one": pages}, rounds=1) == {}


def test_split_is_stable_and_uses_both_halves() -> None:
    ids = [f"{n:064x}" for n in range(40)]
    halves = [bench.split_of(page_id) for page_id in ids]
    assert set(halves) == {"dev", "heldout"}
    assert halves == [bench.split_of(page_id) for page_id in ids]


def test_dataset_commit_reads_a_clone_and_says_unknown_otherwise(tmp_path: Path) -> None:
    assert bench.dataset_commit(tmp_path) == "unknown"
    clone = tmp_path / "clone"
    clone.mkdir()
    git = ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True, timeout=30)
    (clone / "ground-truth.json").write_text("{}", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True, timeout=30)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True, timeout=30)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True, timeout=30).stdout.strip()
    assert bench.dataset_commit(clone) == head
