"""A deck set apart from the review: by a wider gap, or by the page's header lines.

A page keeps one spacing between its paragraphs (no blank line, or one); a standfirst, a
logline or a viewing note over the review is set off from it by more. When the first paragraph
is one short sentence and the gap under it is wider than every gap between the paragraphs that
follow, it is the deck, not the review's opening.

The review also runs on without headers between its first paragraphs: a short first paragraph
with header lines under it (a rating box, a "Full synopsis" heading, credit fields) before the
rest of the prose, which runs on without such lines, is a logline or a tagline set in the
header (when every paragraph has a line of its own under it, a "-" or a picture's name, that is
the page's separator; a line in title case there is the headline shown again). An
advertisement, a link, a picture or a spoiler warning between the first paragraphs is the
body's own furniture, not a header line. A headline set as a sentence ("The year's best?") may
stand over the deck: the two are set apart as a pair.

A box of short answers under labels ("See it again: No." / "Own it: Yes." / "Take the kids:
Maybe."), two lines or more opening the body with prose under them, is a verdict box in the
header, not the review's opening.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.body import lists_in_body, passed_over
from nlmg_tui.corpus.lines import Line, is_title_case
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.text import split_sentences

MAX_DECK_WORDS = 30
_MIN_GAPS = 1  # gaps between the following paragraphs needed to know the page's spacing
_GAPS_READ = 5
_HEADER_ROLES = ("heading", "field", "byline", "chrome")


_MAX_DECKS = 2  # a headline set as a sentence ("The year's best?") over a deck


def set_apart_deck(lines: list[Line], start: int, blank: set[int]) -> int:
    """``start``, or the index of the next prose when the line at ``start`` is a set-apart deck
    (it then gets the role ``preface``; so may the next one). ``blank`` holds the raw page's
    blank line numbers."""
    for _ in range(_MAX_DECKS):
        moved = _past_deck(lines, start, blank)
        if moved == start:
            break
        start = moved
    return start


def _past_deck(lines: list[Line], start: int, blank: set[int]) -> int:
    start = _past_answer_box(lines, start)
    if start >= len(lines) or lines[start].role != "prose":
        return start
    # a list's lines in the body are no header lines (nor paragraphs whose spacing counts)
    listed = lists_in_body(lines, start)
    prose = [i for i in range(start, len(lines)) if lines[i].role in ("prose", "label") and i not in listed]
    first = lines[start].text
    if (len(first.split()) > MAX_DECK_WORDS or len(prose) < 3 or _under_own_label(lines, start)
            or not _review_runs_longer(lines, prose, 1)):
        return start
    if (_header_lines_under(lines, prose[0], prose[1], listed) and not is_title_case(first)
            and not _header_lines_under(lines, prose[1], prose[2], listed)) or (
            len(split_sentences(first)) == 1 and _wider_gap_under(lines, prose, blank)):
        lines[start].role = "preface"
        return prose[1]
    if len(prose) >= 4 and _pair_set_apart(lines, prose, blank, listed):
        lines[prose[0]].role = lines[prose[1]].role = "preface"
        return prose[2]
    return start


_REVIEW_RATIO = 2


def _review_runs_longer(lines: list[Line], prose: list[int], count: int) -> bool:
    """The prose under the first ``count`` paragraphs runs far longer than they do, as a review
    does under its deck (a short review over the site's lines and a newsletter's pitch does
    not)."""
    words = [len(lines[i].text.split()) for i in prose]
    return sum(words[count:]) >= _REVIEW_RATIO * sum(words[:count])


def _pair_set_apart(lines: list[Line], prose: list[int], blank: set[int], listed: set[int]) -> bool:
    """A headline set as a sentence over its deck ("The year's best?" / "A quiet film that
    earns its silences."): two short one-sentence lines, with nothing between them, set apart
    from the prose that follows as a single deck is: header lines under the second, none
    between the next paragraphs; or a gap under it wider than the body's spacing (the usual gap
    between the paragraphs that follow) and than the one between the two (or both wider)."""
    pair = [lines[i].text for i in prose[:2]]
    if any(len(text.split()) > MAX_DECK_WORDS or len(split_sentences(text)) != 1 for text in pair):
        return False
    if not _review_runs_longer(lines, prose, 2):
        return False
    between = _gap(lines, prose[0], prose[1], blank)
    if between is None:
        return False
    between_pair = [line for line in lines[prose[1] + 1:prose[2]] if line.text]
    if (_header_lines_under(lines, prose[1], prose[2], listed) and not is_title_case(pair[1])
            and not _header_lines_under(lines, prose[2], prose[3], listed)
            and not any(line.role == "heading" for line in between_pair)):
        return True  # (a heading there, a picture's name, may stand between two paragraphs)
    gaps = [_gap(lines, a, b, blank) for a, b in zip(prose[2:], prose[3:_GAPS_READ + 3], strict=False)]
    following = [gap for gap in gaps if gap is not None]
    under = _gap(lines, prose[1], prose[2], blank)
    if under is None or len(following) < _MIN_GAPS:
        return False
    spacing = _spacing(following)
    return under > spacing and (under > between or between > spacing)


_MAX_LABEL_WORDS = 4


def _under_own_label(lines: list[Line], index: int) -> bool:
    """Right under a short label ending in a colon ("The short:", "Synopsis:"), the paragraph
    is that section of the review, not a deck set apart from it."""
    above = next((line for line in reversed(lines[:index]) if line.text), None)
    return (above is not None and above.text.endswith(":") and above.role != "chrome"  # "Search:"
            and len(above.text.split()) <= _MAX_LABEL_WORDS)


def _header_lines_under(lines: list[Line], first: int, second: int, listed: set[int]) -> bool:
    """Only header lines (headings, fields, bylines, chrome, none of them a rating nor a line of
    a list in the body), and at least one, part the first paragraph from the next (an
    advertisement's marker, a link, a picture or a spoiler warning set between paragraphs
    does not count)."""
    between = [i for i in range(first + 1, second) if lines[i].text and not passed_over(lines, i)]
    return bool(between) and all(lines[i].role in _HEADER_ROLES and not find_ratings(lines[i].text)
                                 and i not in listed  # a rating between paragraphs is the body's
                                 for i in between)


def _wider_gap_under(lines: list[Line], prose: list[int], blank: set[int]) -> bool:
    gaps = [_gap(lines, a, b, blank) for a, b in zip(prose, prose[1:_GAPS_READ + 1], strict=False)]
    under, following = gaps[0], [gap for gap in gaps[1:] if gap is not None]
    return under is not None and len(following) >= _MIN_GAPS and under > max(following)


def _spacing(gaps: list[int]) -> int:
    """The body's own spacing: the usual gap between its paragraphs (a bio or a list of posts
    under a short body may sit wider)."""
    return sorted(gaps)[len(gaps) // 2]


def _gap(lines: list[Line], first: int, second: int, blank: set[int]) -> int | None:
    """How many blank lines part two paragraphs; None when any other line stands between, but
    for an advertisement, a link or a picture set between them: then the blank lines under the
    first (the page spaces them as it spaces its paragraphs)."""
    between = range(lines[first].number + 1, lines[second].number)
    shown = [number for number in between if number not in blank and lines[number - 1].text]
    if not shown:
        return sum(number in blank for number in between)
    if any(not passed_over(lines, number - 1) for number in shown):
        return None
    return sum(number in blank for number in range(lines[first].number + 1, shown[0]))


# "See it again: No.", "Recommend it to: Anyone who liked the trailer."
# (a line of quoted dialogue, "Ida: \"Go home.\"", is the review quoting the film)
_ANSWER = re.compile(r"^(?P<label>[A-Z][\w'’]*(?: [\w'’]+){0,3}):\s+(?P<answer>[^\s\"“‘'].*)$")
_MAX_ANSWER_WORDS = 12
_MIN_ANSWERS = 2


def _past_answer_box(lines: list[Line], start: int) -> int:
    """The index of the prose under a box of answers opening the body, or ``start``."""
    shown = [i for i in range(start, len(lines)) if lines[i].text]
    box = 0
    for i in shown:
        match = _ANSWER.match(lines[i].text)
        if (lines[i].role not in ("prose", "short") or match is None
                or len(match["answer"].split()) > _MAX_ANSWER_WORDS):
            break
        box += 1
    if box < _MIN_ANSWERS or box >= len(shown) or lines[shown[box]].role != "prose":
        return start
    for i in shown[:box]:
        lines[i].role = "field"
    return shown[box]
