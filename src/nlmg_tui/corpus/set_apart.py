"""A deck set apart from the review by a wider gap than the review's own paragraphs use.

A page keeps one spacing between its paragraphs (no blank line, or one); a standfirst, a
logline or a viewing note over the review is set off from it by more. When the first paragraph
is one short sentence and the gap under it is wider than every gap between the paragraphs that
follow, it is the deck, not the review's opening.
"""

from __future__ import annotations

from nlmg_tui.corpus.lines import Line
from nlmg_tui.corpus.text import split_sentences

MAX_DECK_WORDS = 30
_MIN_GAPS = 1  # gaps between the following paragraphs needed to know the page's spacing
_GAPS_READ = 5


def set_apart_deck(lines: list[Line], start: int, blank: set[int]) -> int:
    """``start``, or the index of the next prose when the line at ``start`` is a set-apart deck
    (it then gets the role ``preface``). ``blank`` holds the raw page's blank line numbers."""
    if start >= len(lines) or lines[start].role != "prose":
        return start
    prose = [i for i in range(start, len(lines)) if lines[i].role == "prose"]
    first = lines[start].text
    if len(first.split()) > MAX_DECK_WORDS or len(split_sentences(first)) != 1 or len(prose) < 3:
        return start
    gaps = [_gap(lines, a, b, blank) for a, b in zip(prose, prose[1:_GAPS_READ + 1], strict=False)]
    under, following = gaps[0], [gap for gap in gaps[1:] if gap is not None]
    if under is None or len(following) < _MIN_GAPS or under <= max(following):
        return start
    lines[start].role = "preface"
    return prose[1]


def _gap(lines: list[Line], first: int, second: int, blank: set[int]) -> int | None:
    """How many blank lines part two paragraphs; None when any other line stands between."""
    between = range(lines[first].number + 1, lines[second].number)
    if any(number not in blank and lines[number - 1].text for number in between):
        return None
    return sum(number in blank for number in between)
