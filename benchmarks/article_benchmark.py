"""Out-of-sample main-text accuracy: the importer beside trafilatura on a set nobody here tuned on.

Zyte's (Scrapinghub's) public article-extraction benchmark: 181 news and blog pages
(``html/<id>.html.gz``) with each page's article body written out by hand
(``ground-truth.json``). No rule of ours was written looking at it, so its figures are
out-of-sample, unlike those of ``trafilatura_eval.py`` (our main-text rules were fitted while
reading trafilatura's set). Bring ``scrapinghub/article-extraction-benchmark`` and pass its
folder:

    python benchmarks/article_benchmark.py --dataset /path/to/article-extraction-benchmark

Counting, as that set's own ``evaluate.py`` describes its method: each text is cut into word
tokens (``\\w+``), the tokens into overlapping runs of four ("shingles"); per page, true
positives are the shingles both texts hold (counted with multiplicity), false positives those
only the extraction holds, false negatives those only the expected body holds, and the three
are divided by their sum so that a long page weighs no more than a short one. Precision is the
mean over pages with something extracted, recall the mean over pages with something expected,
F1 their harmonic mean. Trafilatura alone runs as in ``trafilatura_eval.py``; ours is the body
paragraphs ``extract()`` returns (no headline: the expected text holds none). Not run in CI.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from trafilatura_eval import trafilatura_alone  # noqa: E402

from nlmg_tui.importer.decode import NotTextError  # noqa: E402
from nlmg_tui.importer.pipeline import extract  # noqa: E402

SHINGLE = 4
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The text's runs of ``size`` word tokens, counted (a shorter text is one run)."""
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))
                   if words[i : i + size])


def page_counts(expected: str, extracted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, divided by their sum (all 0 when both texts are empty)."""
    want, got = shingles(expected), shingles(extracted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall (means over pages, as described above) and their F1."""
    precision = statistics.mean([_precision(*c) for c in pages if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in pages if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ours_body(data: bytes) -> str:
    try:
        review = extract(data, "page.html").review
    except NotTextError:
        return ""
    return "\n".join(p.text for p in review.paragraphs)


RUNNERS: dict[str, Callable[[bytes], str]] = {
    "trafilatura alone": lambda data: trafilatura_alone(data)[0] or "",
    "nlmg-tui extract()": ours_body,
}


def run(folder: Path, limit: int | None = None) -> dict[str, dict[str, float]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(truth)[:limit]
    results: dict[str, dict[str, float]] = {}
    for runner, function in RUNNERS.items():
        counts, started = [], time.perf_counter()
        for name in names:
            data = gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes())
            counts.append(page_counts(truth[name].get("articleBody", ""), function(data)))
        results[runner] = {**scores(counts), "seconds": time.perf_counter() - started,
                           "pages": len(names)}
    return results


def _commit(folder: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True,
                        help="a checkout of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--limit", type=int, help="only the first N pages (a smoke run)")
    args = parser.parse_args(argv)
    results = run(args.dataset, args.limit)
    print(f"python {platform.python_version()} on {platform.platform()}; "
          f"dataset commit {_commit(args.dataset)}")
    print(f"{'':<22} {'F1':>6} {'precision':>10} {'recall':>7} {'pages':>6} {'seconds':>8}")
    for runner, figures in results.items():
        print(f"{runner:<22} {figures['f1']:>6.3f} {figures['precision']:>10.3f} "
              f"{figures['recall']:>7.3f} {figures['pages']:>6.0f} {figures['seconds']:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
