"""Benchmark: aligning the two longest reviews (target: median under 50 ms), plus the topic map
and the corpus-wide mentions index.

Run: python benchmarks/compare.py [--runs N]
Each figure is the median of N runs after one warm-up run (the warm-up loads the gazetteer and
fills its per-word caches, which a running app keeps).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable

from nlmg_tui.compare.agreement import topic_map
from nlmg_tui.compare.align import align_reviews
from nlmg_tui.corpus.gazetteer import load_gazetteer
from nlmg_tui.corpus.mentions import index_mentions
from nlmg_tui.corpus.store import load_corpus

TARGET_MS = 50.0


def median_ms(function: Callable[[], object], runs: int) -> float:
    function()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def machine() -> str:
    return (
        f"{platform.platform()}; {platform.processor() or platform.machine()}; "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    corpus = load_corpus()
    gazetteer = load_gazetteer()
    left, right = sorted(corpus.reviews, key=lambda r: r.word_count, reverse=True)[:2]
    print(f"machine: {machine()}")
    print(f"reviews: {len(corpus.reviews)}; longest: {left.id} ({left.word_count} words, "
          f"{len(left.paragraphs)} paragraphs) and {right.id} ({right.word_count} words, "
          f"{len(right.paragraphs)} paragraphs)")

    cold_start = time.perf_counter()
    align_reviews(left, right, gazetteer=load_gazetteer())
    cold = (time.perf_counter() - cold_start) * 1000
    align = median_ms(lambda: align_reviews(left, right, gazetteer=gazetteer), args.runs)
    pins = [(left.paragraphs[len(left.paragraphs) // 2].id, right.paragraphs[1].id)]
    pinned = median_ms(lambda: align_reviews(left, right, pins, gazetteer=gazetteer), args.runs)
    topics = median_ms(lambda: topic_map(corpus, gazetteer), max(5, args.runs // 5))
    mentions = median_ms(lambda: index_mentions(corpus, gazetteer), max(5, args.runs // 5))

    print(f"align_reviews, two longest: median {align:.1f} ms over {args.runs} runs "
          f"(first call, loading the gazetteer too: {cold:.1f} ms; target < {TARGET_MS:.0f} ms)")
    print(f"align_reviews with one pin:  median {pinned:.1f} ms")
    print(f"topic_map, whole corpus:     median {topics:.1f} ms")
    print(f"index_mentions, whole corpus: median {mentions:.1f} ms")
    return 0 if align < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
