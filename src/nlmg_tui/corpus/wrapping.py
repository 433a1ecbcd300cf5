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
_LIST_ITEM = re.compile(r"^(?:[•*·–-]|\d{1,2}[.)])\s")


def unwrap(lines: list[Line]) -> None:
    """Join each run of hard-wrapped lines, in place."""
    start = 0
    while start < len(lines):
        end = _run_end(lines, start)
        if end - start >= MIN_RUN:
            run = lines[start:end]
            run[0].text = " ".join(line.text for line in run)
            for line in run[1:]:
                line.text = ""
            start = end
        else:
            start += 1


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
