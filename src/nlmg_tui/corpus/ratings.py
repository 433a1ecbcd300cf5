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
_WORD_NUMBERS = {"zero": 0, "half": 0.5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WORD_NUMBER = r"(?:" + "|".join(_WORD_NUMBERS) + r"|\d(?:\.\d)?)"
_WORDS = re.compile(
    r"\b(?P<score>" + _WORD_NUMBER + r")(?P<half> and a half)?(?: stars?)? out of (?P<scale>"
    + _WORD_NUMBER + r")(?: stars?)?\b",
    re.I,
)
# Asterisks as stars, unspaced ("****", "***½"); a spaced row ("* * * * *") is a rating widget.
_ASTERISKS = re.compile(
    r"(?:^|(?<=[\s:]))(?<!\*\s)(?P<stars>\*{1,5})(?P<half>½|1/2)?(?!\s\*)(?=\s*$|\s*[(.,]|\s+out\b)"
)
_GRADES = ["F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"]
_GRADE = re.compile(
    r"\b(?:grade|rating|score|verdict)\s*:?\s*(?P<grade>[A-DF][+-]?)(?![\w-])"
    r"(?:\s*\((?P<word>[A-Za-z ]{2,20})\))?",
    re.I,
)
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
    for match in _WORDS.finditer(text):
        score = _WORD_NUMBERS.get(match["score"].casefold())
        score = float(match["score"]) if score is None else score
        score += 0.5 if match["half"] else 0.0
        scale_word = match["scale"].casefold()
        scale = _WORD_NUMBERS.get(scale_word) or float(scale_word)
        if scale > 0 and score <= scale and not _overlaps(found, match.start(), match.end()):
            found.append(FoundRating(match.group(0), round(score / scale, 4), f"{scale:g}",
                                     _label_after(text, match.end()), match.start(), match.end()))
    for match in _ASTERISKS.finditer(text):
        stars = len(match["stars"]) + (0.5 if match["half"] else 0.0)
        found.append(FoundRating(match.group(0), round(stars / 5, 4), "stars-5",
                                 _label_after(text, match.end()), match.start(), match.end()))
    for match in _GRADE.finditer(text):
        grade = match["grade"].upper()
        found.append(FoundRating(match.group(0)[match.start("grade") - match.start():],
                                 round(_GRADES.index(grade) / (len(_GRADES) - 1), 4), "letter",
                                 match["word"], match.start("grade"), match.end()))
    for match in _STAR_GLYPHS.finditer(text):
        full = len(match.group(1))
        half = 0.5 if match.group(2) else 0.0
        scale = 5 if full + len(match.group(3)) + (1 if half else 0) <= 5 else 10
        found.append(
            FoundRating(match.group(0), round((full + half) / scale, 4), f"stars-{scale}",
                        _label_after(text, match.end()), match.start(), match.end())
        )
    return found


def _overlaps(found: list[FoundRating], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


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
