"""The units and features of ``fit_body_scorer.py``: the paragraphs the body rules kept, and
general features of each (length, sentence shape, capitals, digits, site words, first person,
whether it repeats another, its neighbours' lengths, the lines between it and them and their
roles), with the walk that trims a body from its head and from its tail.

It lives under benchmarks/ because the fitted scorer did not beat the rules out of fold (see
docs/import.md, "A fitted body scorer"): nothing here runs inside the cleaner.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlmg_tui.corpus.lines import Line, function_words
from nlmg_tui.corpus.text import fold


@dataclass(frozen=True)
class Unit:
    """One paragraph the rules kept: its text, the raw line it came from, its section."""

    text: str
    number: int
    section: str | None = None


_LONG_WORDS = 40
_SITE_WORDS = re.compile(
    r"\b(?:comments?|share|shared|posted|copyright|subscribe|newsletter|click|follow|facebook|"
    r"twitter|instagram|email|advertis\w*|sponsored|cookies?|privacy|rights reserved|read more|"
    r"sign up|log ?in|download|buy|tickets?|trailer|rated|runtime|running time|starring|"
    r"directed by|release[ds]?)\b|©|https?:|www\.|\.com\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d", re.I)
_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_ENDS = re.compile(r"[.!?…][\"'”’)\]]*$")
_QUOTE = "\"“‘'"
_ARTICLE = re.compile(r"^(?:A|An|The)\s")
_BETWEEN_HEADING = ("heading", "field", "byline", "label")

FEATURES = (
    "bias", "log_words", "short", "medium", "ends_sentence", "question", "exclaims", "capitals",
    "all_caps", "digits", "year_or_date", "site_words", "quoted", "starts_with_article",
    "function_share", "first_person", "colon_early", "sentences", "share_of_longest",
    "repeated_elsewhere", "next_longer", "previous_longer", "next_is_long", "previous_is_long",
    "lines_before", "lines_after", "heading_before", "heading_after", "chrome_before",
    "chrome_after", "byline_right_above", "heading_right_above", "form_after", "short_role",
    "section", "few_paragraphs",
)
_WINDOW = 5  # lines looked at above the first unit and under the last


def _words(text: str) -> list[str]:
    return text.split()


def features(units: Sequence[Unit], index: int, lines: Sequence[Line]) -> list[float]:
    """The feature vector (in ``FEATURES`` order) of ``units[index]`` among ``units``."""
    unit = units[index]
    words = _words(unit.text)
    count = len(words) or 1
    lengths = [len(_words(other.text)) for other in units]
    previous = lengths[index - 1] if index > 0 else 0
    following = lengths[index + 1] if index + 1 < len(units) else 0
    if index > 0:
        before = _between(lines, units[index - 1].number, unit.number)
    else:
        before = _between(lines, 0, unit.number)[-_WINDOW:]
    if index + 1 < len(units):
        after = _between(lines, unit.number, units[index + 1].number)
    else:
        after = _between(lines, unit.number, len(lines) + 1)[:_WINDOW]
    role = lines[unit.number - 1].role if 0 < unit.number <= len(lines) else "prose"
    above = before[-1].role if before else "none"
    return [
        1.0,
        math.log1p(len(words)),
        float(len(words) < 10),
        float(10 <= len(words) < 25),
        float(bool(_ENDS.search(unit.text))),
        float(unit.text.rstrip("\"'”’)").endswith("?")),
        float("!" in unit.text),
        sum(word.lstrip(_QUOTE + "(")[:1].isupper() for word in words) / count,
        sum(len(word) > 1 and word.isupper() for word in words) / count,
        sum(any(ch.isdigit() for ch in word) for word in words) / count,
        float(bool(_YEAR.search(unit.text) or _MONTH.search(unit.text))),
        min(len(_SITE_WORDS.findall(unit.text)), 3) / 3,
        float(unit.text[:1] in _QUOTE),
        float(bool(_ARTICLE.match(unit.text))),
        function_words(unit.text) / count,
        float(bool(_FIRST_PERSON.search(unit.text))),
        float(":" in unit.text[:40]),
        min(len(_SENTENCE.findall(unit.text)), 5) / 5,
        len(words) / max(max(lengths), 1),
        _repeated(units, index),
        _clip(math.log((following + 1) / (len(words) + 1))) if following else 0.0,
        _clip(math.log((previous + 1) / (len(words) + 1))) if previous else 0.0,
        float(following >= _LONG_WORDS),
        float(previous >= _LONG_WORDS),
        math.log1p(len(before)),
        math.log1p(len(after)),
        float(any(line.role in _BETWEEN_HEADING for line in before)),
        float(any(line.role in _BETWEEN_HEADING for line in after)),
        float(any(line.role == "chrome" for line in before)),
        float(any(line.role == "chrome" for line in after)),
        float(above in ("byline", "field")),
        float(above == "heading"),
        float(any(line.role in ("form", "thread") for line in after)),
        float(role in ("short", "heading")),
        float(unit.section is not None),
        float(len(units) <= 2),
    ]


def _repeated(units: Sequence[Unit], index: int) -> float:
    """The share of the unit's word pairs found in the other units: a teaser repeats the
    opening it stands over."""
    pairs = _pairs(units[index].text)
    if not pairs:
        return 0.0
    others = set().union(*(_pairs(unit.text) for i, unit in enumerate(units) if i != index))
    return len(pairs & others) / len(pairs)


def _pairs(text: str) -> set[tuple[str, str]]:
    folded = fold(text).split()
    return set(zip(folded, folded[1:], strict=False))


def _clip(value: float, bound: float = 3.0) -> float:
    return max(-bound, min(bound, value))


def _between(lines: Sequence[Line], first: int, last: int) -> list[Line]:
    """The lines with text strictly between raw line numbers ``first`` and ``last``."""
    return [line for line in lines[first:max(first, last - 1)] if line.text]


def probability(weights: Sequence[float], vector: Sequence[float]) -> float:
    score = sum(w * x for w, x in zip(weights, vector, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


# decide(units, index) -> True to drop units[index].
Decide = Callable[[list[Unit], int], bool]

_MAX_EDGE_DROPS = 3
# A paragraph this long is never dropped: the scorer may trim a deck or a stray line, not prose.
MAX_DROP_WORDS = 80


def trim(units: Sequence[Unit], head: Decide, tail: Decide) -> list[int]:
    """Indexes of ``units`` kept: drop from the head while ``head`` says so, then from the tail
    while ``tail`` says so (at most three each, and at least one unit kept). The fit script walks
    the same way with the annotated answers as the deciders."""
    kept = list(range(len(units)))
    for decide, at in ((head, 0), (tail, -1)):
        for _ in range(_MAX_EDGE_DROPS):
            if len(kept) <= 1:
                break
            current = [units[i] for i in kept]
            if not decide(current, at % len(current)):
                break
            kept.pop(at)
    return kept


def decider(weights: Sequence[float], threshold: float, lines: Sequence[Line]) -> Decide:
    """A decider dropping a unit (shorter than ``MAX_DROP_WORDS``) whose fitted probability of
    not being the review's passes ``threshold``."""
    def decide(units: list[Unit], index: int) -> bool:
        return (len(units[index].text.split()) < MAX_DROP_WORDS
                and probability(weights, features(units, index, lines)) > threshold)
    return decide
