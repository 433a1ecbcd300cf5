"""Read a critic's rating as printed and normalise it to 0..1.

A site's aggregate ("7.1 / 10 - Overall Rating") is told apart by its label; a certificate
("Rated: R", "12A") is never a rating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(\d{1,3}(?:\.\d+)?)"
_FRACTION = re.compile(_NUMBER + r"\s*(?:/|out of)\s*(10|5|4|100)\b(?!\s*/)", re.I)
_STAR_GLYPHS = re.compile(r"(?<![★☆])([★]{1,5})(½)?([☆]*)(?![★☆])")
AGGREGATE_LABEL = re.compile(
    r"\b(overall|average|avg|users?|readers?|audience|community|members?|votes?|imdb|metascore)"
    r"\b[\w ]*\b(rating|score)?",
    re.I,
)


@dataclass(frozen=True)
class FoundRating:
    text: str
    value: float
    scale: str
    label: str | None
    start: int
    end: int


def find_ratings(text: str) -> list[FoundRating]:
    """Every rating-shaped span in ``text``, with the label that follows it on the line if any."""
    found: list[FoundRating] = []
    for match in _FRACTION.finditer(text):
        score, scale = float(match.group(1)), float(match.group(2))
        if score > scale:
            continue
        label = _label_after(text, match.end()) or _label_before(text, match.start())
        found.append(
            FoundRating(match.group(0), round(score / scale, 4), match.group(2), label,
                        match.start(), match.end())
        )
    for match in _STAR_GLYPHS.finditer(text):
        full = len(match.group(1))
        half = 0.5 if match.group(2) else 0.0
        scale = 5 if full + len(match.group(3)) + (1 if half else 0) <= 5 else 10
        found.append(
            FoundRating(match.group(0), round((full + half) / scale, 4), f"stars-{scale}",
                        _label_after(text, match.end()), match.start(), match.end())
        )
    return found


def is_aggregate(found: FoundRating) -> bool:
    return bool(found.label and AGGREGATE_LABEL.search(found.label))


def _label_after(text: str, end: int) -> str | None:
    """A short label right after a rating: ``7.1 / 10 - Overall Rating``."""
    match = re.match(r"\s*[-–—:|]\s*([A-Za-z][A-Za-z ]{2,40})\s*$", text[end:])
    return match.group(1).strip() if match else None


def _label_before(text: str, start: int) -> str | None:
    """A short label right before a rating: ``User rating: 7/10``."""
    match = re.search(r"([A-Za-z][A-Za-z ]{2,30})\s*[:\-–]\s*$", text[:start])
    return match.group(1).strip() if match else None
