"""Fit a body scorer (two logistic regressions over ``body_units``) and cross-validate it by set.

Each in-sample real page (the sets ``extraction_accuracy.NAMED_SETS``; the sets still
out-of-sample are never read) is cleaned by the rules; the paragraphs they keep become units
labelled from the committed facts: a unit above the first expected paragraph, or under the last
of a complete page, is not the body; nor is a unit anywhere whose key is neither expected nor
optional. Two logistic regressions (head, tail; pure Python, L2) learn to drop them.

The estimate is leave-set-out: every set in turn is held out, the models and their thresholds
are fitted on the other sets, and the held-out pages are scored by the benchmark's own counts
(body start, body end, no chrome, recall, chrome left), for the rules alone and for the rules
with the scorer. Each model's threshold is chosen on its training sets, either from the fit's
own probabilities (optimistic: they are in-sample to the fit) or, with ``--nested``, from an
inner leave-set-out over the training sets (honest, about 15 times slower). ``--weights`` also
prints the fit on all the in-sample pages and its in-sample figures.

Run: python benchmarks/fit_body_scorer.py --pages DIR [--nested] [--weights]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from body_units import FEATURES, Unit, decider, features, probability, trim
from extraction_accuracy import NAMED_SETS, REAL_FACTS, paragraph_key

from nlmg_tui.corpus import clean
from nlmg_tui.corpus.lines import Line

PLACES = ("head", "tail")
L2 = 1.0
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)
FALSE_DROP_COST = 3  # dropping a body paragraph loses text: it costs more than a kept deck


@dataclass
class Page:
    name: str
    set: str
    units: list[Unit]
    lines: list[Line]
    keys: list[set[str]]
    expected: list[str]
    allowed: set[str]
    complete: bool


def load_pages(pages: Path) -> list[Page]:
    """The in-sample pages found in ``pages``, each with the units the rules kept."""
    facts = json.loads(REAL_FACTS.read_text(encoding="utf-8"))
    seen: dict[str, tuple[list[Unit], list[Line]]] = {}
    collect_body = clean.collect_body

    def record(lines: list[Line], start: int, critic: str | None):  # noqa: ANN202
        draft = collect_body(lines, start, critic)
        units = [Unit(p.text, number, p.section)
                 for p, number in zip(draft.paragraphs, draft.numbers, strict=True)]
        seen["last"] = (units, list(lines))  # the last body read is the one the page keeps
        return draft

    loaded = []
    with mock.patch.object(clean, "collect_body", record):
        for name, page in sorted(facts.items()):
            if page["set"] not in NAMED_SETS or not (pages / name).is_file():
                continue  # a set still out-of-sample is never read
            seen.clear()
            clean.clean_page((pages / name).read_text(encoding="utf-8"), source=name)
            units, lines = seen.get("last", ([], []))
            expected = [paragraph["sha1"] for paragraph in page["body"]]
            loaded.append(Page(name, page["set"], units, lines, [_keys(unit) for unit in units],
                               expected, set(expected) | set(page["optional"]), page["complete"]))
    return loaded


def _keys(unit: Unit) -> set[str]:
    keys = {paragraph_key(unit.text)}
    if unit.section:
        keys.add(paragraph_key(f"{unit.section}: {unit.text}"))
    return keys


def _oracle(page: Page) -> dict[str, Callable[[list[Unit], int], bool]]:
    """The annotated answer for each place: drop the unit or not."""
    key_of = {id(unit): keys for unit, keys in zip(page.units, page.keys, strict=True)}
    expected = set(page.expected)
    return {
        "head": lambda units, i: not key_of[id(units[i])] & expected,
        "tail": lambda units, i: not key_of[id(units[i])] & (expected if page.complete else page.allowed),
    }


def examples(page: Page) -> dict[str, list[tuple[list[float], int]]]:
    """(features, drop?) for every decision the walk asks on this page, with the annotated
    answers taken."""
    found: dict[str, list[tuple[list[float], int]]] = {place: [] for place in PLACES}
    oracle = _oracle(page)

    def recorder(place: str) -> Callable[[list[Unit], int], bool]:
        def decide(units: list[Unit], index: int) -> bool:
            answer = oracle[place](units, index)
            found[place].append((features(units, index, page.lines), int(answer)))
            return answer
        return decide

    if len(page.units) > 1:
        trim(page.units, recorder("head"), recorder("tail"))
    return found


def fit(rows: list[tuple[list[float], int]], l2: float = L2, rounds: int = 25) -> list[float]:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    size = len(FEATURES)
    weights = [0.0] * size
    for _ in range(rounds):
        gradient = [l2 * w if j else 0.0 for j, w in enumerate(weights)]
        hessian = [[(l2 if i == j and i else 0.0) for j in range(size)] for i in range(size)]
        for vector, label in rows:
            p = probability(weights, vector)
            for i in range(size):
                gradient[i] += (p - label) * vector[i]
                scaled = p * (1 - p) * vector[i]
                row = hessian[i]
                for j in range(size):
                    row[j] += scaled * vector[j]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return weights


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and positive definite)."""
    size = len(vector)
    rows = [matrix[i][:] + [vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            continue
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            if factor:
                for c in range(col, size + 1):
                    rows[r][c] -= factor * rows[col][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        if abs(rows[r][r]) < 1e-12:
            continue
        total = rows[r][size] - sum(rows[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = total / rows[r][r]
    return solution


def choose_threshold(scored: list[tuple[float, int]]) -> float:
    """The threshold with the most right drops less FALSE_DROP_COST per wrong one, given
    (probability, drop?) pairs; the highest among equals."""
    def gain(threshold: float) -> int:
        right = sum(1 for p, label in scored if p > threshold and label)
        wrong = sum(1 for p, label in scored if p > threshold and not label)
        return right - FALSE_DROP_COST * wrong
    return max(THRESHOLDS, key=lambda t: (gain(t), t))


@dataclass
class Model:
    weights: dict[str, list[float]]
    thresholds: dict[str, float]


Rows = dict[str, list[tuple[list[float], int]]]


def _rows(pages: list[Page], found: dict[str, Rows], place: str) -> list[tuple[list[float], int]]:
    return [row for page in pages for row in found[page.name][place]]


def train(pages: list[Page], found: dict[str, Rows], nested: bool = False) -> Model:
    """Weights fitted on ``pages``; thresholds from the fit's own probabilities, or (``nested``)
    from each training set's probabilities under a fit on the other training sets."""
    weights = {place: fit(_rows(pages, found, place)) for place in PLACES}
    thresholds = {}
    for place in PLACES:
        if not nested:
            scored = [(probability(weights[place], v), y) for v, y in _rows(pages, found, place)]
        else:
            scored = []
            for inner in sorted({page.set for page in pages}):
                inner_weights = fit(_rows([p for p in pages if p.set != inner], found, place))
                scored += [(probability(inner_weights, v), y)
                           for v, y in _rows([p for p in pages if p.set == inner], found, place)]
        thresholds[place] = choose_threshold(scored)
    return Model(weights, thresholds)


def kept(page: Page, model: Model | None) -> list[int]:
    if model is None or len(page.units) <= 1:
        return list(range(len(page.units)))
    deciders = [decider(model.weights[place], model.thresholds[place], page.lines)
                for place in PLACES]
    return trim(page.units, *deciders)


def score(page: Page, keep: list[int]) -> dict[str, object]:
    """The benchmark's body counts (``extraction_accuracy.score_real_page``) for the kept units."""
    keys = [page.keys[i] for i in keep]
    found = {key for unit in keys for key in unit}
    return {
        "body start": bool(keys) and page.expected[0] in keys[0],
        "body end": (bool(keys) and page.expected[-1] in keys[-1]) if page.complete else None,
        "no chrome": all(unit & page.allowed for unit in keys),
        "recall": (sum(key in found for key in page.expected), len(page.expected)),
        "chrome": sum(not unit & page.allowed for unit in keys),
        "paragraphs": len(keys),
    }


def summary(scores: list[dict[str, object]]) -> str:
    def count(field: str) -> str:
        scored = [s[field] for s in scores if s[field] is not None]
        return f"{sum(bool(v) for v in scored)}/{len(scored)}"
    found = sum(s["recall"][0] for s in scores)  # type: ignore[index]
    total = sum(s["recall"][1] for s in scores)  # type: ignore[index]
    chrome = sum(s["chrome"] for s in scores)  # type: ignore[misc]
    paragraphs = sum(s["paragraphs"] for s in scores)  # type: ignore[misc]
    return (f"body start {count('body start')}  body end {count('body end')}  "
            f"no chrome {count('no chrome')}  recall {found}/{total}  chrome left {chrome}/{paragraphs}")


def cross_validate(pages: list[Page], nested: bool = False) -> tuple[list[dict], list[dict], list[str]]:
    """Leave-set-out: (rules' scores, rules + scorer's scores, notes: each fold's thresholds and
    the pages whose figures changed)."""
    found = {page.name: examples(page) for page in pages}
    rules, scored, notes = [], [], []
    for held_out in sorted({page.set for page in pages}):
        model = train([page for page in pages if page.set != held_out], found, nested)
        notes.append(f"{held_out}: thresholds " + ", ".join(
            f"{place} {model.thresholds[place]}" for place in PLACES))
        for page in (page for page in pages if page.set == held_out):
            before, after = score(page, kept(page, None)), score(page, kept(page, model))
            rules.append(before)
            scored.append(after)
            changed = [field for field in ("body start", "body end", "no chrome", "recall")
                       if before[field] != after[field]]
            if changed:
                notes.append(f"{held_out} {page.name}: " + ", ".join(
                    f"{field} {before[field]} -> {after[field]}" for field in changed))
    return rules, scored, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, required=True, help="folder holding the real pages")
    parser.add_argument("--nested", action="store_true",
                        help="choose thresholds by an inner leave-set-out (slower, honest)")
    parser.add_argument("--weights", action="store_true", help="print the fit on all pages")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.platform()}")
    pages = load_pages(args.pages)
    print(f"{len(pages)} in-sample pages of {len({page.set for page in pages})} sets")
    found = {page.name: examples(page) for page in pages}
    for place in PLACES:
        rows = _rows(pages, found, place)
        print(f"  {place}: {len(rows)} decisions, {sum(y for _, y in rows)} of them drops")
    rules, scored, notes = cross_validate(pages, args.nested)
    how = "inner leave-set-out" if args.nested else "the training fit's own probabilities"
    print(f"leave-set-out, held-out pages (thresholds from {how}):")
    print(f"  rules          {summary(rules)}")
    print(f"  rules + scorer {summary(scored)}")
    for note in notes:
        print(f"    {note}")
    if args.weights:
        model = train(pages, found, args.nested)
        in_sample = [score(page, kept(page, model)) for page in pages]
        print(f"fitted on all {len(pages)} pages (in-sample): {summary(in_sample)}")
        for place in PLACES:
            weights = ", ".join(f"{name} {w:+.2f}" for name, w in zip(FEATURES, model.weights[place],
                                                                      strict=True))
            print(f"  {place} (threshold {model.thresholds[place]}): {weights}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
