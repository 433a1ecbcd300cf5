"""Report: the spoiler level of every paragraph of the bundled corpus, as Markdown tables.

Run: python benchmarks/spoiler_levels_report.py [--time] [--runs N]
The tables are the ones in docs/spoilers.md. ``--time`` adds the median time to level the whole
corpus (after one warm-up run, which reads the gazetteer) and the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

from nlmg_tui.corpus.models import Review
from nlmg_tui.corpus.spoiler_levels import LEVELS, SpoilerLevel, level_counts, spoiler_levels
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.textsafety import one_line


def cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def who(review: Review) -> str:
    return cell(review.critic or review.outlet or "(no critic)")


def print_tables(results: list[tuple[Review, dict[str, SpoilerLevel]]]) -> None:
    print("| Review | Critic | Paragraphs | " + " | ".join(LEVELS) + " |")
    print("|---|---|---:|" + "---:|" * len(LEVELS))
    for review, levels in results:
        counts = level_counts(levels)
        row = " | ".join(str(counts[level]) for level in LEVELS)
        print(f"| {review.id[:3]} | {who(review)} | {len(levels)} | {row} |")
    print()
    print("| Review | Paragraph | Warning | Level | Reasons |")
    print("|---|---|---|---|---|")
    for review, levels in results:
        for paragraph in review.paragraphs:
            result = levels[paragraph.id]
            if not result.shielded and not paragraph.spoiler_warning:
                continue
            warning = "yes" if paragraph.spoiler_warning else ""
            reasons = "; ".join(cell(reason) for reason in result.reasons) or "-"
            print(f"| {review.id[:3]} | {paragraph.id} | {warning} | {result.level} | {reasons} |")


def print_timing(reviews: tuple[Review, ...], runs: int) -> None:
    def level_all() -> None:
        for review in reviews:
            spoiler_levels(review)

    level_all()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        level_all()
        timings.append((time.perf_counter() - start) * 1000)
    paragraphs = sum(len(r.paragraphs) for r in reviews)
    print()
    print(f"Levelling {len(reviews)} reviews ({paragraphs} paragraphs): "
          f"median {statistics.median(timings):.2f} ms over {runs} runs")
    print(f"Machine: {platform.platform()}; {platform.processor() or platform.machine()}; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time", action="store_true", help="also time levelling the corpus")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    reviews = load_corpus().reviews
    print_tables([(review, spoiler_levels(review)) for review in reviews])
    if args.time:
        print_timing(reviews, max(1, args.runs))


if __name__ == "__main__":
    main()
