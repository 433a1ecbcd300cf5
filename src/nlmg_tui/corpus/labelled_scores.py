"""Ratings printed without a scale or with a site's own marks, read only behind a label or as a
whole line, so that a number in prose is never taken for one.

- "Score: 85", "Rating: 1.5", "My rating: 7": a labelled number alone on its line; its scale is
  the smallest of five, ten and a hundred that holds it (never 12, 13, 15, 16 or 18 after
  "Rating": those are certificates).
- "GPA 3.5": grade points, over four.
- "Rating: NNNN": a rating label, then one letter repeated (a site printing its stars as
  letters), out of five.
- "Nine popcorn buckets out of 10.": a sentence that is nothing but a count of the critic's own
  unit out of a scale.
- "The Film - B+": a grade with a plus or minus closing a short heading after a dash.
- "It gets two stars", "two stars from me": stars counted in words, only when given (a verb
  of giving before them, or "from me" after them: "the two stars" are actors), out of five;
  "Three and a half stars (out of four)", "Rating: Four stars": the same as a whole line.
"""

from __future__ import annotations

import re

_CERTIFICATES = {12, 13, 15, 16, 18}
_LABELLED_NUMBER = re.compile(
    r"^(?P<label>(?:my |our |final |overall )?(?:rating|score|grade|verdict|stars))\s*(?::|\s[-–—])\s*"
    r"(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*\.?$", re.I)
_GPA = re.compile(r"\bGPA\s*:?\s*(?P<score>[0-4](?:\.\d{1,2})?)(?![\d.]*\d)")
_LETTER_MARKS = re.compile(r"\b(?:rating|score|stars)\s*:?\s*(?P<marks>(?P<mark>[A-Za-z])(?P=mark){1,4})\b",
                           re.I)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_UNIT_OUT_OF = re.compile(
    r"^(?P<score>\d{1,2}(?:\.\d)?|" + "|".join(_WORD_NUMBERS) + r")(?P<half> and a half)?"
    r"(?P<unit>(?: [A-Za-z][\w'’-]*){1,4}) out of (?P<scale>4|5|10|100|four|five|ten)\s*[.!]?$", re.I)
_STAR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
def _star_count(score: str, half: str) -> str:
    """"two stars", "two and a half stars", "two-and-a-half-star", in groups of the given names."""
    return (r"(?P<" + score + r">" + "|".join(_STAR_WORDS) + r")(?P<" + half
            + r">[ -]and[ -]a[ -]half)?[ -]stars?\b")


_STAR_COUNT = _star_count("score", "half")
_GIVEN_STARS = re.compile(
    r"\b(?:(?:gets?|earns?|deserves?)\s+(?:a\s+)?|(?:give[sn]?|rated?|award(?:s|ed)?)\s+"
    r"(?:it|this(?: one| film| movie)?|the (?:film|movie))\s+(?:a\s+)?)" + _STAR_COUNT
    + r"|\b(?:giv(?:e[sn]?|ing)|gave|rat(?:e[sd]?|ing)|award(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){1,6}?"
    + _star_count("score4", "half4") + r"(?=\s*(?:[.!]|$))"
    + r"|" + _star_count("score2", "half2")
    + r"(?= (?:from|for) (?:me|us)\b)"
    + r"|\ban? " + _star_count("score3", "half3")
    + r"(?= (?:film|movie|picture|effort|experience)\b)", re.I)
_STARS_LINE = re.compile(
    r"^(?:(?:my |our |final )?(?:rating|verdict|score|stars)\s*:?\s*)?" + _STAR_COUNT
    + r"(?:\s*\(?out of (?P<scale>four|five|4|5)\)?)?\s*[.!]?$", re.I)
# "Movie: three stars", "By Jo | May 3 | Our rating: Two And A Half Stars", "(My rating: two
# stars)", "(One star.)": stars counted in words behind a short label or an opening bracket,
# closing the line, a field or the brackets.
_LABELLED_STAR_WORDS = re.compile(
    r"(?:(?:^|[|·•(\[]\s*)[A-Za-z][\w'’ ]{1,30}?\s*(?::|\s[-–—])|[(\[])\s*" + _star_count("score", "half")
    + r"(?:\s*\(?out of (?P<scale>four|five|4|5)\)?)?(?=\s*(?:$|[|·•.!)\]])|\s[-–—]\s)", re.I)
_DASH_GRADE = re.compile(r"^(?P<title>\S.{1,60}?)\s+[-–—]\s+(?P<grade>[A-DF][+-])$")
_MAX_DASH_GRADE_WORDS = 10


