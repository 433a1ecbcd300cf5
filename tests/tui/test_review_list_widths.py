"""The list's name columns: as wide as the widest name, never wider than ``NAME_MAX``; the
scan for the widest stops at the first name that reaches it."""

from __future__ import annotations

from dataclasses import replace

from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.tui.widgets.review_list import NAME_MAX, longest_names


class Counted(list):
    """Reviews that count how many were looked at."""

    looked = 0

    def __iter__(self):
        for review in super().__iter__():
            Counted.looked += 1
            yield review


def test_the_widest_names_up_to_the_cap() -> None:
    base = load_corpus().reviews[0]
    short = [replace(base, critic="Ann Lee", outlet="Cue"), replace(base, critic="Bo", outlet="Daily")]
    assert longest_names(short) == (len("Ann Lee"), len("Daily"))
    assert longest_names([]) == (6, 6)
    long = short + [replace(base, critic="A" * 40, outlet="B" * 30)]
    assert longest_names(long) == (NAME_MAX, NAME_MAX)


def test_the_scan_stops_at_the_first_name_as_wide_as_the_cap() -> None:
    base = load_corpus().reviews[0]
    reviews = Counted([replace(base, critic="C" * NAME_MAX, outlet="O" * NAME_MAX)]
                      + [replace(base, critic="x", outlet="y")] * 999)
    Counted.looked = 0
    assert longest_names(reviews) == (NAME_MAX, NAME_MAX)
    assert Counted.looked == 2  # one review per column, not 2,000
