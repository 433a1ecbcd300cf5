"""Score the importer's ``extract()`` on Zyte's public article-body set, beside trafilatura.

An out-of-sample check of the HTML route: no rule of the importer was written while looking at
these pages (until a run says otherwise in docs/import.md). The data is not in this repository.
Bring ``scrapinghub/article-extraction-benchmark`` (a git clone, so that its commit can be
printed) and pass its folder (``ground-truth.json`` and ``html/*.html.gz``):

    python benchmarks/article_benchmark.py --dataset /path/to/article-extraction-benchmark

Scoring follows that set's own ``evaluate.py``: the text is cut into word tokens (runs of
``\\w``, case kept), the tokens into overlapping shingles of four (a text shorter than four
tokens is one shingle), and a page's true positives, false positives and false negatives are the
shingles both texts share, those only the extraction has, and those only the expected
``articleBody`` has, counted with multiplicity and divided by their sum, so that every page
weighs the same. Precision is the mean over the pages where the extraction has any shingle,
recall the mean over the pages where either text has a true or expected shingle, F1 the
harmonic mean of those two means; "exact" is the share of pages whose token list equals the
expected one. The spread (±) is the standard deviation over bootstrap resamples of the pages.
The set has no authors, so none are scored.

Ours is the body paragraphs of the review ``extract()`` returns (the headline is a separate
field; ``articleBody`` leaves the title out). Trafilatura alone runs as the set's runner does:
``trafilatura.extract(html, include_comments=False)`` on the page decoded as UTF-8.

``--split`` halves the set by the sha1 of each page's id (even: ``dev``, odd: ``heldout``), so
that a rule written while reading the dev half's misses can be scored on pages nobody read.
Not run in CI.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.pipeline import extract

SHINGLE = 4
SPLITS = ("dev", "heldout")
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Word tokens as the set's evaluation counts them: runs of ``\\w``, case kept."""
    return _WORD.findall(text)


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Overlapping runs of ``size`` tokens, counted; a shorter text is one (short) shingle."""
    words = tokens(text)
    if len(words) <= size:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[start:start + size]) for start in range(len(words) - size + 1))


@dataclass(frozen=True)
class PageScore:
    """One page's shingle counts, each divided by their sum (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool

    def precision(self) -> float | None:
        """None where the extraction has no shingle: such a page is left out of the mean."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


def score_page(expected: str, got: str | None) -> PageScore:
    want, have = shingles(expected), shingles(got or "")
    tp = sum((want & have).values())
    fp = sum((have - want).values())
    fn = sum((want - have).values())
    total = tp + fp + fn
    exact = tokens(expected) == tokens(got or "")
    if not total:
        return PageScore(0.0, 0.0, 0.0, exact)
    return PageScore(tp / total, fp / total, fn / total, exact)


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    exact: float


def summarise(pages: Sequence[PageScore]) -> Summary:
    """Mean precision and mean recall over the pages that have one, F1 from those two means."""
    precisions = [p for p in (page.precision() for page in pages) if p is not None]
    recalls = [r for r in (page.recall() for page in pages) if r is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = statistics.fmean(page.exact for page in pages) if pages else 0.0
    return Summary(precision, recall, f1, exact)


def bootstrap(columns: dict[str, list[PageScore]], rounds: int,
              seed: int = 13) -> dict[str, dict[str, float]]:
    """The spread (standard deviation) of each column's summary figures over ``rounds``
    resamples of the pages. Every column is drawn on the same pages, so the difference of the
    last column's F1 from the first's has a spread too (key ``"F1 diff"``)."""
    names = list(columns)
    count = len(columns[names[0]]) if names else 0
    if rounds < 2 or count == 0:
        return {}
    draw = random.Random(seed)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in [*names, "F1 diff"]}
    for _ in range(rounds):
        picks = [draw.randrange(count) for _ in range(count)]
        f1s = []
        for name in names:
            summary = summarise([columns[name][index] for index in picks])
            f1s.append(summary.f1)
            for key, value in vars(summary).items():
                samples[name].setdefault(key, []).append(value)
        samples["F1 diff"].setdefault("f1", []).append(f1s[-1] - f1s[0])
    return {name: {key: statistics.stdev(values) for key, values in figures.items()}
            for name, figures in samples.items()}


def split_of(page_id: str) -> str:
    """The half a page belongs to: even sha1 of its id is ``dev``, odd is ``heldout``."""
    return SPLITS[int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 2]


def dataset_commit(folder: Path) -> str:
    """The checked-out commit of the dataset's clone, or "unknown" when it is not a git clone."""
    try:
        result = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 else "unknown"


