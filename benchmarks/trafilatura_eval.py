"""Score the importer's ``extract()`` on trafilatura's public evaluation set, beside trafilatura.

The data is not in this repository. Bring ``adbar/trafilatura`` and pass its ``tests`` folder
(``evaldata.json`` plus the pages in ``eval/`` and ``cache/``):

    python benchmarks/trafilatura_eval.py --evaldata /path/to/trafilatura/tests

Scoring follows trafilatura's ``tests/eval_common.py``: each page has "with" snippets (that the
main text must contain) and "without" snippets (boilerplate it must not contain), matched after
whitespace normalisation; precision, recall and F1 come from the summed counts. Trafilatura
alone runs as its benchmark does (``extract(fast=False, include_comments=False,
include_tables=True)``); ours is the review ``extract()`` returns as the reader shows it: the
headline, then the body paragraphs (no comments). Author: the page's annotated author (a list
joined with "; ") equal to trafilatura's ``bare_extraction(...).author`` or to our critic.
Not run in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.pipeline import extract


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    authors_right: int = 0
    authors_total: int = 0
    seconds: float = 0.0

    def add(self, item: dict, text: str | None) -> None:
        normal = _norm(text or "")
        tp = sum(1 for snippet in item["with"] if text and _norm(snippet) in normal)
        fp = sum(1 for snippet in item["without"] if text and _norm(snippet) in normal)
        self.tp += tp
        self.fp += fp
        self.fn += len(item["with"]) - tp
        self.tn += len(item["without"]) - fp

    def scores(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return precision, recall, f1


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _resolve(folder: Path, name: str) -> Path | None:
    for sub in ("cache", "eval"):
        path = folder / sub / name
        if path.is_file():
            return path
    return None


def trafilatura_alone(data: bytes) -> tuple[str | None, str | None]:
    text = trafilatura.extract(data, fast=False, include_comments=False, include_tables=True,
                               include_formatting=False)
    document = trafilatura.bare_extraction(data, with_metadata=True)
    return text, document.author if document is not None else None


def ours(data: bytes) -> tuple[str | None, str | None]:
    try:
        review = extract(data, "page.html").review
    except NotTextError:
        return None, None
    return "\n".join([review.headline or "", *(p.text for p in review.paragraphs)]), review.critic


def run(folder: Path, limit: int | None, misses: Path | None) -> dict[str, Counts]:
    evaldata = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    runners: dict[str, Callable[[bytes], tuple[str | None, str | None]]] = {
        "trafilatura alone": trafilatura_alone, "nlmg-tui extract()": ours}
    results = {name: Counts() for name in runners}
    missed: list[dict] = []
    for number, url in enumerate(sorted(evaldata)):
        if limit is not None and number >= limit:
            break
        item = evaldata[url]
        path = _resolve(folder, item["file"])
        if path is None:
            continue
        data = path.read_bytes()
        gold = item.get("author")
        gold = "; ".join(gold) if isinstance(gold, list) else gold
        row: dict = {"file": item["file"]}
        for name, runner in runners.items():
            counts = results[name]
            started = time.perf_counter()
            try:
                text, author = runner(data)
            except Exception as error:  # a crash counts as a miss, as in trafilatura's own scoring
                print(f"{name}: {item['file']}: {type(error).__name__}: {error}", file=sys.stderr)
                text, author = None, None
            counts.seconds += time.perf_counter() - started
            counts.add(item, text)
            if gold:
                counts.authors_total += 1
                counts.authors_right += author == gold
            row[name] = {"author": author,
                         "missing": [s for s in item["with"] if _norm(s) not in _norm(text or "")],
                         "boilerplate": [s for s in item["without"] if _norm(s) in _norm(text or "")]}
        row["gold author"] = gold
        missed.append(row)
    if misses:
        misses.write_text(json.dumps(missed, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--evaldata", type=Path, required=True,
                        help="trafilatura's tests folder (evaldata.json, eval/, cache/)")
    parser.add_argument("--limit", type=int, help="score only the first N pages (a quick look)")
    parser.add_argument("--misses", type=Path, help="write per-page misses as JSON to this file")
    args = parser.parse_args(argv)
    if not (args.evaldata / "evaldata.json").is_file():
        parser.error(f"{args.evaldata} has no evaldata.json")
    results = run(args.evaldata, args.limit, args.misses)
    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
          f"trafilatura {trafilatura.__version__}")
    print(f"{'':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'author':>9} {'seconds':>8}")
    for name, counts in results.items():
        precision, recall, f1 = counts.scores()
        author = f"{counts.authors_right}/{counts.authors_total}"
        print(f"{name:<20} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {author:>9} {counts.seconds:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
