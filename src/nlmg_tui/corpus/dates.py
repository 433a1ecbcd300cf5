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
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),  # Jan 22, 2011
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),  # 21 Jun 2011
    re.compile(r"\b" + _YEAR + r"-(?P<month_num>\d\d)-(?P<day>\d\d)(?!\d)"),  # 2011-06-21
]
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b")

# Lines that date something other than the review itself.
NOT_PUBLICATION = re.compile(
    r"\b(release[sd]?|premiere[sd]?|opens?|opening|modified|updated|edited|in theaters|"
    r"on dvd|festival|born|died)\b",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    text: str


def find_date(text: str, day_first: bool | None = None) -> FoundDate | None:
    """The first well-formed date in ``text``.

    Numeric dates (``03/04/2011``) are read day-first only when ``day_first`` says so (a page's
    locale clue); when unknown, a numeric date is accepted only if one order is impossible.
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
    for match in _NUMERIC.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if day_first is None:
            if a > 12 >= b:
                day_first = True
            elif b > 12 >= a:
                day_first = False
            else:
                continue
        day, month = (a, b) if day_first else (b, a)
        found = _make(year, month, day, match.group(0))
        if found:
            return found
    return None


def _make(year: int, month: int, day: int, text: str) -> FoundDate | None:
    try:
        return FoundDate(date(year, month, day).isoformat(), text)
    except ValueError:
        return None
