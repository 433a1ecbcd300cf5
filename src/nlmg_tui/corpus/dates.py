"""Find and normalise publication dates written in the common English forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "23rd", and "23 rd" (a superscript suffix set apart when the page was turned into text)
_DAY = r"(?P<day>\d{1,2})(?:(?:st|nd|rd|th)|\s(?:st|nd|rd|th)\b)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Dates run into other text ("Posted onMarch 3, 2011By Jane") still count: a month name may
# follow a lower-case letter when it starts with a capital, and a year may be followed by a word.
_WORD_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
_YEAR_END = r"(?!\d)"
_PATTERNS = [
    # Jan 22, 2011; "Dec 07,2007" (a stamp with no space after the comma)
    re.compile(_WORD_START + _MONTH + r"\s+" + _DAY + r"(?:,\s*|\s+)" + _YEAR + _YEAR_END, re.I),
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _YEAR_END, re.I),
    re.compile(r"(?<![\d-])" + _DAY + r"-" + _MONTH + r"-" + _YEAR + _YEAR_END, re.I),  # 18-Mar-2011
    # 2011-06-21, 2011/06/21 (one separator throughout)
    re.compile(r"(?<![\d/])" + _YEAR + r"(?P<ymd>[-/])(?P<month_num>\d\d)(?P=ymd)(?P<day>\d\d)(?![\d/])"),
]
# 03/04/2011, 3.4.2011, and two-digit years (03/04/11) when the page is about a recent film.
# Both separators are the same: "6.25/10" is a score, not 25 June 2010.
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)"
    r"(?![\d/.]|\.\d)"
)
# "07 Feb 11": a day, a month's name and a two-digit year (read only inside ``years``).
_SHORT_YEAR = re.compile(r"(?<![\d:/.])(?P<day>\d{1,2})\s+" + _MONTH.replace("(?P<month>", "(?P<short_month>")
                         + r"\s+(?P<year>\d\d)(?![\d:/.%])", re.I)

# 01-02-2011: a forum's stamp (vBulletin). Only with a four-digit year: "3-4-11" is a score or
# a range as often as a date.
_DASHED = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<year>(?:19|20)\d\d)(?![\d-])")

# Lines that date something other than the review itself.
NOT_PUBLICATION = re.compile(
    r"\b(release[sd]?|premiere[sd]?|opens?|opening|modified|updated|edited|theat(?:er|re)s|"
    r"sneak preview|"
    r"on (?:dvd|blu-?ray|4k|vod|digital)|festival|born|died)\b"
    r"|\b(?:dvd|blu-?ray|vod)\s*:\s*(?:[a-z]{3,9}\.? \d|\d)",  # "DVD: June 3, 2011"
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    text: str


def find_date(text: str, day_first: bool | None = None,
              years: tuple[int, int] | None = None) -> FoundDate | None:
    """The first well-formed date in ``text``.

    Numeric dates (``03/04/2011``) are read day-first only when ``day_first`` says so (a page's
    locale clue, or the order of its other numeric dates); when unknown, a numeric date is
    accepted only if one order is impossible. ``years`` is the plausible window for the review
    (around the film's release): a two-digit year is read only inside it.
    """
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = (
                int(parts["month_num"]) if parts.get("month_num") else MONTHS[parts["month"].lower()]
            )
            found = _make(int(parts["year"]), month, int(parts["day"]), match.group(0))
            if found:
                return found
    for match in _SHORT_YEAR.finditer(text):
        short_year = _full_year(match["year"], years)
        named = MONTHS.get(match["short_month"].lower())
        found = (_make(short_year, named, int(match["day"]), match.group(0))
                 if short_year and named else None)
        if found:
            return found
    for match in (*_NUMERIC.finditer(text), *_DASHED.finditer(text)):
        a, b = int(match["a"]), int(match["b"])
        year = _full_year(match["year"], years)
        order = numeric_order(a, b) if day_first is None else day_first
        if year is None or order is None:
            continue
        day, month = (a, b) if order else (b, a)
        found = _make(year, month, day, match.group(0))
        if found:
            return found
    return None


def numeric_order(a: int, b: int) -> bool | None:
    """True when ``a/b`` can only be day/month, False when only month/day, else None (either
    order reads the same date when ``a == b``: day first, then)."""
    if a == b or a > 12 >= b:
        return True
    if b > 12 >= a:
        return False
    return None


def page_day_first(text: str) -> bool | None:
    """The order the page's own unambiguous numeric dates use (25/12/2010 -> day first)."""
    orders = {numeric_order(int(m["a"]), int(m["b"])) for m in _NUMERIC.finditer(text)
              if m["a"].lstrip("0") != m["b"].lstrip("0")} - {None}
    return orders.pop() if len(orders) == 1 else None


def _full_year(digits: str, years: tuple[int, int] | None) -> int | None:
    if len(digits) == 4:
        return int(digits)
    if years is None:
        return None
    for century in (2000, 1900):
        if years[0] <= century + int(digits) <= years[1]:
            return century + int(digits)
    return None


def _make(year: int, month: int, day: int, text: str) -> FoundDate | None:
    try:
        return FoundDate(date(year, month, day).isoformat(), text)
    except ValueError:
        return None


# A news dateline opening the review's first paragraph, perhaps inside its opening quote and
# after a place: "March 3, 2011 - The film ...", '"LONDON, March 3, 2011 -- The film ...'.
_DATELINE_HEAD = re.compile(r"^[\"“]?(?:[A-Z][A-Za-z .]{1,30},\s*)?$")
_DATELINE_DASH = re.compile(r"^\s*(?:[-–—]{1,2}|:)\s+\S")


def opening_dateline(paragraph: str, day_first: bool | None = None,
                     years: tuple[int, int] | None = None) -> FoundDate | None:
    """The date of a dateline opening ``paragraph``, or None."""
    head = paragraph[:60]
    found = find_date(head, day_first=day_first, years=years)
    if found is None:
        return None
    at = head.find(found.text)
    after = paragraph[at + len(found.text):]
    if at < 0 or not _DATELINE_HEAD.match(head[:at]) or not _DATELINE_DASH.match(after):
        return None
    return found
