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
joined with "; ") equal to trafilatura's ``bare_extraction(...).author`` or to our critic, as
trafilatura's ``tests/eval_authors.py`` compares them (exact string equality).

``--split`` halves the set by the sha1 of each page's file name (even: ``dev``, odd:
``heldout``), so that rules written while reading the dev half's misses can be scored on pages
nobody looked at. ``all`` prints both halves and their sum. Not run in CI.
"""

from __future__ import annotations

import argparse
import hashlib
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


SPLITS = ("dev", "heldout")


def split_of(file_name: str) -> str:
    """The half a page belongs to: even sha1 of its file name is ``dev``, odd is ``heldout``."""
    return SPLITS[int(hashlib.sha1(file_name.encode("utf-8")).hexdigest(), 16) % 2]


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


RUNNERS: dict[str, Callable[[bytes], tuple[str | None, str | None]]] = {
    "trafilatura alone": trafilatura_alone, "nlmg-tui extract()": ours}


def _score_page(item: dict, data: bytes, runners: dict, results: dict[str, Counts]) -> dict:
    gold = item.get("author")
    gold = "; ".join(gold) if isinstance(gold, list) else gold
    row: dict = {"file": item["file"], "gold author": gold}
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
    return row


def run(folder: Path, splits: tuple[str, ...], runner_names: list[str], limit: int | None,
        misses: Path | None) -> dict[str, dict[str, Counts]]:
    """Counts per split and extractor. Misses are written for the ``dev`` half only, unless the
    held-out half alone was asked for (so that an ``all`` run never shows held-out pages)."""
    evaldata = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    runners = {name: RUNNERS[name] for name in runner_names}
    results = {split: {name: Counts() for name in runners} for split in splits}
    missed: list[dict] = []
    scored = 0
    for url in sorted(evaldata):
        item = evaldata[url]
        split = split_of(item["file"])
        if split not in splits:
            continue
        if limit is not None and scored >= limit:
            break
        path = _resolve(folder, item["file"])
        if path is None:
            continue
        scored += 1
        row = _score_page(item, path.read_bytes(), runners, results[split])
        if split == "dev" or splits == ("heldout",):
            missed.append({"split": split, **row})
    if misses:
        misses.write_text(json.dumps(missed, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def _total(per_split: dict[str, dict[str, Counts]], name: str) -> Counts:
    total = Counts()
    for counts in per_split.values():
        part = counts[name]
        for attribute in ("tp", "fp", "fn", "tn", "authors_right", "authors_total", "seconds"):
            setattr(total, attribute, getattr(total, attribute) + getattr(part, attribute))
    return total


def _print_table(title: str, results: dict[str, Counts]) -> None:
    print(title)
    print(f"  {'':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'author':>9} {'seconds':>8}")
    for name, counts in results.items():
        precision, recall, f1 = counts.scores()
        author = f"{counts.authors_right}/{counts.authors_total}"
        print(f"  {name:<20} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {author:>9} "
              f"{counts.seconds:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--evaldata", type=Path, required=True,
                        help="trafilatura's tests folder (evaldata.json, eval/, cache/)")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all",
                        help="score one half of the set (by sha1 of the file name), or both")
    parser.add_argument("--only", choices=("ours", "trafilatura"),
                        help="run one extractor (the other's column is left out)")
    parser.add_argument("--limit", type=int, help="score only the first N pages (a quick look)")
    parser.add_argument("--misses", type=Path,
                        help="write per-page misses as JSON to this file (dev pages only with "
                             "--split all)")
    args = parser.parse_args(argv)
    if not (args.evaldata / "evaldata.json").is_file():
        parser.error(f"{args.evaldata} has no evaldata.json")
    splits = SPLITS if args.split == "all" else (args.split,)
    names = [name for name in RUNNERS
             if args.only is None or (args.only == "ours") == name.startswith("nlmg")]
    results = run(args.evaldata, splits, names, args.limit, args.misses)
    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
          f"trafilatura {trafilatura.__version__}")
    for split in splits:
        _print_table(f"split {split}", results[split])
    if len(splits) > 1:
        _print_table("all", {name: _total(results, name) for name in names})
    return 0


if __name__ == "__main__":
    sys.exit(main())