def trafilatura_alone(data: bytes) -> str | None:
    return trafilatura.extract(data.decode("utf-8"), include_comments=False)


def ours(data: bytes) -> str | None:
    try:
        review = extract(data, "page.html").review
    except NotTextError:
        return None
    return "\n".join(paragraph.text for paragraph in review.paragraphs)


RUNNERS: dict[str, Callable[[bytes], str | None]] = {
    "trafilatura alone": trafilatura_alone, "nlmg-tui extract()": ours}


@dataclass
class Column:
    pages: list[PageScore] = field(default_factory=list)
    seconds: float = 0.0


def run(folder: Path, splits: tuple[str, ...], limit: int | None,
        misses: Path | None) -> dict[str, dict[str, Column]]:
    """Every extractor's page scores, per half. Misses (per-page figures, no page text) are
    written for ``dev`` pages, or for held-out pages when that half alone was asked for."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    results = {split: {name: Column() for name in RUNNERS} for split in splits}
    rows: list[dict] = []
    scored = 0
    for page_id in sorted(truth):
        split = split_of(page_id)
        if split not in splits:
            continue
        if limit is not None and scored >= limit:
            break
        scored += 1
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        expected = truth[page_id].get("articleBody", "")
        row: dict = {"id": page_id, "split": split, "url": truth[page_id].get("url")}
        for name, runner in RUNNERS.items():
            started = time.perf_counter()
            try:
                got = runner(data)
            except Exception as error:  # a crash is an empty extraction, as an empty output is
                print(f"{name}: {page_id}: {type(error).__name__}: {error}", file=sys.stderr)
                got = None
            results[split][name].seconds += time.perf_counter() - started
            page = score_page(expected, got)
            results[split][name].pages.append(page)
            row[name] = {"precision": page.precision(), "recall": page.recall(),
                         "words": len(tokens(got or "")), "expected words": len(tokens(expected))}
        if split == "dev" or splits == ("heldout",):
            rows.append(row)
    if misses:
        misses.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return results


def _print_table(title: str, columns: dict[str, Column], rounds: int) -> None:
    print(f"{title} ({len(next(iter(columns.values())).pages)} pages)")
    spreads = bootstrap({name: column.pages for name, column in columns.items()}, rounds)
    print(f"  {'':<20} {'F1':>13} {'precision':>13} {'recall':>13} {'exact':>13} {'seconds':>8}")
    for name, column in columns.items():
        summary, spread = summarise(column.pages), spreads.get(name, {})
        cells = [f"{getattr(summary, key):.3f} ± {spread.get(key, 0.0):.3f}"
                 for key in ("f1", "precision", "recall", "exact")]
        print(f"  {name:<20} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13} {cells[3]:>13} "
              f"{column.seconds:>8.1f}")
    first, last = list(columns)[0], list(columns)[-1]
    diff = summarise(columns[last].pages).f1 - summarise(columns[first].pages).f1
    spread = spreads.get("F1 diff", {}).get("f1", 0.0)
    print(f"  F1 of {last} minus {first}: {diff:+.3f} ± {spread:.3f}")


def _merged(results: dict[str, dict[str, Column]]) -> dict[str, Column]:
    return {name: Column([page for columns in results.values() for page in columns[name].pages],
                         sum(columns[name].seconds for columns in results.values()))
            for name in RUNNERS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, required=True,
                        help="a clone of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all",
                        help="score one half of the set (by sha1 of the page id), or both")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples for the ± spread")
    parser.add_argument("--limit", type=int, help="score only the first N pages (a quick look)")
    parser.add_argument("--misses", type=Path,
                        help="write per-page figures as JSON (dev pages only with --split all)")
    args = parser.parse_args(argv)
    if not (args.dataset / "ground-truth.json").is_file():
        parser.error(f"{args.dataset} has no ground-truth.json")
    splits = SPLITS if args.split == "all" else (args.split,)
    results = run(args.dataset, splits, args.limit, args.misses)
    pages = sum(len(columns["trafilatura alone"].pages) for columns in results.values())
    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
          f"trafilatura {trafilatura.__version__}")
    print(f"dataset {dataset_commit(args.dataset)}: {pages} pages scored")
    for split in splits:
        _print_table(f"split {split}", results[split], args.bootstrap)
    if len(splits) > 1:
        _print_table("all", _merged(results), args.bootstrap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
