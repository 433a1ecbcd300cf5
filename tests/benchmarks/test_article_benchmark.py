"""The out-of-sample main-text benchmark counts as its data set's method says, and runs end to
end on a folder in that set's shape (pages written here, in our own words)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "article_benchmark.py"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("article_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_text_is_all_true_positives(bench) -> None:
    text = "The orchard scene is filmed in one long take that never blinks."
    assert bench.page_counts(text, text) == (1.0, 0.0, 0.0)


def test_extra_and_missing_words_are_counted_per_shingle(bench) -> None:
    expected = "one two three four five"  # shingles: 1-4, 2-5
    tp, fp, fn = bench.page_counts(expected, "one two three four six")  # 1-4, 2-6
    assert (tp, fp, fn) == (1 / 3, 1 / 3, 1 / 3)
    figures = bench.scores([(tp, fp, fn)])
    assert figures["precision"] == pytest.approx(0.5) and figures["recall"] == pytest.approx(0.5)


def test_pages_weigh_the_same_whatever_their_length(bench) -> None:
    figures = bench.scores([(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)])  # one right, one all wrong
    assert figures["precision"] == pytest.approx(0.5)
    assert figures["recall"] == pytest.approx(1.0)  # the wrong page expected nothing


def test_a_folder_in_the_sets_shape_is_scored_for_both_extractors(bench, tmp_path) -> None:
    body = ["A quiet film about three friends who grow up in a school that hides its purpose "
            "from them, told with patience and a cold grey light.",
            "The cast never raises its voice, and the restraint is the point: what the "
            "characters accept is more frightening than anything they could shout about."]
    page = ("<html><head><title>A quiet film</title></head><body><nav>Home | Reviews | Shop"
            "</nav><article><h1>A quiet film</h1>" + "".join(f"<p>{p}</p>" for p in body)
            + "</article><footer>Copyright the site</footer></body></html>")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "abc.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"abc": {"articleBody": "\n".join(body)}}))
    results = bench.run(tmp_path)
    assert set(results) == {"trafilatura alone", "nlmg-tui extract()"}
    assert results["nlmg-tui extract()"]["pages"] == 1
    assert results["nlmg-tui extract()"]["recall"] == pytest.approx(1.0)
    assert results["nlmg-tui extract()"]["precision"] == pytest.approx(1.0)
