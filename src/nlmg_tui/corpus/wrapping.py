"""Text hard-wrapped at a fixed width (e-mail, Usenet, some blogs): its lines are one paragraph.

Such a page breaks every line near the same column, mostly mid-sentence (the next line goes on
in lower case), with no blank line between, so read line by line most of its lines look like
headings and are lost from the body.
A run of at least ``MIN_RUN`` such lines is joined into its first line; the others are left
blank, so every other line keeps its number (evidence cites line numbers).
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.lines import Line

MIN_RUN = 3
MIN_WIDTH, MAX_WIDTH = 45, 100
"""A wrapped line (all but a run's last) is this long: shorter ones are titles, credits and
list items; longer ones are whole paragraphs already."""
SAME_WIDTH = 0.7
"""Every wrapped line is at least this share of the run's longest: a fixed column."""
MIN_BROKEN_WORDS = 4
MIN_FOLLOWING_WORDS = 8
_LIST_ITEM = re.compile(r"^(?:[•*·–-]|\d{1,2}[.)])\s")


def unwrap(lines: list[Line]) -> None:
    """Join each run of hard-wrapped lines, in place; then, on a page wrapped at a column, every
    line broken there (a paragraph of two lines too); then each sentence broken over two lines."""
    widths = _join_runs(lines)
    column = _page_column(widths)
    if column is not None:
        _join_at_column(lines, column)
    _join_broken_sentences(lines)


MIN_WRAPPED_RUNS = 2
COLUMN_SLACK = 10
"""Runs whose longest lines end within this many characters of each other share a column."""


def _page_column(widths: list[int]) -> int | None:
    """The column a page is wrapped at: two runs or more joined, their longest lines near it."""
    if not widths:
        return None
    column = max(widths)
    near = [width for width in widths if width >= column - COLUMN_SLACK]
    return column if len(near) >= MIN_WRAPPED_RUNS else None


def _join_at_column(lines: list[Line], column: int) -> None:
    """A line was broken at the column when the next line's first word would not have fitted
    on it: the two are one paragraph."""
    index = 0
    while index < len(lines) - 1:
        head, last = lines[index], lines[index]
        length = len(head.text)
        while (index + 1 < len(lines) and _breaks_at(length, lines[index + 1], column)
               and last.role != "thread"):
            last = lines[index + 1]
            head.text = f"{head.text} {last.text}"
            length = len(last.text)
            last.text = ""
            index += 1
        index += 1


def _breaks_at(length: int, following: Line, column: int) -> bool:
    words = following.text.split()
    return (bool(words) and following.role != "thread" and not _LIST_ITEM.match(following.text)
            and column - COLUMN_SLACK <= length <= column + COLUMN_SLACK  # (the column is a guess)
            and column < length + 1 + len(words[0]))


def _join_broken_sentences(lines: list[Line]) -> None:
    """"The critics loved this film" over "and I can't say I agree. ...": a line with no closing
    punctuation, followed on the very next line by a paragraph that goes on in lower case, is
    the start of that paragraph's first sentence (read alone it looks like a heading and is
    lost). Only between sentence-shaped lines: a capitalised start, words enough on both."""
    for line, following in zip(lines, lines[1:], strict=False):
        text = line.text
        if (following.text[:1].islower() and text[:1].isupper()
                and len(text.split()) >= MIN_BROKEN_WORDS
                and len(following.text.split()) >= MIN_FOLLOWING_WORDS
                and text[-1:].isalnum() and "thread" not in (line.role, following.role)
                and not _LIST_ITEM.match(text)):
            following.text = f"{text} {following.text}"
            line.text = ""


def _join_runs(lines: list[Line]) -> list[int]:
    """Join the runs; the length of each joined run's longest line."""
    widths = []
    start = 0
    while start < len(lines):
        end = _run_end(lines, start)
        if end - start >= MIN_RUN:
            run = lines[start:end]
            widths.append(max(len(line.text) for line in run))
            run[0].text = " ".join(line.text for line in run)
            for line in run[1:]:
                line.text = ""
            start = end
        else:
            start += 1
    return widths


def _run_end(lines: list[Line], start: int) -> int:
    """Where a run of wrapped lines starting at ``start`` ends (``start`` if there is none)."""
    end = start
    while end + 1 < len(lines) and _wraps(lines[end]) and lines[end + 1].text \
            and lines[end + 1].role != "thread" and not _LIST_ITEM.match(lines[end + 1].text):
        end += 1
    if end == start:
        return start
    run = lines[start:end]
    longest = max(len(line.text) for line in run)
    # A break is mid-sentence when the next line goes on in lower case ("...it was / going to").
    mid_sentence = sum(lines[i + 1].text[:1].islower() for i in range(start, end))
    if any(len(line.text) < SAME_WIDTH * longest for line in run) or 2 * mid_sentence < len(run):
        return start
    return end + 1  # the last line of the run ends the paragraph


def _wraps(line: Line) -> bool:
    return (line.role != "thread" and MIN_WIDTH <= len(line.text) <= MAX_WIDTH
            and not _LIST_ITEM.match(line.text))
