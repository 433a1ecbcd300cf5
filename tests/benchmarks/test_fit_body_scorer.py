"""The body-scorer fit script's parts (``benchmarks/fit_body_scorer.py``, ``body_units.py``) on
own-words units: the walk, the labels it takes from the facts, the features, the fit and the
counts. The real pages it is run on stay outside the repository."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import body_units  # noqa: E402
import fit_body_scorer as fitting  # noqa: E402
from body_units import FEATURES, Unit, features, trim  # noqa: E402

from nlmg_tui.corpus.lines import Line  # noqa: E402

PROSE = ("The ferry leaves at dawn and the town on the far shore is not what the brochure "
         "promised, which is the first of many small betrayals the film lays out with patience. "
         "I kept waiting for the turn, and it never came, and that was the point.")


def _page(texts: list[tuple[str, str]], expected: list[str], optional: tuple[str, ...] = (),
          complete: bool = True) -> fitting.Page:
    """Units one per line (every other line blank), each with its own key (the tag)."""
    units = [Unit(text, 2 * i + 1) for i, (_, text) in enumerate(texts)]
    lines = []
    for i, (_, text) in enumerate(texts):
        lines += [Line(2 * i + 1, text, "prose"), Line(2 * i + 2, "", "text")]
    keys = [{tag} for tag, _ in texts]
    return fitting.Page("own.txt", "own", units, lines, keys, expected,
                        set(expected) | set(optional), complete)


def _drop_all(units: list[Unit], index: int) -> bool:
    return True


def _keep_all(units: list[Unit], index: int) -> bool:
    return False


def _drop_zero(units: list[Unit], index: int) -> bool:
    return units[index].text == "0"


def test_trim_drops_from_each_edge_until_a_keeper_at_most_three() -> None:
    units = [Unit(str(i), i + 1) for i in range(8)]
    assert trim(units, _drop_all, _drop_all) == [3, 4]  # three from the head, three from the tail
    assert trim(units, _keep_all, _keep_all) == list(range(8))
    assert trim(units, _drop_zero, _keep_all) == list(range(1, 8))
    assert trim(units[:2], _drop_all, _drop_all) == [1]  # one unit always stays


def test_the_walk_labels_a_deck_over_the_first_expected_paragraph_and_chrome_under_the_last() -> None:
    page = _page([("deck", "What is it about?"), ("e1", PROSE), ("e2", PROSE + " Again."),
                  ("foot", "Share this post with your friends")],
                 expected=["e1", "e2"], optional=("deck",))
    found = fitting.examples(page)
    assert [label for _, label in found["head"]] == [1, 0]
    assert [label for _, label in found["tail"]] == [1, 0]
    # an incomplete page's optional tail is no drop; only a unit neither expected nor optional is
    page = _page([("e1", PROSE), ("more", "And then the credits roll over the sea.")],
                 expected=["e1"], optional=("more",), complete=False)
    assert [label for _, label in fitting.examples(page)["tail"]] == [0]


def test_features_read_a_short_question_over_long_prose() -> None:
    page = _page([("deck", "What is it about?"), ("e1", PROSE)], expected=["e1"])
    vector = dict(zip(FEATURES, features(page.units, 0, page.lines), strict=True))
    assert len(vector) == len(FEATURES)
    assert vector["question"] == 1.0 and vector["short"] == 1.0 and vector["next_is_long"] == 1.0
    assert vector["first_person"] == 0.0 and vector["share_of_longest"] < 0.2
    prose = dict(zip(FEATURES, features(page.units, 1, page.lines), strict=True))
    assert prose["first_person"] == 1.0 and prose["short"] == 0.0 and prose["share_of_longest"] == 1.0


def test_fit_learns_the_sign_of_a_separating_feature() -> None:
    size = len(FEATURES)
    rows = []
    for i in range(40):
        vector = [1.0] + [0.0] * (size - 1)
        vector[2] = float(i % 2)  # "short": every short unit is a drop
        rows.append((vector, i % 2))
    weights = fitting.fit(rows)
    assert weights[2] > 1.0
    assert body_units.probability(weights, rows[1][0]) > 0.8 > 0.2 > body_units.probability(
        weights, rows[0][0])


def test_score_counts_as_the_benchmark_does() -> None:
    page = _page([("deck", "What is it about?"), ("e1", PROSE), ("x", "Posted in Reviews")],
                 expected=["e1"], optional=("deck",))
    everything = fitting.score(page, [0, 1, 2])
    assert everything["body start"] is False and everything["body end"] is False
    assert everything["no chrome"] is False and everything["chrome"] == 1
    trimmed = fitting.score(page, [1])
    assert trimmed["body start"] and trimmed["body end"] and trimmed["no chrome"]
    assert trimmed["recall"] == (1, 1)


def test_threshold_weighs_a_wrong_drop_above_a_right_one() -> None:
    # 0.6 would drop three right ones and the wrong one (3 - 3 = 0): the highest threshold of
    # those dropping only the first (1) wins
    assert fitting.choose_threshold([(0.95, 1), (0.8, 0), (0.75, 1), (0.7, 1)]) == 0.9
    assert fitting.choose_threshold([(0.4, 0)]) == max(fitting.THRESHOLDS)
