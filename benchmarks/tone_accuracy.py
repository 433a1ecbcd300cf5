"""How often the tone label agrees with a reader, on reviews of OTHER films (held out).

The labels live in ``tests/tone_arc/heldout_tone.json`` (our labels, one-line summaries and
paraphrases; the critic's own rating is the ground truth where the page shows one). The page
excerpts themselves are third-party text and are not in the repository: pass the folder that
holds them with ``--pages DIR`` (default ``/work/scratch/tone/pages`` when it exists). Without
it, only the paraphrased paragraphs and the bundled reviews are scored.

Figures, each for the in-sample half (looked at while the lexicon and weights were tuned) and
the out-of-sample half (never looked at while tuning), as the labels file splits them:

- reviews: each page run through the importer (``extract``), then ``review_tone``; the label is
  compared with the truth twice: the words alone (``words_label``) and the app's label (which
  follows the rating when the importer found one);
- paragraphs of the pages: ``judge_tone`` of the paragraph, four labels
  (positive / mixed / negative / unclear), and the direction (+, 0, -) of the arc score
  against the label's (mixed paragraphs left out of the direction figure);
- the same for our paraphrases of those paragraphs;
- the five bundled Never Let Me Go reviews against our reading (not used for fitting).

Run: python benchmarks/tone_accuracy.py [--pages DIR] [--split in|out|all]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections import Counter
from pathlib import Path

from nlmg_tui.compare.tone import judge_tone, tone_words
from nlmg_tui.compare.tone_arc import review_tone, tone_score
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "tone_arc" / "heldout_tone.json"
DEFAULT_PAGES = Path("/work/scratch/tone/pages")
DIRECTION = {"positive": 1, "negative": -1, "mixed": 0, "unclear": 0}
BUNDLED_READING = {
    # review id prefix: (critic, our reading of the whole review)
    "000": ("James Rocchi", "positive"),
    "001": ("unnamed (The Good / The Bad / The Truth)", "positive"),
    "002": ("Ken Hanke", "positive"),
    "003": ("bluemeanie (10/10)", "positive"),
    "004": ("unnamed (Final Verdict)", "positive"),
}


def paragraphs_of(path: Path) -> list[str]:
    return [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n")
            if block.strip()]


def sign(value: float) -> int:
    return (value > 0) - (value < 0)


def share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.0%})" if total else "0/0"


def score_reviews(reviews: list[dict], pages: Path) -> dict[str, list[tuple[str, str, str, str]]]:
    """Per split: (file, truth, words label, app label)."""
    rows: dict[str, list[tuple[str, str, str, str]]] = {}
    for item in reviews:
        path = pages / item["file"]
        if not path.is_file():
            continue
        tone = review_tone(extract(path.read_bytes(), path.name).review)
        rows.setdefault(item["split"], []).append(
            (item["file"], item["label"], tone.words_label, tone.label))
    return rows


def score_paragraphs(items: list[dict], text_of) -> dict[str, list[tuple[str, str, str, bool]]]:
    """Per split: (name, truth, label, direction agrees)."""
    rows: dict[str, list[tuple[str, str, str, bool]]] = {}
    for item in items:
        text = text_of(item)
        if text is None:
            continue
        label = judge_tone(text).label
        direction = sign(tone_score(tone_words(text)))
        rows.setdefault(item["split"], []).append(
            (f"{item['file']}#{item['paragraph']}", item["label"], label,
             direction == DIRECTION[item["label"]]))
    return rows


def report_reviews(rows: dict, splits: list[str]) -> None:
    for split in splits:
        got = rows.get(split, [])
        words = sum(truth == w for _, truth, w, _ in got)
        app = sum(truth == a for _, truth, _, a in got)
        opposite = sum(DIRECTION[truth] * DIRECTION[a] < 0 for _, truth, _, a in got)
        print(f"  {split:>3}-sample reviews: words alone {share(words, len(got))}, "
              f"with the page's rating {share(app, len(got))}; "
              f"opposite of the truth (positive <-> negative) {share(opposite, len(got))}")
        for name, truth, w, a in got:
            if truth != w or truth != a:
                print(f"      {name}: truth {truth}, words {w}, app {a}")
        print("      confusion (truth -> words):",
              dict(Counter(f"{t}->{w}" for _, t, w, _ in got if t != w)))


def report_paragraphs(title: str, rows: dict, splits: list[str], verbose: bool) -> None:
    for split in splits:
        got = rows.get(split, [])
        labels = sum(truth == label for _, truth, label, _ in got)
        pointed = [agrees for _, truth, _, agrees in got if truth != "mixed"]
        print(f"  {split:>3}-sample {title}: label {share(labels, len(got))}, "
              f"direction {share(sum(pointed), len(pointed))} (mixed left out)")
        if verbose:
            for name, truth, label, _ in got:
                if truth != label:
                    print(f"      {name}: truth {truth}, got {label}")


def report_bundled() -> None:
    print("\nbundled Never Let Me Go reviews (not used for fitting; our reading):")
    agree = 0
    for review in load_corpus().reviews:
        critic, reading = BUNDLED_READING.get(review.id[:3], (review.id, "?"))
        tone = review_tone(review)
        agree += tone.label == reading
        print(f"  {review.id[:3]} {critic:<42} reading {reading:<8} app {tone.label:<8} "
              f"{tone.score:+.2f} (words {tone.words_label}; basis {tone.basis})")
    print(f"  agree: {agree}/5")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=None)
    parser.add_argument("--split", choices=("in", "out", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="list paragraph misses")
    args = parser.parse_args(argv)
    pages = args.pages or (DEFAULT_PAGES if DEFAULT_PAGES.is_dir() else None)
    splits = ["in", "out"] if args.split == "all" else [args.split]
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    print(f"python {platform.python_version()} on {platform.platform()}")
    print(f"{len(labels['reviews'])} labelled reviews, {len(labels['paragraphs'])} labelled "
          f"paragraphs; pages: {pages or 'not given (paraphrases only)'}")
    if pages is not None:
        report_reviews(score_reviews(labels["reviews"], pages), splits)

        def page_paragraph(item: dict) -> str | None:
            path = pages / item["file"]
            return paragraphs_of(path)[item["paragraph"]] if path.is_file() else None

        report_paragraphs("page paragraphs", score_paragraphs(labels["paragraphs"],
                                                              page_paragraph), splits,
                          args.verbose)
    report_paragraphs("paraphrases", score_paragraphs(labels["paragraphs"],
                                                      lambda item: item["paraphrase"]),
                      splits, args.verbose)
    report_bundled()
    return 0


if __name__ == "__main__":
    sys.exit(main())