Found = tuple[str, float, str, int, int]


def labelled_scores(text: str) -> list[Found]:
    """(text, value, scale, start, end) for each such rating in ``text``."""
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    found = _labelled_number(stripped, offset)
    for gpa in _GPA.finditer(text):
        found.append((gpa.group(0), round(float(gpa["score"]) / 4, 4), "4", gpa.start(), gpa.end()))
    for marks in _LETTER_MARKS.finditer(text):
        found.append((marks["marks"], round(len(marks["marks"]) / 5, 4), "marks-5",
                      marks.start("marks"), marks.end("marks")))
    line = _STARS_LINE.match(stripped)
    if line:
        stars = _STAR_WORDS[line["score"].casefold()] + (0.5 if line["half"] else 0.0)
        scale = _number(line["scale"]) if line["scale"] else 5.0
        if stars <= scale:
            found.append((stripped, round(stars / scale, 4), f"stars-{scale:g}", offset,
                          offset + len(stripped)))
        return found
    return found + _labelled_star_words(text) + _given_stars(text) + _unit_out_of(stripped, offset)


def _labelled_star_words(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _LABELLED_STAR_WORDS.finditer(text):
        stars = _STAR_WORDS[match["score"].casefold()] + (0.5 if match["half"] else 0.0)
        scale = _number(match["scale"]) if match["scale"] else 5.0
        if stars <= scale:
            found.append((text[match.start("score"):match.end()], round(stars / scale, 4),
                          f"stars-{scale:g}", match.start("score"), match.end()))
    return found


def _labelled_number(stripped: str, offset: int) -> list[Found]:
    match = _LABELLED_NUMBER.match(stripped)
    if match is None:
        return []
    score = float(match["score"])
    label = match["label"].casefold()
    certificate = score in _CERTIFICATES and label.endswith("rating")
    scale = next((s for s in ((5,) if label == "stars" else (5, 10, 100)) if score <= s), None)
    if scale is None or certificate or score <= 0:
        return []
    return [(match["score"], round(score / scale, 4), str(scale), offset + match.start("score"),
             offset + match.end("score"))]


def _given_stars(text: str) -> list[Found]:
    found: list[Found] = []
    for given in _GIVEN_STARS.finditer(text):
        which = next(key for key in ("score", "score2", "score3", "score4") if given[key])
        stars: float = _STAR_WORDS[given[which].casefold()]
        stars += 0.5 if given["half" + which[5:]] else 0.0
        start = given.start(which)
        found.append((text[start:given.end()], round(stars / 5, 4), "stars-5", start, given.end()))
    return found


def _unit_out_of(stripped: str, offset: int) -> list[Found]:
    unit = _UNIT_OUT_OF.match(stripped)
    if unit is None or any(ch.isdigit() for ch in unit["unit"]):
        return []
    score = _number(unit["score"]) + (0.5 if unit["half"] else 0.0)
    scale = _number(unit["scale"])
    if not 0 < score <= scale:
        return []
    return [(stripped, round(score / scale, 4), f"{scale:g}", offset, offset + len(stripped))]


def dash_grade(text: str) -> tuple[str, int, int] | None:
    """The grade closing a short heading ("The Film - B+"): (grade, start, end), or None."""
    match = _DASH_GRADE.match(text.strip())
    if match is None or len(match["title"].split()) > _MAX_DASH_GRADE_WORDS:
        return None
    offset = text.find(text.strip())
    return match["grade"], offset + match.start("grade"), offset + match.end("grade")


_PAIR = re.compile(r"^(?P<a>\d{1,3}(?:\.\d)?) (?P<b>\d{1,3}(?:\.\d)?)$")
_SCALES = (4.0, 5.0, 10.0, 100.0)


def bare_pair(text: str) -> tuple[float, str] | None:
    """A score and its scale with the slash lost ("7 10", or "5 3.5" from a star widget that
    prints its scale first): (value, scale), or None. Read only on a header line of its own."""
    match = _PAIR.match(text.strip())
    if match is None:
        return None
    a, b = float(match["a"]), float(match["b"])
    for score, scale in ((a, b), (b, a)):
        if scale in _SCALES and 0 < score <= scale and score not in _SCALES[2:]:
            return round(score / scale, 4), f"{scale:g}"
    return None


def _number(word: str) -> float:
    return float(_WORD_NUMBERS.get(word.casefold(), 0) or word)
